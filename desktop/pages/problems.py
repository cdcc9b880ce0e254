"""Problems from report to closure (the lower half of the rectification ledger):
overdue problems stand out and status changes follow the workflow rules."""

import asyncio
from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QPushButton

from desktop.labels import choices
from desktop.operations import store_op
from desktop.pages.make_problem import show_sources
from desktop.pages.record_page import RecordPage
from desktop.widgets.asking import ask_text
from desktop.widgets.fields import FieldSpec
from desktop.widgets.record_form import RecordFormDialog
from desktop.widgets.slots import widget_slot
from models import rules, services
from models.enums import DeviceRole, ProblemSource, ProblemStatus
from models.records import Problem


class ProblemsPanel(RecordPage):
    panel_id = "problems"
    list_name = "problems"
    model = Problem
    keeps_history = True

    def dialog_titles(self) -> tuple[str, str]:
        return self.tr("New problem"), self.tr("Edit problem")

    def title(self) -> str:
        return self.tr("Problems")

    def filters(self) -> list[tuple]:
        return [("search",), ("campaign",),
                ("enum", "status", "ProblemStatus", self.tr("Status")), ("unit",),
                ("flag", "overdue", self.tr("Overdue only")), ("dates",)]

    def fields(self) -> list[FieldSpec]:
        return [
            # Blank: the campaign's next number (models/ledger_numbers.py).
            FieldSpec("ledger_no", self.tr("Ledger number")),
            FieldSpec("description", self.tr("Problem"), "multiline"),
            FieldSpec("source", self.tr("Source"), "enum:ProblemSource", required=True),
            FieldSpec("unit_id", self.tr("Responsible unit"), "unit"),
            FieldSpec("responsible_person", self.tr("Responsible person")),
            FieldSpec("measures", self.tr("Rectification measures"), "multiline"),
            FieldSpec("reported_on", self.tr("Reported"), "date", required=True),
            FieldSpec("deadline", self.tr("Deadline"), "date"),
            FieldSpec("progress_notes", self.tr("Progress notes"), "multiline"),
            FieldSpec("verification", self.tr("Verification"), "multiline"),
            FieldSpec("campaign_id", self.tr("Campaign"), "campaign"),
            # HQ's judgement (models/confidential.py): public outputs redact the problem.
            FieldSpec("confidential_source", self.tr("Confidential source"), "bool",
                      read_only=not self.may_flag_confidential()),
            *self.reply_fields(),
            *self.assignment_fields(),
        ]

    def assignment_fields(self) -> list[FieldSpec]:
        """What the unit is told (issue 14 §1): HQ writes the text the unit reads of a problem
        whose source is confidential; the assignment notice sets its number and date. Read-only
        on every other device (HQ refuses them from it: `assignment_hq_only`)."""
        section, hq = self.tr("Assignment to the unit"), self.may_flag_confidential()
        return [FieldSpec("assignment_text", self.tr("What the unit reads"), "multiline",
                          read_only=not hq, section=section),
                FieldSpec("assignment_no", self.tr("Assignment notice number"), read_only=True,
                          section=section),
                FieldSpec("assigned_on", self.tr("Assigned on"), "date", read_only=True,
                          section=section)]

    def reply_fields(self) -> list[FieldSpec]:
        """The reply to the person whose opinion became the problem: HQ records it, every
        other device shows it read-only (HQ refuses it from them: `reply_hq_only`)."""
        section, hq = self.tr("Reply to the complainant"), self.may_flag_confidential()
        return [FieldSpec(key, label, kind, read_only=not hq, section=section)
                for key, label, kind in (
                    ("reply_method", self.tr("Reply method"), "enum:ReplyMethod"),
                    ("replied_on", self.tr("Replied on"), "date"),
                    ("replied_by", self.tr("Replied by"), "text"),
                    ("complainant_view", self.tr("Complainant's view"), "enum:ComplainantView"))]

    def may_flag_confidential(self) -> bool:
        """Only HQ sets whether a problem's source is confidential (HQ refuses it from
        any other device)."""
        return self.session.is_demo or self.session.device_role == DeviceRole.HQ

    def history_fields(self) -> list[FieldSpec]:
        """The form's fields and what Set status changes."""
        return self.fields() + [
            FieldSpec("status", self.tr("Status"), "enum:ProblemStatus"),
            FieldSpec("rectified_on", self.tr("Rectified on"), "date"),
            FieldSpec("reopen_reason", self.tr("Reason for reopening"), "multiline"),
        ]

    def defaults(self) -> dict:
        # The default deadline HQ set in the office settings (30 days until it sets one).
        deadline = date.today() + timedelta(days=self.session.reference.deadline_days)
        return {"reported_on": date.today(), "deadline": deadline,
                "source": ProblemSource.OTHER.value,
                "campaign_id": self.session.reference.open_campaign_id}

    def dialog_opened(self, dialog) -> None:
        """An existing problem's form lists where it came from (issue 14 §1)."""
        problem_id = getattr(dialog, "record_id", None)
        if problem_id:
            asyncio.ensure_future(show_sources(self, dialog, problem_id,
                                               self.may_flag_confidential()))

    def extra_buttons(self) -> list[QPushButton]:
        self.status_box = QComboBox(objectName="statusBox")
        for value, text in choices(ProblemStatus):
            self.status_box.addItem(text, value)
        self.status_button = QPushButton(self.tr("Set status"), objectName="statusButton")
        self.status_button.clicked.connect(self.change_status)
        self.import_button = QPushButton(self.tr("Import ledger…"), objectName="importButton")
        self.import_button.clicked.connect(self.open_import)
        return [self.status_box, self.status_button, self.import_button]

    def open_import(self) -> None:
        """A rectification ledger (台账) from a spreadsheet, previewed and checked first."""
        from desktop.spreadsheets.import_dialog import ImportDialog

        self.import_dialog = ImportDialog(self.session, "problems", self)
        self.import_dialog.imported.connect(lambda _report: self._saved())
        self.import_dialog.open()

    def open_new(self, preset: dict) -> None:
        """A problem pre-filled from an opinion (the ledger's opinion → problem step)."""
        values = {**self.defaults(), **{k: v for k, v in preset.items() if v is not None}}
        extra = {k: preset[k] for k in ("source_id",) if k in preset}

        async def save(v):
            record = {**v, **extra}
            await self.session.write(lambda w: services.create_record(w, Problem, record))
            self._saved()

        self._open_dialog(RecordFormDialog(self, self.tr("New problem"), self.fields(),
                                           self.session.reference, save, values,
                                           rules.text_limits(Problem)))

    @widget_slot()
    async def change_status(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        current = self.table_model.row_dict(rows[0].row()) if rows else None
        if current is None:
            return
        new_status = self.status_box.currentData()
        reason = None
        if rules.status_rank(new_status) < rules.status_rank(current["status"]):
            reason = await ask_text(self, self.tr("Reopen problem"),
                                    self.tr("Why is this problem reopened?"))
            if reason is None:
                return
        role = self.session.profile_role
        await store_op(self, self.session, lambda w: services.change_problem_status(
            w, current["id"], new_status, actor_role=role, reopen_reason=reason), write=True,
            success=lambda _: self._saved()).run()
