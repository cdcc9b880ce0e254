"""The rows the outputs are made of: plain queries over valid (not deleted) records.

Everything returned is a plain dict or list, never an attached ORM object, so the window can
run these on its worker thread and hand the results back.
"""

from dataclasses import dataclass, field, replace
from datetime import date

import sqlalchemy as sa

from models import rules
from models.campaigns import LeftOut, left_out
from models.enums import UnitKind
from models.errors import NotFoundError, ValidationError
from models.errors import Problem as InputProblem
from models.records import Finding, Problem, Visit
from models.reference import Campaign, Unit
from models.timeutil import local_today

P, U, C = Problem.__table__, Unit.__table__, Campaign.__table__
F, V = Finding.__table__, Visit.__table__


# --- units and campaigns --------------------------------------------------------------------
def unit_rows(conn: sa.Connection) -> dict[str, dict]:
    rows = conn.execute(sa.select(U.c.id, U.c.name, U.c.kind, U.c.parent_id)
                        .where(U.c.deleted_at.is_(None))).mappings()
    return {r["id"]: dict(r) for r in rows}


def unit_labels(conn: sa.Connection) -> dict[str, str]:
    """A unit's display name: its ancestors below the county, then its own name
    (白泥镇第一小学, 县政务服务中心社保缴费窗口), so units that share a name stay apart."""
    units = unit_rows(conn)
    labels: dict[str, str] = {}
    for uid, u in units.items():
        parts, seen, node = [], set(), u
        while node and node["id"] not in seen:
            seen.add(node["id"])
            if node["kind"] != UnitKind.COUNTY or node is u:
                parts.append(node["name"])
            node = units.get(node["parent_id"])
        labels[uid] = "".join(reversed(parts))
    return labels


def subtree(conn: sa.Connection, unit_id: str) -> set[str]:
    children: dict[str | None, list[str]] = {}
    for uid, u in unit_rows(conn).items():
        children.setdefault(u["parent_id"], []).append(uid)
    found, todo = set(), [unit_id]
    while todo:
        uid = todo.pop()
        if uid not in found:
            found.add(uid)
            todo += children.get(uid, [])
    return found


def find_unit(conn: sa.Connection, name: str) -> str:
    """A unit by name, by display name (白泥镇第一小学) or by path (白泥镇/第一小学)."""
    labels = unit_labels(conn)
    units = unit_rows(conn)
    wanted = name.strip()
    hits = [uid for uid, label in labels.items()
            if label == wanted or label == wanted.replace("/", "")]
    if not hits:
        hits = [uid for uid, u in units.items() if u["name"] == wanted]
    if not hits:
        raise NotFoundError(code="no_such_unit", params={"name": name})
    if len(hits) > 1:
        choices = "、".join(sorted(labels[h] for h in hits)[:20])
        raise ValidationError(InputProblem.of("unit", "unit_name_ambiguous", name=name,
                                              count=len(hits), choices=choices))
    return hits[0]


def find_campaign(conn: sa.Connection, name: str | None) -> dict | None:
    if not name:
        return None
    row = conn.execute(sa.select(C).where(C.c.name == name, C.c.deleted_at.is_(None))
                       ).mappings().first()
    if row is None:
        raise NotFoundError(code="no_such_campaign", params={"name": name})
    return dict(row)


def latest_campaign(conn: sa.Connection) -> dict | None:
    row = conn.execute(sa.select(C).where(C.c.deleted_at.is_(None))
                       .order_by(C.c.year.desc(), C.c.created_at.desc())).mappings().first()
    return dict(row) if row else None


# --- problems -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ProblemFilter:
    campaign_id: str | None = None
    unit_ids: frozenset[str] | None = None
    statuses: tuple[str, ...] = ()
    overdue_only: bool = False
    open_only: bool = False
    as_of: date = field(default_factory=local_today)
    # The report date, as the window's ledger and `stats` filter it.
    date_from: date | None = None
    date_to: date | None = None


def problem_rows(conn: sa.Connection, flt: ProblemFilter) -> list[dict]:
    """Problems with their unit's display name and the kind of visit they came from (for a
    problem found on a visit), ordered by deadline then report date."""
    visit_kind = (sa.select(V.c.kind).select_from(F.join(V, V.c.id == F.c.visit_id))
                  .where(F.c.id == P.c.source_id).scalar_subquery())
    query = sa.select(P, visit_kind.label("visit_kind")).where(P.c.deleted_at.is_(None))
    if flt.campaign_id:
        query = query.where(P.c.campaign_id == flt.campaign_id)
    if flt.statuses:
        query = query.where(P.c.status.in_(flt.statuses))
    if flt.date_from:
        query = query.where(P.c.reported_on >= flt.date_from)
    if flt.date_to:
        query = query.where(P.c.reported_on <= flt.date_to)
    rows = [dict(r) for r in conn.execute(
        query.order_by(P.c.deadline.is_(None), P.c.deadline, P.c.reported_on, P.c.id)).mappings()]
    if flt.unit_ids is not None:
        rows = [r for r in rows if r["unit_id"] in flt.unit_ids]
    if flt.overdue_only:
        rows = [r for r in rows if rules.is_overdue(r["deadline"], r["status"], flt.as_of)]
    if flt.open_only:
        rows = [r for r in rows if not is_rectified(r["status"])]
    labels = unit_labels(conn)
    for r in rows:
        r["unit_label"] = labels.get(r["unit_id"], "")
    return rows


def problems_left_out(conn: sa.Connection, flt: ProblemFilter) -> LeftOut:
    """The problems the output would hold but for its campaign filter."""
    if not flt.campaign_id:
        return LeftOut()
    every = problem_rows(conn, replace(flt, campaign_id=None))
    return left_out((r["campaign_id"] for r in every), flt.campaign_id)


def is_rectified(status: str) -> bool:
    return status not in rules.OPEN_STATUSES


def days_past(deadline: date, as_of: date) -> int:
    """Days from the deadline to `as_of`: negative while it is still ahead (the overdue list's
    upcoming part); whether a problem is overdue is `rules.is_overdue`'s to say."""
    return (as_of - deadline).days
