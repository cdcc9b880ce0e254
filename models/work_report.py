"""The figures of the upward work report (工作情况汇报, issue 15 §3) that no other module gives:
the satisfaction figures per respondent group and per appraisal category, the county's figures
against the previous campaign, the weakest criteria and the units in the last band.

Each is defined as the overall figures are (models.stats.level_figures over the same valid
forms) and read from the one place that owns the underlying figure: the campaign's forms
(models.stats), the bands (models.rankings), the criteria (models.criteria) and the previous
campaign (models.comparison). `stats --json` carries the group and category figures under
`evaluations.by_group_figures` / `by_category_figures`; docs/foundation.md defines them all.
"""

from datetime import date

import sqlalchemy as sa

from models.enums import AppraisalCategory, RespondentGroup
from models.stats import Filters, campaign_weights, county_stats, form_counts, level_figures

WEAKEST_CRITERIA = 2  # the report names the county's two lowest-scoring criteria


def group_figures(conn: sa.Connection, counts: list[tuple]) -> dict[str, dict]:
    """{group: {forms, satisfaction_rate, weighted_score}} of `form_counts` rows."""
    weights = campaign_weights(conn)
    cells: dict[str, list[tuple]] = {g.value: [] for g in RespondentGroup}
    for _unit, campaign_id, group, level, n in counts:
        cells.setdefault(group, []).append((campaign_id, level, n))
    return {g: level_figures(rows, weights) for g, rows in cells.items()}


def category_figures(conn: sa.Connection, counts: list[tuple]) -> dict[str, dict]:
    """{appraisal category: {forms, satisfaction_rate, weighted_score}} of the units of each
    category (rules.appraisal_category), categories without forms left out."""
    from models.rankings import unit_categories

    weights = campaign_weights(conn)
    categories = unit_categories(conn)
    cells: dict[str, list[tuple]] = {c.value: [] for c in AppraisalCategory}
    for unit_id, campaign_id, _group, level, n in counts:
        category = categories.get(unit_id)
        if category is not None:
            cells[category.value].append((campaign_id, level, n))
    return {c: level_figures(rows, weights) for c, rows in cells.items() if rows}


def weakest_criteria(criteria: dict[str, dict], count: int = WEAKEST_CRITERIA) -> list[dict]:
    """The county's criteria with the lowest weighted score (ties by rate, then the enum's
    order), those scored by no form left out: [{criterion, forms, satisfaction_rate,
    weighted_score}]."""
    scored = [{"criterion": c, **f} for c, f in criteria.items() if f["forms"]]
    scored.sort(key=lambda r: (r["weighted_score"], r["satisfaction_rate"]))
    return scored[:count]


def last_band_units(conn: sa.Connection, campaign_id: str | None) -> list[dict]:
    """The units in the last band (末位) of their category under the campaign's band settings,
    category after category, lowest rank last: [{unit_id, unit_name, category, rank,
    weighted_score, satisfaction_rate}]."""
    from models.rankings import Band, category_ranking

    keys = ("unit_id", "unit_name", "rank", "weighted_score", "satisfaction_rate")
    return [{**{k: u[k] for k in keys}, "category": u["category"].value}
            for units in category_ranking(conn, campaign_id).values()
            for u in units if u["band"] == Band.LAST]


def year_on_year(conn: sa.Connection, campaign_id: str | None) -> dict | None:
    """The county's forms, rate and score in the campaign and the previous one (models.comparison
    chooses it), with the changes; how many ranked units rose and fell; the units in the last
    band both times. None without a campaign."""
    from models.comparison import comparison
    from models.stats import evaluation_stats

    found = comparison(conn, campaign_id)
    if found is None:
        return None
    now = evaluation_stats(conn, Filters(found["campaign"]["id"]))
    before = evaluation_stats(conn, Filters(found["previous"]["id"])) if found["previous"] else None
    keys = ("total", "satisfaction_rate", "weighted_score")
    changes = [u["rank_change"] for u in found["units"] if u["rank_change"] is not None]
    return {
        "campaign": found["campaign"], "previous": found["previous"],
        "now": {k: now[k] for k in keys},
        "before": {k: before[k] for k in keys} if before else None,
        "change": {k: _change(now[k], before[k]) for k in keys} if before else None,
        "units_up": sum(c > 0 for c in changes), "units_down": sum(c < 0 for c in changes),
        "last_band_twice": found["last_band_twice"],
    }


def _change(now, before):
    return None if now is None or before is None else now - before


DATED = ("visits", "findings", "criticisms", "accountability")  # records with no campaign


def campaign_period(conn: sa.Connection, campaign_id: str | None) -> tuple[date, date] | None:
    """The campaign's dates: start to end, its calendar year where it has none (as
    models.comparison.CampaignRef.covers has it); None without a campaign."""
    from models.comparison import campaigns

    found = next((c for c in campaigns(conn) if c.id == campaign_id), None)
    if found is None:
        return None
    return (found.start_date or date(found.year, 1, 1),
            found.end_date or date(found.year, 12, 31))


def work_report_figures(conn: sa.Connection, campaign_id: str | None,
                        as_of: date | None = None) -> dict:
    """Every figure the work report states, JSON-ready: `county` (models.stats.county_stats of
    the campaign), `by_group`, `by_category`, `weakest_criteria`, `last_band`,
    `grouped_by_category` (the campaign's rankings: within categories, or one county list),
    `year_on_year`. Visits, findings, criticisms and cases belong to no campaign: theirs are
    `county_stats` of the campaign's period (`stats --json --from START --to END`)."""
    from models.rankings import grouped_by_category

    f = Filters(campaign_id)
    county = county_stats(conn, campaign_id=campaign_id, as_of=as_of)
    period = campaign_period(conn, campaign_id)
    if period:
        dated = county_stats(conn, date_from=period[0], date_to=period[1], as_of=as_of)
        county.update({k: dated[k] for k in DATED})
    counts = form_counts(conn, f)
    return {
        "county": county,
        "period": period and {"from": period[0].isoformat(), "to": period[1].isoformat()},
        "by_group": group_figures(conn, counts),
        "by_category": category_figures(conn, counts),
        "weakest_criteria": weakest_criteria(county["evaluations"]["criteria"]["county"]),
        "last_band": last_band_units(conn, campaign_id),
        "grouped_by_category": grouped_by_category(conn, campaign_id),
        "year_on_year": year_on_year(conn, campaign_id),
    }


def evaluation_figures_json(conn: sa.Connection, f: Filters) -> dict:
    """`stats --json`'s `evaluations.by_group_figures` and `evaluations.by_category_figures`:
    the work report's rates per group and per appraisal category for the same filters."""
    counts = form_counts(conn, f)
    return {"by_group_figures": group_figures(conn, counts),
            "by_category_figures": category_figures(conn, counts)}
