"""The unit-feedback run of the Reports page (one PDF per unit, 354 in the demo county) as the
work of one op: the store is read in short steps on the database lane and every PDF is
rendered on the background lane, so an unlock or a list page waiting for the store waits for
one short read at most, never for the whole run (which once held the store for 30 s)."""

from pathlib import Path

from desktop.operations import Ticket
from models.output_folder import ensure_folder
from reports.feedback import FEEDBACK_READS, assemble, campaign_title, units_in_order, write_one
from reports.outputs import feedback_said_left_out, feedback_scope


class ReportCancelled(Exception):
    """The person cancelled the run between two units: args are (written, total)."""


async def write_all_feedback(ticket: Ticket, req) -> list[Path]:
    """Write the feedback of every unit `req` names into `req.out`; `ticket.progress` says how
    far it is. Cancel stops after the unit being written (each file is whole)."""
    campaign, units = await ticket.read(lambda conn: feedback_scope(conn, req))
    cid, as_of = (campaign["id"] if campaign else None), req.today
    read = {}
    for key, fn in FEEDBACK_READS.items():  # each its own short hold of the store
        read[key] = await ticket.read(lambda conn, fn=fn: fn(conn, cid, as_of))
    g = await ticket.background(assemble, read, as_of)
    order = units_in_order(g, units)
    folder = await ticket.background(ensure_folder, req.out)
    name, written = campaign_title(campaign), []
    for i, unit_id in enumerate(order, start=1):
        written.append(await ticket.background(
            lambda i=i, unit_id=unit_id: write_one(g, i, unit_id, folder, campaign_name=name,
                                                   office=req.office)))
        ticket.report(i, len(order), g["labels"].get(unit_id, unit_id))
        if ticket.cancelled and i < len(order):
            raise ReportCancelled(i, len(order))
    # Not a step that Cancel stops: every file is written, only the note is left to read.
    await ticket.session.read(lambda conn: feedback_said_left_out(conn, req, campaign, units))
    return written
