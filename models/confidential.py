"""Whether a problem's source must stay out of public outputs (docs/redaction.md, R1).

One rule, read by HQ when it sets a problem's synced `confidential_source` flag (on a push, when
the problem's link or its `problem_source` rows change, or when a finding, visit or opinion it
points to changes) and by a device for a problem HQ has not judged yet. A problem's source is
confidential when ANY of its sources (its own link and every `problem_source` row, issue 14 §1)
is a secret visit's (its finding, the visit itself, an opinion gathered on it), or cannot be
resolved where it is judged: an office device holds no findings, and a problem typed from a
finding without its link must not be published in full because nobody could check where it
came from.

Lookups are plain `lookup(table, id) -> dict | None`: HQ passes its batch cache, a device one
over its own store (`row_lookup`). Nothing here imports SQLModel.
"""

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import orjson
import sqlalchemy as sa

from models.enums import OpinionSource, ProblemSource, SourceKind, VisitKind

FLAG = "confidential_source"
CATEGORY = "source_category"
LINK_FIELDS = frozenset({"source", "source_id"})

Lookup = Callable[[str, str | None], Mapping[str, Any] | None]


def judge_source(problem: Mapping[str, Any], lookup: Lookup,
                 sources: Iterable[Mapping[str, Any]] = ()) -> tuple[bool, str | None]:
    """(confidential, category) over ALL the problem's sources: its own link and its
    `problem_source` rows (kind, source_id). Confidential when any of them is; the category is
    the first finding's known here (what a confidential problem is published as)."""
    confidential, category = judge_link(problem.get("source"), problem.get("source_id"), lookup)
    for row in sources:
        secret, found = judge_link(row.get("kind"), row.get("source_id"), lookup)
        confidential, category = confidential or secret, category or found
    return confidential, category


def judge_link(kind: str | None, link: str | None, lookup: Lookup) -> tuple[bool, str | None]:
    """One source: a finding, an opinion, a visit (or a form, never confidential)."""
    if kind == ProblemSource.FINDING:
        finding = lookup("finding", link) if link else None
        if finding is None:
            return True, None
        return _finding_confidential(finding, lookup), finding.get("category")
    if kind == ProblemSource.OPINION and link:
        opinion = lookup("opinion", link)
        if opinion is None:
            return True, None
        if opinion.get("source") == OpinionSource.VISIT and opinion.get("source_id"):
            return _visit_confidential(lookup("visit", opinion["source_id"])), None
    if kind == SourceKind.VISIT and link:
        return _visit_confidential(lookup("visit", link)), None
    return False, None


def _finding_confidential(finding: Mapping[str, Any], lookup: Lookup) -> bool:
    if not finding.get("visit_id"):
        return False  # a finding made without a visit: not an unannounced visit's
    return _visit_confidential(lookup("visit", finding["visit_id"]))


def _visit_confidential(visit: Mapping[str, Any] | None) -> bool:
    return visit is None or visit.get("kind") == VisitKind.SECRET


def settled_flag(problem: Mapping[str, Any], lookup: Lookup,
                 sources: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The flag and category the problem should carry: the flag is never lowered here (only
    a person at HQ lowers it, and only where the rule allows)."""
    confidential, category = judge_source(problem, lookup, sources)
    return {FLAG: bool(problem.get(FLAG)) or confidential, CATEGORY: category}


def row_lookup(conn: sa.Connection) -> Lookup:
    """A cached lookup over this database's findings, visits and opinions (tombstones
    included: a deleted finding still says where it came from)."""
    tables = {name: sa.table(name, sa.column("id"), *(sa.column(c) for c in cols))
              for name, cols in (("finding", ("visit_id", "category")), ("visit", ("kind",)),
                                 ("opinion", ("source", "source_id")))}
    cache: dict[tuple[str, str], Mapping[str, Any] | None] = {}

    def lookup(table: str, row_id: str | None) -> Mapping[str, Any] | None:
        if not row_id or table not in tables:
            return None
        if (table, row_id) not in cache:
            t = tables[table]
            row = conn.execute(sa.select(t).where(t.c.id == row_id)).mappings().first()
            cache[(table, row_id)] = dict(row) if row else None
        return cache[(table, row_id)]

    return lookup


_PS = sa.table("problem_source", sa.column("problem_id"), sa.column("kind"),
               sa.column("source_id"), sa.column("server_version"), sa.column("deleted_at"))


def sources_of(conn: sa.Connection, problem_ids: Iterable[str]) -> dict[str, list[dict]]:
    """The live `problem_source` rows (kind, source_id) of these problems, by problem."""
    ids, out = sorted(set(problem_ids)), {}
    for start in range(0, len(ids), 500):
        rows = conn.execute(sa.select(_PS.c.problem_id, _PS.c.kind, _PS.c.source_id).where(
            _PS.c.problem_id.in_(ids[start:start + 500]), _PS.c.deleted_at.is_(None)))
        for row in rows.mappings():
            out.setdefault(row["problem_id"], []).append(dict(row))
    return out


def pending_relinks(conn: sa.Connection) -> set[str]:
    """Problems whose link was changed here and not yet acknowledged by HQ (their flag is
    HQ's judgement of the old link). Acknowledged outbox entries are pruned after a sync."""
    rows = conn.exec_driver_sql(
        "SELECT row_id, fields FROM outbox WHERE table_name = 'problem' AND op = 'update'")
    return {row_id for row_id, fields in rows
            if fields and LINK_FIELDS & orjson.loads(fields).keys()}


def unjudged_confidential(conn: sa.Connection) -> dict[str, str | None]:
    """Problems HQ has not judged (never pushed, or relinked since) whose source counts as
    confidential on this device: id -> category of the finding, when known here."""
    p = sa.table("problem", sa.column("id"), sa.column("source"), sa.column("source_id"),
                 sa.column("server_version"), sa.column("deleted_at"))
    # Relinked, or given a source HQ has not acknowledged yet.
    relinked = pending_relinks(conn) | set(conn.execute(sa.select(_PS.c.problem_id).where(
        _PS.c.server_version.is_(None))).scalars())
    unseen = p.c.server_version.is_(None)
    if relinked:
        unseen = sa.or_(unseen, p.c.id.in_(sorted(relinked)))
    rows = conn.execute(sa.select(p.c.id, p.c.source, p.c.source_id).where(
        p.c.deleted_at.is_(None), unseen)).mappings().all()
    lookup, sources = row_lookup(conn), sources_of(conn, [row["id"] for row in rows])
    out = {}
    for row in rows:
        confidential, category = judge_source(row, lookup, sources.get(row["id"], ()))
        if confidential:
            out[row["id"]] = category
    return out

