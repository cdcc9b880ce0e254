"""Criticisms of a named person, read for the window without Qt (on the DB worker)."""

import sqlalchemy as sa

from models.records import PersonnelCriticism


def earlier_cases(conn: sa.Connection, person_name: str) -> list[dict]:
    """The person's earlier criticisms, newest first (at most 20): shown while one is typed."""
    t = PersonnelCriticism.__table__
    rows = conn.execute(
        sa.select(t.c.decided_on, t.c.sanction, t.c.behaviour)
        .where(t.c.person_name == person_name, t.c.deleted_at.is_(None))
        .order_by(t.c.decided_on.desc()).limit(20)
    ).mappings()
    return [dict(r) for r in rows]
