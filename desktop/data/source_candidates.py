"""The records HQ may pick as one more source of a problem (issue 14 §1, "Add a source…" on the
problem form): findings, opinions, visits and dissatisfied forms, newest first, each described
as the problem's Sources list describes one. No Qt: the dialog labels the rows."""

import sqlalchemy as sa

from desktop.data.assignments import _TABLES, _describe
from models.enums import Level

LIMIT = 300  # a picker by list: the newest are the ones HQ adds; older ones by their unit
_DAY = {"finding": "found_on", "opinion": "received_on", "visit": "visit_date",
        "evaluation": "evaluated_on"}


def source_candidates(conn: sa.Connection, kind: str, problem_id: str) -> list[dict]:
    """[{id, kind, category, unit_id, text, visit_kind, day}] of `kind` not yet a source of
    the problem; for forms only the dissatisfied ones (the others cannot be a source)."""
    from models import assignments
    from models.records import Problem as ProblemRow

    t = _TABLES[kind].__table__
    query = sa.select(t.c.id).where(t.c.deleted_at.is_(None))
    if kind == "evaluation":
        query = query.where(t.c.level == Level.DISSATISFIED.value)
    query = query.order_by(t.c[_DAY[kind]].desc().nulls_last(), t.c.id.desc()).limit(LIMIT)
    p = ProblemRow.__table__
    problem = dict(conn.execute(sa.select(p).where(p.c.id == problem_id)).mappings().one())
    had = {s["source_id"] for s in assignments.sources_with_first(conn, problem)
           if str(s["kind"]) == kind}
    return [{"id": i, **_describe(conn, kind, i, problem, True)}
            for i in conn.execute(query).scalars() if i not in had]
