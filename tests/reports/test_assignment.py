"""The assignment notice (交办通知, issue 14 §1): HQ sends each unit its new problems, numbered in
the assignment sequence; a problem from a secret visit reaches the unit by HQ's assignment text
only, with nothing of the visit's date, time, place or team (docs/redaction.md)."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.data.assignment_notices import issue_assignments
from models.enums import FindingCategory, ProblemSource, ProblemStatus, UnitKind, VisitKind
from models.errors import AppError
from models.records import Finding, Problem, Visit
from models.reference import Representative, Team, Unit
from models.timeutil import local_today
from reports.outputs import ReportRequest
from tests.reports.conftest import docx_text, pdf_text
from tests.sync import conftest as sync_conftest

database_url = sync_conftest.database_url  # SQLite and PostgreSQL, as in tests/sync

PLACE, TEAM, REP = "社保中心二号窗口", "第三暗访组", "钱暗访"
SECRET_ACCOUNT = f"3月4日上午9点{TEAM}在{PLACE}发现窗口空岗"
ASSIGNMENT_TEXT = "窗口工作人员上班时间脱岗，群众等候无人办理"
SECRET_DETAILS = ("3月4日", "2026-03-04", "9点", "09:30", PLACE, TEAM, REP, SECRET_ACCOUNT)


def _plant(w, *, assignment_text: str = ASSIGNMENT_TEXT) -> dict[str, str]:
    """Two units, three new problems: one of them from a secret visit's finding."""
    today = local_today()
    social = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
    clinic = w.create(Unit, {"name": "白泥镇卫生院", "kind": UnitKind.DEPARTMENT})
    team = w.create(Team, {"name": TEAM})
    rep = w.create(Representative, {"name": REP})
    visit = w.create(Visit, {
        "kind": VisitKind.SECRET, "unit_id": social, "team_id": team,
        "representative_ids": [rep], "place": PLACE, "visit_date": date(2026, 3, 4),
        "actual_at": datetime(2026, 3, 4, 9, 30, tzinfo=UTC), "summary": "暗访记录"})
    finding = w.create(Finding, {"visit_id": visit, "unit_id": social,
                                 "category": FindingCategory.ABSENT_FROM_POST,
                                 "description": SECRET_ACCOUNT, "found_on": date(2026, 3, 4)})
    base = {"status": ProblemStatus.RECTIFYING, "reported_on": today - timedelta(days=3)}
    return {
        "secret": w.create(Problem, {
            **base, "description": SECRET_ACCOUNT, "unit_id": social,
            "source": ProblemSource.FINDING, "source_id": finding, "confidential_source": True,
            "source_category": FindingCategory.ABSENT_FROM_POST,
            "assignment_text": assignment_text, "responsible_person": "李主任",
            "deadline": today + timedelta(days=30)}),
        "plain": w.create(Problem, {**base, "description": "办事指南未公示", "unit_id": social,
                                    "responsible_person": "王科长",
                                    "deadline": today + timedelta(days=20)}),
        "clinic": w.create(Problem, {**base, "description": "收费未公示", "unit_id": clinic,
                                     "responsible_person": "赵院长",
                                     "deadline": today + timedelta(days=15)}),
    }


@pytest.fixture
def hq_and_device(database_url, tmp_path):
    from tests.sync.helpers import Hq

    hq = Hq.start(database_url, tmp_path)
    try:
        yield hq, hq.device("hq", name="hq")
    finally:
        hq.close()


def _issue(dev, out):
    req = ReportRequest(out=out, as_of=local_today())
    return issue_assignments(dev.store, req, "hq", transport=dev.transport), req


def test_each_unit_gets_its_new_problems_numbered_and_no_secret_visit_detail(hq_and_device,
                                                                              tmp_path):
    _hq, dev = hq_and_device
    with dev.write("hq") as w:
        ids = _plant(w)
    issued, req = _issue(dev, tmp_path / "交办")
    year = local_today().year
    assert issued.assigned == 3 and len(issued.paths) == 4  # two units, DOCX and PDF each
    assert sorted(req.numbers.values()) == [f"交办〔{year}〕1号", f"交办〔{year}〕2号"]
    social = [p for p in issued.paths if "县社保中心" in p.name]
    text = docx_text(next(p for p in social if p.suffix == ".docx"))
    pdf = re.sub(r"\s+", "", pdf_text(next(p for p in social if p.suffix == ".pdf")))
    for t in (text, pdf):
        assert "整改问题交办通知" in t and ASSIGNMENT_TEXT in t and "办事指南未公示" in t
        assert "李主任" in t and "收费未公示" not in t
        for secret in SECRET_DETAILS:
            assert secret not in t, secret
    problems = dev.rows("problem")
    assert {problems[i]["assignment_no"] for i in ids.values()} == set(req.numbers.values())
    assert all(problems[i]["assigned_on"] == local_today() for i in ids.values())
    assert problems[ids["secret"]]["assignment_no"] == problems[ids["plain"]]["assignment_no"]
    again, _ = _issue(dev, tmp_path / "again")
    assert again.paths == [] and again.assigned == 0  # nothing new to assign


def test_a_secret_problem_without_assignment_text_is_refused_and_nothing_changes(
        hq_and_device, tmp_path):
    _hq, dev = hq_and_device
    with dev.write("hq") as w:
        _plant(w, assignment_text="")
    with pytest.raises(AppError) as err:
        _issue(dev, tmp_path / "out")
    assert err.value.code == "assignment_text_missing"
    assert err.value.params["unit"] == "县社保中心"
    assert not (tmp_path / "out").exists()
    assert all(not p["assignment_no"] for p in dev.rows("problem").values())
    assert "/v1/notices/number" not in dev.transport.calls  # no number was taken


def test_without_hq_nothing_is_written_and_no_problem_changes(hq_and_device, tmp_path):
    _hq, dev = hq_and_device
    with dev.write("hq") as w:
        _plant(w)
    dev.transport.down = True
    with pytest.raises(AppError) as err:
        _issue(dev, tmp_path / "out")
    assert err.value.code == "assignment_needs_hq"
    assert not (tmp_path / "out").exists()
    assert all(not p["assignment_no"] for p in dev.rows("problem").values())


def test_the_command_line_without_hq_says_so_and_changes_nothing(tmp_path):
    from models.store.store import Store
    from tests.reports.test_cli import run

    data_dir = tmp_path / "dev"
    store = Store.open(data_dir, "pw")
    try:
        with store.write("hq") as w:
            _plant(w)
    finally:
        store.close()
    out = tmp_path / "交办"
    res = run(data_dir, "--lang", "en", "report", "assignment", "--out", str(out))
    assert res.returncode != 0 and "Traceback" not in res.stderr
    assert "could not be asked" in res.stderr and "no problem was marked" in res.stderr
    assert not out.exists()
    store = Store.open(data_dir, "pw")
    try:
        with store.read() as conn:
            assert conn.exec_driver_sql(
                "SELECT count(*) FROM problem WHERE assignment_no != ''").scalar() == 0
    finally:
        store.close()
