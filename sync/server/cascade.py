"""Re-announcing rows whose visibility follows another row.

Findings follow their visit (a secret visit recorded as done opens its findings to the team);
a representative's visits follow their team. When such a row changes, the rows that depend on it
get a fresh server version without any data change, so every device's next pull re-judges
them: rows entering a scope are sent, rows leaving it become removals. A problem's
confidential-source flag follows the finding, visit or opinion it came from; HQ judges it
again here (sync/server/confidential.py).
"""

import sqlalchemy as sa

from models.records import Attachment, Finding, PersonnelCriticism, Visit
from sync.server.confidential import follow_sources
from sync.server.context import ApplyContext

_VISIT_SCOPE_FIELDS = {"team_id", "status", "kind", "representative_ids"}


def touch_dependents(ctx: ApplyContext, table: str, before: dict, applied: dict) -> None:
    follow_sources(ctx, table, before["id"], applied)
    if table == "visit" and _VISIT_SCOPE_FIELDS & applied.keys():
        _touch_visit_family(ctx, [before["id"]], include_visits=False)
    elif table == "representative" and "team_id" in applied:
        teams = [t for t in (before.get("team_id"), applied["team_id"]) if t]
        v = Visit.__table__
        ids = list(ctx.conn.execute(sa.select(v.c.id).where(v.c.team_id.in_(teams))).scalars())
        _touch_visit_family(ctx, ids, include_visits=True)


def _touch_visit_family(ctx: ApplyContext, visit_ids: list[str], *, include_visits: bool) -> None:
    if not visit_ids:
        return
    f, c, a = Finding.__table__, PersonnelCriticism.__table__, Attachment.__table__
    finding_ids = list(ctx.conn.execute(
        sa.select(f.c.id).where(f.c.visit_id.in_(visit_ids))).scalars())
    criticism_ids = list(ctx.conn.execute(
        sa.select(c.c.id).where(c.c.finding_id.in_(finding_ids))).scalars()) if finding_ids else []
    owners = [*visit_ids, *finding_ids, *criticism_ids]
    attachment_ids = list(ctx.conn.execute(
        sa.select(a.c.id).where(a.c.owner_id.in_(owners))).scalars())
    if include_visits:
        _touch(ctx, Visit.__table__, visit_ids)
    _touch(ctx, f, finding_ids)
    _touch(ctx, c, criticism_ids)
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
