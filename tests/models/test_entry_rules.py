"""What each entry form needs (issue 12 §4): a secret visit names its unit, team and
representatives; a finding says what was found; a problem is verified only once its measures
are written down; a campaign's weights run downwards and a unit is ranked on at least one form.
Each refusal names its field and carries a code the window renders in the user's language, and
nothing is written."""

from datetime import date

import pytest

from models import services
from models.enums import ProblemStatus
from models.errors import ValidationError
from models.records import Finding, Problem, Visit
from models.reference import Campaign, Team, Unit
from tests.models.helpers import count


@pytest.fixture
def ids(store):
    with store.write("clerk") as w:
        unit = w.create(Unit, {"name": "县社保中心", "kind": "department"})
        team = w.create(Team, {"name": "第一督查组"})
    return {"unit": unit, "team": team}


def _refused(store, call) -> dict[str, str]:
    with pytest.raises(ValidationError) as err, store.write("clerk") as w:
        call(w)
    return {p.field: p.code for p in err.value.problems}


def test_secret_visit_without_unit_team_or_representatives_is_refused(store, ids):
    codes = _refused(store, lambda w: services.create_record(
        w, Visit, {"kind": "secret", "status": "planned"}))
    assert codes == {"unit_id": "secret_visit_needs_unit",
                     "team_id": "secret_visit_needs_team",
                     "representative_ids": "secret_visit_needs_representatives"}
    assert count(store, "visit") == 0


def test_open_visit_still_needs_no_representatives(store, ids):
    with store.write("clerk") as w:
        services.create_record(w, Visit, {"kind": "open", "status": "planned"})
    assert count(store, "visit") == 1


def test_finding_without_description_is_refused(store, ids):
    codes = _refused(store, lambda w: services.create_record(
        w, Finding, {"category": "other", "severity": "minor", "description": "  ",
                     "found_on": date(2026, 5, 1)}))
    assert codes == {"description": "finding_needs_description"}
    assert count(store, "finding") == 0


def test_problem_cannot_be_verified_without_measures(store, ids):
    with store.write("clerk") as w:
        problem = services.create_record(w, Problem, {
            "description": "窗口推诿", "reported_on": date(2026, 5, 1)})
    codes = _refused(store, lambda w: services.change_problem_status(
        w, problem, ProblemStatus.VERIFIED))
    assert codes == {"measures": "verify_needs_measures"}
    with store.write("clerk") as w:
        services.update_record(w, Problem, problem, {"measures": "约谈窗口负责人"})
        services.change_problem_status(w, problem, ProblemStatus.VERIFIED)


def _campaign(**weights) -> dict:
    return {"name": "2026年万民评议", "year": 2026, **weights}


def test_reversed_campaign_weights_are_refused(store, ids):
    store.set_meta("device_role", "hq")
    codes = _refused(store, lambda w: services.create_record(
        w, Campaign, _campaign(weight_satisfied=0.0, weight_dissatisfied=100.0)))
    assert codes == {"weight_fairly_satisfied": "weight_above_previous",
                     "weight_basically_satisfied": "weight_above_previous",
                     "weight_dissatisfied": "weight_above_previous"}
    assert count(store, "campaign") == 0


def test_minimum_sample_of_zero_is_refused(store, ids):
    store.set_meta("device_role", "hq")
    codes = _refused(store, lambda w: services.create_record(w, Campaign, _campaign(min_sample=0)))
    assert codes == {"min_sample": "min_sample_too_small"}


def test_decimal_weights_are_kept(store, ids):
    store.set_meta("device_role", "hq")
    with store.write("hq") as w:
        services.create_record(w, Campaign, _campaign(weight_fairly_satisfied=82.5))
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT weight_fairly_satisfied FROM campaign").scalar() == 82.5
