"""The reply to the complainant (issue 14 §4): HQ records how, when and by whom it answered the
person whose opinion became a problem, and what they thought of the handling; an office device
receives it and may not change it (code `reply_hq_only`, refused by its own store and by HQ); a
reply needs an opinion with a contact. SQLite and PostgreSQL."""

from datetime import date

import pytest

from models import services
from models.enums import ComplainantView, ProblemSource, ReplyMethod
from models.errors import DomainError, ValidationError
from models.records import Opinion, Problem
from models.stats import county_stats
from tests.sync.helpers import seed_reference

REPLY = {"reply_method": ReplyMethod.PHONE, "replied_on": date(2026, 4, 2),
         "replied_by": "王科长", "complainant_view": ComplainantView.BASICALLY_SATISFIED}


def _opinion_problem(device, ids: dict, contact: str) -> str:
    with device.write("hq") as w:
        opinion = services.create_record(w, Opinion, {
            "text": "办证窗口来回跑", "unit_id": ids["window"], "campaign_id": ids["campaign"],
            "contact": contact, "received_on": date(2026, 3, 3)})
        return services.create_record(w, Problem, {
            "description": "办证推诿", "unit_id": ids["window"], "campaign_id": ids["campaign"],
            "reported_on": date(2026, 3, 5), "source": ProblemSource.OPINION,
            "source_id": opinion})


def test_hq_records_a_reply_and_an_office_device_receives_it(hq):
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    ids = seed_reference(boss)
    problem = _opinion_problem(boss, ids, "138 0000 1111")
    with boss.write("hq") as w:
        services.update_record(w, Problem, problem, dict(REPLY))
    boss.sync()
    office.sync()
    got = office.rows("problem")[problem]
    assert {k: got[k] for k in REPLY} == REPLY
    assert hq.rows("problem")[problem]["replied_by"] == "王科长"


def test_an_office_device_changing_the_reply_is_refused(hq):
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    ids = seed_reference(boss)
    problem = _opinion_problem(boss, ids, "138 0000 1111")
    with boss.write("hq") as w:
        services.update_record(w, Problem, problem, dict(REPLY))
    boss.sync()
    office.sync()
    # The office's own store refuses it before the outbox ...
    with pytest.raises(DomainError) as refused, office.write("clerk") as w:
        services.update_record(w, Problem, problem,
                               {"complainant_view": ComplainantView.SATISFIED})
    assert refused.value.code == "reply_hq_only"
    # ... and a doctored client going straight to the store is refused by HQ, on its own.
    with office.write("clerk") as w:
        w.update(Problem, problem, {"complainant_view": ComplainantView.SATISFIED,
                                    "measures": "already rectified"})
    report = office.sync()
    assert report.forbidden == 1
    with office.store.read() as conn:
        codes = conn.exec_driver_sql("SELECT code FROM sync_issue").scalars().all()
    assert codes == ["reply_hq_only"]
    at_hq = hq.rows("problem")[problem]
    assert at_hq["complainant_view"] == ComplainantView.BASICALLY_SATISFIED
    assert at_hq["measures"] == ""


def test_a_reply_needs_an_opinion_with_a_contact_and_the_view(hq):
    boss = hq.device("hq", name="hq-desk")
    ids = seed_reference(boss)
    anonymous = _opinion_problem(boss, ids, "")
    with pytest.raises(ValidationError) as refused, boss.write("hq") as w:
        services.update_record(w, Problem, anonymous, dict(REPLY))
    assert [p.code for p in refused.value.problems] == ["reply_needs_contact"]
    with boss.write("hq") as w:
        plain = services.create_record(w, Problem, {
            "description": "收费未公示", "unit_id": ids["window"], "campaign_id": ids["campaign"],
            "reported_on": date(2026, 3, 5)})
    with pytest.raises(ValidationError) as refused, boss.write("hq") as w:
        services.update_record(w, Problem, plain, dict(REPLY))
    assert [p.code for p in refused.value.problems] == ["reply_needs_contact"]
    reachable = _opinion_problem(boss, ids, "138 0000 1111")
    with pytest.raises(ValidationError) as refused, boss.write("hq") as w:
        services.update_record(w, Problem, reachable, {**REPLY, "complainant_view": None})
    assert [p.code for p in refused.value.problems] == ["reply_needs_view"]


def test_stats_count_the_replies_and_the_complainants_satisfaction(hq):
    boss = hq.device("hq", name="hq-desk")
    ids = seed_reference(boss)
    views = [ComplainantView.SATISFIED, ComplainantView.BASICALLY_SATISFIED,
             ComplainantView.DISSATISFIED, ComplainantView.DISSATISFIED]
    problems = [_opinion_problem(boss, ids, f"139 {n}") for n in range(5)]
    with boss.write("hq") as w:
        for problem, view in zip(problems, views, strict=False):
            services.update_record(w, Problem, problem, {**REPLY, "complainant_view": view})
    with boss.store.read() as conn:
        figures = county_stats(conn)["problems"]
    assert figures["total"] == 5
    assert figures["replied"] == 4
    assert figures["complainant_satisfaction"] == 0.5
