"""Breakdowns across time and place (issue 15 §3): the county's figures split by month,
township, finding category, opinion category and source.

Each breakdown is a list of rows `{key, forms, satisfaction_rate, weighted_score, ...}` (forms
figures defined exactly as models.stats defines the overall ones) or `{key, count}` for the
records that are counted, not rated. docs/foundation.md ("Breakdowns") defines each one.
"""

from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa

from models import form_tally
from models.enums import EvaluationSource, FindingCategory, Level, OpinionCategory, OpinionSource
from models.stats import (
    Filters,
    _view,
    _weights_for,
    campaign_weights,
    form_counts,
)

UNIT_TREE = _view("unit", "id", "name", "kind", "parent_id")
EV_SOURCE = _view("evaluation", "campaign_id", "level", "source",
                  sa.column("voided", sa.Boolean), sa.column("evaluated_on", sa.Date))
FINDING_CAT = _view("finding", "category", sa.column("found_on", sa.Date))
OPINION_CAT = _view("opinion", "campaign_id", "category", "source",
                    sa.column("received_on", sa.Date))
NO_TOWNSHIP = ""  # the key of forms for units under no township (county departments)


class _Rated:
    """Forms, forms not dissatisfied and weighted points of one breakdown row."""

    __slots__ = ("forms", "kept", "points")

    def __init__(self) -> None:
        self.forms, self.kept, self.points = 0, 0, 0.0

    def add(self, level: str, n: int, weight: float) -> None:
        self.forms += n
        self.kept += 0 if level == Level.DISSATISFIED else n
        self.points += n * weight

    def row(self, key: str) -> dict:
        return {"key": key, "forms": self.forms,
                "satisfaction_rate": self.kept / self.forms if self.forms else None,
                "weighted_score": self.points / self.forms if self.forms else None}


def _rated(rows: Iterable[tuple], weights: dict) -> dict[str, _Rated]:
    """(key, campaign_id, level, n) rows → per key accumulators."""
    acc: dict[str, _Rated] = defaultdict(_Rated)
    for key, cid, level, n in rows:
        acc[key].add(level, n, _weights_for(weights, cid)[Level(level)])
    return acc


def day_counts(conn: sa.Connection, f: Filters) -> list[tuple]:
    """(evaluated_on, campaign_id, level, source, count) of valid forms: the rows the
    breakdowns by month and by source come from. From the counts kept on write
    (models.form_tally) where they answer the filters, with the month ("YYYY-MM") for the date
    (the day for the days at the ends of a period that starts or ends mid-month); else from the
    forms."""
    if form_tally.covers_months(conn, f):
        return form_tally.month_rows(conn, f)
    if form_tally.covers_dated(conn, f):
        return form_tally.dated_day_rows(conn, f)
    return day_counts_of_forms(conn, f)


def day_counts_of_forms(conn: sa.Connection, f: Filters) -> list[tuple]:
    """`day_counts` read in group order from the covering date index
    (ix_evaluation_evaluated_on, migration 0015), never the table."""
    e = EV_SOURCE
    keys = (e.c.evaluated_on, e.c.campaign_id, e.c.level, e.c.source)
    conds = [*f.dated(e.c.evaluated_on), e.c.voided.is_(False), *f.campaign(e)]
    return conn.execute(sa.select(*keys, sa.func.count()).where(*conds).group_by(*keys)).all()


def _month(day) -> str:
    return day.isoformat()[:7] if hasattr(day, "isoformat") else str(day)[:7]


def forms_by_month(conn: sa.Connection, f: Filters, days: list[tuple] | None = None) -> list[dict]:
    """Valid forms per calendar month of `evaluated_on` ("YYYY-MM"), oldest first."""
    days = day_counts(conn, f) if days is None else days
    acc = _rated(((_month(day), cid, level, n) for day, cid, level, _s, n in days),
                 campaign_weights(conn))
    return [acc[k].row(k) for k in sorted(acc)]


def forms_by_source(conn: sa.Connection, f: Filters, days: list[tuple] | None = None) -> list[dict]:
    """Valid forms per source (paper, kiosk, online, interview), each source listed."""
    days = day_counts(conn, f) if days is None else days
    acc = _rated(((source, cid, level, n) for _d, cid, level, source, n in days),
                 campaign_weights(conn))
    return [acc[s.value].row(s.value) for s in EvaluationSource]


def township_of(conn: sa.Connection) -> dict[str, str]:
    """Each unit's township: the nearest of itself and its ancestors whose kind is township
    (NO_TOWNSHIP for units under none, e.g. county departments)."""
    u = UNIT_TREE
    units = {r[0]: (r[1], r[2]) for r in conn.execute(
        sa.select(u.c.id, u.c.kind, u.c.parent_id).where(u.c.deleted_at.is_(None)))}
    found: dict[str, str] = {}
    for uid in units:
        path, node, answer = [], uid, NO_TOWNSHIP
        while node in units and node not in path:
            if node in found:
                answer = found[node]
                break
            path.append(node)
            kind, parent = units[node]
            if kind == "township":
                answer = node
                break
            node = parent
        found.update(dict.fromkeys(path, answer))
    return found


def forms_by_township(conn: sa.Connection, f: Filters,
                      counts: list[tuple] | None = None) -> list[dict]:
    """Valid forms per township of the unit rated (from the scan `form_counts` gives), most
    forms first; `key` is the township's id (NO_TOWNSHIP: county level), `name` its name."""
    counts = form_counts(conn, f) if counts is None else counts
    township = township_of(conn)
    acc = _rated(((township.get(uid, NO_TOWNSHIP), cid, level, n)
                  for uid, cid, _g, level, n in counts), campaign_weights(conn))
    names = dict(conn.execute(sa.select(UNIT_TREE.c.id, UNIT_TREE.c.name)).all())
    rows = [{**acc[k].row(k), "name": names.get(k, "")} for k in acc]
    return sorted(rows, key=lambda r: (r["key"] == NO_TOWNSHIP, -r["forms"], r["name"]))


def _counted(conn: sa.Connection, column: sa.ColumnClause, keys: Iterable[str], *conds,
             none_key: str | None = None) -> list[dict]:
    out = dict.fromkeys(keys, 0)
    for key, n in conn.execute(sa.select(column, sa.func.count()).where(*conds)
                               .group_by(column)):
        key = key or none_key
        if key is not None:
            out[key] = out.get(key, 0) + n
    return [{"key": k, "count": n} for k, n in out.items()]


def findings_by_category(conn: sa.Connection, f: Filters) -> list[dict]:
    """Live findings of the period per category (every category listed)."""
    fi = FINDING_CAT
    return _counted(conn, fi.c.category, [c.value for c in FindingCategory],
                    *f.dated(fi.c.found_on))


def opinions_by_category(conn: sa.Connection, f: Filters) -> list[dict]:
    """Live opinions of the period (and campaign) per category; `unsorted`: no category yet."""
    o = OPINION_CAT
    return _counted(conn, o.c.category, [*(c.value for c in OpinionCategory), "unsorted"],
                    *f.dated(o.c.received_on), *f.campaign(o), none_key="unsorted")


def opinions_by_source(conn: sa.Connection, f: Filters) -> list[dict]:
    o = OPINION_CAT
    return _counted(conn, o.c.source, [s.value for s in OpinionSource],
                    *f.dated(o.c.received_on), *f.campaign(o))


def breakdowns(conn: sa.Connection, f: Filters, counts: list[tuple] | None = None) -> dict:
    """Every breakdown for the filters, JSON-ready (the `breakdowns` of `stats --json`)."""
    days = day_counts(conn, f)
    return {
        "month": forms_by_month(conn, f, days),
        "township": forms_by_township(conn, f, counts),
        "finding_category": findings_by_category(conn, f),
        "opinion_category": opinions_by_category(conn, f),
        "source": {"forms": forms_by_source(conn, f, days),
                   "opinions": opinions_by_source(conn, f)},
    }


def trend_figures(conn: sa.Connection, f: Filters) -> dict:
    """`breakdowns` and `comparison` of `stats --json` (the comparison is of the filter's
    campaign, else the latest; possible repeats only where this store acts as HQ)."""
    from models.comparison import acts_as_hq, comparison

    return {"breakdowns": breakdowns(conn, f),
            "comparison": comparison(conn, f.campaign_id, with_people=acts_as_hq(conn))}
