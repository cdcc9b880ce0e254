"""HQ sets a problem's `confidential_source` flag (and `source_category`), which every device's
public outputs redact from (docs/redaction.md, docs/authorization.md).

- A pushed problem is judged on arrival: its link to a secret visit's finding, or a link HQ
  cannot resolve (a finding-sourced problem typed without its link), raises the flag.
- The flag is HQ's: a device's value is ignored on arrival and a device's change to it is
  refused (`hq_only_field`). An HQ device may raise it by hand, and lower it only where the
  rule allows (`confidential_source_kept` otherwise). `source_category` is always HQ's reading.
- When a problem's link changes, when HQ's desk gives it another source (a `problem_source` row,
  issue 14 §1: a problem is confidential when ANY of its sources is), or when a finding, visit
  or opinion it points to changes (a visit becomes secret, a finding moves to another visit or
  changes category), HQ judges it again. HQ never lowers the flag by itself.
The rule itself is models/confidential.py, shared with the devices.
"""

from typing import Any

import sqlalchemy as sa

from models.confidential import (
    CATEGORY,
    FLAG,
    LINK_FIELDS,
    judge_source,
    settled_flag,
    sources_of,
)
from sync.server.context import ApplyContext

HQ_ONLY = frozenset({FLAG, CATEGORY})
# Fields of a finding / visit / opinion whose change may change the judgement of a problem.
_SOURCE_FIELDS = {"finding": {"visit_id", "category"}, "visit": {"kind"},
                  "opinion": {"source", "source_id"},
                  "problem_source": {"problem_id", "kind", "source_id"}}
_P = sa.table("problem", sa.column("id"), sa.column("source"), sa.column("source_id"),
              sa.column(FLAG, sa.Boolean), sa.column(CATEGORY), sa.column("server_version"))
_PS = sa.table("problem_source", sa.column("problem_id"), sa.column("kind"),
               sa.column("source_id"), sa.column("deleted_at"))


def on_insert(ctx: ApplyContext, values: dict[str, Any]) -> dict[str, Any]:
    """The problem as HQ stores it: judged, with an HQ device's hand-set flag kept. Its
    `problem_source` rows come after it (a device links only problems it holds, and writes the
    problem first): each is judged on arrival (`follow_link`)."""
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
    sources = sources_of(ctx.conn, [current["id"]]).get(current["id"], ())
    if not merged.get(FLAG) and judge_source(merged, ctx.lookup, sources)[0]:
        return ("rejected", "confidential_source_kept", "the problem comes from a secret "
                "visit's finding, or its source cannot be found at HQ; it stays confidential",
                {"field": FLAG})
    return None


def settle_update(ctx: ApplyContext, current: dict, applied: dict) -> dict[str, Any]:
    """HQ's own changes to the flag and category after an edit was merged."""
    if not (LINK_FIELDS | {FLAG}) & applied.keys():
        return {}
    row = {**current, **applied}
    settled = settled_flag(row, ctx.lookup, sources_of(ctx.conn, [row["id"]]).get(row["id"], ()))
    return {k: v for k, v in settled.items() if row.get(k) != v}


def follow_link(ctx: ApplyContext, link: dict) -> None:
    """A new `problem_source` row: judge its problem again over all its sources."""
    ctx.flush()  # the problem (and its other sources) may still be buffered in this batch
    _resettle(ctx, [link["problem_id"]])


def follow_sources(ctx: ApplyContext, table: str, row_id: str, applied: dict) -> None:
    """Judge again the problems that point to a finding, visit or opinion that changed, or
    whose `problem_source` row changed."""
    fields = _SOURCE_FIELDS.get(table)
    if not fields or not fields & applied.keys():
        return
    if table == "problem_source":
        link = ctx.lookup(table, row_id) or {}
        _resettle(ctx, [link.get("problem_id")])
        return
    pointing = _pointing_at(ctx, table, [row_id])
    if table == "visit":  # its findings' problems too
        f = sa.table("finding", sa.column("id"), sa.column("visit_id"))
        findings = list(ctx.conn.execute(sa.select(f.c.id).where(f.c.visit_id == row_id))
                        .scalars())
        pointing |= _pointing_at(ctx, "finding", findings)
    _resettle(ctx, sorted(pointing))


def _pointing_at(ctx: ApplyContext, kind: str, links: list[str]) -> set[str]:
    """Problems whose own link, or one of whose `problem_source` rows, is one of `links`."""
    if not links:
        return set()
    own = ctx.conn.execute(sa.select(_P.c.id).where(_P.c.source == kind,
                                                     _P.c.source_id.in_(links))).scalars()
    linked = ctx.conn.execute(sa.select(_PS.c.problem_id).where(
        _PS.c.kind == kind, _PS.c.source_id.in_(links), _PS.c.deleted_at.is_(None))).scalars()
    return {*own, *linked}


def _resettle(ctx: ApplyContext, problem_ids: list[str | None]) -> None:
    ids = [i for i in problem_ids if i]
    if not ids:
        return
    rows = ctx.conn.execute(sa.select(_P).where(_P.c.id.in_(ids))).mappings().all()
    sources = sources_of(ctx.conn, ids)
    changed = []
    for row in rows:
        settled = settled_flag(row, ctx.lookup, sources.get(row["id"], ()))
        if any(row[k] != v for k, v in settled.items()):
            changed.append({"rid": row["id"], "flag": settled[FLAG],
                            "category": settled[CATEGORY], "v": ctx.clock.next()})
    if not changed:
        return
    ctx.conn.execute(_P.update().where(_P.c.id == sa.bindparam("rid")).values(
        {FLAG: sa.bindparam("flag"), CATEGORY: sa.bindparam("category"),
         "server_version": sa.bindparam("v")}), changed)
    for c in changed:  # a later entry of this batch reads the problem as it is now
        cached = ctx.rows.get(("problem", c["rid"]))
        if cached is not None:
            cached.update({FLAG: c["flag"], CATEGORY: c["category"], "server_version": c["v"]})
