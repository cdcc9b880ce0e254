"""Re-announcing rows whose visibility follows another row.

Findings follow their visit (a secret visit recorded as done opens its findings to the team);
a representative's visits follow their team. When such a row changes, the rows that depend on it
get a fresh server version without any data change, so every device's next pull re-judges
them: rows entering a scope are sent, rows leaving it become removals. A unit device's rows
follow their problem, and its problems their unit: a problem moved to another unit (or
assigned) brings its receipts, requests, reports and their files along, and a unit moved in
the tree brings its sub-units, their problems (and what follows those) and the units above it. A problem's
confidential-source flag follows the finding, visit or opinion it came from; HQ judges it
again here (sync/server/confidential.py).
"""

import sqlalchemy as sa

from models.checklist_tables import ChecklistResult
from models.records import Attachment, Finding, PersonnelCriticism, Problem, Visit
from models.reference import Unit
from models.tables import SYNCED_TABLES
from sync.server.confidential import follow_sources
from sync.server.context import ApplyContext
from sync.server.scope import FOLLOW_PROBLEM
from sync.server.unit_tree import unit_and_ancestors, unit_subtree

_VISIT_SCOPE_FIELDS = {"team_id", "status", "kind", "representative_ids"}
_PROBLEM_SCOPE_FIELDS = {"unit_id", "assigned_on"}
_CHUNK = 500


def touch_dependents(ctx: ApplyContext, table: str, before: dict, applied: dict) -> None:
    follow_sources(ctx, table, before["id"], applied)
    if table == "visit" and _VISIT_SCOPE_FIELDS & applied.keys():
        _touch_visit_family(ctx, [before["id"]], include_visits=False)
    elif table == "representative" and "team_id" in applied:
        teams = [t for t in (before.get("team_id"), applied["team_id"]) if t]
        v = Visit.__table__
        ids = list(ctx.conn.execute(sa.select(v.c.id).where(v.c.team_id.in_(teams))).scalars())
        _touch_visit_family(ctx, ids, include_visits=True)
    elif table == "problem" and _PROBLEM_SCOPE_FIELDS & applied.keys():
        _touch_problem_family(ctx, [before["id"]])
    elif table == "unit" and "parent_id" in applied:
        _touch_unit_move(ctx, before["id"], [before.get("parent_id"), applied["parent_id"]])


def _touch_unit_move(ctx: ApplyContext, unit_id: str, parents: list[str | None]) -> None:
    """A unit moved: its sub-units, the units above it before and after, and the problems of
    its sub-tree (with what follows them) are judged again."""
    subtree = unit_subtree(ctx.conn, [unit_id])
    chains = [u for p in parents if p for u in unit_and_ancestors(ctx.conn, p)]
    _touch(ctx, Unit.__table__, [u for u in dict.fromkeys(subtree + chains) if u != unit_id])
    p = Problem.__table__
    problem_ids = _ids(ctx, sa.select(p.c.id), p.c.unit_id, subtree)
    _touch(ctx, p, problem_ids)
    _touch_problem_family(ctx, problem_ids)


def _touch_problem_family(ctx: ApplyContext, problem_ids: list[str]) -> None:
    """The receipts, extension requests and reports of these problems, and the reports' files."""
    for name in FOLLOW_PROBLEM:
        t = SYNCED_TABLES[name].__table__
        ids = _ids(ctx, sa.select(t.c.id), t.c.problem_id, problem_ids)
        _touch(ctx, t, ids)
        if name == "rectification_report" and ids:
            a = Attachment.__table__
            _touch(ctx, a, _ids(ctx, sa.select(a.c.id).where(
                a.c.owner_table == name), a.c.owner_id, ids))


def _ids(ctx: ApplyContext, query: sa.Select, column: sa.Column, keys: list[str]) -> list[str]:
    """The ids `query` finds with `column` among `keys`, a few hundred keys at a time."""
    out: list[str] = []
    for start in range(0, len(keys), _CHUNK):
        out.extend(ctx.conn.execute(query.where(
            column.in_(keys[start:start + _CHUNK]))).scalars())
    return out


def _touch_visit_family(ctx: ApplyContext, visit_ids: list[str], *, include_visits: bool) -> None:
    if not visit_ids:
        return
    f, c, a = Finding.__table__, PersonnelCriticism.__table__, Attachment.__table__
    finding_ids = list(ctx.conn.execute(
        sa.select(f.c.id).where(f.c.visit_id.in_(visit_ids))).scalars())
    criticism_ids = list(ctx.conn.execute(
        sa.select(c.c.id).where(c.c.finding_id.in_(finding_ids))).scalars()) if finding_ids else []
    r = ChecklistResult.__table__  # a visit's checklist results follow it too (issue 16 §2)
    result_ids = list(ctx.conn.execute(
        sa.select(r.c.id).where(r.c.visit_id.in_(visit_ids))).scalars())
    owners = [*visit_ids, *finding_ids, *criticism_ids, *result_ids]
    attachment_ids = list(ctx.conn.execute(
        sa.select(a.c.id).where(a.c.owner_id.in_(owners))).scalars())
    if include_visits:
        _touch(ctx, Visit.__table__, visit_ids)
    _touch(ctx, f, finding_ids)
    _touch(ctx, c, criticism_ids)
    _touch(ctx, r, result_ids)
    _touch(ctx, a, attachment_ids)


def _touch(ctx: ApplyContext, table: sa.Table, ids: list[str]) -> None:
    if not ids:
        return
    params = [{"rid": row_id, "v": ctx.clock.next()} for row_id in ids]
    ctx.conn.execute(
        table.update().where(table.c.id == sa.bindparam("rid"))
        .values(server_version=sa.bindparam("v")), params)
    for p in params:
        cached = ctx.rows.get((table.name, p["rid"]))
        if cached is not None:
            cached["server_version"] = p["v"]
