"""Breakdowns and the comparison with the previous campaign (issue 15 §3), on a county with two
campaigns whose figures are computed by hand below."""

from datetime import date

import pytest

from models.comparison import comparison
from models.enums import FindingCategory
from models.errors import DomainError
from models.records import Finding, Opinion, PersonnelCriticism
from models.reference import Campaign
from models.stats import Filters
from models.succession import find_unit, record_succession
from models.trends import breakdowns
from tests.models.helpers import FORM_HEADER, load_units, write_csv

OLD, NEW = "2023年万民评议", "2024年万民评议"
HOSPITAL, BUREAU = "白泥镇/卫生院", "县社保中心"
SCHOOL_B, SCHOOL_L = "白泥镇/第一小学", "龙溪镇/第一小学"
S, F, B, D = "satisfied", "fairly_satisfied", "basically_satisfied", "dissatisfied"
# campaign, unit, level, date. 2023: 卫生院 100 (rank 1), 白泥小学 80 (2), 社保 50 (3),
# 龙溪小学 30 (4). 2024: 社保 100 (1), 白泥小学 60 and rate 1 (2), 卫生院 60 and rate 2/3 (3),
# 龙溪小学 0 (4).
FORMS = [
    (OLD, HOSPITAL, S, "2023-04-03"), (OLD, HOSPITAL, S, "2023-04-04"),
    (OLD, BUREAU, S, "2023-04-05"), (OLD, BUREAU, D, "2023-05-06"),
    (OLD, SCHOOL_B, F, "2023-05-07"), (OLD, SCHOOL_B, F, "2023-05-08"),
    (OLD, SCHOOL_L, B, "2023-05-09"), (OLD, SCHOOL_L, D, "2023-05-10"),
    (NEW, HOSPITAL, S, "2024-04-01"), (NEW, HOSPITAL, D, "2024-04-02"),
    (NEW, HOSPITAL, F, "2024-05-03"),
    (NEW, BUREAU, S, "2024-05-04"), (NEW, BUREAU, S, "2024-05-05"),
    (NEW, SCHOOL_B, B, "2024-05-06"), (NEW, SCHOOL_L, D, "2024-05-07"),
]


@pytest.fixture
def county(store, tmp_path):
    from models.imports import run_import

    load_units(store, tmp_path)
    rows = [[str(i), c, "citizen", unit, level, "推诿" if level == D else "", "", day]
            for i, (c, unit, level, day) in enumerate(FORMS, start=1)]
    run_import(store, "evaluations", write_csv(tmp_path / "f.csv", FORM_HEADER, rows),
               profile="clerk")
    with store.read() as conn:
        ids = dict(conn.exec_driver_sql("SELECT name, id FROM campaign").all())
        units = {name: find_unit(conn, name) for name in (HOSPITAL, BUREAU, SCHOOL_B, SCHOOL_L)}
    with store.write("hq") as w:
        for name, start in ((OLD, date(2023, 3, 1)), (NEW, date(2024, 3, 1))):
            w.update(Campaign, ids[name], {"min_sample": 1, "start_date": start,
                                           "year": start.year})
        for person, unit, day in [("王五", HOSPITAL, date(2023, 6, 1)),
                                  ("王 五", HOSPITAL, date(2024, 6, 1)),
                                  ("赵六", HOSPITAL, date(2024, 6, 2)),
                                  ("赵六", HOSPITAL, date(2024, 7, 2)),
                                  ("李四", BUREAU, date(2023, 6, 3)),
                                  ("李四", HOSPITAL, date(2024, 6, 3))]:
            w.create(PersonnelCriticism, {"person_name": person, "unit_id": units[unit],
                                          "decided_on": day})
        for category, day in [("procrastination", date(2024, 5, 1)),
                              ("procrastination", date(2024, 5, 2)),
                              ("fees", date(2023, 5, 2))]:
            w.create(Finding, {"category": FindingCategory(category), "found_on": day})
        for category, source in [("fees", "hotline"), ("fees", "visit"), (None, "hotline")]:
            w.create(Opinion, {"text": "意见", "category": category, "source": source,
                               "campaign_id": ids[NEW], "received_on": date(2024, 5, 1)})
    return store, ids, units


def test_the_year_on_year_changes_are_the_hand_computed_ones(county):
    store, ids, units = county
    with store.read() as conn:
        c = comparison(conn, ids[NEW])
    assert c["previous"]["name"] == OLD
    got = {u["unit_id"]: u for u in c["units"]}
    expected = {  # unit: rate change, score change, rank, previous rank, rank change
        BUREAU: (0.5, 50.0, 1, 3, 2),
        SCHOOL_B: (0.0, -20.0, 2, 2, 0),
        HOSPITAL: (2 / 3 - 1, -40.0, 3, 1, -2),
        SCHOOL_L: (-0.5, -30.0, 4, 4, 0),
    }
    for unit, (rate, score, rank, before, change) in expected.items():
        u = got[units[unit]]
        assert u["rate_change"] == pytest.approx(rate)
        assert u["score_change"] == pytest.approx(score)
        assert (u["rank"], u["previous_rank"], u["rank_change"]) == (rank, before, change)
    twice = [u["unit_id"] for u in c["last_band_twice"]]
    assert twice == [units[SCHOOL_L]]  # last of the schools both times (the bands below)


def test_the_last_band_two_campaigns_running_is_each_categorys_last_band(county):
    """末位 is per appraisal category under each campaign's band settings (issue 15 §3), not
    the last three of one county list: 白泥小学 was second of four both times (in the last
    three) yet first of the two schools, so never 末位; 龙溪小学 is last of the schools both
    times. With no 末位 in 2024 (band_bottom_count 0) nobody is there twice."""
    store, ids, units = county
    with store.read() as conn:
        c = comparison(conn, ids[NEW])
    assert c["last_band_rule"] == "last_band_of_each_category"
    assert c["last_band_twice"] == [{
        "unit_id": units[SCHOOL_L], "unit_name": "第一小学", "category": "school", "rank": 2,
        "previous_category": "school", "previous_rank": 2}]
    with store.write("hq") as w:
        w.update(Campaign, ids[NEW], {"band_bottom_count": 0})
    with store.read() as conn:
        assert comparison(conn, ids[NEW])["last_band_twice"] == []


def test_the_latest_campaign_is_compared_by_default_and_the_first_has_no_previous(county):
    store, ids, _ = county
    with store.read() as conn:
        latest, first = comparison(conn), comparison(conn, ids[OLD])
    assert latest["campaign"]["id"] == ids[NEW]
    assert first["previous"] is None
    assert all(u["rank_change"] is None for u in first["units"])


def test_a_merged_unit_counts_its_history_under_its_successor(county):
    store, ids, units = county
    with store.write("hq") as w:
        record_succession(w, units[BUREAU], units[HOSPITAL])
    with store.read() as conn:
        c = comparison(conn, ids[NEW])
    hospital = next(u for u in c["units"] if u["unit_id"] == units[HOSPITAL])
    # 2023: 卫生院 S S + 社保 S D -> 3 of 4 not dissatisfied, (100*3 + 0) / 4
    assert hospital["previous_forms"] == 4
    assert hospital["previous_rate"] == pytest.approx(0.75)
    assert hospital["previous_score"] == pytest.approx(75.0)


def test_a_succession_that_goes_round_in_a_circle_is_refused(county):
    store, _, units = county
    with store.write("hq") as w:
        record_succession(w, units[BUREAU], units[HOSPITAL])
    with pytest.raises(DomainError) as refused, store.write("hq") as w:
        record_succession(w, units[HOSPITAL], units[BUREAU])
    assert refused.value.code == "succession_cycle"


def test_people_criticised_in_two_campaigns_are_possible_repeats(county):
    store, ids, units = county
    with store.read() as conn:
        c = comparison(conn, ids[NEW], with_people=True)
        without = comparison(conn, ids[NEW])
    assert [(r["person_name"], r["unit_id"], r["campaigns"], r["status"])
            for r in c["possible_repeats"]] == [("王五", units[HOSPITAL], [OLD, NEW],
                                                  "possible_repeat")]
    assert "possible_repeats" not in without


def test_breakdowns_by_month_township_category_and_source(county):
    store, ids, units = county
    with store.read() as conn:
        b = breakdowns(conn, Filters(ids[NEW]))
    assert [(m["key"], m["forms"]) for m in b["month"]] == [("2024-04", 2), ("2024-05", 5)]
    april = b["month"][0]  # S, D
    assert april["satisfaction_rate"] == pytest.approx(0.5)
    assert april["weighted_score"] == pytest.approx(50.0)
    township = {r["name"]: r for r in b["township"]}
    assert township["白泥镇"]["forms"] == 4  # 卫生院 3, 白泥小学 1
    assert township["白泥镇"]["weighted_score"] == pytest.approx((100 + 0 + 80 + 60) / 4)
    assert township["龙溪镇"]["forms"] == 1
    assert b["township"][-1]["key"] == "" and b["township"][-1]["forms"] == 2  # county level
    findings = {r["key"]: r["count"] for r in b["finding_category"]}
    assert findings["procrastination"] == 2 and findings["fees"] == 1  # periods not filtered
    opinions = {r["key"]: r["count"] for r in b["opinion_category"]}
    assert opinions["fees"] == 2 and opinions["unsorted"] == 1
    forms = {r["key"]: r["forms"] for r in b["source"]["forms"]}
    assert forms == {"paper": 7, "kiosk": 0, "online": 0, "interview": 0}
    assert {r["key"]: r["count"] for r in b["source"]["opinions"]}["hotline"] == 2
