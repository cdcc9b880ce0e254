"""Rankings within each appraisal category (考评类别) with the campaign's bands and appraisal
points (issue 15 §2): a township is ranked against townships, a service window against service
windows, never all in one list.

Definitions (docs/sync.md has none of this; see docs/authorization.md for who sets them):
- A unit's category is `rules.appraisal_category(kind, category)`: the one HQ set, else its
  kind's. A unit with no category (the county itself) is ranked in none.
- Within a category units are ordered exactly as `models.stats.ranking_from_counts` orders the
  county (score, then rate, then name); those with fewer forms than the campaign's minimum sample
  get no rank and no band.
- Of the n ranked units of a category: 先进 the first ceil(n × band_top_percent / 100), 末位 the
  last band_bottom_count of those not already 先进, 合格 the rest.
- Appraisal points = weighted score / 100 × appraisal_points (linear; 85.0 of 10 points = 8.5).
- A campaign whose `rank_by_category` HQ turned off ranks every unit that has a category in one
  county list (`CountyList.COUNTY`) with the same rules: `rank` and the bands are then the
  county's, and each unit keeps its own `category`.
"""

import math
from enum import StrEnum

import sqlalchemy as sa

from models.enums import AppraisalCategory
from models.rules import RESULT_DEFAULTS, appraisal_category
from models.stats import Filters, form_counts, ranking_from_counts

_UNIT = sa.table("unit", sa.column("id"), sa.column("kind"), sa.column("category"))
_CAMPAIGN = sa.table("campaign", sa.column("id"), sa.column("band_top_percent"),
                     sa.column("band_bottom_count"), sa.column("appraisal_points"),
                     sa.column("rank_by_category"))
BAND_SETTINGS = ("band_top_percent", "band_bottom_count", "appraisal_points")


class Band(StrEnum):
    ADVANCED = "advanced"    # 先进
    QUALIFIED = "qualified"  # 合格
    LAST = "last"            # 末位


BAND_ZH = {Band.ADVANCED: "先进", Band.QUALIFIED: "合格", Band.LAST: "末位"}


class CountyList(StrEnum):
    """The one list a campaign not grouped by category ranks its units in."""
    COUNTY = "county"


def grouped_by_category(conn: sa.Connection, campaign_id: str | None) -> bool:
    """The campaign's `rank_by_category` (True without a campaign, or for one without it)."""
    if not campaign_id:
        return True
    value = conn.execute(sa.select(_CAMPAIGN.c.rank_by_category)
                         .where(_CAMPAIGN.c.id == campaign_id)).scalar()
    return value is None or bool(value)


def band_settings(conn: sa.Connection, campaign_id: str | None) -> dict:
    """The campaign's band and points settings (the defaults without a campaign)."""
    defaults = {k: RESULT_DEFAULTS[k] for k in BAND_SETTINGS}
    if not campaign_id:
        return defaults
    row = conn.execute(sa.select(*(_CAMPAIGN.c[k] for k in BAND_SETTINGS))
                       .where(_CAMPAIGN.c.id == campaign_id)).mappings().first()
    return {k: defaults[k] if row is None or row[k] is None else row[k] for k in BAND_SETTINGS}


def unit_categories(conn: sa.Connection) -> dict[str, AppraisalCategory | None]:
    rows = conn.execute(sa.select(_UNIT.c.id, _UNIT.c.kind, _UNIT.c.category)).all()
    return {uid: appraisal_category(kind, category) for uid, kind, category in rows}


def category_ranking(conn: sa.Connection, campaign_id: str | None, group: str | None = None,
                     f: Filters | None = None) -> dict[AppraisalCategory, list[dict]]:
    """Per category (in the enum's order), its units as `ranking_from_counts` gives them, each
    with `category`, `rank` (within the category, None below the minimum sample), `band` and
    `points`. `f` narrows the forms (a period); by default the campaign's."""
    counts = form_counts(conn, f or Filters(campaign_id), group)
    return rank_by_category(conn, ranking_from_counts(conn, counts, campaign_id),
                            band_settings(conn, campaign_id),
                            grouped=grouped_by_category(conn, campaign_id))


def rank_by_category(conn: sa.Connection, county: list[dict], settings: dict, *,
                     grouped: bool = True) -> dict[AppraisalCategory | CountyList, list[dict]]:
    """`grouped`: per category (in the enum's order); else one `CountyList.COUNTY` list."""
    categories = unit_categories(conn)
    lists = list(AppraisalCategory) if grouped else [CountyList.COUNTY]
    out: dict[AppraisalCategory | CountyList, list[dict]] = {c: [] for c in lists}
    for u in county:
        category = categories.get(u["unit_id"])
        if category is not None:
            out[category if grouped else CountyList.COUNTY].append(
                {**u, "category": category, "county_rank": u["rank"]})
    for units in out.values():
        _place(units, settings)
    return {c: units for c, units in out.items() if units}


def _place(units: list[dict], settings: dict) -> None:
    ranked = [u for u in units if u["county_rank"]]
    top = math.ceil(len(ranked) * settings["band_top_percent"] / 100)
    last_from = max(top, len(ranked) - int(settings["band_bottom_count"]))
    for position, u in enumerate(ranked, start=1):
        u["rank"] = position
        u["band"] = (Band.ADVANCED if position <= top
                     else Band.LAST if position > last_from else Band.QUALIFIED)
    for u in units:
        u["points"] = u["weighted_score"] / 100 * settings["appraisal_points"]
        if not u["county_rank"]:
            u["rank"], u["band"] = None, None


def ranked_in_categories(conn: sa.Connection, county: list[dict],
                         campaign_id: str | None) -> list[dict]:
    """The county's ranking (`ranking_from_counts`) as the window lists it: category after
    category, each unit with its `category`, its `rank` within it, its `band` and `points`."""
    by_category = rank_by_category(conn, county, band_settings(conn, campaign_id),
                                   grouped=grouped_by_category(conn, campaign_id))
    return [u for units in by_category.values() for u in units]


def rankings_json(conn: sa.Connection, f: Filters) -> dict:
    """`stats --json`'s `rankings`: the campaign's band settings, whether it ranks within
    categories, and per category (or the one `county` list) each unit's id, name, category,
    forms, rate, score, rank, band and points (docs/foundation.md defines them)."""
    keys = ("unit_id", "unit_name", "category", "forms", "satisfaction_rate", "weighted_score",
            "rank", "band", "points")
    by_category = category_ranking(conn, f.campaign_id, f=f)
    return {"settings": band_settings(conn, f.campaign_id),
            "grouped_by_category": grouped_by_category(conn, f.campaign_id),
            "by_category": {c.value: [{k: u[k] for k in keys} for u in units]
                            for c, units in by_category.items()}}
