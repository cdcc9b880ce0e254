"""A unit's kind and its ancestors' kinds: what `rules.group_fit_problems` reads to say
whether parents or patients may rate a unit (a class under a school, a ward under a hospital)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlalchemy as sa

# The unit table read as driver SQL, without its SQLModel class (models.reference.Unit) or
# SQLAlchemy: `import evaluations` checks each form's group against its unit without loading
# either (models/store/driver.py). "?" is SQLite's and a device store's: HQ never asks this.


def kinds_up_all(conn: sa.Connection) -> dict[str, frozenset[str]]:
    """{unit id: the kinds of the unit and every unit above it} for the live units (one query;
    a few thousand units at most)."""
    rows = conn.exec_driver_sql(
        "SELECT id, kind, parent_id FROM unit WHERE deleted_at IS NULL").fetchall()
    units = {unit_id: (kind, parent_id) for unit_id, kind, parent_id in rows}
    out: dict[str, frozenset[str]] = {}
    for unit_id in units:
        kinds, seen, node = set(), set(), unit_id
        while node in units and node not in seen:  # a loop in the tree ends the walk
            seen.add(node)
            kind, node = units[node]
            kinds.add(kind)
        out[unit_id] = frozenset(kinds)
    return out


def kinds_up(conn: sa.Connection, unit_id: str | None) -> frozenset[str]:
    kinds, seen, node = set(), set(), unit_id
    while node and node not in seen:
        seen.add(node)
        row = conn.exec_driver_sql("SELECT kind, parent_id FROM unit WHERE id = ?",
                                   (node,)).first()
        if row is None:
            break
        kinds.add(row[0])
        node = row[1]
    return frozenset(kinds)
