"""A dialog that edits one record; errors from the domain rules appear under their fields."""

from collections.abc import Awaitable, Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import problem_text
from desktop.operations import errors_shown
from desktop.widgets.fields import FieldSpec, make_editor
from desktop.widgets.slots import widget_slot
from models.errors import ValidationError


class RecordFormDialog(QDialog):
    """`on_save(values)` is awaited; a ValidationError keeps the dialog open with its problems.
    `limits` ({field: most characters}, `models.rules.text_limits`): a one-line field stops
    taking characters there; a longer text is refused at save under its field."""

    def __init__(self, parent, title: str, fields: list[FieldSpec], reference,
                 on_save: Callable[[dict], Awaitable], values: dict | None = None,
                 limits: dict[str, int] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordForm")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._fields = fields
        self._on_save = on_save
        self.editors = {f.key: make_editor(f, reference) for f in fields}
        for key, limit in (limits or {}).items():
            widget = self.editors[key].widget if key in self.editors else None
            if isinstance(widget, QLineEdit):
                widget.setMaxLength(limit)
        self._errors: dict[str, QLabel] = {}
        form_host = QWidget()
        form = QFormLayout()
        host_layout = QVBoxLayout(form_host)
        host_layout.addLayout(form)
        # Spare height goes below the fields: stretched rows pushed a field away from its label.
        host_layout.addStretch(1)
        section = ""
        for f in fields:
            if f.section and f.section != section:
                form.addRow(QLabel(f.section, objectName="sectionHeading"))
            section = f.section
            editor = self.editors[f.key]
            editor.widget.setObjectName(f"field_{f.key}")
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            self._errors[f.key] = error
            column = QWidget()
            box = QVBoxLayout(column)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor.widget)
            box.addWidget(error)
            form.addRow(f.label + (" *" if f.required else ""), column)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        self.general_error = QLabel()
        self.general_error.setObjectName("fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_by_key)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        for key, value in (values or {}).items():
            if key in self.editors:
                self.editors[key].set(value)
        for f in fields:
            if f.read_only:
                self.editors[f.key].widget.setEnabled(False)
        # Fit a 1366×768 screen: never taller than the space under the title bar.
        self.resize(560, min(660, 120 + 62 * len(fields)))

    def values(self) -> dict:
        """What the person may change (read-only fields are left out)."""
        return {f.key: self.editors[f.key].get() for f in self._fields if not f.read_only}

    def field_labels(self) -> dict[str, str]:
        return {f.key: f.label for f in self._fields}

    def show_problems(self, exc: ValidationError) -> None:
        general = []
        for problem in exc.problems:
            label = self._errors.get(problem.field.split(".")[0])
            if label is not None:
                label.setText(problem_text(problem))
                label.show()
            else:
                general.append(problem_text(problem) if problem.code  # its text names it
                               else f"{problem.field}: {problem.message}")
        self.general_error.setText("\n".join(general))
        self.general_error.setVisible(bool(general))

    def clear_problems(self) -> None:
        for label in self._errors.values():
            label.hide()
        self.general_error.hide()

    def _save_by_key(self) -> None:
        """Ctrl+S saves, as the Save button does (not while a save is under way)."""
        if self.buttons.isEnabled():
            self.save()

    @widget_slot()
    async def save(self) -> None:
        self.clear_problems()
        self.buttons.setEnabled(False)
        try:  # a refusal beside its fields; every other error to the one error display
            with errors_shown(self, self.field_labels(), problems=self.show_problems) as saving:
                await self._on_save(self.values())
        finally:
            self.buttons.setEnabled(True)
        if not saving.failed:
            self.accept()
