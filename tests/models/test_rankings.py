"""Rankings within each appraisal category, with the campaign's bands and appraisal points
(issue 15 §2), on a hand-made county whose ranks are worked out below."""

from datetime import date

import pytest

from models.rankings import Band, category_ranking
from models.records import Evaluation
from models.reference import Campaign, Unit

# name, kind, HQ's category (None: the kind's), levels of its forms
UNITS = [
    ("甲镇", "township", None, ["satisfied"] * 3),                       # 100
    ("乙镇", "township", None, ["satisfied", "satisfied", "fairly_satisfied"]),  # 93.3
    ("丙镇", "township", None, ["satisfied", "fairly_satisfied", "fairly_satisfied"]),  # 86.7
    ("丁镇", "township", None, ["fairly_satisfied"] * 3),                # 80
    ("戊镇", "township", None, ["basically_satisfied"] * 3),             # 60
    ("己镇", "township", None, ["satisfied"]),                           # 1 form: unranked
    ("一中", "school", None, ["basically_satisfied", "satisfied"]),      # 80
    ("二中", "school", None, ["satisfied", "satisfied"]),                # 100
    ("街道办", "department", "township", ["dissatisfied", "satisfied"]),  # 50, ranked as a township
]


@pytest.fixture
def county(store):
    with store.write("supervisor") as w:
        campaign = w.create(Campaign, {"name": "2026年万民评议", "year": 2026, "min_sample": 2,
                                       "band_top_percent": 20.0, "band_bottom_count": 2,
                                       "appraisal_points": 8.0})
        for name, kind, category, levels in UNITS:
            unit = w.create(Unit, {"name": name, "kind": kind, "category": category})
            for n, level in enumerate(levels):
                w.create(Evaluation, {"campaign_id": campaign, "unit_id": unit, "group": "citizen",
                                      "level": level, "form_no": f"{name}{n}",
                                      "reason": "推诿" if level == "dissatisfied" else "",
                                      "evaluated_on": date(2026, 5, 1)})
    return store, campaign


def test_units_are_ranked_within_their_category_with_bands(county):
    store, campaign = county
    with store.read() as conn:
        ranking = category_ranking(conn, campaign)
    towns = [(u["unit_name"], u["rank"], u["band"]) for u in ranking["township"]]
    # 6 ranked townships (街道办 by HQ's category): 先进 ceil(6 × 20 %) = 2, 末位 the last 2
    assert towns == [("甲镇", 1, Band.ADVANCED), ("乙镇", 2, Band.ADVANCED),
                     ("丙镇", 3, Band.QUALIFIED), ("丁镇", 4, Band.QUALIFIED),
                     ("戊镇", 5, Band.LAST), ("街道办", 6, Band.LAST), ("己镇", None, None)]
    schools = [(u["unit_name"], u["rank"], u["band"]) for u in ranking["school"]]
    # 2 schools: 先进 ceil(0.4) = 1; 末位 the last 2 not already 先进: the other one
    assert schools == [("二中", 1, Band.ADVANCED), ("一中", 2, Band.LAST)]
    assert set(ranking) == {"township", "school"}


def test_points_are_the_score_scaled_to_the_campaigns_points(county):
    store, campaign = county
    with store.read() as conn:
        ranking = category_ranking(conn, campaign)
    by_name = {u["unit_name"]: u for units in ranking.values() for u in units}
    assert by_name["甲镇"]["points"] == pytest.approx(8.0)
    assert by_name["一中"]["points"] == pytest.approx((60 + 100) / 2 / 100 * 8.0)
    assert by_name["街道办"]["points"] == pytest.approx(50 / 100 * 8.0)


def test_a_units_figures_are_its_place_forms_and_problems(county):
    from models.records import Problem
    from models.stats import Filters
    from models.unit_figures import unit_figures

    store, campaign = county
    with store.read() as conn:
        unit = conn.exec_driver_sql("SELECT id FROM unit WHERE name='戊镇'").scalar()
    with store.write("supervisor") as w:
        for deadline, status in [(date(2026, 5, 1), "open"), (date(2026, 5, 1), "rectified")]:
            w.create(Problem, {"description": "推诿", "reported_on": date(2026, 4, 1),
                               "deadline": deadline, "status": status, "unit_id": unit,
                               "campaign_id": campaign})
    with store.read() as conn:
        figures = unit_figures(conn, unit, Filters(campaign), date(2026, 6, 1))
    overall = figures["overall"]
    assert (overall["rank"], overall["band"], overall["forms"]) == (5, Band.LAST, 3)
    assert overall["weighted_score"] == pytest.approx(60.0)
    assert overall["points"] == pytest.approx(4.8)
    assert list(figures["by_group"]) == ["citizen"]
    assert figures["problems"] == {"total": 2, "rectified": 1, "overdue": 1}
