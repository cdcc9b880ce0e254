"""The five criteria (issue 15 §1): per unit, appraisal category, township and the county, and
per criterion (discipline, law, service, integrity, efficiency), the satisfaction rate and the
weighted score defined exactly as the overall ones (models.stats.level_figures: forms not
dissatisfied on that criterion / forms that scored it; the mean of the campaign's level
weights), with the count of forms that scored it.

Every figure is summed from one row per unit, campaign and criterion with the forms at each of
the four levels: on a device, SQLite sums them from the counts kept on write
(models.form_tally: criterion_tally, or dated_criterion_tally for a period); elsewhere (HQ's
server database) from one grouped scan of the covering index ix_evaluation_unit_counts
(`criteria_scan`). A category's, township's and the county's counts are the sums of their
units', weighed per campaign and level only at the end.
"""

from collections import defaultdict

import sqlalchemy as sa

from models import form_tally
from models.enums import Criterion, Level, UnitKind
from models.rules import DEFAULT_WEIGHTS, appraisal_category
from models.stats import (
    EV,
    UNIT,
    Filters,
    campaign_weights,
    level_figures,
    valid_forms,
)

# (campaign_id, criterion, level) -> forms, per unit: what every criteria figure sums.
Tally = dict[tuple[str, Criterion, Level], int]


def criteria_scan(conn: sa.Connection, f: Filters) -> list[tuple]:
    """(unit_id, campaign_id, group, level, discipline, law, service, integrity, efficiency,
    forms) of the valid forms: every form figure can be summed from these rows (read where
    the counts kept on write, models.form_tally, do not answer the filters: a period).

    Grouped by every column of ix_evaluation_unit_counts up to the criteria, in the index's
    order: SQLite walks the index with no sort and returns a row per combination of levels
    (~7,600 for the demo county's 100,000 forms, whose answers on the five criteria go
    together); summing those here costs less than twenty conditional sums per form in SQL."""
    keys = (EV.c.unit_id, EV.c.campaign_id, EV.c.group, EV.c.level,
            *(EV.c[c] for c in Criterion))
    return conn.execute(sa.select(*keys, sa.func.count()).where(*valid_forms(f))
                        .group_by(*keys)).all()


def form_counts_of(rows: list[tuple]) -> list[tuple]:
    """models.stats.form_counts from the rows of `criteria_scan` (the dashboard and `stats`
    read the forms once for both)."""
    out: dict[tuple, int] = defaultdict(int)
    for row in rows:
        out[row[:4]] += row[-1]
    return [(*key, n) for key, n in out.items()]


def tallied_counts(conn: sa.Connection, f: Filters,
                   counts: list[tuple] | None = None) -> dict[str, Tally]:
    """`criteria_counts` from the counts kept on write (of the period by day and month, if `f`
    has one); a unit whose forms scored no criterion is listed too, with none counted, as the
    scan lists it (`counts`: what models.stats.form_counts gave for the same filters, if it was
    read already)."""
    dated = not form_tally.covers(conn, f)  # a period that does not hold every form
    if counts is None:  # models.stats.form_counts for the same filters
        counts = form_tally.dated_rows(conn, f) if dated else form_tally.form_rows(conn, f)
    out: dict[str, Tally] = {row[0]: {} for row in counts}
    criteria = {c.value: c for c in Criterion}
    rows = (form_tally.dated_criterion_rows if dated else form_tally.criterion_rows)(conn, f)
    for unit_id, campaign_id, criterion, level, n in rows:
        out.setdefault(unit_id, {})[campaign_id, criteria[criterion], level] = n
    return out


def criteria_counts(rows: list[tuple]) -> dict[str, Tally]:
    """Per unit, the valid forms at each level on each criterion, from the rows of
    `criteria_scan` (a form that left a criterion blank is not counted for it)."""
    out: dict[str, Tally] = defaultdict(dict)
    criteria = tuple(Criterion)
    for unit_id, campaign_id, _group, _level, *levels, n in rows:
        tally = out[unit_id]
        for criterion, level in zip(criteria, levels, strict=True):
            if level is not None:
                key = (campaign_id, criterion, level)
                tally[key] = tally.get(key, 0) + n
    return out


def figures_of(tallies, weights: dict) -> dict[str, dict]:
    """{criterion: {forms, satisfaction_rate, weighted_score}} of the tallies together (summed
    per campaign and level first: a category's or the county's figures then weigh a few cells,
    not every unit's)."""
    cells: dict[Criterion, dict[tuple, int]] = {c: {} for c in Criterion}
    for tally in tallies:
        for (campaign_id, criterion, level), n in tally.items():
            cell = cells[criterion]
            cell[campaign_id, level] = cell.get((campaign_id, level), 0) + n
    return {c.value: level_figures([(cid, level, n) for (cid, level), n in cells[c].items()],
                                   weights) for c in Criterion}


def _units(conn: sa.Connection) -> dict[str, dict]:
    u = UNIT
    rows = conn.execute(sa.select(u.c.id, u.c.name, u.c.kind, u.c.parent_id, u.c.category)
                        .where(u.c.deleted_at.is_(None)))
    return {r.id: {"name": r.name, "kind": r.kind, "parent_id": r.parent_id,
                   "category": r.category} for r in rows}


def township_of(units: dict[str, dict], unit_id: str) -> str | None:
    """The unit itself if it is a township, else its nearest township above (None: under
    none, as a county department)."""
    seen: set[str] = set()
    current: str | None = unit_id
    while current and current in units and current not in seen:
        if units[current]["kind"] == UnitKind.TOWNSHIP:
            return current
        seen.add(current)
        current = units[current]["parent_id"]
    return None


def level_rows_of_scan(rows: list[tuple]) -> tuple[set[str], list[tuple]]:
    """The units of the rows of `criteria_scan` and their (unit_id, campaign_id, criterion,
    forms at each level in Level's order) rows, as models.form_tally.criterion_level_rows gives
    them from the counts kept on write."""
    cells: dict[tuple, list[int]] = {}
    criteria = tuple(c.value for c in Criterion)
    for unit_id, campaign_id, _group, _level, *levels, n in rows:
        for criterion, level in zip(criteria, levels, strict=True):
            if level is not None:
                key = (unit_id, campaign_id, criterion)
                cell = cells.get(key)
                if cell is None:
                    cell = cells[key] = [0, 0, 0, 0]
                cell[_LEVEL_AT[level]] += n
    return {row[0] for row in rows}, [(*key, *cell) for key, cell in cells.items()]


_LEVEL_AT = {level.value: i for i, level in enumerate(Level)}


def _figures(per_campaign: dict[str, list[int]], weights: dict) -> dict[str, dict]:
    """{criterion: {forms, satisfaction_rate, weighted_score}} from {campaign_id: forms at each
    criterion's four levels}: models.stats.level_figures of the same cells (campaign after
    campaign, each's levels in Level's order)."""
    out = {}
    for criterion, at in _AT.items():
        forms = pleased = 0
        points = 0.0
        for campaign_id in sorted(per_campaign):
            s, f, b, d = per_campaign[campaign_id][at:at + 4]
            w = weights[campaign_id]
            n = s + f + b + d
            forms += n
            pleased += n - d
            points += s * w[0]
            points += f * w[1]
            points += b * w[2]
            points += d * w[3]
        out[criterion] = {"forms": forms, "satisfaction_rate": pleased / forms if forms else None,
                          "weighted_score": points / forms if forms else None}
    return out


_CRITERIA = tuple(c.value for c in Criterion)
_AT = {c: 4 * i for i, c in enumerate(_CRITERIA)}  # a criterion's first level in a vector


class _Weights(dict):
    """A campaign's four weights in Level's order (the defaults for an unknown campaign)."""

    def __init__(self, weights: dict) -> None:
        super().__init__({cid: tuple(w[level] for level in Level) for cid, w in weights.items()})

    def __missing__(self, campaign_id: str) -> tuple:
        return DEFAULT_WEIGHTS


def _summed(parts: list[dict[str, list[int]]]) -> dict[str, list[int]]:
    """The units' vectors of a category, a township or the county added up, per campaign."""
    by_campaign: dict[str, list[list[int]]] = {}
    for per_campaign in parts:
        for campaign_id, vector in per_campaign.items():
            by_campaign.setdefault(campaign_id, []).append(vector)
    return {cid: list(map(sum, zip(*vectors, strict=True)))
            for cid, vectors in by_campaign.items()}


def criteria_stats(conn: sa.Connection, f: Filters, rows: list[tuple] | None = None,
                   counts: list[tuple] | None = None) -> dict:
    """`evaluations.criteria` of `stats --json` (the shape is in docs/foundation.md); `rows`:
    what `criteria_scan` gave for the same filters, if it was read already (else the counts
    kept on write where they answer the filters, or the scan); `counts`: what
    models.stats.form_counts gave, if it was read already.

    Read as one row per unit, campaign and criterion with the forms at each level (summed by
    SQLite from the counts kept on write); a unit's, category's, township's and the county's
    figures are sums of those rows' counts, weighed per campaign and level at the end."""
    weights = _Weights(campaign_weights(conn))
    if rows is None and (form_tally.covers(conn, f) or form_tally.covers_dated(conn, f)):
        dated = not form_tally.covers(conn, f)  # a period that does not hold every form
        if counts is None:  # models.stats.form_counts for the same filters
            counts = form_tally.dated_rows(conn, f) if dated else form_tally.form_rows(conn, f)
        unit_ids = {row[0] for row in counts}
        cells = (form_tally.dated_criterion_level_rows if dated
                 else form_tally.criterion_level_rows)(conn, f)
    else:
        unit_ids, cells = level_rows_of_scan(criteria_scan(conn, f) if rows is None else rows)
    units = _units(conn)
    # Per unit and campaign, a vector of the forms at each criterion's four levels; each
    # category's, township's and the county's vectors are sums of their units'.
    by_unit: dict[str, dict[str, list[int]]] = {unit_id: {} for unit_id in unit_ids}
    for unit_id, campaign_id, criterion, satisfied, fairly, basically, dissatisfied in cells:
        per_campaign = by_unit.get(unit_id)
        if per_campaign is None:
            per_campaign = by_unit[unit_id] = {}
        vector = per_campaign.get(campaign_id)
        if vector is None:
            vector = per_campaign[campaign_id] = [0] * (4 * len(_CRITERIA))
        at = _AT[criterion]
        vector[at] += satisfied
        vector[at + 1] += fairly
        vector[at + 2] += basically
        vector[at + 3] += dissatisfied
    by_category: dict[str, list] = {}
    by_township: dict[str, list] = {}
    unit_rows = []
    for unit_id, per_campaign in by_unit.items():
        unit = units.get(unit_id, {})
        category = appraisal_category(unit.get("kind"), unit.get("category"))
        category = category.value if category else None
        township = township_of(units, unit_id)
        if category:
            by_category.setdefault(category, []).append(per_campaign)
        if township:
            by_township.setdefault(township, []).append(per_campaign)
        unit_rows.append({"unit_id": unit_id, "unit_name": unit.get("name", ""),
                          "category": category, "township_id": township,
                          "criteria": _figures(per_campaign, weights)})
    unit_rows.sort(key=lambda r: (r["unit_name"], r["unit_id"]))
    return {
        "county": _figures(_summed(list(by_unit.values())), weights),
        "by_category": {k: _figures(_summed(v), weights) for k, v in sorted(by_category.items())},
        "by_township": sorted(
            ({"unit_id": t, "unit_name": units[t]["name"],
              "criteria": _figures(_summed(v), weights)} for t, v in by_township.items()),
            key=lambda r: (r["unit_name"], r["unit_id"])),
        "by_unit": unit_rows,
    }


def weakest_criterion(unit: dict, category: dict | None) -> dict | None:
    """The criterion that pulled the unit down most: the largest shortfall of its weighted
    score below its category's average on the same criterion (the lowest score where the unit
    has no category). None when the unit scored no criterion, or none below its category.
    {criterion, forms, satisfaction_rate, weighted_score, category_score, shortfall}."""
    found = None
    for name, own in unit["criteria"].items():
        if not own["forms"]:
            continue
        theirs = (category or {}).get(name, {}).get("weighted_score")
        gap = (theirs - own["weighted_score"]) if theirs is not None else -own["weighted_score"]
        if found is None or gap > found["shortfall"]:
            found = {"criterion": name, **own, "category_score": theirs, "shortfall": gap}
    if found and found["category_score"] is not None and found["shortfall"] <= 0:
        return None
    return found
