"""Small reference lists the window keeps at hand: units (with paths), campaigns, teams,
representatives. Hundreds of rows, fetched in one go on the DB worker."""

from dataclasses import dataclass, field

import sqlalchemy as sa

from models.tables import Campaign, Representative, Team, Unit


@dataclass
class Reference:
    units: list[dict] = field(default_factory=list)  # id, name, kind, parent_id, path
    campaigns: list[dict] = field(default_factory=list)
    teams: list[dict] = field(default_factory=list)
    representatives: list[dict] = field(default_factory=list)

    def unit_path(self, unit_id: str | None) -> str:
        for unit in self.units:
            if unit["id"] == unit_id:
                return unit["path"]
        return ""


def _live(conn: sa.Connection, table: sa.Table, *cols, order=None) -> list[dict]:
    query = sa.select(*(table.c[c] for c in cols)).where(table.c.deleted_at.is_(None))
    query = query.order_by(table.c[order or cols[1]])
    return [dict(r) for r in conn.execute(query).mappings()]


def load_reference(conn: sa.Connection) -> Reference:
    units = _live(conn, Unit.__table__, "id", "name", "kind", "parent_id")
    by_id = {u["id"]: u for u in units}
    for unit in units:
        names, seen, node = [], set(), unit
        while node is not None and node["id"] not in seen:
            seen.add(node["id"])
            names.append(node["name"])
            node = by_id.get(node["parent_id"])
        unit["path"] = "/".join(reversed(names))
    units.sort(key=lambda u: u["path"])
    campaigns = _live(conn, Campaign.__table__, "id", "name", "year", "is_open", "min_sample",
                      order="year")
    campaigns.reverse()
    return Reference(
        units=units,
        campaigns=campaigns,
        teams=_live(conn, Team.__table__, "id", "name"),
        representatives=_live(conn, Representative.__table__, "id", "name", "team_id"),
    )
