"""Accountability cases: who was held to account, for what, and the outcome; whether HQ
publishes the case in the discipline exposure notice (曝光, reports/exposure.py). A case opened
from the dashboard's accountability list (issue 14 §3) names the overdue problems it was opened
for; its form lists them."""

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from desktop.data.acceptance import linked_problems
from desktop.labels import label_of
from desktop.operations import store_op
from desktop.pages.record_import import import_buttons
from desktop.pages.record_page import RecordPage
from desktop.widgets.fields import FieldSpec
from desktop.widgets.record_form import RecordFormDialog
from models import rules, services
from models.enums import CaseSubject, DeviceRole, Outcome, ProblemStatus
from models.records import AccountabilityCase

translate = QCoreApplication.translate  # lupdate reads translate("AccountabilityPage", ...)


def case_fields(may_publish: bool) -> list[FieldSpec]:
    return [
        FieldSpec("subject", translate("AccountabilityPage", "Subject"), "enum:CaseSubject",
                  required=True),
        FieldSpec("person_name", translate("AccountabilityPage", "Person")),
        FieldSpec("unit_id", translate("AccountabilityPage", "Unit"), "unit"),
        FieldSpec("violation", translate("AccountabilityPage", "Violation"), "multiline"),
        FieldSpec("outcome", translate("AccountabilityPage", "Outcome"), "enum:Outcome",
                  required=True),
        FieldSpec("decided_on", translate("AccountabilityPage", "Date"), "date", required=True),
        # HQ chooses what is published; shown read-only on any other device.
        FieldSpec("published", translate("AccountabilityPage", "Publish in the exposure notice"),
                  "bool", read_only=not may_publish),
    ]


class LinkedProblems(QWidget):
    """The problems a case was opened for, read-only under its form."""

    def __init__(self, session, problem_ids: list[str], parent=None) -> None:
        super().__init__(parent, objectName="caseProblems")
        self.list = QListWidget(objectName="caseProblemList")
        self.list.setMaximumHeight(120)
        heading = QLabel(translate("AccountabilityPage", "Problems the case was opened for (%1)")
                         .replace("%1", str(len(problem_ids))), objectName="sectionHeading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        labels = session.reference.unit_labels()
        store_op(self, session, lambda c: linked_problems(c, problem_ids),
                 success=lambda rows: self._show(rows, labels)).run()

    def _show(self, rows: list[dict], labels: dict[str, str]) -> None:
        units = {row["unit_id"] for row in rows}
        for row in rows:  # the unit only when the problems are not all the case's one
            deadline = row["deadline"].isoformat() if row["deadline"] else ""
            text = " ".join((row["description"] or "").split())
            unit = f"{labels.get(row['unit_id'], '')}  " if len(units) > 1 else ""
            self.list.addItem(f"{unit}{deadline}  {label_of(ProblemStatus, row['status'])}  "
                              f"{text}")


def open_case_from_candidate(parent, session, candidate: dict, campaign: str,
                             saved) -> RecordFormDialog:
    """A new case against a unit on the accountability list: the unit, the count of overdue
    problems as the violation, and `problem_ids` = those problems; HQ chooses the outcome."""
    problem_ids = list(candidate["problem_ids"])
    violation = (translate("AccountabilityPage",
                           "%1 problems past their deadline unrectified in %2")
                 .replace("%1", str(len(problem_ids))).replace("%2", campaign))
    values = {"subject": CaseSubject.UNIT.value, "unit_id": candidate["unit_id"],
              "violation": violation, "outcome": Outcome.UNIT_ACCOUNTABLE.value,
              "decided_on": date.today()}

    async def save(v: dict) -> None:
        record = {**v, "problem_ids": problem_ids}
        await session.write(lambda w: services.create_record(w, AccountabilityCase, record))
        saved()

    dialog = RecordFormDialog(parent, translate("AccountabilityPage", "New accountability case"),
                              case_fields(may_publish=True),
                              session.reference, save, values,
                              rules.text_limits(AccountabilityCase))
    dialog.layout().insertWidget(1, LinkedProblems(session, problem_ids, dialog))
    dialog.open()
    return dialog


class AccountabilityPage(RecordPage):
    list_name = "cases"
    model = AccountabilityCase
    keeps_history = True

    def dialog_titles(self) -> tuple[str, str]:
        return self.tr("New accountability case"), self.tr("Edit accountability case")

    def extra_buttons(self) -> list:
        return import_buttons(self, "accountability")

    def filters(self) -> list[tuple]:
        return [("search",), ("unit",), ("enum", "outcome", "Outcome", self.tr("Outcome")),
                ("dates",)]

    def fields(self) -> list[FieldSpec]:
        return case_fields(self.may_publish())

    def may_publish(self) -> bool:
        return self.session.is_demo or self.session.device_role == DeviceRole.HQ

    def defaults(self) -> dict:
        return {"decided_on": date.today()}

    def _edit(self, row_id: str, current: dict | None) -> None:
        self._linked = list((current or {}).get("problem_ids") or [])
        super()._edit(row_id, current)
        self._linked = []

    def dialog_opened(self, dialog: RecordFormDialog) -> None:
        """An edited case shows the problems it was opened for, if any."""
        if getattr(self, "_linked", None):
            dialog.layout().insertWidget(1, LinkedProblems(self.session, self._linked, dialog))
