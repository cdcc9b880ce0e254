"""A problem's sources at HQ (issue 14 §1): `confidential_source` is judged over ALL of them
(its own link and every `problem_source` row), at HQ and so on every device; the assignment
fields are HQ's (code `assignment_hq_only`). SQLite and PostgreSQL."""

from datetime import date

import pytest

from models import assignments, services
from models.enums import SourceKind, VisitKind, VisitStatus
from models.errors import DomainError
from models.records import Finding, Problem, Visit
from models.rectification import ProblemSourceLink
from tests.sync.helpers import seed_reference


def _finding(device, ids: dict, kind: str, text: str) -> tuple[str, str]:
    with device.write("hq") as w:
        visit = w.create(Visit, {"kind": kind, "unit_id": ids["window"], "place": "城东茶楼",
                                 "status": VisitStatus.DONE, "visit_date": date(2026, 3, 4)})
        finding = w.create(Finding, {"visit_id": visit, "unit_id": ids["window"],
                                     "category": "absent_from_post", "description": text})
    return visit, finding


def test_a_problem_whose_second_source_is_a_secret_visits_finding_is_flagged(hq):
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    ids = seed_reference(boss)
    _, seen = _finding(boss, ids, VisitKind.OPEN, "明查发现脱岗")
    _, hidden = _finding(boss, ids, VisitKind.SECRET, "暗访发现脱岗")
    with boss.write("hq") as w:
        made = assignments.make_problem(w, [seen, hidden], {})
        # An HQ desk of an older make links a source without raising the flag itself: HQ
        # judges the problem again when the link arrives.
        linked = services.create_record(w, Problem, {
            "description": "窗口脱岗", "unit_id": ids["window"], "campaign_id": ids["campaign"],
            "reported_on": date(2026, 3, 5), "source": "finding", "source_id": seen})
        w.create(ProblemSourceLink, {"problem_id": linked, "kind": SourceKind.FINDING,
                                     "source_id": seen})
        w.create(ProblemSourceLink, {"problem_id": linked, "kind": SourceKind.FINDING,
                                     "source_id": hidden})
    assert boss.rows("problem")[linked]["confidential_source"] is False
    boss.sync()
    office.sync()
    boss.sync()
    for rows in (hq.rows("problem"), office.rows("problem"), boss.rows("problem")):
        for problem in (made, linked):
            assert rows[problem]["confidential_source"] is True, problem
            assert rows[problem]["source_category"] == "absent_from_post"
    links = {(r["problem_id"], r["source_id"]) for r in office.rows("problem_source").values()}
    assert links == {(made, seen), (made, hidden), (linked, seen), (linked, hidden)}


def test_a_second_sources_visit_turning_secret_flags_the_problem(hq):
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    ids = seed_reference(boss)
    _, first = _finding(boss, ids, VisitKind.OPEN, "明查发现收费未公示")
    later_secret, second = _finding(boss, ids, VisitKind.OPEN, "回访发现仍未公示")
    with boss.write("hq") as w:
        problem = assignments.make_problem(w, [first, second], {})
    boss.sync()
    assert hq.rows("problem")[problem]["confidential_source"] is False
    with boss.write("hq") as w:
        w.update(Visit, later_secret, {"kind": VisitKind.SECRET})
    boss.sync()
    office.sync()
    assert hq.rows("problem")[problem]["confidential_source"] is True
    assert office.rows("problem")[problem]["confidential_source"] is True


def test_hq_assigns_a_problem_and_the_office_may_not_change_the_assignment(hq):
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    ids = seed_reference(boss)
    _, finding = _finding(boss, ids, VisitKind.SECRET, "暗访发现脱岗")
    with boss.write("hq") as w:
        problem = assignments.make_problem(w, [finding], {"assignment_text": "存在脱岗问题"})
    boss.sync()
    office.sync()
    assert office.rows("problem")[problem]["assignment_text"] == "存在脱岗问题"
    # The office's own store refuses it before the outbox ...
    with pytest.raises(DomainError) as refused, office.write("clerk") as w:
        services.update_record(w, Problem, problem, {"assignment_text": "暗访组在茶楼发现脱岗"})
    assert refused.value.code == "assignment_hq_only"
    with pytest.raises(DomainError), office.write("clerk") as w:
        services.create_record(w, Problem, {
            "description": "自拟", "unit_id": ids["window"], "reported_on": date(2026, 3, 5),
            "assigned_on": date(2026, 3, 6), "assignment_no": "纠风交〔2026〕1号"})
    # ... and a doctored client going straight to the store is refused by HQ, on its own.
    with office.write("clerk") as w:
        w.update(Problem, problem, {"assignment_no": "纠风交〔2026〕9号",
                                    "measures": "already rectified"})
    report = office.sync()
    assert report.forbidden == 1
    with office.store.read() as conn:
        codes = conn.exec_driver_sql("SELECT code FROM sync_issue").scalars().all()
    assert codes == ["assignment_hq_only"]
    at_hq = hq.rows("problem")[problem]
    assert at_hq["assignment_no"] == "" and at_hq["measures"] == ""
