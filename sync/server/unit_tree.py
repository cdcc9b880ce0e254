"""The unit tree as HQ reads it for a device's scope: a unit's ancestors (a kiosk and a unit
liaison receive them) and a unit's sub-tree (a liaison's units; what a moved unit takes along).
"""

import sqlalchemy as sa

from models.reference import Unit


def unit_subtree(conn: sa.Connection, roots: list[str]) -> list[str]:
    """The units `roots` and all their descendants (one query over the unit table)."""
    t = Unit.__table__
    children: dict[str, list[str]] = {}
    for unit_id, parent_id in conn.execute(sa.select(t.c.id, t.c.parent_id)):
        if parent_id:
            children.setdefault(parent_id, []).append(unit_id)
    out: dict[str, None] = {}  # ordered, and a cycle in bad data ends here
    todo = list(roots)
    while todo:
        unit_id = todo.pop()
        if unit_id not in out:
            out[unit_id] = None
            todo.extend(children.get(unit_id, ()))
    return list(out)


def unit_and_ancestors(conn: sa.Connection, unit_id: str) -> list[str]:
    """The unit, its parent, and so on up to the root (at most 50: bad data never loops)."""
    t, out = Unit.__table__, []
    while unit_id and unit_id not in out and len(out) < 50:
        out.append(unit_id)
        unit_id = conn.execute(sa.select(t.c.parent_id).where(t.c.id == unit_id)).scalar()
    return out
