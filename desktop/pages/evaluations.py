"""Evaluations: the forms, filterable by campaign, group, unit, level and date."""

from datetime import date

from PySide6.QtWidgets import QPushButton

from desktop.operations import store_op
from desktop.pages.record_page import RecordPage
from desktop.widgets.asking import ask_text
from desktop.widgets.fields import FieldSpec
from desktop.widgets.slots import widget_slot
from models import services
from models.enums import Criterion, EvaluationSource
from models.records import Evaluation


class EvaluationsPage(RecordPage):
    list_name = "evaluations"
    model = Evaluation

    def dialog_titles(self) -> tuple[str, str]:
        return self.tr("New evaluation form"), self.tr("Edit evaluation form")

    def filters(self) -> list[tuple]:
        return [("search",), ("campaign",),
                ("enum", "group", "RespondentGroup", self.tr("Respondent group")),
                ("unit",), ("enum", "level", "Level", self.tr("Level")), ("dates",)]

    def fields(self) -> list[FieldSpec]:
        criteria = {
            Criterion.DISCIPLINE: self.tr("Observes discipline"),
            Criterion.LAW: self.tr("Acts according to law"),
            Criterion.SERVICE: self.tr("Service quality"),
            Criterion.INTEGRITY: self.tr("Integrity and self-discipline"),
            Criterion.EFFICIENCY: self.tr("Work efficiency"),
        }
        return [
            FieldSpec("campaign_id", self.tr("Campaign"), "campaign", required=True),
            FieldSpec("form_no", self.tr("Form number")),
            FieldSpec("group", self.tr("Respondent group"), "enum:RespondentGroup", True),
            FieldSpec("unit_id", self.tr("Evaluated unit"), "unit", required=True),
            FieldSpec("level", self.tr("Level"), "enum:Level", required=True),
            *(FieldSpec(c.value, text, "enum:Level") for c, text in criteria.items()),
            FieldSpec("reason", self.tr("Reason for dissatisfaction"), "reason"),
            FieldSpec("suggestion", self.tr("Suggestion"), "multiline"),
            FieldSpec("evaluated_on", self.tr("Date"), "date", required=True),
            FieldSpec("source", self.tr("Source"), "enum:EvaluationSource", required=True),
        ]

    def defaults(self) -> dict:
        campaigns = self.session.reference.campaigns
        open_ones = [c for c in campaigns if c["is_open"]] or campaigns
        return {"campaign_id": open_ones[0]["id"] if open_ones else None,
                "evaluated_on": date.today(), "source": EvaluationSource.PAPER.value}

    def extra_buttons(self) -> list[QPushButton]:
        self.void_button = QPushButton(self.tr("Void…"), objectName="voidButton")
        self.void_button.clicked.connect(self.void_selected)
        self.import_button = QPushButton(self.tr("Import…"), objectName="importButton")
        self.import_button.clicked.connect(self.open_import)
        return [self.import_button, self.void_button]

    def open_import(self) -> None:
        """Paper forms from a spreadsheet, previewed and checked first (desktop/spreadsheets)."""
        from desktop.spreadsheets.import_dialog import ImportDialog

        self.import_dialog = ImportDialog(self.session, "evaluations", self)
        self.import_dialog.imported.connect(self._imported)
        self.import_dialog.open()

    @widget_slot(object)
    async def _imported(self, _report) -> None:
        await self.session.refresh_reference()  # an import may have made a campaign
        self._saved()

    @widget_slot()
    async def void_selected(self) -> None:
        row_id = self.selected_id()
        if row_id is None:
            return
        reason = await ask_text(self, self.tr("Void form"),
                                self.tr("Why is this form invalid?"))
        if reason is None:
            return
        await store_op(self, self.session, lambda w: services.void_evaluation(w, row_id, reason),
                       write=True, success=lambda _: self._saved()).run()
