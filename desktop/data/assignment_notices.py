"""Issuing the assignment notices (交办通知, issue 14 §1) at HQ, in three steps the command line
runs here and the Reports page runs one by one on its lanes: read what is new (and refuse what
cannot be assigned), ask HQ for one number per unit notice, then write the notices and mark the
problems assigned in one write.

HQ numbers every notice: without HQ (not enrolled, not reachable, refused) nothing is written
and no problem changes (`assignment_needs_hq`). A number HQ gave for a run that then failed is
not reused; HQ's record of it names the problems it would have carried.
"""

from dataclasses import dataclass
from pathlib import Path

import httpx

from models.errors import SyncError
from reports.errors import ReportError


@dataclass
class Issued:
    paths: list[Path]
    assigned: int  # problems that now carry a notice number


def ask_numbers(store, records: dict[str, list[str]], prefix: str, year: int,
                transport: httpx.AsyncBaseTransport | None = None) -> dict[str, str]:
    """HQ's number of each unit's notice, kind `assignment`; any failure to get one is
    `assignment_needs_hq`, said before anything is written."""
    from desktop.data.hq_numbers import issue_numbers
    from sync.protocol import NoticeKind

    try:
        numbers = issue_numbers(store, kind=NoticeKind.ASSIGNMENT, records=records,
                                prefix=prefix, year=year, transport=transport)
    except SyncError as exc:
        raise ReportError(code="assignment_needs_hq") from exc
    if any(not numbers.get(unit) for unit in records):
        raise ReportError(code="assignment_needs_hq")
    return numbers  # type: ignore[return-value]


def issue_assignments(store, req, profile: str, *, office: str | None = None,
                      transport: httpx.AsyncBaseTransport | None = None) -> Issued:
    """The whole run for the command line (`report assignment`): nothing new → no file."""
    from reports.assignment import mark_assigned
    from reports.outputs import assignment_records, produce, with_office_settings

    with store.read() as conn:
        with_office_settings(conn, req, office=office)
        records, prefix = assignment_records(conn, req)
    if not records:
        return Issued([], 0)
    req.records = records
    req.numbers = ask_numbers(store, records, prefix, req.today.year, transport)
    with store.read() as conn:
        paths = produce("assignment", conn, req)
    with store.write(profile) as w:
        count = mark_assigned(w, records, req.numbers, req.today)
    return Issued(paths, count)
