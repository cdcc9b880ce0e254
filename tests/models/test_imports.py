import pytest
from openpyxl import Workbook

from models.errors import ValidationError
from models.imports import run_import
from tests.models.helpers import FORM_HEADER, count, load_units, snapshot, write_csv

CAMPAIGN = "2024年万民评议"


def _forms(tmp_path, rows, header=FORM_HEADER, **kw):
    return write_csv(tmp_path / "forms.csv", header, rows, **kw)


@pytest.fixture
def units(store, tmp_path):
    load_units(store, tmp_path)
    return store


def test_units_tree_with_chinese_kinds_and_paths(units):
    assert count(units, "unit") == 7


def test_good_forms_are_imported_with_their_suggestions(units, tmp_path):
    path = _forms(tmp_path, [
        ["0001", CAMPAIGN, "parent", "白泥镇/第一小学", "satisfied", "", "", "2024-05-01"],
        ["0002", CAMPAIGN, "家长", "龙溪镇/第一小学", "不满意", "乱收费", "公开收费", "2024-05-02"],
        ["0003", CAMPAIGN, "patient", "卫生院", "fairly_satisfied", "", "", "2024-05-03"],
    ])
    report = run_import(units, "evaluations", path, profile="clerk")
    assert report.imported == 3
    assert report.created == [("import_created_campaign", {"name": CAMPAIGN, "year": 2024})]
    assert report.summary() == f"imported 3 forms; created campaign '{CAMPAIGN}' (2024)"
    assert count(units, "evaluation") == 3 and count(units, "opinion") == 1
    assert count(units, "campaign") == 1


def test_chinese_headers_bom_and_xlsx(units, tmp_path):
    zh = ["表号", "评议活动", "评议群体", "被评议单位", "评议等次", "不满意原因", "意见建议", "日期"]
    csv_path = _forms(tmp_path, [["1", CAMPAIGN, "群众", "县社保中心", "满意", "", "", "2024-05-01"]],
                      header=zh, bom=True)
    assert run_import(units, "evaluations", csv_path, profile="c").imported == 1
    wb = Workbook()
    wb.active.append(zh + ["服务质量"])
    wb.active.append(["2", CAMPAIGN, "群众", "县社保中心", "基本满意", "", "", "2024-05-01", "满意"])
    wb.save(tmp_path / "forms.xlsx")
    assert run_import(units, "evaluations", tmp_path / "forms.xlsx", profile="c").imported == 1
    with units.read() as conn:
        assert conn.exec_driver_sql("SELECT service FROM evaluation WHERE form_no='2'").scalar() \
            == "satisfied"


BAD_ROWS = [
    (["9", CAMPAIGN, "parent", "不存在的学校", "satisfied", "", "", "2024-05-01"], "unit",
     "unknown unit"),
    (["9", CAMPAIGN, "parent", "第一小学", "satisfied", "", "", "2024-05-01"], "unit",
     "ambiguous"),
    (["9", CAMPAIGN, "patient", "卫生院", "great", "", "", "2024-05-01"], "level", "not one of"),
    (["9", CAMPAIGN, "patient", "卫生院", "dissatisfied", "", "", "2024-05-01"], "reason",
     "required"),
    (["9", CAMPAIGN, "patient", "卫生院", "satisfied", "", "", "01/05/2024"], "date", "YYYY-MM-DD"),
    (["9", CAMPAIGN, "teachers", "卫生院", "satisfied", "", "", "2024-05-01"], "group",
     "not one of"),
]


@pytest.mark.parametrize(("row", "column", "message"), BAD_ROWS)
def test_a_bad_row_refuses_the_whole_file(units, tmp_path, row, column, message):
    good = ["8", CAMPAIGN, "patient", "卫生院", "satisfied", "", "", "2024-05-01"]
    before = snapshot(units)
    with pytest.raises(ValidationError) as err:
        run_import(units, "evaluations", _forms(tmp_path, [good, row]), profile="c")
    problem = err.value.problems[0]
    assert (problem.row, problem.field) == (3, column)
    assert message in problem.message
    assert str(problem).startswith(f"{tmp_path / 'forms.csv'}:3: {column}: ")
    assert snapshot(units) == before


def test_missing_column(units, tmp_path):
    path = _forms(tmp_path, [["1", CAMPAIGN, "patient", "卫生院", "2024-05-01"]],
                  header=["form_no", "campaign", "group", "unit", "date"])
    with pytest.raises(ValidationError) as err:
        run_import(units, "evaluations", path, profile="c")
    assert err.value.problems[0].field == "level"
    assert "missing column" in err.value.problems[0].message


def test_duplicate_form_numbers_in_file_and_against_store(units, tmp_path):
    row = ["7", CAMPAIGN, "patient", "卫生院", "satisfied", "", "", "2024-05-01"]
    with pytest.raises(ValidationError, match="appears again"):
        run_import(units, "evaluations", _forms(tmp_path, [row, row]), profile="c")
    run_import(units, "evaluations", _forms(tmp_path, [row]), profile="王芳")
    with pytest.raises(ValidationError, match="already entered on .* by 王芳"):
        run_import(units, "evaluations", _forms(tmp_path, [row]), profile="c")
    assert count(units, "evaluation") == 1


def test_skip_invalid_imports_good_rows_and_writes_rejects(units, tmp_path):
    rows = [["1", CAMPAIGN, "patient", "卫生院", "satisfied", "", "", "2024-05-01"],
            ["2", CAMPAIGN, "patient", "卫生院", "dissatisfied", "", "", "2024-05-01"]]
    out = tmp_path / "rejects.csv"
    report = run_import(units, "evaluations", _forms(tmp_path, rows), profile="c",
                        skip_invalid=True, rejects_path=out)
    assert report.imported == 1 and len(report.rejected_rows) == 1
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].endswith(",error") and "reason:" in text


def test_representatives_create_unknown_teams(store, tmp_path):
    path = write_csv(tmp_path / "reps.csv", ["姓名", "类别", "乡镇", "电话", "所属组"], [
        ["张明", "人大代表", "白泥镇", "13900000001", "第一督查组"],
        ["李华", "conduct_supervisor", "龙溪镇", "13900000002", "第一督查组"],
    ])
    report = run_import(store, "representatives", path, profile="c")
    assert report.imported == 2
    assert report.summary() == "imported 2 representatives; created team '第一督查组'"
    assert run_import(store, "representatives", path, profile="c").skipped_existing == 2
    assert count(store, "team") == 1


def test_unit_with_unknown_parent_is_reported(store, tmp_path):
    path = write_csv(tmp_path / "u.csv", ["name", "kind", "parent"], [["学校", "school", "无此镇"]])
    with pytest.raises(ValidationError, match="unknown unit"):
        run_import(store, "units", path, profile="c")


def _many(n, start=1):
    return [[f"{i:05d}", CAMPAIGN, "patient", "卫生院", "satisfied", "", "", "2024-05-01"]
            for i in range(start, start + n)]


def test_dry_run_lists_every_problem_and_writes_nothing(units, tmp_path):
    rows = _many(3) + [["9", CAMPAIGN, "patient", "卫生院", "dissatisfied", "", "", "2024-05-01"]]
    before = snapshot(units)
    report = run_import(units, "evaluations", _forms(tmp_path, rows), profile="c", dry_run=True)
    assert report.imported == 3
    assert [(p.row, p.field) for p in report.rejected] == [(5, "reason")]
    assert snapshot(units) == before


def test_progress_is_reported_and_a_cancel_mid_write_leaves_nothing(units, tmp_path, monkeypatch):
    from models.imports import ImportCancelled, common

    monkeypatch.setattr(common, "CHUNK", 10)
    seen = []

    def progress(phase, done, total):
        seen.append((phase, done, total))
        if phase == "writing" and done >= 20:
            raise ImportCancelled()

    before = snapshot(units)
    with pytest.raises(ImportCancelled):
        run_import(units, "evaluations", _forms(tmp_path, _many(45)), profile="c",
                   progress=progress)
    assert ("reading", 45, 45) in seen and ("writing", 10, 45) in seen
    assert snapshot(units) == before  # two chunks were written, then rolled back
    run_import(units, "evaluations", _forms(tmp_path, _many(45)), profile="c", progress=None)
    assert count(units, "evaluation") == 45


def test_dates_as_excel_and_forms_write_them_in_china(units, tmp_path):
    rows = [[str(i), CAMPAIGN, "patient", "卫生院", "satisfied", "", "", text]
            for i, text in enumerate(["2024/5/3", "2024年5月3日", "2024.05.03", "2024-05-03"])]
    assert run_import(units, "evaluations", _forms(tmp_path, rows), profile="c").imported == 4
    with units.read() as conn:
        assert {d for (d,) in conn.exec_driver_sql("SELECT evaluated_on FROM evaluation")} \
            == {"2024-05-03"}
    bad = [["9", CAMPAIGN, "patient", "卫生院", "satisfied", "", "", "2024/13/3"]]
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        run_import(units, "evaluations", _forms(tmp_path, bad), profile="c")


def test_an_import_in_the_windows_thread_leaves_the_collector_on(units, tmp_path,
                                                                 cycle_collector_on):
    """The cycle collector is the whole process's: an import on the window's worker thread
    must not turn it off for the window (Qt objects' cycles then went uncollected and were
    freed later from another thread; a test worker crashed in Qt's event loop)."""
    import gc
    import threading

    path = _forms(tmp_path, [["0001", CAMPAIGN, "parent", "白泥镇/第一小学", "satisfied", "",
                              "", "2024-05-01"]])
    seen = []
    worker = threading.Thread(target=lambda: run_import(
        units, "evaluations", path, profile="clerk",
        progress=lambda *_args: seen.append(gc.isenabled())))
    worker.start()
    worker.join()
    assert seen and all(seen) and gc.isenabled()


def test_imported_forms_reach_the_driver_as_plain_values(units, tmp_path):
    """The parsed group, level and criteria go to the driver as plain `str`, not as their
    StrEnum members: the driver binds a str subclass through a failed adapter lookup for
    every value (26,300 forms: the forms' insert and the tallies' upserts ~2x dearer). The
    forms and their counts are stored the same."""
    import sqlalchemy as sa

    bound: list = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith(('INSERT INTO "evaluation"', "INSERT INTO form_tally",
                                 "INSERT INTO dated_tally", "INSERT INTO criterion_tally")):
            rows = parameters if executemany else [parameters]
            bound.extend(value for row in rows for value in row)

    header = [*FORM_HEADER, "service"]
    path = _forms(tmp_path, [
        [f"{i:04d}", CAMPAIGN, "群众" if i % 2 else "citizen", "县社保中心",
         "不满意" if i % 3 == 0 else "satisfied", "乱收费" if i % 3 == 0 else "", "",
         "2024-05-01", "满意" if i % 2 else "basically_satisfied"] for i in range(70)],
        header=header)
    sa.event.listen(units.engine, "before_cursor_execute", capture)
    try:
        assert run_import(units, "evaluations", path, profile="clerk").imported == 70
    finally:
        sa.event.remove(units.engine, "before_cursor_execute", capture)
    assert "citizen" in bound and "dissatisfied" in bound and "basically_satisfied" in bound
    assert {type(v) for v in bound if isinstance(v, str)} == {str}
    with units.read() as conn:
        levels = dict(conn.exec_driver_sql(
            "SELECT level, sum(forms) FROM form_tally GROUP BY level").all())
        service = dict(conn.exec_driver_sql(
            "SELECT level, forms FROM criterion_tally WHERE criterion = 'service'").all())
    assert levels == {"dissatisfied": 24, "satisfied": 46}
    assert service == {"satisfied": 35, "basically_satisfied": 35}
