"""The assignment notices' row on the Reports page (issue 14 §1), at HQ only: a folder of notices,
one per unit with new problems, each numbered by HQ; once written, the problems carry the number
and date and so reach their unit's device at the next sync.

The steps run on the op's lanes (desktop/data/assignment_notices.py runs the same ones for the command
line): read what is new, ask HQ on the background lane (the store is never held while HQ
answers), write the notices, then mark the problems in one write. Without HQ nothing is written
and no problem changes. Context "ReportsPage" in the translation catalogue."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel

from models.enums import DeviceRole

translate = QCoreApplication.translate  # lupdate reads translate("ReportsPage", ...)


def offers_assignment(session) -> bool:
    """HQ issues assignment notices; no other device sets a problem's assignment."""
    return session.is_demo or session.device_role == DeviceRole.HQ


def add_assignment_options(row: dict, box: QHBoxLayout) -> None:
    note = QLabel(translate("ReportsPage", "Numbered by headquarters; the problems then go "
                            "to their units."), objectName="assignmentNote")
    note.setStyleSheet("color:#555")
    box.addWidget(note)


async def issue_assignment(ticket, session, req) -> list[Path]:
    """The notices of the units with new problems; `req.assigned` says how many problems now
    carry their number (0 and no file when nothing is new)."""
    from desktop.data.assignment_notices import ask_numbers
    from reports.assignment import mark_assigned
    from reports.outputs import assignment_records, produce

    records, prefix = await ticket.read(lambda conn: assignment_records(conn, req))
    req.assigned = 0
    if not records:
        return []
    store, transport = session.store, session.sync_transport
    req.records = records
    req.numbers = await ticket.background(
        lambda: ask_numbers(store, records, prefix, req.today.year, transport))
    paths = await ticket.read(lambda conn: produce("assignment", conn, req))
    req.assigned = await ticket.write(
        lambda w: mark_assigned(w, records, req.numbers, req.today))
    return paths


def assignments_text(files: int, out: Path, assigned: int) -> str:
    if not files:
        return translate("ReportsPage", "No unit has new problems to assign: no notice was "
                         "written.")
    return translate("ReportsPage", "%1 files of assignment notices written to %2; %3 "
                     "problems now carry their notice number.") \
        .replace("%1", str(files)).replace("%2", str(out)).replace("%3", str(assigned))
