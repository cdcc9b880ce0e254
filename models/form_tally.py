"""The valid forms counted as they are written (issue 15, "Performance": every results figure
over 100,000 forms in ≤ 50 ms).

Migration 0024 keeps three tallies with SQLite triggers on `evaluation`, so every write path
keeps them: `form_tally` (unit, campaign, respondent group, level), `criterion_tally` (unit,
campaign, criterion, level) and `month_tally` (month of `evaluated_on`, campaign, level,
source), each with its number of valid forms. The figures read them instead of the forms
whenever they answer the filters: the unit tallies when no period is set (a campaign, or all
forms), the month tally for a period of whole months too. Any other period is answered from
the forms, as before. The rows returned have the shape of the scans they replace, so every
figure is defined once, whichever rows it is summed from.
"""

from datetime import date, timedelta
from typing import Protocol

import sqlalchemy as sa

FORMS = sa.table("form_tally", *(sa.column(c) for c in (
    "unit_id", "campaign_id", "group", "level", "forms")))
CRITERIA = sa.table("criterion_tally", *(sa.column(c) for c in (
    "unit_id", "campaign_id", "criterion", "level", "forms")))
MONTHS = sa.table("month_tally", *(sa.column(c) for c in (
    "month", "campaign_id", "level", "source", "forms")))
DATED = sa.table("dated_tally", *(sa.column(c) for c in (
    "span", "unit_id", "campaign_id", "group", "level", "source", "forms")))
DATED_CRITERIA = sa.table("dated_criterion_tally", *(sa.column(c) for c in (
    "span", "unit_id", "campaign_id", "criterion", "level", "forms")))


class _Filters(Protocol):  # models.stats.Filters (which imports this module)
    campaign_id: str | None
    date_from: date | None
    date_to: date | None


def kept(conn: sa.Connection) -> bool:
    """Whether this database keeps the counts: a device store, not HQ's server database (the
    figures are computed there from the forms, as before)."""
    return conn.dialect.name == "sqlite" and conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'form_tally'").first() \
        is not None


def covers(conn: sa.Connection, f: _Filters) -> bool:
    """Whether the unit tallies answer the filters: no period, or one that holds every form's
    date (as a period "from 2 January 2000"), on a store that keeps them."""
    if f.date_from is None and f.date_to is None:
        return kept(conn)
    return kept_dated(conn) and _holds_every_day(conn, f)


def _holds_every_day(conn: sa.Connection, f: _Filters) -> bool:
    first, last = _first_and_last_day(conn)
    if first is None:
        return True  # no form: every period holds them all
    return ((f.date_from is None or f.date_from.isoformat() <= first)
            and (f.date_to is None or f.date_to.isoformat() >= last))


def _first_and_last_day(conn: sa.Connection) -> tuple[str | None, str | None]:
    """The first and last days of the valid forms, two steps along `dated_tally`'s key: the
    first span is the first month, the day after it in key order its first day; the last span
    is the last day."""
    return conn.exec_driver_sql(
        "SELECT (SELECT min(span) FROM dated_tally WHERE span > "
        "(SELECT min(span) FROM dated_tally)), (SELECT max(span) FROM dated_tally)").one()


def covers_months(conn: sa.Connection, f: _Filters) -> bool:
    """Whether the month tally answers the filters: no period, or one of whole months."""
    starts = f.date_from is None or f.date_from.day == 1
    ends = f.date_to is None or (f.date_to + timedelta(days=1)).day == 1
    return starts and ends and kept(conn)


def _campaign(table: sa.TableClause, f: _Filters) -> list:
    return [table.c.campaign_id == f.campaign_id] if f.campaign_id else []


def form_rows(conn: sa.Connection, f: _Filters, group: str | None = None) -> list[tuple]:
    """(unit_id, campaign_id, group, level, forms): models.stats.form_counts."""
    t = FORMS.c
    conds = _campaign(FORMS, f) + ([t.group == group] if group else [])
    return conn.execute(sa.select(t.unit_id, t.campaign_id, t.group, t.level, t.forms)
                        .where(*conds)).all()


def criterion_rows(conn: sa.Connection, f: _Filters) -> list[tuple]:
    """(unit_id, campaign_id, criterion, level, forms) of the forms that scored a criterion."""
    t = CRITERIA.c
    return conn.execute(sa.select(t.unit_id, t.campaign_id, t.criterion, t.level, t.forms)
                        .where(*_campaign(CRITERIA, f))).all()


LEVELS = ("satisfied", "fairly_satisfied", "basically_satisfied", "dissatisfied")  # Level


def _by_level(forms: sa.ColumnClause, level: sa.ColumnClause) -> list:
    """The forms at each level (in LEVELS' order) as four sums: one row per unit, campaign and
    criterion instead of one per level."""
    return [sa.func.sum(sa.case((level == sa.literal_column(f"'{v}'"), forms), else_=0))
            for v in LEVELS]


def criterion_level_rows(conn: sa.Connection, f: _Filters) -> list[tuple]:
    """(unit_id, campaign_id, criterion, forms satisfied, fairly, basically, dissatisfied):
    `criterion_rows` with a unit's four levels on one row, summed in the table's key order."""
    t = CRITERIA.c
    keys = (t.unit_id, t.campaign_id, t.criterion)
    return conn.execute(sa.select(*keys, *_by_level(t.forms, t.level))
                        .where(*_campaign(CRITERIA, f)).group_by(*keys)).all()


def month_rows(conn: sa.Connection, f: _Filters) -> list[tuple]:
    """("YYYY-MM", campaign_id, level, source, forms): models.trends.day_counts by month (the
    breakdowns by month and by source read no finer date)."""
    t = MONTHS.c
    conds = _campaign(MONTHS, f)
    if f.date_from:
        conds.append(t.month >= f.date_from.isoformat()[:7])
    if f.date_to:
        conds.append(t.month <= f.date_to.isoformat()[:7])
    return conn.execute(sa.select(t.month, t.campaign_id, t.level, t.source, t.forms)
                        .where(*conds)).all()


def kept_dated(conn: sa.Connection) -> bool:
    """Whether this database keeps the counts by day and month (migration 0027)."""
    return conn.dialect.name == "sqlite" and conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dated_tally'").first() \
        is not None


def covers_dated(conn: sa.Connection, f: _Filters) -> bool:
    """Whether the day and month counts answer the filters: any period (0027)."""
    return (f.date_from is not None or f.date_to is not None) and kept_dated(conn)


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def spans(conn: sa.Connection, f: _Filters) -> tuple[list[str], list[tuple[str, str]]]:
    """The period of `f` as the months it holds whole ("YYYY-MM") and the runs of days at its
    ends ((first, last) "YYYY-MM-DD"), within the forms' first and last months (a period
    reaching beyond them holds those months whole)."""
    first, last = _first_and_last_day(conn)
    if first is None:
        return [], []
    start = date.fromisoformat(first[:7] + "-01")
    end = _month_end(date.fromisoformat(last[:7] + "-01"))
    start = max(start, f.date_from) if f.date_from else start
    end = min(end, f.date_to) if f.date_to else end
    if start > end:
        return [], []
    days: list[tuple[str, str]] = []
    if start.day != 1:  # the days of the first month, up to its end or the period's
        days.append((start.isoformat(), min(end, _month_end(start)).isoformat()))
        start = _month_end(start) + timedelta(days=1)
    if start <= end and end != _month_end(end):  # the days of the last month
        days.append((max(start, end.replace(day=1)).isoformat(), end.isoformat()))
        end = end.replace(day=1) - timedelta(days=1)
    months = []
    while start <= end:
        months.append(start.isoformat()[:7])
        start = _month_end(start) + timedelta(days=1)
    return months, days


def _in_spans(column: sa.ColumnClause, months: list[str], days: list[tuple[str, str]]):
    return sa.or_(column.in_(months), *(column.between(a, b) for a, b in days))


def dated_rows(conn: sa.Connection, f: _Filters, group: str | None = None) -> list[tuple]:
    """(unit_id, campaign_id, group, level, forms) of a period: models.stats.form_counts."""
    months, days = spans(conn, f)
    if not months and not days:
        return []
    t = DATED.c
    keys = (t.unit_id, t.campaign_id, t.group, t.level)
    conds = [_in_spans(t.span, months, days), *_campaign(DATED, f)]
    if group:
        conds.append(t.group == group)
    return conn.execute(sa.select(*keys, sa.func.sum(t.forms)).where(*conds)
                        .group_by(*keys)).all()


def dated_criterion_rows(conn: sa.Connection, f: _Filters) -> list[tuple]:
    """(unit_id, campaign_id, criterion, level, forms) of a period's forms that scored one."""
    months, days = spans(conn, f)
    if not months and not days:
        return []
    t = DATED_CRITERIA.c
    keys = (t.unit_id, t.campaign_id, t.criterion, t.level)
    return conn.execute(sa.select(*keys, sa.func.sum(t.forms)).where(
        _in_spans(t.span, months, days), *_campaign(DATED_CRITERIA, f)).group_by(*keys)).all()


def dated_criterion_level_rows(conn: sa.Connection, f: _Filters) -> list[tuple]:
    """`criterion_level_rows` of a period."""
    months, days = spans(conn, f)
    if not months and not days:
        return []
    t = DATED_CRITERIA.c
    keys = (t.unit_id, t.campaign_id, t.criterion)
    return conn.execute(sa.select(*keys, *_by_level(t.forms, t.level)).where(
        _in_spans(t.span, months, days), *_campaign(DATED_CRITERIA, f)).group_by(*keys)).all()


def dated_day_rows(conn: sa.Connection, f: _Filters) -> list[tuple]:
    """models.trends.day_counts of a period: the months it holds whole from `month_tally`
    ("YYYY-MM"), the days at its ends from `dated_tally` ("YYYY-MM-DD")."""
    months, days = spans(conn, f)
    out: list[tuple] = []
    if months:
        t = MONTHS.c
        out += conn.execute(sa.select(t.month, t.campaign_id, t.level, t.source, t.forms)
                            .where(t.month.in_(months), *_campaign(MONTHS, f))).all()
    if days:
        t = DATED.c
        keys = (t.span, t.campaign_id, t.level, t.source)
        out += conn.execute(sa.select(*keys, sa.func.sum(t.forms)).where(
            _in_spans(t.span, [], days), *_campaign(DATED, f)).group_by(*keys)).all()
    return out
