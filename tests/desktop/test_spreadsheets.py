"""Spreadsheets in the window: import preview with its problems, the import (all or nothing,
or the good rows with the rejects saved), cancel without partial data, export round trip."""

import csv

import pytest

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
    path = write_csv(tmp_path / "forms.csv", [*FORM_HEADER, "备注"], [r + ["x"] for r in rows])
    d = dialog()
    before = snapshot(store)
    run(d.load(path))
    assert snapshot(store) == before  # the preview writes nothing
    assert d.preview.rowCount() == 5
    assert d.preview.horizontalHeaderItem(0).text() == "form_no\n→ form_no"
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
