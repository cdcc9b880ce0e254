"""One unit's figures, as the dashboard opens them from its ranking (issue 15 §2): its forms,
rate and score overall and per respondent group, its place in its category, and its problems.
Every figure is the one models.stats and models.rankings define, computed on this unit's rows
only (an indexed look-up, not a county scan)."""

from datetime import date

import sqlalchemy as sa

from models import rules
from models.enums import ProblemStatus
from models.rankings import category_ranking
from models.stats import EV, PROBLEM, Filters, ranking_from_counts, valid_forms


def unit_figures(conn: sa.Connection, unit_id: str, f: Filters, as_of: date) -> dict:
    """{"overall": ranking row or None, "by_group": {group: row}, "problems": {...}} for the
    forms and problems `f` selects (the dashboard's filters); the overall row carries
    `category`, `rank` (in the category), `band` and `points`."""
    campaign_id = f.campaign_id
    keys = (EV.c.unit_id, EV.c.campaign_id, EV.c.group, EV.c.level)
    counts = conn.execute(sa.select(*keys, sa.func.count())
                          .where(*valid_forms(f), EV.c.unit_id == unit_id)
                          .group_by(*keys)).all()
    by_group = {}
    for group in sorted({c[2] for c in counts}):
        rows = ranking_from_counts(conn, [c for c in counts if c[2] == group], campaign_id)
        by_group[group] = rows[0]
    placed = [u for units in category_ranking(conn, campaign_id, f=f).values() for u in units
              if u["unit_id"] == unit_id]
    return {"overall": placed[0] if placed else None, "by_group": by_group,
            "problems": _problems(conn, unit_id, f, as_of)}


def _problems(conn: sa.Connection, unit_id: str, f: Filters, as_of: date) -> dict:
    p = PROBLEM
    rows = conn.execute(sa.select(p.c.status, p.c.deadline).where(
        p.c.unit_id == unit_id, *f.dated(p.c.reported_on), *f.campaign(p))).all()
    rectified = rules.status_rank(ProblemStatus.RECTIFIED)
    return {"total": len(rows),
            "rectified": sum(rules.status_rank(s) >= rectified for s, _ in rows),
            "overdue": sum(rules.is_overdue(d, s, as_of) for s, d in rows)}
