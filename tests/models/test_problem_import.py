"""Last year's rectification ledger (整改台账) in, and the ledger out and back (issue 17 §1):
a problem's ledger number is its key, so a file imported twice or exported and re-imported
leaves the same problems."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from models import services
from models.errors import ValidationError
from models.imports import run_import
from models.records import Problem
from models.reference import Campaign
from tests.models.helpers import count, load_units, write_csv

CAMPAIGN = "2025年万民评议"
HEADER = ["台账编号", "问题来源", "问题描述", "责任单位", "责任人", "整改措施", "登记日期",
          "整改时限", "整改状态", "完成时间"]
STATUSES = ["待查处", "查处中", "整改中", "已整改", "已办结"]
UNITS = ["白泥镇/第一小学", "卫生院", "县社保中心", "龙溪镇/第一小学"]
FIELDS = ("ledger_no", "source", "description", "unit_id", "responsible_person", "measures",
          "reported_on", "deadline", "status", "rectified_on", "campaign_id")


@pytest.fixture
def county(store, tmp_path):
    load_units(store, tmp_path)
    with store.write("supervisor") as w:
        services.create_record(w, Campaign, {"name": CAMPAIGN, "year": 2025})
    return store


def _ledger_rows(n=200):
    rows = []
    for i in range(n):
        status = STATUSES[i % 5]
        reported = date(2025, 3, 1) + timedelta(days=i % 90)
        done = status in ("已整改", "已办结")
        rows.append([f"2025-{i + 1:03d}", "群众意见建议", f"问题{i + 1}：窗口办事推诿", UNITS[i % 4],
                     f"责任人{i % 7}", "制定整改方案，限期整改" if i % 3 or done else "",
                     reported.isoformat(), (reported + timedelta(days=30)).isoformat(), status,
                     (reported + timedelta(days=20)).isoformat() if done else ""])
    return rows


def _problems(store) -> dict[str, dict]:
    t = Problem.__table__
    with store.read() as conn:
        rows = conn.execute(sa.select(*(t.c[f] for f in FIELDS)).where(
            t.c.deleted_at.is_(None))).mappings().all()
    return {r["ledger_no"]: dict(r) for r in rows}


def test_ledger_of_200_problems_with_chinese_headers_imports_with_statuses_and_dates(
        county, tmp_path):
    path = write_csv(tmp_path / "台账.csv", HEADER, _ledger_rows(), bom=True)
    report = run_import(county, "problems", path, profile="supervisor")
    assert report.imported == 200
    problems = _problems(county)
    assert len(problems) == 200
    first, last = problems["2025-001"], problems["2025-200"]
    assert first["status"] == "open" and first["deadline"] == date(2025, 3, 31)
    assert last["status"] == "verified" and last["rectified_on"] == date(2025, 4, 9)
    assert {p["status"] for p in problems.values()} == {
        "open", "investigating", "rectifying", "rectified", "verified"}
    assert {p["campaign_id"] for p in problems.values()} == {first["campaign_id"]}


def test_importing_the_same_ledger_twice_leaves_200_problems(county, tmp_path):
    path = write_csv(tmp_path / "台账.csv", HEADER, _ledger_rows())
    run_import(county, "problems", path, profile="supervisor")
    before = _problems(county)
    again = run_import(county, "problems", path, profile="supervisor")
    assert again.imported == 0 and again.skipped_existing == 200
    assert count(county, "problem") == 200 and _problems(county) == before


def test_a_known_ledger_number_updates_its_problem(county, tmp_path):
    rows = _ledger_rows(3)
    run_import(county, "problems", write_csv(tmp_path / "a.csv", HEADER, rows), profile="s")
    rows[0][8], rows[0][5] = "整改中", "约谈窗口负责人"
    report = run_import(county, "problems", write_csv(tmp_path / "b.csv", HEADER, rows),
                        profile="s")
    assert report.imported == 0 and report.summary() == \
        "imported 0 problems; 2 already present; updated 1 problems"
    problem = _problems(county)["2025-001"]
    assert problem["status"] == "rectifying" and problem["measures"] == "约谈窗口负责人"


def test_ledger_export_reimports_unchanged(county, tmp_path):
    from reports.outputs import ReportRequest, ledger

    run_import(county, "problems", write_csv(tmp_path / "台账.csv", HEADER, _ledger_rows()),
               profile="supervisor")
    before = _problems(county)
    with county.read() as conn:
        [out] = ledger(conn, ReportRequest(out=tmp_path / "导出台账.xlsx", campaign=CAMPAIGN))
    report = run_import(county, "problems", out, profile="supervisor")
    assert report.imported == 0 and report.skipped_existing == 200
    assert _problems(county) == before


def test_verified_problem_without_measures_is_a_row_error(county, tmp_path):
    rows = _ledger_rows(5)
    rows[4][5] = ""  # 已办结 (verified), no measures
    rows[1][0] = rows[0][0]  # a number written twice
    path = write_csv(tmp_path / "台账.csv", HEADER, rows)
    with pytest.raises(ValidationError) as caught:
        run_import(county, "problems", path, profile="supervisor")
    found = {(p.row, p.field, p.code) for p in caught.value.problems}
    assert found == {(6, "measures", "verify_needs_measures"),
                     (3, "ledger_no", "ledger_no_repeated")}
    assert count(county, "problem") == 0


def test_a_file_cannot_move_a_verified_problem_back(county, tmp_path):
    rows = _ledger_rows(5)
    run_import(county, "problems", write_csv(tmp_path / "a.csv", HEADER, rows), profile="s")
    rows[4][8] = "整改中"
    report = run_import(county, "problems", write_csv(tmp_path / "b.csv", HEADER, rows),
                        profile="s", skip_invalid=True)
    assert [(p.row, p.field, p.code) for p in report.rejected] == \
        [(6, "status", "verified_is_final")]
    assert _problems(county)["2025-005"]["status"] == "verified"


def test_a_new_problem_gets_the_next_ledger_number_of_its_campaign(county, tmp_path):
    run_import(county, "problems", write_csv(tmp_path / "a.csv", HEADER, _ledger_rows(12)),
               profile="s")
    campaign = _problems(county)["2025-001"]["campaign_id"]
    with county.write("supervisor") as w:
        made = services.create_record(w, Problem, {
            "description": "新问题", "campaign_id": campaign, "reported_on": date(2025, 7, 1)})
        other = services.create_record(w, Campaign, {"name": "2026年万民评议", "year": 2026})
        first = services.create_record(w, Problem, {
            "description": "另一活动", "campaign_id": other, "reported_on": date(2026, 3, 1)})
    with county.read() as conn:
        numbers = dict(conn.execute(sa.text("SELECT id, ledger_no FROM problem")).all())
    assert numbers[made] == "2025-013" and numbers[first] == "2026-001"
