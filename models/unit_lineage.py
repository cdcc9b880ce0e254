"""A unit's kind and its ancestors' kinds: what `rules.group_fit_problems` reads to say
whether parents or patients may rate a unit (a class under a school, a ward under a hospital)."""

import sqlalchemy as sa

# The unit table's columns read here, without its SQLModel class (models.reference.Unit):
# `import evaluations` checks each form's group against its unit without loading the classes.
_U = sa.table("unit", sa.column("id"), sa.column("kind"), sa.column("parent_id"),
              sa.column("deleted_at"))


def kinds_up_all(conn: sa.Connection) -> dict[str, frozenset[str]]:
    """{unit id: the kinds of the unit and every unit above it} for the live units (one query;
    a few thousand units at most)."""
    rows = conn.execute(sa.select(_U.c.id, _U.c.kind, _U.c.parent_id)
                        .where(_U.c.deleted_at.is_(None))).all()
    units = {r.id: (r.kind, r.parent_id) for r in rows}
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
        row = conn.execute(sa.select(_U.c.kind, _U.c.parent_id).where(_U.c.id == node)).first()
        if row is None:
            break
        kinds.add(row.kind)
        node = row.parent_id
    return frozenset(kinds)
