"""The visit-round report's own options on the Reports page (issue 14 §5): the period of the
visits it reports on (from 1 January to today by default, as the command line). Context
"ReportsPage" in the translation catalogue, as the rest of the page."""

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QHBoxLayout, QLabel

from desktop.widgets.date_edit import DateEdit

translate = QCoreApplication.translate  # lupdate reads translate("ReportsPage", ...)


def add_visit_round_options(row: dict, box: QHBoxLayout) -> None:
    """The two dates of the period, into `row`."""
    today = QDate.currentDate()
    row["from"] = DateEdit(QDate(today.year(), 1, 1), objectName="visitRoundFrom")
    row["to"] = DateEdit(today, objectName="visitRoundTo")
    for edit in (row["from"], row["to"]):
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
    box.addWidget(QLabel(translate("ReportsPage", "Visits from")))
    box.addWidget(row["from"])
    box.addWidget(QLabel(translate("ReportsPage", "to")))
    box.addWidget(row["to"])


def apply_visit_round_options(row: dict, req) -> None:
    req.date_from = row["from"].date().toPython()
    req.date_to = row["to"].date().toPython()
