"""The public notice's own options on the Reports page (issue 14 §5): its publicity period in
days and whether to list problems not yet investigated; and what the page says under it once
written (the period, and how many problems it left out). Context "ReportsPage" in the
translation catalogue, as the rest of the page."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox

from reports.notice import PUBLICITY_DAYS, NoticeOptions

translate = QCoreApplication.translate  # lupdate reads translate("ReportsPage", ...)


def add_notice_options(row: dict, box: QHBoxLayout) -> None:
    """The spin box of the publicity period and the include-all checkbox, into `row`."""
    row["publicity_days"] = QSpinBox(objectName="noticePublicityDays")
    row["publicity_days"].setRange(1, 365)
    row["publicity_days"].setValue(PUBLICITY_DAYS)
    row["publicity_days"].setSuffix(translate("ReportsPage", " days"))
    row["publicity_days"].setToolTip(translate(
        "ReportsPage", "The notice is on public display from its issue date for this many "
        "days; the notice prints the period."))
    row["include_uninvestigated"] = QCheckBox(
        translate("ReportsPage", "Include problems not yet investigated"),
        objectName="noticeIncludeUninvestigated")
    row["include_uninvestigated"].setToolTip(translate(
        "ReportsPage", "By default the notice lists only problems under investigation or "
        "later, and says how many it left out."))
    box.addWidget(QLabel(translate("ReportsPage", "Publicity period")))
    box.addWidget(row["publicity_days"])
    box.addWidget(row["include_uninvestigated"])


def apply_notice_options(row: dict, req) -> None:
    req.publicity_days = row["publicity_days"].value()
    req.include_uninvestigated = row["include_uninvestigated"].isChecked()


def notice_text(req) -> str:
    """The period the notice states, and the problems not yet investigated it left out."""
    opts = NoticeOptions(office=req.office, issued_on=req.today,
                         publicity_days=req.publicity_days or PUBLICITY_DAYS)
    text = translate("ReportsPage", "Publicity period: %1 to %2.") \
        .replace("%1", opts.issued_on.isoformat()).replace("%2", opts.period_end.isoformat())
    if req.not_investigated:
        text += " " + translate("ReportsPage", "%1 problem(s) not yet investigated were left "
                                "out.").replace("%1", str(req.not_investigated))
    return text
