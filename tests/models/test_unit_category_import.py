"""The units import reads the appraisal category under 考评类别 (issue 15 §2): Chinese or
English values, empty for the kind's; a category HQ alone sets, so an office's import of one is
refused."""

import pytest

from models.errors import DomainError, ValidationError
from models.imports import run_import
from tests.models.helpers import write_csv

HEADER = ["名称", "类别", "上级单位", "考评类别"]


def _categories(store) -> dict:
    with store.read() as conn:
        return dict(conn.exec_driver_sql("SELECT name, category FROM unit").all())


def test_units_import_reads_the_appraisal_category_in_chinese_or_english(store, tmp_path):
    path = write_csv(tmp_path / "u.csv", HEADER, [
        ["余庆县", "county", "", ""],
        ["城关街道", "department", "余庆县", "乡镇（街道）"],
        ["便民窗口", "other", "余庆县", "Service windows"],
        ["县教育局", "department", "余庆县", "county_department"],
        ["卫生院", "hospital", "余庆县", ""],
    ])
    run_import(store, "units", path, profile="clerk")
    assert _categories(store) == {"余庆县": None, "城关街道": "township",
                                  "便民窗口": "service_window", "县教育局": "county_department",
                                  "卫生院": None}


def test_an_unknown_category_is_refused_with_its_row_and_column(store, tmp_path):
    path = write_csv(tmp_path / "u.csv", HEADER, [["城关街道", "department", "", "村委会"]])
    with pytest.raises(ValidationError) as refused:
        run_import(store, "units", path, profile="clerk")
    (problem,) = refused.value.problems
    assert (problem.field, problem.row, problem.code) == ("category", 2, "not_one_of")


def test_an_office_cannot_import_categories(store, tmp_path):
    store.set_meta("device_role", "office")
    path = write_csv(tmp_path / "u.csv", HEADER, [["城关街道", "department", "", "乡镇（街道）"]])
    with pytest.raises(DomainError) as refused:
        run_import(store, "units", path, profile="clerk")
    assert refused.value.code == "unit_category_hq_only"
    assert _categories(store) == {}
    plain = write_csv(tmp_path / "p.csv", HEADER, [["城关街道", "department", "", ""]])
    run_import(store, "units", plain, profile="clerk")  # without one: the office's as before
    assert _categories(store) == {"城关街道": None}
