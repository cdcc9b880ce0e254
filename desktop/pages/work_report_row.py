"""The upward work report's row on the Reports page (工作情况汇报, issue 15 §3): the campaign,
as every row, and the signer (签发人) printed right of the document number; left empty, the
office settings' signer (HQ sets it), else the document keeps the space for the name.
Context "ReportsPage" in the translation catalogue, as the rest of the page."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit

translate = QCoreApplication.translate  # lupdate reads translate("ReportsPage", ...)


def add_work_report_options(row: dict, box: QHBoxLayout) -> None:
    row["signer"] = QLineEdit(objectName="workReportSigner")
    row["signer"].setMaxLength(40)
    row["signer"].setMinimumWidth(100)
    row["signer"].setPlaceholderText(translate("ReportsPage", "Name"))
    row["signer"].setToolTip(translate("ReportsPage", "Printed right of the document number; "
                                       "left empty, the signer set in the office settings, "
                                       "else a space for the name to be written in."))
    box.addWidget(QLabel(translate("ReportsPage", "Signer")))
    box.addWidget(row["signer"])


def apply_work_report_options(row: dict, req) -> None:
    req.signer = row["signer"].text().strip()
