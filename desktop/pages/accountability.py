"""Accountability cases: who was held to account, for what, and the outcome; and whether HQ
publishes the case in the discipline exposure notice (曝光, reports/exposure.py)."""

from datetime import date

from desktop.pages.record_page import RecordPage
from desktop.widgets.fields import FieldSpec
from models.enums import DeviceRole
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
            # HQ chooses what is published; shown read-only on any other device.
            FieldSpec("published", self.tr("Publish in the exposure notice"), "bool",
                      read_only=not self.may_publish()),
        ]

    def may_publish(self) -> bool:
        return self.session.is_demo or self.session.device_role == DeviceRole.HQ

    def defaults(self) -> dict:
        return {"decided_on": date.today()}
