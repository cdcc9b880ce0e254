"""The rows of the Reports page: which outputs there are, their names, and each row's widgets
(filters, format, the button and the line that says what was written).

Built apart from the page (desktop/pages/reports.py: asking where, producing, telling) so each
file stays short. A row's filters sit on one line and its checkboxes on a second line below
them: on one line, the criticism notice's and the public notice's filters pushed the page past
1366 px in English and cut the buttons off. Context "ReportsPage" in the translation catalogue."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.labels import choices
from desktop.pages.assignment_row import add_assignment_options
from desktop.pages.exposure_row import add_exposure_options
from desktop.pages.notice_options import add_notice_options
from desktop.pages.reminder_row import add_reminder_options
from desktop.pages.visit_round_options import add_visit_round_options
from desktop.pages.work_report_row import add_work_report_options
from desktop.widgets.date_edit import DateEdit
from models.enums import ProblemStatus

translate = QCoreApplication.translate  # lupdate reads translate("ReportsPage", ...)

# kind, formats offered (the first is the default)
OUTPUTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ledger", ("xlsx", "docx", "pdf")),
    ("notice", ("docx", "pdf")),
    ("criticism-notice", ("docx", "pdf")),
    ("unit-feedback", ("pdf",)),
    ("county-summary", ("docx", "pdf")),
    ("work-report", ("docx", "pdf")),
    ("rankings", ("xlsx", "docx", "pdf")),
    ("appraisal", ("xlsx",)),
    ("overdue", ("xlsx", "docx", "pdf")),
    ("visit-round", ("docx", "pdf")),
    ("reminder", ("docx", "pdf")),
    ("assignment", ("docx", "pdf")),
    ("exposure", ("docx", "pdf")),
)
# the CLI's defaults too
ALL_CAMPAIGNS_BY_DEFAULT = ("county-summary", "overdue", "visit-round", "reminder")
FOLDER_OUTPUTS = ("unit-feedback", "reminder", "assignment")  # one file per unit, into a folder
NO_CAMPAIGN_FILTER = ("criticism-notice", "exposure", "assignment")


def _t(text: str) -> str:
    return translate("ReportsPage", text)


def output_names() -> dict[str, tuple[str, str]]:
    """{kind: (name, one-line description)} in the current language."""
    return {
        "ledger": (_t("Rectification ledger"),
                   _t("Problems with measures, deadlines and status, in the customary "
                      "layout.")),
        "notice": (_t("Public notice of rectification"),
                   _t("Problems, measures, deadlines and who answers for them, with "
                      "everything confidential removed.")),
        "criticism-notice": (_t("Circulated criticism notice"),
                             _t("The circulated criticisms decided in the period that are "
                                "not yet in a notice.")),
        "unit-feedback": (_t("Unit feedback, all units"),
                          _t("One PDF per evaluated unit: results, reasons, opinions and open "
                             "problems.")),
        "county-summary": (_t("County summary"), _t("The year's figures with charts.")),
        "work-report": (_t("Work report (upward)"),
                        _t("The campaign's report to the leadership: every figure filled in, "
                           "the narrative marked for you to write in the DOCX.")),
        "rankings": (_t("Rankings"),
                     _t("Units ranked within each appraisal category with their bands, and per "
                        "group; top and bottom lists.")),
        "appraisal": (_t("Appraisal points"),
                      _t("Each ranked unit's score as the appraisal's points, with its "
                         "category, rank and band.")),
        "overdue": (_t("Overdue and upcoming deadlines"),
                    _t("Problems past their deadline or due within a week.")),
        "visit-round": (_t("Visit-round report"),
                        _t("Per unit: the visits made, what they found and what was done, "
                           "with no time, place or team of a secret visit.")),
        "reminder": (_t("Reminder notices"),
                     _t("One notice per unit with problems overdue or due within the "
                        "office's days, each with its days.")),
        "assignment": (_t("Assignment notices"),
                       _t("One notice per unit with its new problems, deadlines and "
                          "responsible persons; a confidential one by its assignment text.")),
        "exposure": (_t("Discipline exposure notice"),
                     _t("The accountability cases ticked for publication: unit, person, "
                        "violation, outcome and date.")),
    }


def add_row(grid: QGridLayout, i: int, kind: str, formats: tuple[str, ...],
            save: Callable[[str], object]) -> dict:
    """Row `i` of `grid` (two grid rows: the controls, then the result line); returns the
    row's widgets by name."""
    name, hint = output_names()[kind]
    label = QLabel(f"<b>{name}</b><br><span style='color:#555'>{hint}</span>",
                   objectName=f"reportLabel_{kind}")
    label.setWordWrap(True)
    label.setMinimumWidth(220)
    label.setMaximumWidth(300)
    row: dict = {"kind": kind}
    options = QWidget()
    lines = QVBoxLayout(options)
    lines.setContentsMargins(0, 0, 0, 0)
    box, ticks = QHBoxLayout(), QHBoxLayout()
    lines.addLayout(box)
    lines.addLayout(ticks)
    _add_filters(row, box)
    _checkboxes_below(box, ticks)
    box.addStretch(1)
    ticks.addStretch(1)
    row["format"] = QComboBox(objectName=f"format_{kind}")
    for fmt in formats:
        row["format"].addItem(fmt.upper(), fmt)
    row["format"].setEnabled(len(formats) > 1)
    text = _t("Choose folder…") if kind in FOLDER_OUTPUTS else _t("Save as…")
    row["button"] = QPushButton(text, objectName=f"save_{kind}")
    row["button"].clicked.connect(lambda _=False, k=kind: save(k))
    row["result"] = QLabel("", objectName=f"result_{kind}")
    row["result"].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    row["result"].setWordWrap(True)
    r = i * 2 - 1
    grid.addWidget(label, r, 0)
    grid.addWidget(options, r, 1)
    grid.addWidget(row["format"], r, 2)
    grid.addWidget(row["button"], r, 3)
    grid.addWidget(row["result"], r + 1, 1, 1, 3)
    return row


def _add_filters(row: dict, box: QHBoxLayout) -> None:
    kind = row["kind"]
    if kind not in NO_CAMPAIGN_FILTER:
        row["campaign"] = QComboBox(objectName=f"campaign_{kind}")
        row["campaign"].setMinimumWidth(160)
        box.addWidget(QLabel(_t("Campaign")))
        box.addWidget(row["campaign"])
    if kind == "ledger":
        row["status"] = QComboBox(objectName="ledgerStatus")
        row["status"].addItem(_t("Any status"), None)
        for value, text in choices(ProblemStatus):
            row["status"].addItem(text, value)
        row["overdue"] = QCheckBox(_t("Overdue only"), objectName="ledgerOverdue")
        box.addWidget(QLabel(_t("Status")))
        box.addWidget(row["status"])
        box.addWidget(row["overdue"])
    extra = {"notice": add_notice_options, "visit-round": add_visit_round_options,
             "criticism-notice": add_criticism_options, "reminder": add_reminder_options,
             "assignment": add_assignment_options, "exposure": add_exposure_options,
             "work-report": add_work_report_options}
    if kind in extra:
        extra[kind](row, box)


def _checkboxes_below(box: QHBoxLayout, ticks: QHBoxLayout) -> None:
    """Move the checkboxes of a row that has other filters onto the second line."""
    widgets = [box.itemAt(i).widget() for i in range(box.count())]
    boxes = [w for w in widgets if isinstance(w, QCheckBox)]
    if len(boxes) == len(widgets):
        return
    for w in boxes:
        box.removeWidget(w)
        ticks.addWidget(w)


def add_criticism_options(row: dict, box: QHBoxLayout) -> None:
    """The period decided in, and HQ's number (with circulating again), into `row`."""
    today = QDate.currentDate()
    row["from"] = DateEdit(QDate(today.year(), 1, 1), objectName="criticismFrom")
    row["to"] = DateEdit(today, objectName="criticismTo")
    for edit in (row["from"], row["to"]):
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
    row["hq_number"] = QCheckBox(_t("Number from headquarters"), objectName="criticismHqNumber")
    row["hq_number"].setToolTip(_t("Without it the number is left blank, to be filled in when "
                                   "headquarters issues it."))
    row["hq_number"].setEnabled(False)
    # HQ, which records every numbered notice, leaves out what one already circulated.
    row["include_circulated"] = QCheckBox(_t("Include criticisms already circulated"),
                                          objectName="criticismIncludeCirculated")
    row["include_circulated"].setToolTip(_t(
        "Circulate again the criticisms an earlier notice already circulated. Headquarters "
        "checks this when it numbers the notice."))
    row["include_circulated"].setEnabled(False)
    row["hq_number"].toggled.connect(
        lambda on, r=row: r["include_circulated"].setEnabled(on and r["hq_number"].isEnabled()))
    box.addWidget(QLabel(_t("Decided from")))
    box.addWidget(row["from"])
    box.addWidget(QLabel(_t("to")))
    box.addWidget(row["to"])
    box.addWidget(row["hq_number"])
    box.addWidget(row["include_circulated"])
