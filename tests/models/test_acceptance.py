"""HQ's answers to a unit (issue 14 §2): a completed report accepted verifies its problem or,
returned with a reason, sends it back to rectifying; a request for a later deadline approved
moves the problem's deadline (audited) or is refused with a reason. Only HQ answers; an
approved extension takes its problem off the accountability list (§3)."""

from datetime import timedelta

import pytest

from models import acceptance, services
from models.errors import DomainError, ValidationError
from models.office_settings import read_office_settings
from models.records import Problem
from models.rectification import ExtensionRequest, RectificationReport
from models.stats import Filters, accountability_candidates, county_stats
from tests.models.helpers import seed_overdue


@pytest.fixture
def chased(store, tmp_path):
    ids = seed_overdue(store, tmp_path)
    with store.read() as conn:
        ids["problems"] = dict(conn.exec_driver_sql(
            "SELECT description, id FROM problem").fetchall())
    return store, ids


def _report(store, problem_id, today, *, completed=True, what="挂号窗口已增设导办员") -> str:
    with store.write("liaison") as w:
        return services.create_record(w, RectificationReport, {
            "problem_id": problem_id, "what_done": what, "reported_on": today,
            "completed_on": today - timedelta(days=1) if completed else None})


def _request(store, problem_id, today, days: int) -> str:
    with store.write("liaison") as w:
        return services.create_record(w, ExtensionRequest, {
            "problem_id": problem_id, "requested_deadline": today + timedelta(days=days),
            "reason": "需采购设备", "requested_on": today})


def _row(store, model, row_id) -> dict:
    with store.read() as conn:
        t = model.__table__
        return dict(conn.execute(t.select().where(t.c.id == row_id)).mappings().one())


def _outbox(store, table: str) -> list[tuple]:
    with store.read() as conn:
        return conn.exec_driver_sql("SELECT op, fields, profile FROM outbox WHERE table_name = ?"
                                    " ORDER BY seq", (table,)).fetchall()


def test_accepting_a_completed_report_verifies_its_problem(chased):
    store, ids = chased
    problem_id = ids["problems"]["挂号窗口推诿"]
    report_id = _report(store, problem_id, ids["today"])
    with store.read() as conn:
        assert [r["id"] for r in acceptance.awaiting_acceptance(conn)] == [report_id]
        assert acceptance.awaiting_acceptance(conn)[0]["unit_path"] == "余庆县/白泥镇/卫生院"
    with store.write("主任") as w:
        acceptance.accept_report(w, report_id, "现场复核属实")
    problem, report = _row(store, Problem, problem_id), _row(store, RectificationReport, report_id)
    assert (problem["status"], problem["rectified_on"]) == ("verified", report["completed_on"])
    assert (problem["measures"], problem["verification"]) == ("挂号窗口已增设导办员", "现场复核属实")
    assert (report["review"], report["reviewed_by"]) == ("accepted", "主任")
    assert report["reviewed_on"] == ids["today"]
    with store.read() as conn:
        assert acceptance.awaiting_acceptance(conn) == []
    # synced and attributed: the problem's changes and the answer go to HQ's outbox
    assert any('"verified"' in fields for _op, fields, _who in _outbox(store, "problem"))
    assert ("update", "主任") in {(op, who) for op, _f, who in _outbox(store,
                                                                      "rectification_report")}


def test_a_report_that_is_not_completed_is_not_awaiting_and_cannot_be_accepted(chased):
    store, ids = chased
    report_id = _report(store, ids["problems"]["收费未公示"], ids["today"], completed=False)
    with store.read() as conn:
        assert acceptance.awaiting_acceptance(conn) == []
    with pytest.raises(DomainError) as refused, store.write("主任") as w:
        acceptance.accept_report(w, report_id)
    assert refused.value.code == "report_not_completed"


def test_returning_a_report_needs_a_reason_and_sends_the_problem_back(chased):
    store, ids = chased
    problem_id = ids["problems"]["厕所脏乱"]  # the office had marked it rectified
    report_id = _report(store, problem_id, ids["today"])
    with pytest.raises(ValidationError) as refused, store.write("主任") as w:
        acceptance.return_report(w, report_id, "  ")
    assert refused.value.problems[0].code == "return_needs_reason"
    with store.write("主任") as w:
        acceptance.return_report(w, report_id, "照片不能证明已整改")
    problem, report = _row(store, Problem, problem_id), _row(store, RectificationReport, report_id)
    assert problem["status"] == "rectifying" and problem["rectified_on"] is None
    assert (report["review"], report["review_reason"]) == ("returned", "照片不能证明已整改")
    with pytest.raises(DomainError) as again, store.write("主任") as w:
        acceptance.accept_report(w, report_id)
    assert again.value.code == "report_already_reviewed"


def test_approving_an_extension_moves_the_deadline_audited(chased):
    store, ids = chased
    problem_id = ids["problems"]["药房态度生硬"]
    request_id = _request(store, problem_id, ids["today"], 20)
    with store.read() as conn:
        assert [r["id"] for r in acceptance.pending_extensions(conn)] == [request_id]
    with store.write("主任") as w:
        acceptance.approve_extension(w, request_id)
    assert _row(store, Problem, problem_id)["deadline"] == ids["today"] + timedelta(days=20)
    request = _row(store, ExtensionRequest, request_id)
    assert (request["decision"], request["decided_by"]) == ("approved", "主任")
    with store.read() as conn:
        assert acceptance.pending_extensions(conn) == []
        audited = conn.exec_driver_sql(
            "SELECT details FROM audit_log WHERE table_name = 'problem' AND row_id = ? AND "
            "event = 'update'", (problem_id,)).scalars().all()
    assert any("deadline" in details for details in audited)


def test_refusing_an_extension_needs_a_reason_and_keeps_the_deadline(chased):
    store, ids = chased
    problem_id = ids["problems"]["药房态度生硬"]
    before = _row(store, Problem, problem_id)["deadline"]
    request_id = _request(store, problem_id, ids["today"], 20)
    with pytest.raises(ValidationError) as refused, store.write("主任") as w:
        acceptance.refuse_extension(w, request_id, "")
    assert refused.value.problems[0].code == "refusal_needs_reason"
    with store.write("主任") as w:
        acceptance.refuse_extension(w, request_id, "整改时间已足够")
    request = _row(store, ExtensionRequest, request_id)
    assert (request["decision"], request["decision_reason"]) == ("refused", "整改时间已足够")
    assert _row(store, Problem, problem_id)["deadline"] == before
    with pytest.raises(DomainError) as again, store.write("主任") as w:
        acceptance.approve_extension(w, request_id)
    assert again.value.code == "extension_already_decided"


@pytest.mark.parametrize("role", ["office", "unit"])
def test_only_hq_answers_a_unit(chased, role):
    store, ids = chased
    problem_id = ids["problems"]["挂号窗口推诿"]
    report_id = _report(store, problem_id, ids["today"])
    request_id = _request(store, problem_id, ids["today"], 20)
    store.set_meta("device_role", role)
    attempts = [
        ("report_review_hq_only", lambda w: acceptance.accept_report(w, report_id)),
        ("report_review_hq_only", lambda w: services.update_record(
            w, RectificationReport, report_id, {"review": "accepted"})),
        ("report_review_hq_only", lambda w: services.create_record(w, RectificationReport, {
            "problem_id": problem_id, "what_done": "x", "reported_on": ids["today"],
            "review": "accepted", "reviewed_by": "我自己"})),
        ("extension_decision_hq_only", lambda w: acceptance.approve_extension(w, request_id)),
        ("extension_decision_hq_only", lambda w: services.update_record(
            w, ExtensionRequest, request_id, {"decision_reason": "同意"})),
        ("extension_decision_hq_only", lambda w: services.create_record(w, ExtensionRequest, {
            "problem_id": problem_id, "requested_deadline": ids["today"], "reason": "r",
            "requested_on": ids["today"], "decision": "approved"})),
    ]
    for code, attempt in attempts:
        with pytest.raises(DomainError) as refused, store.write("liaison") as w:
            attempt(w)
        assert refused.value.code == code
    assert _row(store, Problem, problem_id)["status"] == "open"
    assert _row(store, ExtensionRequest, request_id)["decision"] == "pending"


def _candidates(store, ids) -> list[tuple[str, int]]:
    with store.read() as conn:
        k = read_office_settings(conn)["accountability_threshold"]
        return [(r["unit_name"], r["overdue"])
                for r in accountability_candidates(conn, Filters(), ids["today"], k)]


def test_an_approved_extension_takes_its_problem_off_the_accountability_list(chased):
    """Overdue is judged on the deadline as it stands; the accountability list leaves out a
    problem HQ granted more time, even one whose new deadline passed too."""
    store, ids = chased
    assert _candidates(store, ids) == [("卫生院", 3)]
    request_id = _request(store, ids["problems"]["挂号窗口推诿"], ids["today"], -2)
    with store.write("主任") as w:
        acceptance.approve_extension(w, request_id)
    with store.read() as conn:
        problems = county_stats(conn, as_of=ids["today"])["problems"]
    assert problems["overdue"] == 4  # the new deadline passed as well: still overdue
    assert _candidates(store, ids) == []  # but not held against the unit: 2 < K = 3


def test_an_extension_to_a_later_day_ends_the_overdue(chased):
    store, ids = chased
    request_id = _request(store, ids["problems"]["挂号窗口推诿"], ids["today"], 20)
    with store.write("主任") as w:
        acceptance.approve_extension(w, request_id)
    with store.read() as conn:
        problems = county_stats(conn, as_of=ids["today"])["problems"]
    assert problems["overdue"] == 3
    assert [(u["unit_name"], u["overdue"]) for u in problems["overdue_units"]] == [
        ("卫生院", 2), ("县社保中心", 1)]


def test_the_candidates_name_the_problems_counted(chased):
    store, ids = chased
    with store.read() as conn:
        (row,) = accountability_candidates(conn, Filters(), ids["today"], 3)
    p = ids["problems"]
    assert row["problem_ids"] == [p["挂号窗口推诿"], p["收费未公示"], p["药房态度生硬"]]


def test_stats_count_reports_awaiting_acceptance_and_pending_extensions(chased):
    store, ids = chased
    p = ids["problems"]
    _report(store, p["挂号窗口推诿"], ids["today"])
    _report(store, p["收费未公示"], ids["today"], completed=False)
    done = _report(store, p["药房态度生硬"], ids["today"])
    _request(store, p["夜间无人值守"], ids["today"], 20)
    decided = _request(store, p["收费未公示"], ids["today"], 20)
    with store.write("主任") as w:
        acceptance.accept_report(w, done, "")
        acceptance.refuse_extension(w, decided, "不同意")
    with store.read() as conn:
        figures = county_stats(conn, as_of=ids["today"])
    assert figures["problems"]["awaiting_acceptance"] == 1
    assert figures["extensions"] == {"pending": 1}


def test_a_deleted_problem_awaits_nothing(chased):
    store, ids = chased
    problem_id = ids["problems"]["挂号窗口推诿"]
    _report(store, problem_id, ids["today"])
    _request(store, problem_id, ids["today"], 20)
    with store.write("主任") as w:
        services.delete_record(w, Problem, problem_id)
    with store.read() as conn:
        assert acceptance.awaiting_acceptance(conn) == []
        assert acceptance.pending_extensions(conn) == []
        assert county_stats(conn)["extensions"]["pending"] == 0
