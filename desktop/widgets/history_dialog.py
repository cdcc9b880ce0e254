"""The earlier versions of one record, newest first: when, who, what happened and each field's
value before and after, in the words of the page's own form. Read-only.

The versions come from `models.security.history` (kept by the audit hook for criticisms,
accountability cases and problems), read on the DB worker."""

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.data.reference import Reference
from desktop.errors import show_error
from desktop.widgets.fields import FieldSpec
from desktop.widgets.record_model import format_value
from models.security.history import RecordVersionView

COL_WHEN, COL_WHO, COL_WHAT, COL_BEFORE, COL_AFTER = range(5)
VERSION_BRUSH = QBrush(QColor("#eef2f7"))  # a version's own line, above its field changes
_ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("RecordHistoryDialog", "Created"),
    "update": QT_TRANSLATE_NOOP("RecordHistoryDialog", "Changed"),
    "delete": QT_TRANSLATE_NOOP("RecordHistoryDialog", "Deleted"),
}


def local_time(utc_text: str) -> str:
    """A version's UTC time as stored, in the computer's local time to the minute."""
    try:
        at = datetime.fromisoformat(utc_text)
    except (TypeError, ValueError):
        return str(utc_text or "")
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def _name_of(rows: list[dict], row_id: Any) -> str:
    for row in rows:
        if row["id"] == row_id:
            return row.get("path") or row["name"]
    return str(row_id)


def display_value(spec: FieldSpec, raw: Any, reference: Reference) -> str:
    """A stored value as the page shows it: enum labels, unit and campaign names, local times."""
    if raw is None or raw == "" or raw == []:
        return ""
    kind = spec.kind
    if kind in ("unit", "campaign", "team"):
        rows = {"unit": reference.units, "campaign": reference.campaigns,
                "team": reference.teams}[kind]
        return _name_of(rows, raw)
    if kind == "datetime":
        return local_time(raw)
    if kind == "date":
        return str(raw)[:10]
    return format_value(kind, raw)


def _action(op: str) -> str:
    return QCoreApplication.translate("RecordHistoryDialog", _ACTIONS[op]) if op in _ACTIONS \
        else op


class RecordHistoryDialog(QDialog):
    """`fields` are the page's form fields (with any the page changes by other means, such as a
    problem's status); fields outside them are bookkeeping and not shown."""

    def __init__(self, parent, fields: list[FieldSpec], reference: Reference) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History"))
        self._fields = fields
        self._reference = reference
        self.heading = QLabel(objectName="historyHeading")
        self.heading.setWordWrap(True)
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        # A table, not a tree: QTreeView does not grow a row for wrapped text, and a before or
        # after value is often a sentence or two.
        self.table = QTableWidget(0, 5, objectName="historyTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("What happened"), self.tr("Before"),
            self.tr("After")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in ((COL_WHEN, 130), (COL_WHO, 90), (COL_WHAT, 140),
                              (COL_BEFORE, 230)):
            self.table.setColumnWidth(column, width)
        # Wrapped rows take the height their text needs at the columns' current widths.
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        self.status = QLabel(self.tr("Loading…"), objectName="historyStatus")
        note = QLabel(self.tr("A change made on another device shows here once it arrives by "
                              "sync; several changes made there between two syncs show as one."),
                      objectName="historyNote")
        note.setWordWrap(True)
        note.setEnabled(False)  # drawn greyed: a remark, not content
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(860, 520)  # fits a 1366×768 screen

    def unreadable(self, exc: BaseException) -> None:
        """The versions could not be read: said in the dialog and by the one error display."""
        self.status.setText(self.tr("The history could not be read."))
        show_error(self, exc)

    def show_versions(self, versions: list[RecordVersionView]) -> None:
        self.versions = list(reversed(versions))  # newest first
        self.table.setRowCount(0)
        if self.versions:
            self.heading.setText(self._caption(self.versions[0].values))
        for version in self.versions:
            self._add_version(version)
        self.table.resizeRowsToContents()
        if not self.versions:
            self.status.setText(self.tr("No earlier versions are kept for this record."))
        else:
            # Explicit context: PySide's self.tr() misses numerus forms.
            self.status.setText(QCoreApplication.translate(
                "RecordHistoryDialog", "%n version(s), newest first", "", len(self.versions)))

    def _caption(self, values: dict) -> str:
        for spec in self._fields:
            if spec.kind in ("text", "multiline") and values.get(spec.key):
                text = " ".join(str(values[spec.key]).split())
                return text if len(text) <= 80 else text[:79] + "…"
        return ""

    def _add_row(self, texts: list[str]) -> list[QTableWidgetItem]:
        row = self.table.rowCount()
        self.table.insertRow(row)
        items = []
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.table.setItem(row, column, item)
            items.append(item)
        return items

    def _add_version(self, version: RecordVersionView) -> None:
        items = self._add_row([local_time(version.at), version.profile, _action(version.op),
                               "", ""])
        font = QFont(items[COL_WHAT].font())
        font.setBold(True)
        items[COL_WHAT].setFont(font)
        for item in items:
            item.setBackground(VERSION_BRUSH)
        for label, before, after in self.changes(version):
            self._add_row(["", "", label, before, after])

    def changes(self, version: RecordVersionView) -> list[tuple[str, str, str]]:
        """(label, before, after) per field shown: a new record's values, an edit's changes."""
        out = []
        empty = self.tr("(empty)")
        for spec in self._fields:
            if version.op == "insert":
                after = display_value(spec, version.values.get(spec.key), self._reference)
                if after:
                    out.append((spec.label, "", after))
            elif spec.key in version.changed:
                before, after = (display_value(spec, v, self._reference)
                                 for v in version.changed[spec.key])
                out.append((spec.label, before or empty, after or empty))
        return out
