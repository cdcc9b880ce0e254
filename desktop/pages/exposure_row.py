"""The discipline exposure notice's row on the Reports page (曝光, issue 14 §5), where the
accountability cases are held (HQ): the cases ticked "Publish in the exposure notice", numbered
by HQ in the exposure sequence when the device is enrolled, else with a blank number.

HQ is asked on the background lane after the cases are read, so the store is never held while
HQ answers. Context "ReportsPage" in the translation catalogue, as the rest of the page."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout

translate = QCoreApplication.translate  # lupdate reads translate("ReportsPage", ...)


def add_exposure_options(row: dict, box: QHBoxLayout) -> None:
    row["hq_number"] = QCheckBox(translate("ReportsPage", "Number from headquarters"),
                                 objectName="exposureHqNumber")
    row["hq_number"].setToolTip(translate("ReportsPage", "Without it the number is left blank, "
                                          "to be filled in when headquarters issues it."))
    row["hq_number"].setEnabled(False)  # enabled once the page knows the device is enrolled
    box.addWidget(row["hq_number"])


async def number_exposure(ticket, session, req, row: dict) -> None:
    """Ask HQ for the notice's number (kind `exposure`, naming its cases) when ticked."""
    box = row["hq_number"]
    if not (box.isEnabled() and box.isChecked()):
        return
    from desktop.data.hq_numbers import issue_number
    from reports.errors import ReportError
    from reports.exposure import exposure_ids
    from reports.outputs import EXPOSURE_PREFIX
    from sync.protocol import NoticeKind

    ids = await ticket.read(exposure_ids)
    if not ids:  # said before HQ is asked, so no number is used up
        raise ReportError(code="no_published_case")
    store, transport = session.store, session.sync_transport
    answer = await ticket.background(
        lambda: issue_number(store, kind=NoticeKind.EXPOSURE, record_ids=ids,
                             prefix=EXPOSURE_PREFIX, year=req.today.year, transport=transport))
    req.number_from_hq = lambda _ids: answer
