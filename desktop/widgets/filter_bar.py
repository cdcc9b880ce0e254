"""The row of filters above a list; it emits the filter dict the list's SQL understands."""

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

import models.enums as enums
from desktop.labels import choices
from desktop.widgets.date_edit import DateEdit


class FilterBar(QWidget):
    """Filters are tuples: ("search",), ("campaign",), ("unit",), ("dates",),
    ("enum", key, EnumName, label), ("flag", key, label); labels already translated."""

    changed = Signal(dict)

    def __init__(self, descriptors: list[tuple], reference, parent=None) -> None:
        super().__init__(parent)
        self._getters: dict[str, object] = {}
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self._emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for descriptor in descriptors:
            self._add(layout, descriptor, reference)
        layout.addStretch(1)

    def _add(self, layout, descriptor: tuple, reference) -> None:
        kind, *rest = descriptor
        if kind == "search":
            edit = QLineEdit(objectName="filter_search")
            # Says what it searches (desktop.data.lists.search_clause): any word of the text,
            # the unit's name, and the form number where the list has one.
            edit.setPlaceholderText(self.tr("Search text, unit names, numbers…"))
            edit.setToolTip(self.tr("Finds rows whose text or unit name contains what you type, "
                                    "or whose number starts with it."))
            edit.setClearButtonEnabled(True)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(
                edit.placeholderText()) + 40)  # the placeholder read whole, in either language
            edit.setMaximumWidth(280)
            edit.textChanged.connect(lambda _t: self._debounce.start())
            layout.addWidget(edit)
            self._getters["search"] = lambda: edit.text().strip()
        elif kind in ("campaign", "unit", "enum"):
            if kind == "enum":
                key, enum_name, text = rest
                items = choices(getattr(enums, enum_name))
            else:
                key = f"{kind}_id"
                text = self.tr("Campaign") if kind == "campaign" else self.tr("Unit")
                rows = reference.campaigns if kind == "campaign" else reference.units
                items = [(r["id"], r.get("path") or r["name"]) for r in rows]
            box = QComboBox(objectName=f"filter_{key}")
            box.addItem(self.tr("All: %1").replace("%1", text), None)
            for value, label in items:
                box.addItem(label, value)
            box.setMaximumWidth(220)
            box.currentIndexChanged.connect(lambda _i: self._emit())
            layout.addWidget(box)
            self._getters[key] = box.currentData
        elif kind == "dates":
            for key, text in (("date_from", self.tr("From")), ("date_to", self.tr("To"))):
                check = QCheckBox(text, objectName=f"filter_{key}_on")
                edit = DateEdit(QDate.currentDate(), objectName=f"filter_{key}")
                edit.setCalendarPopup(True)
                edit.setDisplayFormat("yyyy-MM-dd")
                edit.setEnabled(False)
                check.toggled.connect(edit.setEnabled)
                check.toggled.connect(lambda _c: self._emit())
                edit.dateChanged.connect(lambda _d: self._emit())
                layout.addWidget(check)
                layout.addWidget(edit)
                self._getters[key] = (
                    lambda c=check, e=edit: e.date().toPython() if c.isChecked() else None)
        elif kind == "flag":
            key, text = rest
            check = QCheckBox(text, objectName=f"filter_{key}")
            check.toggled.connect(lambda _c: self._emit())
            layout.addWidget(check)
            self._getters[key] = check.isChecked

    def filters(self) -> dict:
        return {key: get() for key, get in self._getters.items()}

    def _emit(self) -> None:
        self.changed.emit(self.filters())

