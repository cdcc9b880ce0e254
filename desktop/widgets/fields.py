"""Editors for one field of a record, reading and writing plain Python values."""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

import models.enums as enums
from desktop.labels import choices, reason_label
from desktop.widgets.date_edit import DateEdit, DateTimeEdit
from desktop.widgets.reps_checklist import RepresentativesChecklist


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # already translated
    # text multiline reason enum:<Name> date datetime unit township campaign team reps int
    # decimal bool
    kind: str = "text"
    required: bool = False
    read_only: bool = False  # shown, never written back (a field only HQ sets)
    section: str = ""  # already translated: a heading shown above the first field of a section


class Editor:
    """Wraps a widget with get/set of a Python value."""

    def __init__(self, widget: QWidget, get, set_) -> None:
        self.widget, self.get, self.set = widget, get, set_


def _combo(items: list[tuple[str | None, str]], editable: bool = False) -> QComboBox:
    box = QComboBox()
    for value, text in items:
        box.addItem(text, value)
    if editable:
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(box.model(), box)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        box.setCompleter(completer)
    return box


def _combo_editor(box: QComboBox) -> Editor:
    def get():
        if box.isEditable() and box.currentText() != box.itemText(box.currentIndex()):
            return None
        return box.currentData()

    def set_(value):
        i = box.findData(value)
        box.setCurrentIndex(max(i, 0))

    return Editor(box, get, set_)


def _optional(editor_widget, get_value, set_value, required: bool) -> Editor:
    if required:
        return Editor(editor_widget, get_value, lambda v: set_value(v) if v else None)
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    check = QCheckBox()
    check.setObjectName("fieldEnabled")
    check.toggled.connect(editor_widget.setEnabled)
    check.setChecked(False)
    editor_widget.setEnabled(False)
    layout.addWidget(check)
    layout.addWidget(editor_widget, 1)

    def set_(value):
        check.setChecked(value is not None)
        if value is not None:
            set_value(value)

    return Editor(holder, lambda: get_value() if check.isChecked() else None, set_)


def make_editor(spec: FieldSpec, reference) -> Editor:
    kind = spec.kind
    if kind == "multiline":
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(64)
        return Editor(edit, lambda: edit.toPlainText().strip(),
                      lambda v: edit.setPlainText(v or ""))
    if kind == "reason":
        return _reason_editor()
    if kind.startswith("enum:"):
        items = [] if spec.required else [(None, "")]
        items += choices(getattr(enums, kind[5:]))
        return _combo_editor(_combo(items))
    if kind in ("unit", "township", "campaign", "team"):
        rows = {"unit": reference.units, "campaign": reference.campaigns,
                "team": reference.teams,
                "township": [u for u in reference.units
                             if u.get("kind") == enums.UnitKind.TOWNSHIP]}[kind]
        items = [] if spec.required and rows else [(None, "")]
        items += [(r["id"], r.get("path") or r["name"]) for r in rows]
        return _combo_editor(_combo(items, editable=kind in ("unit", "township")))
    if kind == "date":
        edit = DateEdit(QDate.currentDate())
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return _optional(edit, lambda: edit.date().toPython(),
                         lambda v: edit.setDate(QDate(v)), spec.required)
    if kind == "datetime":
        edit = DateTimeEdit(QDateTime.currentDateTime())
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        return _optional(
            edit, lambda: edit.dateTime().toPython().astimezone(UTC),
            lambda v: edit.setDateTime(QDateTime(_local(v))), spec.required)
    if kind == "int":
        spin = QSpinBox()
        spin.setRange(0, 100000)
        return Editor(spin, spin.value, lambda v: spin.setValue(int(v or 0)))
    if kind == "decimal":  # a campaign's weights: 82.5 stays 82.5 (a QSpinBox cut it to 82)
        dspin = QDoubleSpinBox()
        dspin.setRange(-1000.0, 1000.0)  # out-of-range values reach the rule, which names them
        dspin.setDecimals(2)
        return Editor(dspin, dspin.value, lambda v: dspin.setValue(float(v or 0)))
    if kind == "bool":
        check = QCheckBox()
        return Editor(check, check.isChecked, lambda v: check.setChecked(bool(v)))
    if kind == "reps":
        return _reps_editor(reference)
    line = QLineEdit()
    return Editor(line, lambda: line.text().strip(), lambda v: line.setText(str(v or "")))


def _reason_editor() -> Editor:
    """A form's reason: a kiosk's reason shows as its label in the reader's language and is
    saved as its code again unless someone rewrites it."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(64)
    shown: dict[str, str] = {}  # the label on screen -> the stored code

    def set_(value) -> None:
        label = reason_label(value)
        shown.clear()
        if label != (value or ""):
            shown[label] = value
        edit.setPlainText(label)

    def get() -> str:
        text = edit.toPlainText().strip()
        return shown.get(text, text)

    return Editor(edit, get, set_)


def _local(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone().replace(tzinfo=None)
    return datetime(value.year, value.month, value.day)


def _reps_editor(reference) -> Editor:
    checklist = RepresentativesChecklist(reference)
    return Editor(checklist, checklist.ids, checklist.set_ids)
