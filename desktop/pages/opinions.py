"""Opinions sorted into categories (the upper half of the rectification ledger); an
opinion can be made into a problem."""

from datetime import date

from PySide6.QtWidgets import QPushButton

from desktop.data import lists
from desktop.pages.record_import import import_buttons
from desktop.pages.record_page import RecordPage
from desktop.widgets.fields import FieldSpec
from desktop.widgets.slots import widget_slot
from models.enums import ProblemSource
from models.records import Opinion


class OpinionsPanel(RecordPage):
    panel_id = "opinions"
    list_name = "opinions"
    model = Opinion

    def dialog_titles(self) -> tuple[str, str]:
        return self.tr("New opinion"), self.tr("Edit opinion")

    def title(self) -> str:
        return self.tr("Opinions and suggestions")

    def filters(self) -> list[tuple]:
        return [("search",), ("campaign",),
                ("enum", "category", "OpinionCategory", self.tr("Category")),
                ("flag", "unsorted", self.tr("Not yet sorted")), ("dates",)]

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("text", self.tr("Opinion"), "multiline"),
            FieldSpec("unit_id", self.tr("Unit"), "unit"),
            FieldSpec("source", self.tr("Source"), "enum:OpinionSource", required=True),
            FieldSpec("category", self.tr("Category"), "enum:OpinionCategory"),
            FieldSpec("received_on", self.tr("Received"), "date"),
            FieldSpec("campaign_id", self.tr("Campaign"), "campaign"),
        ]

    def defaults(self) -> dict:
        return {"received_on": date.today(), "source": "hotline",
                "campaign_id": self.session.reference.open_campaign_id}

    def extra_buttons(self) -> list[QPushButton]:
        from desktop.spreadsheets.export import export_with_contacts, offers_contacts

        self.problem_button = QPushButton(self.tr("Make a problem…"), objectName="toProblem")
        self.problem_button.clicked.connect(self.make_problem)
        if not offers_contacts(self.session):  # the contact leaves HQ in no file
            return [self.problem_button, *import_buttons(self, "opinions")]
        # HQ only, and audited with the file's name (desktop/spreadsheets/export.py).
        self.contacts_button = QPushButton(self.tr("Export with contacts…"),
                                           objectName="exportContactsButton")
        self.contacts_button.setToolTip(self.tr("The list with each complainant's contact. "
                                                "The export is recorded in the audit trail."))
        self.contacts_button.clicked.connect(lambda: export_with_contacts(self))
        return [self.problem_button, self.contacts_button, *import_buttons(self, "opinions")]

    @widget_slot()
    async def make_problem(self) -> None:
        row = self.view.selectionModel().selectedRows()
        values = self.table_model.row_dict(row[0].row()) if row else None
        if values is None:
            return
        problems = self.parent_ledger.problems
        record = await self.session.read(
            lambda c: lists.fetch_record(c, Opinion.__table__, values["id"]))
        problems.open_new({"source": ProblemSource.OPINION.value, "source_id": values["id"],
                           "description": record["text"], "unit_id": record["unit_id"],
                           "campaign_id": record["campaign_id"]})
