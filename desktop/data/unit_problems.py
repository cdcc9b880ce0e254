"""The liaison's list of its unit's problems and what HQ answered (issue 14 §2), read on the
database lane for the "Our problems" page.

A unit holds a few dozen problems, not thousands: one query per table over the unit's problems,
joined here, is cheaper than a paging model. The order is the chase's: overdue first (the most
overdue on top), then those due within N days (office settings `due_soon_days`), then the
rest still open, and last those already rectified or verified, each by deadline. A problem
shows its unit-facing text: the assignment text HQ wrote for a confidential problem when there
is one, else its description.
"""

from datetime import date, timedelta

import sqlalchemy as sa

from models import rules
from models.office_settings import read_office_settings
from models.records import Attachment
from models.records import Problem as ProblemRow
from models.rectification import ExtensionRequest, ProblemReceipt, RectificationReport
from models.reference import Unit
from models.unit_reports import REPORT_OWNER, unit_scope

OVERDUE, DUE_SOON, LATER, DONE = 0, 1, 2, 3  # the list's groups, in order


def _problems(conn: sa.Connection) -> list[dict]:
    p, u = ProblemRow.__table__, Unit.__table__
    query = (sa.select(p.c.id, p.c.description, p.c.assignment_text, p.c.assignment_no,
                       p.c.assigned_on, p.c.deadline, p.c.status, p.c.unit_id,
                       p.c.responsible_person, p.c.confidential_source, p.c.source_category,
                       u.c.name.label("unit_name"))
             .select_from(p.outerjoin(u, u.c.id == p.c.unit_id))
             .where(p.c.deleted_at.is_(None)))
    scope = unit_scope(conn)
    if scope is not None:
        query = query.where(p.c.unit_id.in_(scope))
    return [dict(r) for r in conn.execute(query).mappings()]


def _by_problem(conn: sa.Connection, table: sa.Table, ids: list[str], *order) -> dict:
    """Every live row of `table` per problem, in `order` (newest first)."""
    rows = conn.execute(sa.select(table).where(
        table.c.problem_id.in_(ids), table.c.deleted_at.is_(None)).order_by(*order)).mappings()
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row["problem_id"], []).append(dict(row))
    return out


def group_of(deadline: date | None, status: str, today: date, due_soon_days: int) -> int:
    if rules.is_overdue(deadline, status, today):
        return OVERDUE
    if status not in rules.OPEN_STATUSES:
        return DONE  # rectified or verified: nothing to chase, at the bottom
    if deadline is not None and deadline <= today + timedelta(days=due_soon_days):
        return DUE_SOON
    return LATER


def unit_problems(conn: sa.Connection, today: date) -> list[dict]:
    """The unit's problems in the chase's order, each with its group, days overdue, receipt,
    latest report and latest extension request (HQ's answers on them)."""
    problems = _problems(conn)
    ids = [p["id"] for p in problems]
    r, e, s = (RectificationReport.__table__, ExtensionRequest.__table__,
               ProblemReceipt.__table__)
    reports = _by_problem(conn, r, ids, r.c.reported_on.desc(), r.c.created_at.desc())
    requests = _by_problem(conn, e, ids, e.c.requested_on.desc(), e.c.created_at.desc())
    receipts = _by_problem(conn, s, ids, s.c.signed_on)
    soon = read_office_settings(conn)["due_soon_days"]
    for p in problems:
        p["text"] = p["assignment_text"] or p["description"]
        p["group"] = group_of(p["deadline"], p["status"], today, soon)
        p["days_overdue"] = rules.days_overdue(p["deadline"], p["status"], today)
        p["signed_on"] = (receipts.get(p["id"]) or [{}])[0].get("signed_on")
        p["report"] = (reports.get(p["id"]) or [None])[0]
        p["extension"] = (requests.get(p["id"]) or [None])[0]
    problems.sort(key=lambda p: (p["group"], p["deadline"] is None,
                                 p["deadline"] or date.max, p["id"]))
    return problems


def problem_history(conn: sa.Connection, problem_id: str) -> dict:
    """Everything the unit sent for one problem and HQ's answers, newest first; each report
    with the number of its photos."""
    r, e = RectificationReport.__table__, ExtensionRequest.__table__
    reports = _by_problem(conn, r, [problem_id], r.c.reported_on.desc(),
                          r.c.created_at.desc()).get(problem_id, [])
    a = Attachment.__table__
    photos = {owner: n for owner, n in conn.execute(
        sa.select(a.c.owner_id, sa.func.count()).where(
            a.c.owner_table == REPORT_OWNER, a.c.deleted_at.is_(None),
            a.c.owner_id.in_([x["id"] for x in reports])).group_by(a.c.owner_id))}
    for report in reports:
        report["photos"] = photos.get(report["id"], 0)
    return {"reports": reports,
            "extensions": _by_problem(conn, e, [problem_id], e.c.requested_on.desc(),
                                      e.c.created_at.desc()).get(problem_id, [])}
