"""Small reference lists the window keeps at hand: units (with paths), campaigns, teams,
representatives. Hundreds of rows, fetched in one go on the DB worker.

Read at driver level on purpose: this runs before the first window is drawn, and the SQLModel
table classes cost ~0.4 s to import; the pages that need them import them later."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from models.natural_sort import natural_key

if TYPE_CHECKING:  # the passphrase dialog shows before SQLAlchemy is imported
    import sqlalchemy as sa


@dataclass
class Reference:
    units: list[dict] = field(default_factory=list)  # id, name, kind, parent_id, path
    campaigns: list[dict] = field(default_factory=list)
    teams: list[dict] = field(default_factory=list)
    representatives: list[dict] = field(default_factory=list)
    # The campaign new problems and opinions take (models.campaigns.open_campaign_id).
    open_campaign_id: str | None = None
    # A new problem's deadline, days after it is reported: HQ's office settings (issue 14 §5).
    deadline_days: int = 30

    def unit_label(self, unit_id: str | None) -> str:
        """The unit as lists name it: "第二小学（白泥镇）", its parent beside it unless that is
        the county at the top (desktop.data.lists.UNIT_LABEL is the same rule in SQL)."""
        return _label({u["id"]: u for u in self.units}, unit_id)

    def unit_labels(self) -> dict[str, str]:
        by_id = {u["id"]: u for u in self.units}  # once, not once per unit (355 at the dashboard)
        return {u["id"]: _label(by_id, u["id"]) for u in self.units}

    def unit_path(self, unit_id: str | None) -> str:
        for unit in self.units:
            if unit["id"] == unit_id:
                return unit["path"]
        return ""


def _label(by_id: dict[str, dict], unit_id: str | None) -> str:
    unit = by_id.get(unit_id)
    if unit is None:
        return ""
    parent = by_id.get(unit["parent_id"])
    if parent is None or parent["parent_id"] is None:
        return unit["name"]
    return f"{unit['name']}（{parent['name']}）"


def _live(conn: sa.Connection, table: str, cols: tuple[str, ...], order: str) -> list[dict]:
    names = ", ".join(f'"{c}"' for c in cols)
    rows = conn.exec_driver_sql(
        f'SELECT {names} FROM "{table}" WHERE deleted_at IS NULL ORDER BY "{order}"')
    return [dict(zip(cols, r, strict=True)) for r in rows]


def load_reference(conn: sa.Connection) -> Reference:
    units = _live(conn, "unit", ("id", "name", "kind", "parent_id", "category"), "name")
    by_id = {u["id"]: u for u in units}
    for unit in units:
        names, seen, node = [], set(), unit
        while node is not None and node["id"] not in seen:
            seen.add(node["id"])
            names.append(node["name"])
            node = by_id.get(node["parent_id"])
        unit["path"] = "/".join(reversed(names))
    units.sort(key=lambda u: u["path"])
    campaigns = _live(conn, "campaign", ("id", "name", "year", "is_open", "min_sample"), "year")
    for c in campaigns:
        c["is_open"] = bool(c["is_open"])
    campaigns.reverse()
    from models.campaigns import open_campaign_id  # here: it imports SQLAlchemy (see above)

    return Reference(
        units=units,
        campaigns=campaigns,
        open_campaign_id=open_campaign_id(conn),
        teams=sorted(_live(conn, "team", ("id", "name"), "name"),
                     key=lambda t: natural_key(t["name"])),
        representatives=_live(conn, "representative", ("id", "name", "team_id"), "name"),
        deadline_days=_deadline_days(conn),
    )


def _deadline_days(conn: sa.Connection) -> int:
    """HQ's default deadline (models/office_settings.py; there is one record), else 30 days."""
    days = conn.exec_driver_sql("SELECT default_deadline_days FROM office_settings "
                                "WHERE deleted_at IS NULL LIMIT 1").scalar()
    return int(days) if days else 30
