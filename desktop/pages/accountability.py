"""Accountability cases: who was held to account, for what, and the outcome."""

from datetime import date

from desktop.pages.record_page import RecordPage
from desktop.widgets.fields import FieldSpec
from models.records import AccountabilityCase


class AccountabilityPage(RecordPage):
    list_name = "cases"
    model = AccountabilityCase
    keeps_history = True

    def dialog_titles(self) -> tuple[str, str]:
        return self.tr("New accountability case"), self.tr("Edit accountability case")

    def filters(self) -> list[tuple]:
        return [("search",), ("unit",), ("enum", "outcome", "Outcome", self.tr("Outcome")),
                ("dates",)]

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("subject", self.tr("Subject"), "enum:CaseSubject", required=True),
            FieldSpec("person_name", self.tr("Person")),
            FieldSpec("unit_id", self.tr("Unit"), "unit"),
            FieldSpec("violation", self.tr("Violation"), "multiline"),
            FieldSpec("outcome", self.tr("Outcome"), "enum:Outcome", required=True),
            FieldSpec("decided_on", self.tr("Date"), "date", required=True),
        ]

    def defaults(self) -> dict:
        return {"decided_on": date.today()}
