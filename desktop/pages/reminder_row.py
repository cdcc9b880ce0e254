"""The reminder notices' row on the Reports page (issue 14 §3): whether HQ numbers them, the
numbers asked before the notices are written, and what the page says once they are.

With the device enrolled, HQ gives one number per unit notice (kind `reminder`), asked on the
background lane after the notices' problems are read, so the store is never held while HQ
answers; without HQ (standalone, demo) each notice's number is left blank. Context
"ReportsPage" in the translation catalogue, as the rest of the page."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout

from desktop import messages

translate = QCoreApplication.translate  # lupdate reads translate("ReportsPage", ...)


def add_reminder_options(row: dict, box: QHBoxLayout) -> None:
    row["hq_number"] = QCheckBox(translate("ReportsPage", "Number from headquarters"),
                                 objectName="reminderHqNumber")
    row["hq_number"].setToolTip(translate("ReportsPage", "Without it the number is left blank, "
                                          "to be filled in when headquarters issues it."))
    row["hq_number"].setEnabled(False)  # enabled once the page knows the device is enrolled
    box.addWidget(row["hq_number"])


async def number_reminders(ticket, session, req, row: dict) -> None:
    """Ask HQ for one number per unit notice into `req.numbers` (when the box is ticked)."""
    box = row["hq_number"]
    if not (box.isEnabled() and box.isChecked()):
        return
    from desktop.data.hq_numbers import issue_numbers
    from reports.outputs import reminder_due_ids
    from sync.protocol import NoticeKind

    records, prefix = await ticket.read(lambda conn: reminder_due_ids(conn, req))
    store, transport = session.store, session.sync_transport
    req.numbers = await ticket.background(
        lambda: issue_numbers(store, kind=NoticeKind.REMINDER, records=records, prefix=prefix,
                              year=req.today.year, transport=transport))


def reminders_text(files: int, out: Path) -> str:
    if not files:
        return messages.text("reminder_nothing_due")
    return translate("ReportsPage", "%1 files of reminder notices written to %2.") \
        .replace("%1", str(files)).replace("%2", str(out))
