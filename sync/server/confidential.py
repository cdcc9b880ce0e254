"""HQ sets a problem's `confidential_source` flag (and `source_category`), which every device's
public outputs redact from (docs/redaction.md, docs/authorization.md).

- A pushed problem is judged on arrival: its link to a secret visit's finding, or a link HQ
  cannot resolve (a finding-sourced problem typed without its link), raises the flag.
- The flag is HQ's: a device's value is ignored on arrival and a device's change to it is
  refused (`hq_only_field`). An HQ device may raise it by hand, and lower it only where the
  rule allows (`confidential_source_kept` otherwise). `source_category` is always HQ's reading.
- When a problem's link changes, or the finding or visit it points to changes (a visit becomes
  secret, a finding moves to another visit or changes category), HQ judges it again. HQ never
  lowers the flag by itself.
The rule itself is models/confidential.py, shared with the devices.
"""

from typing import Any

import sqlalchemy as sa

from models.confidential import CATEGORY, FLAG, LINK_FIELDS, judge_source, settled_flag
from sync.server.context import ApplyContext

HQ_ONLY = frozenset({FLAG, CATEGORY})
# Fields of a finding / visit / opinion whose change may change the judgement of a problem.
_SOURCE_FIELDS = {"finding": {"visit_id", "category"}, "visit": {"kind"},
                  "opinion": {"source", "source_id"}}


def on_insert(ctx: ApplyContext, values: dict[str, Any]) -> dict[str, Any]:
    """The problem as HQ stores it: judged, with an HQ device's hand-set flag kept."""
    hand = ctx.scope.role == "hq" and bool(values.get(FLAG))
    return {**values, **settled_flag({**values, FLAG: hand}, ctx.lookup)}


def update_refusal(ctx: ApplyContext, current: dict,
                   changes: dict) -> tuple[str, str, str, dict] | None:
    """(status, code, reason, arguments) when the edit touches what only HQ decides."""
    touched = sorted(k for k in HQ_ONLY & changes.keys() if changes[k] != current.get(k))
    if not touched:
        return None
    if ctx.scope.role != "hq" or CATEGORY in touched:
        return ("forbidden", "hq_only_field", f"only HQ sets {', '.join(touched)}; the "
                "problem's other changes were not applied either", {"fields": touched})
    merged = {**current, **changes}
    if not merged.get(FLAG) and judge_source(merged, ctx.lookup)[0]:
        return ("rejected", "confidential_source_kept", "the problem comes from a secret "
                "visit's finding, or its source cannot be found at HQ; it stays confidential",
                {"field": FLAG})
    return None


def settle_update(ctx: ApplyContext, current: dict, applied: dict) -> dict[str, Any]:
    """HQ's own changes to the flag and category after an edit was merged."""
    if not (LINK_FIELDS | {FLAG}) & applied.keys():
        return {}
    row = {**current, **applied}
    settled = settled_flag(row, ctx.lookup)
    return {k: v for k, v in settled.items() if row.get(k) != v}


def follow_sources(ctx: ApplyContext, table: str, row_id: str, applied: dict) -> None:
    """Judge again the problems that point to a finding, visit or opinion that changed."""
    fields = _SOURCE_FIELDS.get(table)
    if not fields or not fields & applied.keys():
        return
    if table == "visit":
        f = sa.table("finding", sa.column("id"), sa.column("visit_id"))
        links = list(ctx.conn.execute(sa.select(f.c.id).where(f.c.visit_id == row_id)).scalars())
        source = "finding"
    else:
        links, source = [row_id], table
    if links:
        _resettle(ctx, source, links)


def _resettle(ctx: ApplyContext, source: str, links: list[str]) -> None:
    p = sa.table("problem", sa.column("id"), sa.column("source"), sa.column("source_id"),
                 sa.column(FLAG, sa.Boolean), sa.column(CATEGORY),
                 sa.column("server_version"))
    rows = ctx.conn.execute(sa.select(p).where(p.c.source == source,
                                               p.c.source_id.in_(links))).mappings().all()
    changed = []
    for row in rows:
        settled = settled_flag(row, ctx.lookup)
        if any(row[k] != v for k, v in settled.items()):
            changed.append({"rid": row["id"], "flag": settled[FLAG],
                            "category": settled[CATEGORY], "v": ctx.clock.next()})
    if not changed:
        return
    ctx.conn.execute(p.update().where(p.c.id == sa.bindparam("rid")).values(
        {FLAG: sa.bindparam("flag"), CATEGORY: sa.bindparam("category"),
         "server_version": sa.bindparam("v")}), changed)
    for c in changed:  # a later entry of this batch reads the problem as it is now
        cached = ctx.rows.get(("problem", c["rid"]))
        if cached is not None:
            cached.update({FLAG: c["flag"], CATEGORY: c["category"], "server_version": c["v"]})
