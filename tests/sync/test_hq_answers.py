"""HQ's answers to a unit travel like any other HQ write (issue 14 §2): accepting a completed
report verifies its problem at HQ's server and on the office's device; approving a request
moves the problem's deadline there too; an office device's own store refuses to answer, and a
doctored office client's answer is refused by HQ. SQLite and PostgreSQL."""

from datetime import date

import pytest

from models import acceptance, services
from models.errors import DomainError
from models.records import Problem
from models.rectification import ExtensionRequest, RectificationReport
from tests.sync.helpers import seed_reference


def _problem_with_answers(boss, ids: dict) -> tuple[str, str, str]:
    """A problem, a completed report and a request for a later deadline (HQ types them here:
    the unit device's own path is another part of issue 14)."""
    with boss.write("hq") as w:
        problem = services.create_record(w, Problem, {
            "description": "办证推诿", "unit_id": ids["window"], "campaign_id": ids["campaign"],
            "reported_on": date(2026, 3, 5), "deadline": date(2026, 4, 5),
            "status": "rectifying"})
        report = services.create_record(w, RectificationReport, {
            "problem_id": problem, "what_done": "增设导办员", "reported_on": date(2026, 4, 1),
            "completed_on": date(2026, 3, 30)})
        request = services.create_record(w, ExtensionRequest, {
            "problem_id": problem, "current_deadline": date(2026, 4, 5),
            "requested_deadline": date(2026, 5, 5), "reason": "设备未到",
            "requested_on": date(2026, 4, 1)})
    return problem, report, request


def test_hq_answers_reach_hq_and_the_office(hq):
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    ids = seed_reference(boss)
    problem, report, request = _problem_with_answers(boss, ids)
    boss.sync()
    with boss.write("主任") as w:
        acceptance.approve_extension(w, request)
        acceptance.accept_report(w, report, "复核属实")
    assert boss.sync().rejected == 0
    office.sync()
    for rows in (hq.rows, office.rows):
        got = rows("problem")[problem]
        assert (got["status"], got["deadline"]) == ("verified", date(2026, 5, 5))
        assert (got["rectified_on"], got["verification"]) == (date(2026, 3, 30), "复核属实")
        assert rows("rectification_report")[report]["review"] == "accepted"
        assert rows("extension_request")[request]["decision"] == "approved"


def test_an_office_device_does_not_answer_a_unit(hq):
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    ids = seed_reference(boss)
    _problem, report, request = _problem_with_answers(boss, ids)
    boss.sync()
    office.sync()
    with pytest.raises(DomainError) as refused, office.write("clerk") as w:
        acceptance.accept_report(w, report)
    assert refused.value.code == "report_review_hq_only"
    with pytest.raises(DomainError) as refused, office.write("clerk") as w:
        services.update_record(w, ExtensionRequest, request, {"decision": "approved"})
    assert refused.value.code == "extension_decision_hq_only"
    # A doctored client going straight to its store: HQ keeps its own answer fields.
    with office.write("clerk") as w:
        w.update(RectificationReport, report, {"review": "accepted"})
    office.sync()
    assert hq.rows("rectification_report")[report]["review"] == "pending"
