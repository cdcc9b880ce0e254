"""The valid forms counted as they are written (issue 15, "Performance": every results figure
over 100,000 forms in ≤ 50 ms).

`evaluation_tally` (migration 0018) holds, per unit, campaign, respondent group, level, level
on each criterion, source and month of `evaluated_on`, the number of valid forms; SQLite
triggers on `evaluation` keep it on every write. The grouped scans the figures are summed from
(models.stats.form_counts, models.criteria.criteria_scan, models.trends.day_counts) read it
instead of the forms whenever the filters can be answered from it: no period, or a period of
whole months (a year, a quarter, a month). A period that starts or ends inside a month is
answered from the forms, as before. The rows returned have the shape of those scans, so every
figure is defined once, whichever rows it is summed from.
"""

from datetime import date, timedelta
from typing import Protocol

import sqlalchemy as sa

CRITERIA = ("discipline", "law", "service", "integrity", "efficiency")
TALLY = sa.table("evaluation_tally", *(sa.column(c) for c in (
    "unit_id", "campaign_id", "group", "level", *CRITERIA, "source", "month", "forms")))


class _Filters(Protocol):  # models.stats.Filters (which imports this module)
    campaign_id: str | None
    date_from: date | None
    date_to: date | None


def covers(f: _Filters) -> bool:
    """Whether the tally answers the filters: no period, or one of whole months."""
    starts = f.date_from is None or f.date_from.day == 1
    ends = f.date_to is None or (f.date_to + timedelta(days=1)).day == 1
    return starts and ends


def _conds(f: _Filters) -> list:
    t = TALLY.c
    conds = [t.campaign_id == f.campaign_id] if f.campaign_id else []
    if f.date_from:
        conds.append(t.month >= f.date_from.isoformat()[:7])
    if f.date_to:
        conds.append(t.month <= f.date_to.isoformat()[:7])
    return conds


def _grouped(conn: sa.Connection, keys: list, shown: list, conds: list) -> list[tuple]:
    return conn.execute(sa.select(*shown, sa.func.sum(TALLY.c.forms)).where(*conds)
                        .group_by(*keys)).all()


def form_rows(conn: sa.Connection, f: _Filters, group: str | None = None) -> list[tuple]:
    """(unit_id, campaign_id, group, level, forms): models.stats.form_counts."""
    t = TALLY.c
    keys = [t.unit_id, t.campaign_id, t.group, t.level]
    conds = _conds(f) + ([t.group == group] if group else [])
    return _grouped(conn, keys, keys, conds)


def criteria_rows(conn: sa.Connection, f: _Filters) -> list[tuple]:
    """(unit_id, campaign_id, group, level, discipline, …, efficiency, forms), a criterion
    left blank as None: models.criteria.criteria_scan. Grouped in the primary key's order."""
    t = TALLY.c
    keys = [t.unit_id, t.campaign_id, t.group, t.level, *(t[c] for c in CRITERIA)]
    shown = [*keys[:4], *(sa.func.nullif(t[c], "") for c in CRITERIA)]
    return _grouped(conn, keys, shown, _conds(f))


def month_rows(conn: sa.Connection, f: _Filters) -> list[tuple]:
    """("YYYY-MM", campaign_id, level, source, forms): models.trends.day_counts by month (the
    breakdowns by month and by source read no finer date)."""
    t = TALLY.c
    keys = [t.month, t.campaign_id, t.level, t.source]
    return _grouped(conn, keys, keys, _conds(f))
