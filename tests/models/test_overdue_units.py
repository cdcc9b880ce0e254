"""Chasing deadlines (issue 14 §3): overdue problems counted by unit, and the units with at
least K of them in a campaign listed as candidates for accountability, K from the office
settings."""

import pytest

from models.chase import candidates_with_threshold
from models.office_settings import read_office_settings, save_office_settings
from models.stats import Filters, accountability_candidates, county_stats
from tests.models.helpers import seed_overdue


@pytest.fixture
def chased(store, tmp_path):
    return store, seed_overdue(store, tmp_path)


def _candidates(store, ids) -> list[tuple[str, str, int]]:
    """The dashboard's list (models.chase, K read without the table classes), which K of the
    office settings as the Settings page reads them decides."""
    with store.read() as conn:
        k = read_office_settings(conn)["accountability_threshold"]
        listed = candidates_with_threshold(conn, Filters(), ids["today"])
        assert listed["threshold"] == k
        assert listed["units"] == accountability_candidates(conn, Filters(), ids["today"], k)
    return [(r["unit_name"], r["campaign_id"], r["overdue"]) for r in listed["units"]]


def test_overdue_problems_are_counted_by_unit_most_first(chased):
    store, ids = chased
    with store.read() as conn:
        problems = county_stats(conn, as_of=ids["today"])["problems"]
    assert [(u["unit_name"], u["overdue"]) for u in problems["overdue_units"]] == [
        ("卫生院", 3), ("县社保中心", 1)]
    assert sum(u["overdue"] for u in problems["overdue_units"]) == problems["overdue"]


def test_only_the_unit_with_k_overdue_problems_is_a_candidate(chased):
    store, ids = chased
    assert _candidates(store, ids) == [("卫生院", ids["campaign"], 3)]  # K = 3, the default


def test_changing_k_in_the_office_settings_changes_the_candidates(chased):
    store, ids = chased
    with store.write("hq") as w:  # never enrolled: a standalone office is its own HQ
        save_office_settings(w, {"accountability_threshold": 1})
    assert _candidates(store, ids) == [("卫生院", ids["campaign"], 3),
                                       ("县社保中心", ids["campaign"], 1)]
    with store.write("hq") as w:
        save_office_settings(w, {"accountability_threshold": 4})
    assert _candidates(store, ids) == []


def test_another_campaign_filter_lists_no_candidate(chased):
    store, ids = chased
    with store.read() as conn:
        assert accountability_candidates(conn, Filters(campaign_id="other"), ids["today"], 1) == []
        assert accountability_candidates(
            conn, Filters(campaign_id=ids["campaign"]), ids["today"], 3)[0]["overdue"] == 3
