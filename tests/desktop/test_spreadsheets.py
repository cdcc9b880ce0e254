"""Spreadsheets in the window: import preview with its problems, the import (all or nothing,
or the good rows with the rejects saved), cancel without partial data, export round trip."""

import csv

import pytest

from desktop import messages
from tests.desktop.conftest import make_session, until
from tests.models.helpers import FORM_HEADER, count, snapshot, write_csv

CAMPAIGN = "2025年万民评议"


def _rows(n, start=1, unit="卫生院"):
    return [[f"B{i:04d}", CAMPAIGN, "patient", unit, "satisfied", "", "", "2025-05-01"]
            for i in range(start, start + n)]


@pytest.fixture
def dialog(qtbot, store, small, worker):
    from desktop.spreadsheets.import_dialog import ImportDialog

    def make(kind="evaluations"):
        d = ImportDialog(make_session(store, worker, role="clerk"), kind)
        qtbot.addWidget(d)
        d.show()
        return d

    return make


def test_preview_shows_the_rows_the_mapping_and_each_problem(dialog, run, store, tmp_path):
    rows = _rows(3) + [
        ["B0009", CAMPAIGN, "patient", "无此医院", "satisfied", "", "", "2025-05-01"],
        ["B0010", CAMPAIGN, "patient", "卫生院", "不满意", "", "", "2025-05-01"],
    ]
    header = ["Form number", *FORM_HEADER[1:], "备注"]  # the window's own export header
    path = write_csv(tmp_path / "forms.csv", header, [r + ["x"] for r in rows])
    d = dialog()
    before = snapshot(store)
    run(d.load(path))
    assert snapshot(store) == before  # the preview writes nothing
    assert d.preview.rowCount() == 5
    assert d.preview.horizontalHeaderItem(0).text() == "Form number\n→ form_no"
    assert d.preview.horizontalHeaderItem(1).text() == "campaign\n✓"
    assert d.preview.horizontalHeaderItem(8).text() == "备注\n(not used)"
    assert d.preview.verticalHeaderItem(3).text() == "5"  # spreadsheet row numbers
    problems = [[d.problems.item(r, c).text() for c in range(3)]
                for r in range(d.problems.rowCount())]
    assert problems[0][:2] == ["5", "unit"] and "unknown unit '无此医院'" in problems[0][2]
    assert problems[1][:2] == ["6", "reason"]
    assert "ready to import: 3" in d.summary.text() and "with problems: 2" in d.summary.text()
    # all or nothing refuses this file; importing the good rows is a choice
    assert not d.import_button.isEnabled()
    d.skip_invalid.setChecked(True)
    assert d.import_button.isEnabled()
    assert count(store, "evaluation") == 3  # nothing imported yet
    run(d.start_import())
    assert count(store, "evaluation") == 3 + 3
    rejects = tmp_path / "forms-rejected.csv"
    with rejects.open(encoding="utf-8-sig", newline="") as fh:
        saved = list(csv.reader(fh))
    assert [r[0] for r in saved[1:]] == ["B0009", "B0010"] and "unknown unit" in saved[1][-1]
    assert "Imported: 3" in d.summary.text()


def test_a_good_file_is_imported_whole(dialog, run, store, tmp_path):
    path = write_csv(tmp_path / "forms.csv", FORM_HEADER, _rows(12))
    d = dialog()
    imported = []
    d.imported.connect(imported.append)
    run(d.load(path))
    assert d.problems.rowCount() == 0 and d.import_button.isEnabled()
    run(d.start_import())
    assert imported and imported[0].imported == 12
    assert count(store, "evaluation") == 3 + 12
    assert d.close_button.text() == "Close" and not d.import_button.isEnabled()


def test_a_missing_column_is_named_and_nothing_can_be_imported(dialog, run, tmp_path):
    path = write_csv(tmp_path / "forms.csv", ["表号", "评议活动", "评议群体", "被评议单位", "日期"],
                     [["1", CAMPAIGN, "患者", "卫生院", "2025-05-01"]])
    d = dialog()
    run(d.load(path))
    assert d.problems.item(0, 1).text() == "level"
    assert "missing column" in d.problems.item(0, 2).text()
    assert "cannot be imported" in d.summary.text() and not d.import_button.isEnabled()


def test_cancel_during_the_import_leaves_no_partial_data(dialog, run, store, tmp_path,
                                                         monkeypatch):
    from models.imports import common

    monkeypatch.setattr(common, "CHUNK", 50)
    path = write_csv(tmp_path / "forms.csv", FORM_HEADER, _rows(400))
    d = dialog()
    run(d.load(path))
    before = snapshot(store)
    real_run = d.session.worker.run

    async def run_and_click_cancel_mid_write(work, progress):
        def progress_then_cancel(step, done, total):
            progress(step, done, total)
            if step == "writing" and done >= 100:
                d.cancel_or_close()  # the clerk's click, arriving while chunks are written
        return await real_run(work, progress_then_cancel)

    monkeypatch.setattr(d.session.worker, "run", run_and_click_cancel_mid_write)
    run(d.start_import())
    assert snapshot(store) == before
    assert "nothing was imported" in d.summary.text()
    assert d.import_button.isEnabled()  # the clerk may start again


def test_import_button_on_the_units_page_opens_the_dialog(qtbot, session, run):
    from desktop.pages.units import UnitsPage

    page = UnitsPage(session)
    qtbot.addWidget(page)
    page.show()

    async def go():
        page.open_import("representatives")
        await until(lambda: getattr(page, "import_dialog", None) is not None)

    run(go())
    assert page.import_dialog.kind == "representatives" and page.import_dialog.isVisible()
    page.import_dialog.reject()


# --- export ---------------------------------------------------------------------------------
@pytest.fixture
def chinese(qapp, tmp_path):
    """The Chinese catalogue installed, as when the window is switched to 简体中文."""
    from PySide6.QtCore import QTranslator

    from desktop.i18n import compile_ts
    from tests.desktop.test_translations import TS

    qm = tmp_path / "zh.qm"
    assert compile_ts(TS, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    messages.set_language(messages.CHINESE)  # as the window's switch does (desktop/i18n.py)
    yield
    messages.set_language(messages.ENGLISH)
    qapp.removeTranslator(translator)


def _more_forms(store, small):
    from models import services
    from models.records import Evaluation

    units = small["units"]
    with store.write("王芳") as w:
        for i, (unit, level) in enumerate([("县社保中心", "dissatisfied"), ("卫生院", "satisfied"),
                                           ("县社保中心", "dissatisfied")]):
            services.create_record(w, Evaluation, {
                "campaign_id": small["campaign"], "group": "citizen", "unit_id": units[unit],
                "level": level, "reason": "办事拖拉" if level == "dissatisfied" else "",
                "suggestion": "=1+1" if i == 0 else "", "form_no": f"C{i + 1:03d}",
                "evaluated_on": f"2025-06-0{i + 1}"})


def _evaluations_page(qtbot, session, ready):
    from desktop.pages.evaluations import EvaluationsPage

    page = EvaluationsPage(session)
    qtbot.addWidget(page)
    page.show()
    return ready(page)


def _set_combo(page, name, value):
    from PySide6.QtWidgets import QComboBox

    box = page.filter_bar.findChild(QComboBox, name)
    box.setCurrentIndex(box.findData(value))


def test_export_round_trip_with_chinese_headers(qtbot, chinese, store, small, session, ready,
                                               run, tmp_path):
    from openpyxl import load_workbook

    from desktop.spreadsheets.export import export_page

    _more_forms(store, small)
    page = _evaluations_page(qtbot, session, ready)
    _set_combo(page, "filter_level", "dissatisfied")
    run(until(lambda: page.table_model.rowCount() == 3 and page.is_ready()))
    target = tmp_path / "不满意.xlsx"
    assert run(export_page(page, target)) == 3
    ws = load_workbook(target).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][:8] == ["表号", "日期", "评议活动", "评议群体", "被评议单位", "评议等次",
                           "不满意原因", "意见建议"]
    assert sorted(r[0] for r in rows[1:]) == ["A003", "C001", "C003"]
    assert {r[5] for r in rows[1:]} == {"不满意"}
    assert "余庆县/县社保中心" in {r[4] for r in rows[1:]}  # the unit's path: it imports back
    c001 = next(r for r in rows[1:] if r[0] == "C001")
    assert c001[7] == "=1+1" and ws.cell(row=rows.index(c001) + 1, column=8).data_type == "s"
    assert list(tmp_path.glob("*.partial")) == []


def test_export_csv_is_the_list_as_sorted_on_screen(qtbot, store, small, session, ready, run,
                                                    tmp_path):
    from PySide6.QtCore import Qt

    from desktop.spreadsheets.export import export_page

    _more_forms(store, small)
    page = _evaluations_page(qtbot, session, ready)
    page.table_model.sort(0, Qt.SortOrder.DescendingOrder)  # by form number, as a click does
    run(until(lambda: page.is_ready() and page.table_model.rowCount() == 6))
    shown = []
    for row in range(page.table_model.rowCount()):
        run(until(lambda r=row: page.table_model.row_dict(r) is not None))
        shown.append(page.table_model.row_dict(row)["form_no"])
    target = tmp_path / "forms.csv"
    run(export_page(page, target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as fh:
        read = list(csv.reader(fh))
    assert read[0][:3] == ["Form number", "Date", "Campaign"]
    assert [r[0] for r in read[1:]] == shown == ["C003", "C002", "C001", "A003", "A002", "A001"]
    assert next(r for r in read if r[0] == "C001")[7] == "'=1+1"  # not a formula in Excel
    with store.read() as conn:  # the export is in the audit chain, without the file's path
        event, details = conn.exec_driver_sql(
            "SELECT event, details FROM audit_log ORDER BY seq DESC LIMIT 1").one()
    assert event == "export"
    assert '"list":"evaluations"' in details and '"rows":6' in details
    assert str(tmp_path) not in details


def test_a_cancelled_export_leaves_no_file(qtbot, store, small, session, ready, run, tmp_path,
                                          monkeypatch):
    from PySide6.QtWidgets import QWidget

    from desktop.data import lists
    from desktop.operations import Op
    from desktop.spreadsheets.export import export_rows
    from models.exports import ExportCancelled
    from models.records import Evaluation

    with store.write("bulk") as w:
        w.create_many(Evaluation, [{
            "campaign_id": small["campaign"], "group": "citizen",
            "unit_id": small["units"]["卫生院"], "level": "satisfied",
            "form_no": f"X{i:05d}", "evaluated_on": "2025-07-01"} for i in range(2500)])
    host = QWidget()
    qtbot.addWidget(host)
    failures = []
    job = Op(host, session, lambda t: export_rows(t, lists.spec("evaluations"), {}, (None, True),
                                                  tmp_path / "all.xlsx"), failure=failures.append)
    # The clerk's Cancel arrives while the file is being written (after 1,000 rows).
    monkeypatch.setattr(job.ticket, "report", lambda done, total, text="": job.ticket.cancel())
    assert run(job.run()) is False
    assert isinstance(failures[0], ExportCancelled)
    assert list(tmp_path.iterdir()) == [] or all(
        p.suffix not in (".xlsx", ".partial") for p in tmp_path.iterdir())
    with store.read() as conn:  # nothing was exported, so nothing is logged as exported
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM audit_log WHERE event = 'export'").scalar() == 0


def test_every_list_page_has_an_export_button(qtbot, session):
    from PySide6.QtWidgets import QPushButton

    from desktop.pages.record_page import RecordPage
    from desktop.pages.registry import page_class

    for page_id in ("visits", "findings", "criticisms", "evaluations", "ledger",
                    "accountability", "units", "hq"):
        page = page_class(page_id)(session)
        qtbot.addWidget(page)
        panels = [page] if isinstance(page, RecordPage) else page.findChildren(RecordPage)
        assert panels, page_id
        for panel in panels:
            button = panel.findChild(QPushButton, "exportButton")
            assert button is not None and not button.isHidden(), (page_id, panel.page_id)


def test_units_export_imports_back(qtbot, session, store, run, tmp_path):
    from openpyxl import load_workbook

    from desktop.pages.units import UnitsPage
    from models.imports import run_import

    page = UnitsPage(session)
    qtbot.addWidget(page)
    target = tmp_path / "units.xlsx"
    run(page.export_unit_list(target))
    rows = [[c.value for c in r] for r in load_workbook(target).active.iter_rows()]
    assert rows[0] == ["Name", "Kind", "Parent unit", "Appraisal category"]
    assert ["第一小学", "School", "余庆县/龙溪镇", None] in rows  # the kind's category
    report = run_import(store, "units", target, profile="c", dry_run=True)
    assert report.rejected == [] and report.skipped_existing == 7


def _categories_by_name(store) -> dict:
    from models.rankings import unit_categories

    with store.read() as conn:
        names = dict(conn.exec_driver_sql("SELECT id, name FROM unit").all())
        return {names[i]: c for i, c in unit_categories(conn).items()}


def test_units_export_writes_the_appraisal_category_and_imports_back(chinese, qtbot, session,
                                                                     store, small, run,
                                                                     tmp_path):
    """考评类别 as HQ set it goes out under the header the import reads, and a fresh store
    importing the file ranks the unit in the same category (issue 15 §2)."""
    from openpyxl import load_workbook

    from desktop.pages.units import UnitsPage
    from models.imports import run_import
    from models.reference import Unit
    from models.store.store import Store

    with store.write("hq") as w:
        w.update(Unit, small["units"]["卫生院"], {"category": "station"})
    page = UnitsPage(session)
    qtbot.addWidget(page)
    target = tmp_path / "units.xlsx"
    run(page.export_unit_list(target))
    rows = [[c.value for c in r] for r in load_workbook(target).active.iter_rows()]
    assert rows[0][3] == "考评类别"
    assert next(r for r in rows if r[0] == "卫生院")[3] == "站所"
    fresh = Store.open(tmp_path / "fresh", "pw")
    try:
        report = run_import(fresh, "units", target, profile="c")
        assert report.rejected == [] and report.imported == len(rows) - 1
        again, before = _categories_by_name(fresh), _categories_by_name(store)
        assert again == before and again["卫生院"] == "station"
    finally:
        fresh.close()


def test_a_chinese_window_says_the_problems_in_chinese_and_checks_again(chinese, dialog, run,
                                                                        tmp_path):
    zh = ["表号", "评议活动", "评议群体", "被评议单位", "评议等次", "不满意原因", "意见建议", "日期"]
    bad = [["D1", CAMPAIGN, "患者", "卫生院", "很满意", "", "", "2025-05-01"]]
    path = write_csv(tmp_path / "forms.csv", zh, bad, bom=True)
    d = dialog()
    run(d.load(path))
    assert d.preview.horizontalHeaderItem(4).text() == "评议等次\n✓"
    assert d.problems.item(0, 1).text() == "评议等次"
    assert d.problems.item(0, 2).text() == "“很满意”不是以下之一：满意, 比较满意, 基本满意, 不满意"
    assert not d.import_button.isEnabled()
    bad[0][4] = "满意"  # the clerk corrects the file and checks it again
    write_csv(path, zh, bad, bom=True)
    run(d.load(path))
    assert d.problems.rowCount() == 0 and d.import_button.isEnabled()
    assert "可导入 1 行" in d.summary.text()


def test_an_exported_kiosk_reason_is_in_the_readers_language(chinese):
    """The evaluations list exported from a Chinese window: a kiosk's reason (its code, or an
    old kiosk's English text) in Chinese, a typed reason as typed."""
    from desktop.data.lists import spec
    from desktop.spreadsheets.export import RowFormatter

    formatter = RowFormatter(spec("evaluations"), {})
    reason = [key for key, _ in formatter.columns].index("reason")
    rows = [{"reason": r} for r in ("irregular_fees", "Waited too long", "窗口没人", None)]
    assert [formatter(r)[reason] for r in rows] == ["乱收费", "等候时间太长", "窗口没人", None]
