"""The pools a random round draws from (issue 16 §1, docs/rounds.md §1), read from the store.

Units: live, not the county itself, narrowed by appraisal category, township and "not visited
in the last N days"; the last band (末位) of the previous campaign weighted up by F. Each unit
carries its township (the nearest township unit at or above it). Representatives: live,
narrowed by kind and team, each with the units they may not be sent to: the township they live
in, their unit of work and that unit's township.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa

from models.enums import UnitKind
from models.errors import DomainError
from models.records import Visit
from models.reference import Campaign, Representative, Team, Unit
from models.rules import appraisal_category

ORDINARY_WEIGHT = 100  # a weight is in hundredths (docs/rounds.md §1)


@dataclass
class RoundRequest:
    campaign: str
    units: int
    date_from: date
    date_to: date
    team_size: int = 2
    max_per_rep: int = 1
    visit_kind: str = "secret"
    category: str | None = None
    township: str | None = None
    not_visited_days: int | None = None
    weight_last_band: float | None = None
    rep_kinds: tuple[str, ...] = field(default_factory=tuple)
    rep_team: str | None = None


def campaign_id(conn: sa.Connection, name: str) -> str:
    t = Campaign.__table__
    found = conn.execute(sa.select(t.c.id).where(t.c.name == name, t.c.deleted_at.is_(None))
                         ).scalars().all()
    if len(found) != 1:
        raise DomainError(code="round_unknown_campaign", params={"campaign": name})
    return found[0]


def _units(conn: sa.Connection) -> dict[str, sa.Row]:
    t = Unit.__table__
    return {r.id: r for r in conn.execute(sa.select(t.c.id, t.c.name, t.c.kind, t.c.parent_id,
                                                    t.c.category).where(t.c.deleted_at.is_(None)))}


def township_of(units: dict[str, sa.Row], unit_id: str | None) -> str | None:
    seen, node = set(), unit_id
    while node in units and node not in seen:
        if units[node].kind == UnitKind.TOWNSHIP:
            return node
        seen.add(node)
        node = units[node].parent_id
    return None


def _recently_visited(conn: sa.Connection, today: date, days: int) -> set[str]:
    t = Visit.__table__
    return set(conn.execute(sa.select(t.c.unit_id).where(
        t.c.deleted_at.is_(None), t.c.visit_date >= today - timedelta(days=days))).scalars())


def _last_band(conn: sa.Connection, current_id: str) -> set[str]:
    from models.comparison import campaigns, previous_campaign
    from models.rankings import Band, category_ranking

    found = campaigns(conn)
    current = next(c for c in found if c.id == current_id)
    previous = previous_campaign(found, current)
    if previous is None:
        return set()
    return {u["unit_id"] for units in category_ranking(conn, previous.id).values()
            for u in units if u["band"] == Band.LAST}


def unit_pool(conn: sa.Connection, req: RoundRequest, cid: str, today: date) -> list[dict]:
    units = _units(conn)
    skip = _recently_visited(conn, today, req.not_visited_days) if req.not_visited_days else set()
    heavy = _last_band(conn, cid) if req.weight_last_band else set()
    weight = round((req.weight_last_band or 1) * ORDINARY_WEIGHT)
    pool = []
    for uid, u in units.items():
        township = township_of(units, uid)
        if (u.kind == UnitKind.COUNTY or uid in skip
                or (req.category and appraisal_category(u.kind, u.category) != req.category)
                or (req.township and (township is None or units[township].name != req.township))):
            continue
        pool.append({"id": uid, "township": township,
                     "weight": weight if uid in heavy else ORDINARY_WEIGHT})
    return pool


def people_pool(conn: sa.Connection, req: RoundRequest) -> list[dict]:
    units, t = _units(conn), Representative.__table__
    query = sa.select(t.c.id, t.c.kind, t.c.township_unit_id, t.c.work_unit_id).where(
        t.c.deleted_at.is_(None))
    if req.rep_kinds:
        query = query.where(t.c.kind.in_(req.rep_kinds))
    if req.rep_team:
        teams = Team.__table__
        query = query.where(t.c.team_id.in_(sa.select(teams.c.id).where(
            teams.c.name == req.rep_team, teams.c.deleted_at.is_(None))))
    return [{"id": r.id, "kind": r.kind,
             "conflicts": sorted({x for x in (r.township_unit_id, r.work_unit_id,
                                              township_of(units, r.work_unit_id)) if x})}
            for r in conn.execute(query)]


def gather_inputs(conn: sa.Connection, req: RoundRequest, today: date) -> tuple[str, dict]:
    """(campaign id, the draw's inputs) for `req`."""
    cid = campaign_id(conn, req.campaign)
    constraints = {"units": req.units, "date_from": req.date_from.isoformat(),
                   "date_to": req.date_to.isoformat(), "visit_kind": req.visit_kind,
                   "team_size": req.team_size, "max_per_rep": req.max_per_rep}
    return cid, {"units": unit_pool(conn, req, cid, today),
                 "representatives": people_pool(conn, req), "constraints": constraints}
