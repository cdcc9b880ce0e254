"""The work report's year-on-year figures (工作情况汇报 三、取得成效, issue 15 §3), on the
two-campaign county of tests/models/test_trends.py, computed by hand."""

import pytest

from models.work_report import work_report_figures
from tests.models.test_trends import NEW, OLD, SCHOOL_L, county  # noqa: F401


def test_year_on_year_is_the_hand_computed_change_of_the_whole_county(county):  # noqa: F811
    store, ids, units = county
    with store.read() as conn:
        fig = work_report_figures(conn, ids[NEW])
    yoy = fig["year_on_year"]
    assert (yoy["campaign"]["name"], yoy["previous"]["name"]) == (NEW, OLD)
    # 2023: 8 forms, 2 dissatisfied, points 100+100+100+0+80+80+60+0 = 520
    # 2024: 7 forms, 2 dissatisfied, points 100+0+80+100+100+60+0 = 440
    assert yoy["before"]["total"] == 8 and yoy["now"]["total"] == 7
    assert yoy["change"]["satisfaction_rate"] == pytest.approx(5 / 7 - 6 / 8)
    assert yoy["change"]["weighted_score"] == pytest.approx(440 / 7 - 520 / 8)
    assert (yoy["units_up"], yoy["units_down"]) == (1, 1)  # 社保中心 up 2, 卫生院 down 2
    assert [u["unit_id"] for u in yoy["last_band_twice"]] == [units[SCHOOL_L]]
    assert fig["by_group"]["citizen"]["forms"] == 7 and fig["by_group"]["parent"]["forms"] == 0
    assert fig["county"]["evaluations"]["total"] == 7
    assert {u["unit_id"] for u in fig["last_band"]} >= {units[SCHOOL_L]}


def test_visits_findings_and_criticisms_are_those_of_the_campaigns_period(county):  # noqa: F811
    """They carry no campaign: the 2024 report counts the findings and criticisms of 2024 (from
    its start date to the year's end), not 2023's, as `stats --from --to` would."""
    store, ids, _ = county
    with store.read() as conn:
        fig = work_report_figures(conn, ids[NEW])
    assert fig["period"] == {"from": "2024-03-01", "to": "2024-12-31"}
    assert fig["county"]["findings"]["total"] == 2  # not the 2023 finding
    assert fig["county"]["criticisms"]["total"] == 4  # the four of 2024
