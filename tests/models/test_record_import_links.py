"""The record imports link by natural keys, and check them (issue 17 §1): a finding's and a
criticism's visit by its unit and date (and kind where that is not enough), an accountability
case's problems by their ledger numbers; a secret visit is checked as the window checks one."""

import json

import pytest

from models.errors import ValidationError
from models.imports import run_import
from tests.models.helpers import write_csv
from tests.models.record_import_data import rows_of, set_up_county, unit_ids


@pytest.fixture
def county(store, tmp_path):
    return store, set_up_county(store, tmp_path)


def _refused(store, kind, path) -> list[tuple]:
    with pytest.raises(ValidationError) as refused:
        run_import(store, kind, path, profile="hq")
    return [(p.row, p.field, p.code, p.args) for p in refused.value.problems]


def test_a_finding_joins_the_visit_of_its_unit_on_its_date(county, tmp_path):
    store, ids = county
    path = write_csv(tmp_path / "f.csv", ["单位", "日期", "问题描述"],
                     [["县社保中心", "2026-03-05", "窗口推诿"]])
    run_import(store, "findings", path, profile="hq")
    assert (ids["visit"], "窗口推诿") in rows_of(store, "findings", "visit_id", "description")


def test_a_finding_naming_no_visit_is_a_row_error_naming_the_visit(county, tmp_path):
    store, _ = county
    path = write_csv(tmp_path / "f.csv", ["单位", "日期", "问题描述"],
                     [["县社保中心", "2026-03-09", "窗口推诿"]])
    assert _refused(store, "findings", path) == [
        (2, "found_on", "import_visit_not_found", {"unit": "县社保中心", "date": "2026-03-09"})]


def test_a_finding_whose_visit_columns_are_empty_has_no_visit_as_in_the_window(county,
                                                                               tmp_path):
    store, _ = county
    path = write_csv(tmp_path / "f.csv", ["单位", "日期", "问题描述", "走访日期", "走访类别"],
                     [["县社保中心", "2026-03-21", "大厅无人值守", "", ""]])
    run_import(store, "findings", path, profile="hq")
    assert ("None", "大厅无人值守") in rows_of(store, "findings", "visit_id", "description")


def test_a_finding_on_a_day_of_two_visits_needs_the_visits_kind(county, tmp_path):
    store, ids = county
    header = ["单位", "走访日期", "走访类别", "问题描述"]
    path = write_csv(tmp_path / "f.csv", header, [["卫生院", "2026-03-06", "", "药房无人"]])
    assert _refused(store, "findings", path) == [
        (2, "visit_date", "import_visit_ambiguous",
         {"unit": "卫生院", "date": "2026-03-06", "kinds": "open, secret"})]
    path = write_csv(tmp_path / "f.csv", header, [["卫生院", "2026-03-06", "暗访", "药房无人"]])
    run_import(store, "findings", path, profile="hq")
    found = {d: (v, day) for v, d, day in
             rows_of(store, "findings", "visit_id", "description", "found_on")}
    assert found["药房无人"] == (ids["secret"], "2026-03-06")  # the visit's date


def test_a_criticism_naming_a_visit_is_tied_to_that_visits_finding(county, tmp_path):
    store, ids = county
    header = ["姓名", "单位", "走访日期", "走访类别", "处理方式"]
    path = write_csv(tmp_path / "c.csv", header, [["赵六", "卫生院", "2026-03-06", "明查",
                                                   "提醒谈话"]])
    run_import(store, "criticisms", path, profile="hq")
    assert rows_of(store, "criticisms", "person_name", "finding_id") == [("赵六", ids["finding"])]


def test_a_criticism_naming_a_visit_without_findings_is_a_row_error(county, tmp_path):
    store, _ = county
    path = write_csv(tmp_path / "c.csv", ["姓名", "单位", "走访日期"],
                     [["王五", "县社保中心", "2026-03-05"]])
    assert _refused(store, "criticisms", path) == [
        (2, "visit_date", "import_visit_has_no_finding",
         {"unit": "县社保中心", "date": "2026-03-05"})]


def test_an_accountability_case_links_its_problems_by_ledger_number(county, tmp_path):
    store, _ = county
    path = write_csv(tmp_path / "a.csv", ["对象", "单位", "处理结果", "台账编号"],
                     [["单位", "卫生院", "单位问责", "2026-001、2026-002"]])
    run_import(store, "accountability", path, profile="hq")
    [(linked,)] = rows_of(store, "accountability", "problem_ids")
    with store.read() as conn:
        numbers = dict(conn.exec_driver_sql("SELECT id, ledger_no FROM problem").all())
    assert [numbers[i] for i in json.loads(linked)] == ["2026-001", "2026-002"]


def test_a_secret_visit_without_representatives_is_refused_as_in_the_window(county, tmp_path):
    store, _ = county
    path = write_csv(tmp_path / "v.csv", ["类别", "单位", "日期", "督查组"],
                     [["暗访", "县社保中心", "2026-04-09", "第一督查组"]])
    assert _refused(store, "visits", path) == [
        (2, "representatives", "secret_visit_needs_representatives", {})]


def test_a_visit_names_representatives_of_its_team_by_name(county, tmp_path):
    store, ids = county
    path = write_csv(tmp_path / "v.csv", ["类别", "单位", "日期", "督查代表"],
                     [["明查", "县社保中心", "2026-04-09", "张三、李四"],
                      ["明查", "卫生院", "2026-04-09", "王二麻子"]])
    assert _refused(store, "visits", path) == [
        (3, "representatives", "import_unknown_representative", {"name": "王二麻子"})]
    run_import(store, "visits", path, profile="hq", skip_invalid=True)
    with store.read() as conn:
        [(unit_id, team_id, reps)] = conn.exec_driver_sql(
            "SELECT unit_id, team_id, representative_ids FROM visit "
            "WHERE visit_date = '2026-04-09'").all()
    assert unit_id == unit_ids(store)["县社保中心"] and team_id == ids["team"]
    assert json.loads(reps) == [ids["张三"], ids["李四"]]
