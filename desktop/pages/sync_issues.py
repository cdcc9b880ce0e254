"""What sync left for a person: entries HQ refused (with HQ's reason) and conflicts, shown
with both values side by side so the user can keep one (the choice syncs like any edit)."""

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.data import sync_issues as si
from desktop.data.sync_issues import HELD_BACK_CODES
from desktop.labels import label_of
from desktop.operations import store_op
from desktop.pages.base import ReloadingPage
from desktop.widgets.record_model import format_value
from desktop.widgets.slots import widget_slot
from models import enums
from models.enums import ProfileRole

# Field kinds shown through the enum labels, so both sides read in the window's language.
ENUM_FIELDS = {"level": "Level", "group": "RespondentGroup", "status": "ProblemStatus",
               "category": None, "kind": "VisitKind", "severity": "Severity",
               "sanction": "Sanction", "outcome": "Outcome"}


TABLE_LABELS = {
    "evaluation": QT_TRANSLATE_NOOP("SyncIssues", "Evaluation form"),
    "visit": QT_TRANSLATE_NOOP("SyncIssues", "Visit"),
    "finding": QT_TRANSLATE_NOOP("SyncIssues", "Finding"),
    "problem": QT_TRANSLATE_NOOP("SyncIssues", "Problem"),
    "opinion": QT_TRANSLATE_NOOP("SyncIssues", "Opinion"),
    "unit": QT_TRANSLATE_NOOP("SyncIssues", "Unit"),
    "campaign": QT_TRANSLATE_NOOP("SyncIssues", "Campaign"),
    "team": QT_TRANSLATE_NOOP("SyncIssues", "Inspection team"),
    "representative": QT_TRANSLATE_NOOP("SyncIssues", "Representative"),
    "personnel_criticism": QT_TRANSLATE_NOOP("SyncIssues", "Criticism"),
    "accountability_case": QT_TRANSLATE_NOOP("SyncIssues", "Accountability case"),
    "attachment": QT_TRANSLATE_NOOP("SyncIssues", "Attachment"),
    "office_settings": QT_TRANSLATE_NOOP("SyncIssues", "Office settings"),
    "checklist_template": QT_TRANSLATE_NOOP("SyncIssues", "Checklist template"),
    "checklist_item": QT_TRANSLATE_NOOP("SyncIssues", "Checklist item"),
    "checklist_result": QT_TRANSLATE_NOOP("SyncIssues", "Checklist result"),
    "problem_source": QT_TRANSLATE_NOOP("SyncIssues", "Problem source"),
    "problem_receipt": QT_TRANSLATE_NOOP("SyncIssues", "Receipt of an assignment"),
    "extension_request": QT_TRANSLATE_NOOP("SyncIssues", "Extension request"),
    "rectification_report": QT_TRANSLATE_NOOP("SyncIssues", "Rectification report"),
}


FIELD_LABELS = {
    "responsible_person": QT_TRANSLATE_NOOP("SyncIssues", "Responsible person"),
    "unit_id": QT_TRANSLATE_NOOP("SyncIssues", "Unit"),
    "deadline": QT_TRANSLATE_NOOP("SyncIssues", "Deadline"),
    "status": QT_TRANSLATE_NOOP("SyncIssues", "Status"),
    "measures": QT_TRANSLATE_NOOP("SyncIssues", "Rectification measures"),
    "description": QT_TRANSLATE_NOOP("SyncIssues", "Description"),
    "reopen_reason": QT_TRANSLATE_NOOP("SyncIssues", "Reason for reopening"),
    "level": QT_TRANSLATE_NOOP("SyncIssues", "Level"),
    "reason": QT_TRANSLATE_NOOP("SyncIssues", "Reason"),
    "suggestion": QT_TRANSLATE_NOOP("SyncIssues", "Suggestion"),
    "form_no": QT_TRANSLATE_NOOP("SyncIssues", "Form number"),
    "evaluated_on": QT_TRANSLATE_NOOP("SyncIssues", "Date"),
    "group": QT_TRANSLATE_NOOP("SyncIssues", "Respondent group"),
    "created_by": QT_TRANSLATE_NOOP("SyncIssues", "Entered by"),
    "created_at": QT_TRANSLATE_NOOP("SyncIssues", "Entered at"),
    "category": QT_TRANSLATE_NOOP("SyncIssues", "Category"),
    "name": QT_TRANSLATE_NOOP("SyncIssues", "Name"),
    "summary": QT_TRANSLATE_NOOP("SyncIssues", "Summary"),
    "place": QT_TRANSLATE_NOOP("SyncIssues", "Place"),
    "text": QT_TRANSLATE_NOOP("SyncIssues", "Opinion"),
    "confidential_source": QT_TRANSLATE_NOOP("SyncIssues", "Confidential source"),
}


def refusal_text(issue: dict) -> str:
    """Why HQ refused the entry, by its outcome code in the window's language (the one message
    table, models/messages/sync.py), with the field it names."""
    field = si.refused_field(issue)
    sentence = si.refusal_sentence(issue)
    return f"{field_label(field)}: {sentence}" if field else sentence


def field_label(name: str) -> str:
    text = FIELD_LABELS.get(name)
    return QCoreApplication.translate("SyncIssues", text) if text else name.replace("_", " ")


def table_label(name: str) -> str:
    text = TABLE_LABELS.get(name)
    return QCoreApplication.translate("SyncIssues", text) if text else name


def show_value(field: str, value, reference) -> str:
    if value is None:
        return ""
    if value == "deleted":
        return QCoreApplication.translate("SyncIssues", "(deleted at HQ)")
    if field.endswith("unit_id"):
        return reference.unit_path(value) or str(value)
    enum_name = ENUM_FIELDS.get(field)
    if enum_name:
        return label_of(getattr(enums, enum_name), value)
    if isinstance(value, list | dict):
        return ", ".join(str(v) for v in (value.values() if isinstance(value, dict) else value))
    return format_value("reason" if field == "reason" else "text", value)


class ConflictsPage(ReloadingPage):
    """The sync issues page: refused entries and conflicts (the class name is the
    translation context)."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.issues: list[dict] | None = None
        self.comparison: si.Comparison | None = None
        self.table = QTableWidget(0, 4, objectName="issueTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.show_selected)
        self.values = QTableWidget(0, 3, objectName="conflictValues")
        self.values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.values.verticalHeader().setVisible(False)
        self.values.setWordWrap(True)
        header = self.values.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Nothing waits for you: no refused entries, no conflicts."),
                            objectName="emptyNote")
        self.explain = QLabel(objectName="issueExplain")
        self.explain.setWordWrap(True)
        self.keep_hq = QPushButton(self.tr("Keep HQ's value"), objectName="keepHqButton")
        self.keep_mine = QPushButton(self.tr("Keep my value"), objectName="keepMineButton")
        self.dismiss = QPushButton(self.tr("Mark as settled"), objectName="settleButton")
        self.keep_hq.clicked.connect(lambda: self.choose(si.KEEP_HQ))
        self.keep_mine.clicked.connect(lambda: self.choose(si.KEEP_MINE))
        self.dismiss.clicked.connect(lambda: self.choose(si.SETTLED))
        self.may_settle = session.profile_role != ProfileRole.CLERK
        self.role_note = QLabel(self.tr("A supervisor settles conflicts."), objectName="hint")
        self.role_note.setVisible(not self.may_settle)
        buttons = QHBoxLayout()
        buttons.addWidget(self.role_note)
        buttons.addStretch(1)
        for b in (self.keep_hq, self.keep_mine, self.dismiss):
            buttons.addWidget(b)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("Both values"), objectName="sectionHeading"))
        lower_layout.addWidget(self.explain)
        lower_layout.addWidget(self.values, 1)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self._headers()
        self._update_buttons()

    def _headers(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Record"), self.tr("When"), self.tr("Reason from HQ")])
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 200)
        self.table.setColumnWidth(2, 130)
        self.values.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Value kept at HQ"), self.tr("Your value")])

    def is_ready(self) -> bool:
        return self.issues is not None

    def kind_text(self, issue: dict) -> str:
        if issue["code"] == si.SEQUENCE_REUSED:
            return self.tr("Not sent yet")
        if issue["code"] in HELD_BACK_CODES:
            return self.tr("Held back on this device")
        if issue["kind"] in ("rejected", "forbidden"):
            return self.tr("Refused by HQ")
        if issue["code"] == si.DUPLICATE:
            return self.tr("Same form number")
        return self.tr("Conflict")

    def reason_text(self, issue: dict) -> str:
        """HQ's reason for a refusal (its words); a conflict described in the window's."""
        if issue["code"] == si.SEQUENCE_REUSED:
            return self.tr("This store is a copy: enroll it again with a new code")
        if issue["code"] == "too_large":
            details = json.loads(issue.get("details") or "{}")
            return self.tr("Too large to send (%1 MB; one record may take %2 MB)").replace(
                "%1", f"{details.get('bytes', 0) / 2**20:.1f}").replace(
                "%2", f"{details.get('limit', 0) / 2**20:.1f}")
        if issue["kind"] != "conflict":
            if issue["code"] == si.OUT_OF_RANGE:
                return self.tr("%1 is out of range: HQ takes dates and times from 1900 to "
                               "2999.").replace("%1", field_label(si.refused_field(issue)))
            return refusal_text(issue)
        found = si.conflicts_of(issue)
        field = found[0].get("field", "") if found else ""
        if issue["code"] == si.DUPLICATE:
            return self.tr("Another form carries the same number")
        if found and found[0]["kind"] == si.DELETED:
            return self.tr("Deleted on one device, edited on another")
        return self.tr("%1 was changed on two devices").replace("%1", field_label(field))

    @widget_slot()
    async def reload(self) -> None:
        self.issues = await self.session.read(si.open_issues)
        self.table.setRowCount(len(self.issues))
        for row, issue in enumerate(self.issues):
            cells = [self.kind_text(issue),
                     f"{table_label(issue['table_name'])} {issue['row_id'][-8:]}",
                     issue["created_at"].astimezone().strftime("%Y-%m-%d %H:%M"),
                     self.reason_text(issue)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.empty.setVisible(not self.issues)
        self.show_selected()

    def selected_issue(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.issues[rows[0].row()] if rows and self.issues else None

    @widget_slot()
    async def show_selected(self) -> None:
        issue = self.selected_issue()
        comparison = None
        if issue is not None:
            comparison = await self.session.read(lambda c: si.compare(c, issue))
            if issue is not self.selected_issue():
                return
        self.comparison = comparison
        rows = comparison.rows if comparison else []
        self.values.setRowCount(len(rows))
        ref = self.session.reference
        for row, side in enumerate(rows):
            cells = [field_label(side.field), show_value(side.field, side.kept, ref),
                     show_value(side.field, side.mine, ref)]
            for col, text in enumerate(cells):
                self.values.setItem(row, col, QTableWidgetItem(text))
        self.values.resizeRowsToContents()
        self.explain.setText(self.explanation(issue, comparison))
        self._update_buttons()

    def explanation(self, issue: dict | None, comparison) -> str:
        if issue is None:
            return ""
        if issue["code"] == si.SEQUENCE_REUSED:
            return self.tr("HQ already holds a different change under this number from the "
                           "computer this store was restored or copied from. Nothing was lost: "
                           "the change is kept here. Enroll this computer again with a new "
                           "enrollment code from headquarters; the change is sent at the next "
                           "sync and this entry then settles itself.")
        if issue["code"] == "too_large":
            return self.tr("This record is too large to send to HQ, so it stays on this device "
                           "and the rest of your work was sent. Shorten its longest text; it "
                           "goes to HQ with that change.")
        if issue["code"] in HELD_BACK_CODES:
            return self.tr("HQ refused this record, so it stays on this device and the rest of "
                           "your work was sent: %1. Correct it; it goes to HQ with that "
                           "change.").replace("%1", issue["reason"])
        if comparison.kind == "refused":
            return self.tr("HQ refused this change and did not store it: %1").replace(
                "%1", refusal_text(issue))
        if comparison.kind == si.DUPLICATE:
            return self.tr("Two paper forms carry the same number. Keep one: the other is "
                           "voided.")
        if comparison.kind == si.DELETED:
            return self.tr("The record was deleted; the delete stands and the edit is shown "
                           "here.")
        return self.tr("The same field was changed on another device first. Keep one value; "
                       "your choice is sent to HQ at the next sync.")

    def _update_buttons(self) -> None:
        choices = self.comparison.choices if self.comparison else ()
        self.keep_hq.setVisible(si.KEEP_HQ in choices)
        self.keep_mine.setVisible(si.KEEP_MINE in choices)
        self.dismiss.setVisible(si.SETTLED in choices or not choices)
        for b in (self.keep_hq, self.keep_mine, self.dismiss):
            b.setEnabled(self.comparison is not None and (self.may_settle or b is self.dismiss))

    @widget_slot()
    async def choose(self, choice: str) -> None:
        issue, comparison = self.selected_issue(), self.comparison
        if issue is None or comparison is None:
            return
        reason = self.tr("Same paper form number keyed twice")
        role = self.session.profile_role  # the store checks the profile's own role too
        if await store_op(self, self.session, lambda w: si.settle(
                w, issue, comparison, choice, reason, actor_role=role), write=True).run():
            await self.reload()
            self.records_changed.emit()
