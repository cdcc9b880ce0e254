"""Visits: planned and done, secret ones visibly confidential (seen only by HQ and the
representatives assigned while planned)."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
)

from desktop.operations import store_op
from desktop.pages.record_import import import_buttons
from desktop.pages.record_page import RecordPage
from desktop.pages.visit_checklist import ChecklistDialog
from desktop.widgets.fields import FieldSpec
from models.checklists import checklist_to_work
from models.enums import DeviceRole, VisitStatus
from models.records import Visit


class VisitsPage(RecordPage):
    list_name = "visits"
    model = Visit

    def dialog_titles(self) -> tuple[str, str]:
        return self.tr("New visit"), self.tr("Edit visit")

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        note = QLabel(self.tr("Secret visits are confidential (highlighted): while planned they "
                              "are seen only by headquarters and the representatives assigned."),
                      objectName="confidentialNote")
        note.setWordWrap(True)
        self.layout_.insertWidget(1, note)

    def extra_buttons(self) -> list[QPushButton]:
        self.checklist_button = QPushButton(self.tr("Checklist…"), objectName="checklistButton")
        self.checklist_button.setToolTip(self.tr(
            "Work through the selected visit's checklist; each failed item becomes a finding. "
            "(Ctrl+K)"))
        self.checklist_button.clicked.connect(self.open_checklist)
        # From the list without the mouse, as the form entry is keyed.
        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.open_checklist,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return import_buttons(self, "visits") + [self.checklist_button]

    def open_checklist(self) -> None:
        """The selected visit's checklist (issue 16 §2), offline like everything here."""
        visit_id = self.selected_id()
        if visit_id is None:
            return
        store_op(self, self.session, lambda c: checklist_to_work(c, visit_id),
                 success=lambda found: self._show_checklist(visit_id, *found)).run()

    def _show_checklist(self, visit_id: str, template, items, results) -> None:
        self.checklist_dialog = ChecklistDialog(self, self.session, visit_id, template, items,
                                                results)
        self.checklist_dialog.saved.connect(lambda _counts: self.records_changed.emit())
        self.checklist_dialog.open()

    def fixed_filters(self) -> dict:
        s = self.session
        if s.is_demo or s.device_role != DeviceRole.REPRESENTATIVE:
            return {}  # HQ (and the demo) see every visit, secret ones marked confidential
        return {"visible_to": s.representative_id or "-"}

    def filters(self) -> list[tuple]:
        return [("search",), ("enum", "kind", "VisitKind", self.tr("Kind")),
                ("enum", "status", "VisitStatus", self.tr("Status")), ("unit",), ("dates",)]

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("kind", self.tr("Kind"), "enum:VisitKind", required=True),
            FieldSpec("status", self.tr("Status"), "enum:VisitStatus", required=True),
            FieldSpec("unit_id", self.tr("Unit"), "unit"),
            FieldSpec("team_id", self.tr("Inspection team"), "team"),
            FieldSpec("representative_ids", self.tr("Representatives assigned"), "reps"),
            FieldSpec("visit_date", self.tr("Date"), "date"),
            FieldSpec("planned_at", self.tr("Planned time"), "datetime"),
            FieldSpec("actual_at", self.tr("Actual time"), "datetime"),
            FieldSpec("place", self.tr("Place")),
            FieldSpec("summary", self.tr("Summary"), "multiline"),
        ]

    def defaults(self) -> dict:
        values = {"status": VisitStatus.PLANNED.value, "visit_date": date.today()}
        return values | self._own_representative()

    def dialog_opened(self, dialog) -> None:
        """The checklist of representatives follows the visit's team (any team when none)."""
        team, reps = dialog.editors["team_id"], dialog.editors["representative_ids"].widget
        team.widget.currentIndexChanged.connect(lambda _i: reps.show_team(team.get()))
        reps.show_team(team.get())

    def _own_representative(self) -> dict:
        """On a representative's own laptop a new visit is theirs: them and their team."""
        s = self.session
        if s.device_role != DeviceRole.REPRESENTATIVE or not s.representative_id:
            return {}
        rep = next((r for r in s.reference.representatives
                    if r["id"] == s.representative_id), None)
        if rep is None:  # not synced to this laptop yet
            return {}
        return {"representative_ids": [rep["id"]], "team_id": rep.get("team_id")}
