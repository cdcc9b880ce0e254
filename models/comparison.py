"""Comparison with the previous campaign (issue 15 §3): each unit's rate, score and rank change,
the units in the last band two campaigns running, and people criticised in more than one
campaign ("possible repeat", for a person at HQ to confirm).

Units are matched by id; a unit HQ merged or renamed into another (`unit_succession`, old id →
new id, chains followed) counts its earlier forms and criticisms under its successor.
"The last band" is 末位 as the rankings give it (models.rankings): the last units of each
appraisal category under each campaign's own band settings. docs/foundation.md ("Comparison
with the previous campaign") defines every figure.
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from models.enums import AppraisalCategory
from models.rankings import Band, band_settings, grouped_by_category, rank_by_category
from models.stats import UNIT, Filters, _view, form_counts, ranking_from_counts

LAST_BAND_RULE = "last_band_of_each_category"  # 末位 per category, the campaign's settings
CAMPAIGN_DATES = _view("campaign", "id", "name", "year", sa.column("start_date", sa.Date),
                       sa.column("end_date", sa.Date))
SUCCESSION = _view("unit_succession", "old_unit_id", "new_unit_id")
CRITICISM_PEOPLE = _view("personnel_criticism", "id", "person_name", "unit_id",
                         sa.column("decided_on", sa.Date))


@dataclass(frozen=True)
class CampaignRef:
    id: str
    name: str
    year: int
    start_date: date | None
    end_date: date | None

    @property
    def order(self) -> tuple:
        return (self.year, self.start_date or date.min)

    def covers(self, day: date) -> bool:
        """A criticism decided on `day` belongs to the campaign: within its dates, or its
        calendar year where it has none."""
        start = self.start_date or date(self.year, 1, 1)
        end = self.end_date or date(self.year, 12, 31)
        return start <= day <= end

    def public(self) -> dict:
        return {"id": self.id, "name": self.name, "year": self.year}


def campaigns(conn: sa.Connection) -> list[CampaignRef]:
    """Live campaigns, earliest first (by year, then start date, then name)."""
    c = CAMPAIGN_DATES
    rows = conn.execute(sa.select(c.c.id, c.c.name, c.c.year, c.c.start_date, c.c.end_date)
                        .where(c.c.deleted_at.is_(None)))
    return sorted((CampaignRef(*r) for r in rows), key=lambda x: (*x.order, x.name))


def previous_campaign(all_campaigns: list[CampaignRef], current: CampaignRef) -> CampaignRef | None:
    """The latest campaign strictly earlier than `current` by year, then start date."""
    earlier = [c for c in all_campaigns if c.order < current.order]
    return earlier[-1] if earlier else None


def successors(conn: sa.Connection) -> dict[str, str]:
    """Each old unit id → the unit it lives on as now (chains followed, cycles cut)."""
    s = SUCCESSION
    direct = dict(conn.execute(sa.select(s.c.old_unit_id, s.c.new_unit_id)
                               .where(s.c.deleted_at.is_(None))).all())
    final = {}
    for old in direct:
        seen, node = {old}, direct[old]
        while node in direct and direct[node] not in seen:
            seen.add(node)
            node = direct[node]
        final[old] = node
    return final


def _ranking(conn: sa.Connection, counts: list[tuple], campaign: CampaignRef,
             moved: dict[str, str]) -> list[dict]:
    """`unit_ranking` of the campaign from the rows `form_counts` gave for all campaigns, each
    unit counted as its successor."""
    mine = [(moved.get(uid, uid), cid, *rest) for uid, cid, *rest in counts
            if cid == campaign.id]
    return ranking_from_counts(conn, mine, campaign.id)


def _change(now, before):
    return None if now is None or before is None else now - before


def unit_changes(now: list[dict], before: list[dict]) -> list[dict]:
    """Per unit of the current ranking: its figures, the previous ones and the change (rank
    change = previous rank − rank: positive means it moved up)."""
    prior = {u["unit_id"]: u for u in before}
    out = []
    for u in now:
        p = prior.get(u["unit_id"], {})
        out.append({
            "unit_id": u["unit_id"], "unit_name": u["unit_name"], "forms": u["forms"],
            "satisfaction_rate": u["satisfaction_rate"], "weighted_score": u["weighted_score"],
            "rank": u["rank"], "previous_forms": p.get("forms"),
            "previous_rate": p.get("satisfaction_rate"),
            "previous_score": p.get("weighted_score"), "previous_rank": p.get("rank"),
            "rate_change": _change(u["satisfaction_rate"], p.get("satisfaction_rate")),
            "score_change": _change(u["weighted_score"], p.get("weighted_score")),
            "rank_change": _change(p.get("rank"), u["rank"]),
        })
    return out


def last_band(conn: sa.Connection, ranking: list[dict],
              campaign: CampaignRef | None) -> dict[str, dict]:
    """The units of a campaign's ranking in the last band (末位) of their category, under that
    campaign's band settings (models.rankings), each with `category` and its `rank` there."""
    if campaign is None:
        return {}
    by_category = rank_by_category(conn, ranking, band_settings(conn, campaign.id),
                                   grouped=grouped_by_category(conn, campaign.id))
    return {u["unit_id"]: u for units in by_category.values() for u in units
            if u["band"] == Band.LAST}


def last_band_twice(now: dict[str, dict], before: dict[str, dict]) -> list[dict]:
    """Units in the last band of both campaigns (`last_band` of each), category after
    category, the lowest rank in the category first; `rank` and `previous_rank` within the
    category the unit was in that campaign."""
    both = [{"unit_id": uid, "unit_name": u["unit_name"], "category": u["category"].value,
             "rank": u["rank"], "previous_category": before[uid]["category"].value,
             "previous_rank": before[uid]["rank"]} for uid, u in now.items() if uid in before]
    order = {c.value: i for i, c in enumerate(AppraisalCategory)}
    return sorted(both, key=lambda r: (order[r["category"]], -r["rank"]))


def possible_repeats(conn: sa.Connection, all_campaigns: list[CampaignRef],
                     upto: CampaignRef, moved: dict[str, str]) -> list[dict]:
    """People criticised in more than one campaign up to `upto`, matched by name (spaces
    ignored) and unit (through its successor): a possible repeat for a person at HQ to
    confirm. HQ only: never in a unit's or a public output."""
    pc = CRITICISM_PEOPLE
    eligible = [c for c in all_campaigns if c.order <= upto.order]
    seen: dict[tuple[str, str], dict[str, CampaignRef]] = {}
    for name, unit_id, day in conn.execute(
            sa.select(pc.c.person_name, pc.c.unit_id, pc.c.decided_on)
            .where(pc.c.deleted_at.is_(None), pc.c.decided_on.is_not(None))):
        campaign = next((c for c in reversed(eligible) if c.covers(day)), None)
        if campaign is not None:
            key = ("".join(name.split()), moved.get(unit_id, unit_id))
            seen.setdefault(key, {})[campaign.id] = campaign
    names = dict(conn.execute(sa.select(UNIT.c.id, UNIT.c.name)).all())
    out = [{"person_name": person, "unit_id": uid, "unit_name": names.get(uid, ""),
            "campaigns": [c.name for c in sorted(found.values(), key=lambda c: c.order)],
            "status": "possible_repeat"}
           for (person, uid), found in seen.items() if len(found) > 1]
    return sorted(out, key=lambda r: (r["unit_name"], r["person_name"]))


def acts_as_hq(conn: sa.Connection) -> bool:
    """HQ, a standalone office (never enrolled: it has no HQ above it) or a demo store, as
    models.security.roles.require_hq_device has it: the stores that may see possible repeats."""
    from models.enums import DeviceRole
    from models.store.store import get_meta

    role = get_meta(conn, "device_role")
    return role == DeviceRole.HQ or not role or get_meta(conn, "demo") == "1"


def comparison(conn: sa.Connection, campaign_id: str | None = None, *,
               with_people: bool = False) -> dict | None:
    """The comparison of the campaign (default: the latest) with the previous one, JSON-ready
    (the `comparison` of `stats --json`); None when there is no campaign. `with_people`: add
    the possible repeats (HQ's own outputs only)."""
    found = campaigns(conn)
    current = next((c for c in found if c.id == campaign_id), None) if campaign_id else (
        found[-1] if found else None)
    if current is None:
        return None
    previous = previous_campaign(found, current)
    moved = successors(conn)
    counts = form_counts(conn, Filters())  # one scan for both campaigns
    now = _ranking(conn, counts, current, moved)
    before = _ranking(conn, counts, previous, moved) if previous else []
    out = {"campaign": current.public(), "previous": previous and previous.public(),
           "last_band_rule": LAST_BAND_RULE, "units": unit_changes(now, before),
           "last_band_twice": last_band_twice(last_band(conn, now, current),
                                              last_band(conn, before, previous))}
    if with_people:
        out["possible_repeats"] = possible_repeats(conn, found, current, moved)
    return out
