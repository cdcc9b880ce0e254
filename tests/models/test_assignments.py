"""Findings become problems at HQ (交办, issue 14 §1): the problem takes the finding's unit, a
deadline from the office settings and one `problem_source` row per source; the unit-facing text
proposed for a secret visit's finding says what to rectify and nothing of the visit."""

from datetime import date, timedelta

import pytest

from models import assignments, rules
from models.enums import Level, SourceKind, UnitKind, VisitKind, VisitStatus
from models.errors import DomainError, ValidationError
from models.office_settings import save_office_settings
from models.records import Evaluation, Finding, Opinion, Problem, Visit
from models.reference import Campaign, Representative, Team, Unit
from models.timeutil import local_today

PLACE, TEAM, MEMBER = "城东茶楼", "第三评议组", "刘明华"
SECRET_TEXT = f"3月4日上午9点{TEAM}在{PLACE}旁的社保中心二号窗口发现工作人员脱岗，{MEMBER}拍照"


def _county(store) -> dict:
    """A unit, a campaign, a secret visit with its team and member, an open visit; a finding
    of each."""
    ids = {}
    with store.write("hq") as w:
        ids["unit"] = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
        ids["campaign"] = w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
        team = w.create(Team, {"name": TEAM})
        rep = w.create(Representative, {"name": MEMBER, "team_id": team})
        ids["secret_visit"] = w.create(Visit, {
            "kind": VisitKind.SECRET, "unit_id": ids["unit"], "team_id": team,
            "representative_ids": [rep], "status": VisitStatus.DONE, "place": PLACE,
            "visit_date": date(2026, 3, 4)})
        ids["open_visit"] = w.create(Visit, {"kind": VisitKind.OPEN, "unit_id": ids["unit"],
                                             "status": VisitStatus.DONE})
        ids["secret"] = w.create(Finding, {
            "visit_id": ids["secret_visit"], "unit_id": ids["unit"],
            "category": "absent_from_post", "description": SECRET_TEXT,
            "found_on": date(2026, 3, 4)})
        ids["open"] = w.create(Finding, {
            "visit_id": ids["open_visit"], "unit_id": ids["unit"], "category": "fees",
            "description": "收费标准未公示", "found_on": date(2026, 3, 6)})
    return ids


def test_the_proposed_assignment_text_leaves_out_the_visits_date_time_place_and_team():
    text = rules.propose_assignment_text([("absent_from_post", SECRET_TEXT)],
                                         [PLACE, TEAM, MEMBER])
    assert text.startswith("存在脱岗离岗问题：")
    assert "工作人员脱岗" in text and "社保中心二号窗口" in text
    for secret in (PLACE, TEAM, MEMBER, "3月4日", "上午", "9点"):
        assert secret not in text, secret
    dated = rules.propose_assignment_text([("fees", "收费标准未公示（2026-03-18）")])
    assert dated == "存在乱收费问题：收费标准未公示"  # no empty brackets where the date was


def test_a_secret_findings_proposal_names_its_category_and_never_its_place(store):
    ids = _county(store)
    with store.read() as conn:
        secret = assignments.proposal(conn, [ids["secret"]])
        plain = assignments.proposal(conn, [ids["open"]])
    assert secret["confidential"] is True
    assert "存在脱岗离岗问题" in secret["assignment_text"]
    assert PLACE not in secret["assignment_text"] and TEAM not in secret["assignment_text"]
    assert plain["confidential"] is False and plain["assignment_text"] == ""


def test_a_problem_made_from_findings_records_each_source_and_the_default_deadline(store):
    ids = _county(store)
    with store.write("hq") as w:
        save_office_settings(w, {"default_deadline_days": 20})
    with store.write("hq") as w:
        problem_id = assignments.make_problem(w, [ids["open"], ids["secret"]],
                                              {"responsible_person": "吴局长"})
    with store.read() as conn:
        problem = conn.execute(Problem.__table__.select().where(
            Problem.__table__.c.id == problem_id)).mappings().one()
        links = assignments.sources_with_first(conn, dict(problem))
        fed = assignments.problems_from(conn, "finding", ids["secret"])
    assert problem["unit_id"] == ids["unit"] and problem["campaign_id"] == ids["campaign"]
    assert problem["deadline"] == local_today() + timedelta(days=20)
    assert (problem["source"], problem["source_id"]) == ("finding", ids["open"])
    assert problem["responsible_person"] == "吴局长"
    assert problem["confidential_source"] is True  # its second source is a secret visit's
    assert PLACE not in problem["assignment_text"]
    assert [(s["kind"], s["source_id"]) for s in links] == [("finding", ids["open"]),
                                                            ("finding", ids["secret"])]
    assert [p["id"] for p in fed] == [problem_id]


def test_hq_adds_an_opinion_a_visit_and_a_dissatisfied_form_as_sources(store):
    ids = _county(store)
    with store.write("hq") as w:
        problem_id = assignments.make_problem(w, [ids["open"]], {})
        opinion = w.create(Opinion, {"text": "收费不透明", "unit_id": ids["unit"]})
        form = w.create(Evaluation, {
            "campaign_id": ids["campaign"], "group": "citizen", "unit_id": ids["unit"],
            "level": Level.DISSATISFIED, "reason": "乱收费", "evaluated_on": date(2026, 3, 1)})
    with store.write("hq") as w:
        assignments.add_sources(w, problem_id, [
            (SourceKind.OPINION, opinion), (SourceKind.EVALUATION, form),
            (SourceKind.FINDING, ids["open"])])  # already a source: not written twice
    with store.read() as conn:
        problem = dict(conn.execute(Problem.__table__.select().where(
            Problem.__table__.c.id == problem_id)).mappings().one())
        kinds = [s["kind"] for s in assignments.sources_with_first(conn, problem)]
    assert kinds == ["finding", "opinion", "evaluation"]
    assert problem["confidential_source"] is False
    with store.write("hq") as w:  # the secret visit itself: the problem becomes confidential
        assignments.add_sources(w, problem_id, [(SourceKind.VISIT, ids["secret_visit"])])
    with store.read() as conn:
        flag = conn.exec_driver_sql("SELECT confidential_source FROM problem WHERE id = ?",
                                    (problem_id,)).scalar()
    assert bool(flag) is True


def test_an_office_device_makes_no_problem_from_findings(store):
    ids = _county(store)
    store.set_meta("device_role", "office")
    with pytest.raises(DomainError) as refused, store.write("clerk") as w:
        assignments.make_problem(w, [ids["open"]], {})
    assert refused.value.code == "problem_sources_hq_only"


def test_a_secret_findings_problem_needs_its_unit_and_the_text_the_unit_reads(store):
    ids = _county(store)
    with pytest.raises(ValidationError) as refused, store.write("hq") as w:
        assignments.make_problem(w, [ids["secret"]], {"unit_id": None, "assignment_text": " "})
    assert [p.code for p in refused.value.problems] == ["assignment_needs_unit",
                                                        "assignment_needs_text"]
