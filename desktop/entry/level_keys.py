"""Widgets that take the digits 1–4 as key presses, never as text.

They refuse input-method events, so a Chinese input method left switched on cannot turn the
digits into candidate choices; full-width digits (１–４) are accepted as well."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from desktop.labels import label_of
from models.enums import Criterion, Level

LEVELS = tuple(Level)
_DIGITS = {"1": 0, "2": 1, "3": 2, "4": 3, "１": 0, "２": 1, "３": 2, "４": 3}
_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CLEAR = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
# Local style: the chosen level must be unmistakable whatever the application style sheet.
STYLE = """
#levelKeys, #criteriaKeys { border: 1px solid #b8b8b8; border-radius: 4px; background: #fff; }
#levelKeys[focused="true"], #criteriaKeys[focused="true"] { border: 2px solid #2f6fd0; }
#levelCell { font-size: 15px; border-radius: 4px; padding: 4px; color: #333; }
#levelCell[chosen="true"] { background: #2f6fd0; color: white; font-weight: bold; }
#criterionValue { font-weight: bold; color: #2f6fd0; }
"""


def key_index(event: QKeyEvent) -> int | None:
    """0–3 for the keys 1–4 (main row, keypad or full-width), else None."""
    if event.key() in _KEYS:
        return _KEYS[event.key()]
    return _DIGITS.get(event.text())


class _KeyFrame(QFrame):
    submitted = Signal()  # Enter pressed

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(STYLE)

    def focusInEvent(self, event) -> None:  # noqa: N802
        self.setProperty("focused", True)
        self._restyle(self)
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.setProperty("focused", False)
        self._restyle(self)
        super().focusOutEvent(event)

    @staticmethod
    def _restyle(widget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class LevelKeysWidget(_KeyFrame):
    """The form's overall level: 1 satisfied … 4 dissatisfied, shown as four cells."""

    level_changed = Signal(str)  # the Level value, "" when cleared (never None: see worker.py)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("levelKeys")
        self._level: Level | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.cells: list[QLabel] = []
        for i, level in enumerate(LEVELS):
            cell = QLabel(f"{i + 1}  {label_of(Level, level)}", objectName="levelCell")
            cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.setMinimumHeight(44)
            layout.addWidget(cell)
            self.cells.append(cell)

    def level(self) -> Level | None:
        return self._level

    def set_level(self, level: Level | str | None) -> None:
        self._level = Level(level) if level else None
        for cell, member in zip(self.cells, LEVELS, strict=True):
            cell.setProperty("chosen", member == self._level)
            self._restyle(cell)
        self.level_changed.emit(self._level.value if self._level else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        index = key_index(event)
        if index is not None:
            self.set_level(LEVELS[index])
        elif event.key() in _CLEAR:
            self.set_level(None)
        elif event.key() in _ENTER:
            self.submitted.emit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus()
        for cell, member in zip(self.cells, LEVELS, strict=True):
            if cell.geometry().contains(event.position().toPoint()):
                self.set_level(member)


class CriteriaKeysWidget(_KeyFrame):
    """The five optional criteria levels, keyed in order: 1–4 fill the next one, 0 or Space
    leaves it blank, Backspace takes back the last."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("criteriaKeys")
        self._values: list[Level | None] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.cells: list[QLabel] = []
        for criterion in Criterion:
            box = QVBoxLayout()
            name = QLabel(criterion_label(criterion), objectName="criterionName")
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value = QLabel("–", objectName="criterionValue")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(name)
            box.addWidget(value)
            layout.addLayout(box)
            self.cells.append(value)

    def values(self) -> dict[str, Level | None]:
        padded = self._values + [None] * (len(Criterion) - len(self._values))
        return {c.value: v for c, v in zip(Criterion, padded, strict=True)}

    def set_values(self, values: dict) -> None:
        keyed = [Level(values[c.value]) if values.get(c.value) else None for c in Criterion]
        while keyed and keyed[-1] is None:
            keyed.pop()
        self._values = keyed
        self._show()

    def clear(self) -> None:
        self._values = []
        self._show()

    def _show(self) -> None:
        for i, cell in enumerate(self.cells):
            value = self._values[i] if i < len(self._values) else None
            cell.setText(f"{LEVELS.index(value) + 1} {label_of(Level, value)}" if value else "–")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        index = key_index(event)
        full = len(self._values) >= len(Criterion)
        if index is not None and not full:
            self._values.append(LEVELS[index])
        elif event.key() in (Qt.Key.Key_0, Qt.Key.Key_Space) and not full:
            self._values.append(None)
        elif event.key() in _CLEAR and self._values:
            self._values.pop()
        elif event.key() in _ENTER:
            self.submitted.emit()
            return
        else:
            super().keyPressEvent(event)
            return
        self._show()


def criterion_label(criterion: Criterion) -> str:
    return {
        Criterion.DISCIPLINE: QCoreApplication.translate("EntryLabels", "Observes discipline"),
        Criterion.LAW: QCoreApplication.translate("EntryLabels", "Acts according to law"),
        Criterion.SERVICE: QCoreApplication.translate("EntryLabels", "Service quality"),
        Criterion.INTEGRITY: QCoreApplication.translate("EntryLabels", "Integrity"),
        Criterion.EFFICIENCY: QCoreApplication.translate("EntryLabels", "Work efficiency"),
    }[criterion]
