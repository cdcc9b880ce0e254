"""The discipline exposure notice (曝光, issue 14 §5): the accountability cases HQ ticked for
publication, each with unit, person, violation, outcome and date, and nothing of a secret visit's
time, place or team nor any complainant's contact (docs/redaction.md)."""

import re
from datetime import UTC, date, datetime

import pytest

from models.enums import (
    CaseSubject,
    FindingCategory,
    Outcome,
    ProblemSource,
    ProblemStatus,
    UnitKind,
    VisitKind,
)
from models.errors import AppError
from models.records import AccountabilityCase, Finding, Opinion, Problem, Visit
from models.reference import Representative, Team, Unit
from reports.outputs import ReportRequest, produce
from tests.reports.conftest import docx_text, pdf_text
from tests.sync import conftest as sync_conftest

database_url = sync_conftest.database_url  # SQLite and PostgreSQL, as in tests/sync

ISSUED = date(2026, 6, 1)
PLACE, TEAM, REP, CONTACT = "社保中心二号窗口", "第三暗访组", "钱暗访", "周举报 13812345678"
LEAKY = f"3月4日上午9点{TEAM}{REP}在{PLACE}发现张三工作时间脱岗，周举报反映属实"
SECRET_DETAILS = ("3月4日", "9点", PLACE, TEAM, REP, "周举报", "13812345678")


def _plant(w) -> None:
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
                                 "description": "脱岗", "found_on": date(2026, 3, 4)})
    w.create(Opinion, {"text": "窗口没人", "unit_id": social, "contact": CONTACT})
    problem = w.create(Problem, {
        "description": "脱岗", "unit_id": social, "source": ProblemSource.FINDING,
        "source_id": finding, "confidential_source": True, "status": ProblemStatus.RECTIFYING,
        "reported_on": date(2026, 3, 5)})
    w.create(AccountabilityCase, {
        "subject": CaseSubject.PERSON, "person_name": "张三", "unit_id": social,
        "violation": LEAKY, "outcome": Outcome.DISCIPLINARY, "decided_on": date(2026, 5, 10),
        "problem_ids": [problem], "published": True})
    w.create(AccountabilityCase, {
        "subject": CaseSubject.UNIT, "unit_id": clinic, "violation": "整改逾期未完成",
        "outcome": Outcome.UNIT_ACCOUNTABLE, "decided_on": date(2026, 5, 20),
        "published": True})
    w.create(AccountabilityCase, {
        "subject": CaseSubject.PERSON, "person_name": "李不公开", "unit_id": clinic,
        "violation": "不公开的案件", "outcome": Outcome.ORGANISATIONAL,
        "decided_on": date(2026, 5, 21)})


def _exposure(store, path, **kw) -> str:
    req = ReportRequest(out=path, as_of=ISSUED, office="某某县纠风办", **kw)
    with store.read() as conn:
        produce("exposure", conn, req)
    text = docx_text(path) if path.suffix == ".docx" else pdf_text(path)
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_published_cases_only_with_no_secret_visit_detail_or_contact(store, tmp_path, fmt):
    with store.write("hq") as w:
        _plant(w)
    text = _exposure(store, tmp_path / f"曝光.{fmt}", number="2")
    assert "典型问题曝光" in text and "曝光〔2026〕2号" in text
    assert "县社保中心张三" in text and "党纪政务处分" in text and "2026年5月10日" in text
    assert "白泥镇卫生院" in text and "整改逾期未完成" in text and "单位问责" in text
    assert "工作时间脱岗" in text  # the violation itself is published, scrubbed
    assert "李不公开" not in text and "不公开的案件" not in text  # not ticked
    for secret in SECRET_DETAILS:
        assert secret not in text, secret


def test_nothing_ticked_is_refused_with_a_reason(store, tmp_path):
    with pytest.raises(AppError) as err:
        _exposure(store, tmp_path / "曝光.docx")
    assert err.value.code == "no_published_case"
    assert not (tmp_path / "曝光.docx").exists()


def test_hq_numbers_it_in_the_exposure_sequence(database_url, tmp_path):
    from desktop.data.hq_numbers import issue_number
    from sync.protocol import NoticeKind
    from tests.sync.helpers import Hq

    hq = Hq.start(database_url, tmp_path)
    try:
        dev = hq.device("hq", name="hq")
        issue_number(dev.store, prefix="余纠通", year=ISSUED.year, criticism_ids=[],
                     transport=dev.transport)  # a criticism notice took its 1号
        with dev.write("hq") as w:
            _plant(w)

        def ask(ids):
            assert len(ids) == 2
            return issue_number(dev.store, kind=NoticeKind.EXPOSURE, record_ids=ids,
                                prefix="曝光", year=ISSUED.year, transport=dev.transport)

        text = _exposure(dev.store, tmp_path / "曝光.docx", number_from_hq=ask)
    finally:
        hq.close()
    assert f"曝光〔{ISSUED.year}〕1号" in text


def test_the_command_line_writes_the_exposure_notice(tmp_path):
    from models.store.store import Store
    from tests.reports.test_cli import run

    data_dir = tmp_path / "dev"
    store = Store.open(data_dir, "pw")
    try:
        with store.write("hq") as w:
            _plant(w)
    finally:
        store.close()
    out = tmp_path / "曝光.pdf"
    res = run(data_dir, "report", "exposure", "--out", str(out), "--number", "4",
              "--as-of", ISSUED.isoformat())
    assert res.returncode == 0, res.stderr
    text = re.sub(r"\s+", "", pdf_text(out))
    assert "曝光〔2026〕4号" in text and "县社保中心张三" in text and PLACE not in text
