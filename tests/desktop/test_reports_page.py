"""The Reports page: each output from the window, written on the DB worker and read back."""

import pytest
from PySide6.QtWidgets import QWidget


@pytest.fixture
def page(qtbot, store, small, session, ready):
    from datetime import date, timedelta

    from desktop.pages.reports import ReportsPage
    from models import services
    from models.records import Problem

    today = date.today()
    with store.write("clerk") as w:  # one problem of the campaign, overdue
        services.create_record(w, Problem, {
            "description": "食堂卫生差", "unit_id": small["units"]["卫生院"],
            "campaign_id": small["campaign"], "reported_on": today - timedelta(days=40),
            "deadline": today - timedelta(days=2)})
        services.create_record(w, Problem, {
            "description": "办事指南过期", "unit_id": small["units"]["县社保中心"],
            "campaign_id": small["campaign"], "reported_on": today,
            "deadline": today + timedelta(days=20)})
        w.create(Problem, {  # one an older app left without a campaign
            "description": "无活动问题", "unit_id": small["units"]["县社保中心"],
            "reported_on": today, "deadline": today + timedelta(days=20)})

    p = ReportsPage(session)
    qtbot.addWidget(p)
    return ready(p)


def test_ledger_xlsx_from_the_page(page, run, tmp_path, monkeypatch):
    import openpyxl

    import desktop.pages.reports as reports_page

    target = tmp_path / "台账.xlsx"

    async def chosen(parent, title, suggested, fmt):
        assert fmt == "xlsx" and suggested.suffix == ".xlsx"
        return target

    monkeypatch.setattr(reports_page, "ask_save_path", chosen)
    row = page.rows["ledger"]
    assert row["campaign"].currentText() == "2025年万民评议"
    paths = run(page.save("ledger"))
    assert paths == [target]
    ws = openpyxl.load_workbook(paths[0]).active
    assert ws["A1"].value == "2025年万民评议整改台账"
    assert [c.value for c in ws[2]][:5] == ["序号", "台账编号", "问题来源", "问题描述", "责任单位"]
    descriptions = {ws.cell(r, 4).value for r in range(3, ws.max_row + 1)}
    # the campaign's problems, those typed without one included (they take the open campaign)
    assert descriptions == {"食堂卫生差", "办事指南过期", "窗口推诿", "收费不公示"}
    assert str(paths[0]) in row["result"].text()
    assert "1 problem(s) or opinion(s) were left out by the campaign filter: 1 with no " \
           "campaign, 0 of other campaigns." in row["result"].text()


def test_ledger_overdue_filter(page, run, tmp_path):
    import openpyxl

    page.rows["ledger"]["overdue"].setChecked(True)
    paths = run(page.generate("ledger", tmp_path / "overdue.xlsx"))
    ws = openpyxl.load_workbook(paths[0]).active
    assert [ws.cell(r, 4).value for r in range(3, ws.max_row + 1)] == ["窗口推诿", "食堂卫生差"]


def test_public_notice_period_and_uninvestigated_problems_from_the_page(page, run, tmp_path):
    """The notice row's spin box sets the period the notice prints; by default the problems
    still open are left out and counted under the row; the checkbox lists them (issue 14 §5)."""
    from datetime import date, timedelta

    from tests.reports.conftest import docx_text

    row = page.rows["notice"]
    assert row["publicity_days"].value() == 7
    row["publicity_days"].setValue(10)
    run(page.generate("notice", tmp_path / "公示.docx"))
    text = docx_text(tmp_path / "公示.docx")
    today = date.today()
    end = today + timedelta(days=10)
    assert f"公示期：{today.year}年{today.month}月{today.day}日至{end.year}年{end.month}月" \
           f"{end.day}日" in text
    assert "食堂卫生差" not in text and "尚在受理，未列入" in text
    assert f"Publicity period: {today.isoformat()} to {end.isoformat()}." in row["result"].text()
    assert "problem(s) not yet investigated were left out." in row["result"].text()
    row["include_uninvestigated"].setChecked(True)
    run(page.generate("notice", tmp_path / "all.docx"))
    assert "食堂卫生差" in docx_text(tmp_path / "all.docx")
    assert "not yet investigated" not in row["result"].text()


def test_county_summary_docx_from_the_page(page, run, tmp_path, monkeypatch):
    import docx

    import desktop.pages.reports as reports_page

    async def chosen(parent, title, suggested, fmt):
        assert fmt == "docx"
        return tmp_path / "summary.docx"

    monkeypatch.setattr(reports_page, "ask_save_path", chosen)
    row = page.rows["county-summary"]
    assert row["campaign"].currentData() is None  # all campaigns, as on the command line
    paths = run(page.save("county-summary"))
    assert paths == [tmp_path / "summary.docx"]
    document = docx.Document(paths[0])
    assert document.paragraphs[0].text == "民主评议政风行风工作情况汇总"
    figures = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert figures["参评群众（份）"] == "3"
    assert figures["被评议单位（个）"] == "1"
    assert figures["逾期未整改问题（件）"] == "2"
    assert str(paths[0]) in row["result"].text()


def test_unit_feedback_into_a_folder_with_progress(page, run, tmp_path, monkeypatch):
    import desktop.pages.reports as reports_page

    folder = tmp_path / "feedback"

    async def chosen(parent, title, suggested):
        return folder

    monkeypatch.setattr(reports_page, "ask_folder", chosen)
    paths = run(page.save("unit-feedback"))
    assert paths and all(p.parent == folder and p.suffix == ".pdf" for p in paths)
    ticket = page.ops["unit-feedback"].ticket
    assert ticket.progress[:2] == (len(paths), len(paths))  # what the bar was shown
    assert page.findChild(QWidget, "opProgress") is None  # gone once done
    assert page.rows["unit-feedback"]["button"].isEnabled()


def test_cancelled_unit_feedback_says_how_far_it_got(page, run, tmp_path, monkeypatch):
    import desktop.pages.reports as reports_page

    shown = []
    monkeypatch.setattr(reports_page.ReportsPage, "_tell",
                        lambda self, title, text, folder=None: shown.append(text))
    import desktop.pages.unit_feedback as run_module

    original = run_module.write_one

    def cancelled_at_once(*args, **kw):
        page.ops["unit-feedback"].ticket.cancel()  # Cancel pressed while the first is written
        return original(*args, **kw)

    monkeypatch.setattr(run_module, "write_one", cancelled_at_once)
    assert run(page.generate("unit-feedback", tmp_path / "fb")) is None
    assert shown == [f"Stopped: 1 of 2 unit reports were written to {tmp_path / 'fb'}."]
    assert len(list((tmp_path / "fb").glob("*.pdf"))) == 1
    assert page.rows["unit-feedback"]["button"].isEnabled()


def test_a_failure_goes_through_the_error_mapping(page, run, tmp_path, monkeypatch):
    import desktop.pages.reports as reports_page

    shown = []
    monkeypatch.setattr(reports_page, "show_error", lambda parent, exc: shown.append(exc))
    # No circulated criticism in the small store: the report says there is nothing to notice.
    assert run(page.generate("criticism-notice", tmp_path / "n.docx")) is None
    assert shown and getattr(shown[0], "code", "") == "no_circulated_criticism"


def test_reports_page_is_for_supervisors_and_hq(store, worker):
    from tests.desktop.conftest import make_session

    assert "reports" in make_session(store, worker, "supervisor", "office").visible_pages()
    assert "reports" in make_session(store, worker, "hq", "hq").visible_pages()
    assert "reports" not in make_session(store, worker, "clerk", "office").visible_pages()
    assert "reports" not in make_session(store, worker, "representative",
                                         "representative").visible_pages()
    assert "reports" not in make_session(store, worker, "supervisor", "kiosk").visible_pages()


def test_office_devices_have_no_criticism_notice_row(qtbot, store, small, worker):
    from desktop.pages.reports import ReportsPage
    from tests.desktop.conftest import make_session

    office = ReportsPage(make_session(store, worker, "supervisor", "office"))
    qtbot.addWidget(office)
    assert "criticism-notice" not in office.rows and "ledger" in office.rows


def test_criticism_notice_numbered_by_a_running_hq(qtbot, tmp_path, worker, ready, run,
                                                   monkeypatch):
    """An enrolled device asks HQ for the year's next number when it issues the notice."""
    from datetime import date

    import docx

    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    hq, device, _unit = _hq_and_a_criticism(tmp_path)
    try:
        page = _hq_reports_page(device, worker, qtbot, ready)
        box = page.rows["criticism-notice"]["hq_number"]
        assert box.isEnabled() and box.isChecked()
        paths = run(page.generate("criticism-notice", tmp_path / "通报.docx"))
        worker.call_blocking(lambda: None)  # the worker is done with the device's store
    finally:
        hq.close()
    text = "\n".join(p.text for p in docx.Document(paths[0]).paragraphs)
    assert f"余纠通〔{date.today().year}〕1号" in text and "钱公开" in text


def test_the_store_stays_free_while_hq_numbers_a_notice(qtbot, tmp_path, worker, ready, run,
                                                        monkeypatch):
    """HQ is asked on the background lane: while it answers, the window still reads its store
    (before, the question was asked on the store's one thread, and everything waited)."""
    from desktop.data import hq_numbers

    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    hq, device, _unit = _hq_and_a_criticism(tmp_path)
    real, read_meanwhile = hq_numbers.issue_number, []

    def hq_answering(store, **kw):
        read_meanwhile.append(worker.submit(lambda: "read").result(timeout=5))
        return real(store, **kw)

    monkeypatch.setattr(hq_numbers, "issue_number", hq_answering)
    try:
        page = _hq_reports_page(device, worker, qtbot, ready)
        paths = run(page.generate("criticism-notice", tmp_path / "通报.docx"))
        worker.call_blocking(lambda: None)
    finally:
        hq.close()
    assert read_meanwhile == ["read"] and paths and paths[0].exists()


def test_criticism_notice_leaves_out_what_was_circulated(qtbot, tmp_path, worker, ready, run,
                                                         monkeypatch):
    """A second notice from the page leaves out what the first circulated, and says so; with
    the row's checkbox ticked it circulates it again."""
    from datetime import date

    import docx

    from models.enums import Sanction
    from models.records import PersonnelCriticism

    def text(path):
        return "\n".join(p.text for p in docx.Document(path).paragraphs)

    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    hq, device, unit = _hq_and_a_criticism(tmp_path)
    try:
        page = _hq_reports_page(device, worker, qtbot, ready)
        row = page.rows["criticism-notice"]
        assert row["include_circulated"].isEnabled()
        assert not row["include_circulated"].isChecked()
        first = run(page.generate("criticism-notice", tmp_path / "1.docx"))
        assert "0 criticism(s)" in row["result"].text()
        with device.write() as w:
            w.create(PersonnelCriticism, {"person_name": "孙通报", "unit_id": unit,
                                          "sanction": Sanction.CIRCULATED_CRITICISM,
                                          "decided_on": date.today(),
                                          "behaviour": "办事拖延"})
        second = run(page.generate("criticism-notice", tmp_path / "2.docx"))
        assert "1 criticism(s) already circulated" in row["result"].text()
        row["include_circulated"].setChecked(True)
        third = run(page.generate("criticism-notice", tmp_path / "3.docx"))
        assert "included again" in row["result"].text()
        worker.call_blocking(lambda: None)  # the worker is done with the device's store
    finally:
        hq.close()
    assert "钱公开" in text(first[0])
    assert "孙通报" in text(second[0]) and "钱公开" not in text(second[0])
    assert "钱公开" in text(third[0]) and "孙通报" in text(third[0])


def _hq_and_a_criticism(tmp_path):
    """A running HQ, an enrolled device, and one criticism to circulate on it."""
    from datetime import date

    from models.enums import Sanction, UnitKind
    from models.records import PersonnelCriticism
    from models.reference import Unit
    from tests.sync.helpers import Hq

    hq = Hq.start(f"sqlite:///{tmp_path / 'hq-server'}", tmp_path)
    device = hq.device("office", name="office")
    with device.write() as w:
        unit = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
        w.create(PersonnelCriticism, {"person_name": "钱公开", "unit_id": unit,
                                      "sanction": Sanction.CIRCULATED_CRITICISM,
                                      "decided_on": date.today(), "behaviour": "上班时间脱岗"})
    return hq, device, unit


def _hq_reports_page(device, worker, qtbot, ready):
    from desktop.pages.reports import ReportsPage
    from tests.desktop.conftest import make_session

    session = make_session(device.store, worker, "hq", "hq")
    session.sync_transport = device.transport
    page = ReportsPage(session)
    qtbot.addWidget(page)
    return ready(page)


def test_default_save_folder_is_made_when_documents_is_missing(qapp, tmp_path, monkeypatch):
    """A Save dialog pointed at a missing Documents folder opened on the process's current
    directory, and the file went there: the folder is made first (home when it cannot be)."""
    from desktop.pages.reports import default_folder
    from desktop.spreadsheets.export import default_export_path

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user-dirs.dirs
    assert default_folder() == home / "Documents" and (home / "Documents").is_dir()
    assert default_export_path("单位").parent == home / "Documents"
    (home / "Documents").rmdir()
    (home / "Documents").write_text("a file where the folder should be")
    assert default_folder() == home and default_export_path("单位").parent == home


def test_a_folder_that_cannot_be_used_is_explained(page, run, tmp_path, monkeypatch):
    import desktop.pages.reports as reports_page
    from desktop.errors import message_for, title_for

    shown = []
    monkeypatch.setattr(reports_page, "show_error", lambda parent, exc: shown.append(exc))
    blocker = tmp_path / "报表"
    blocker.write_text("a file where the folder should be")
    assert run(page.generate("ledger", blocker / "台账.xlsx")) is None
    assert title_for(shown[0]) == "Cannot save there"
    assert message_for(shown[0]) == (f"{blocker} cannot be made a folder: a file of that name "
                                     "is in the way; choose another place.")
    assert page.rows["ledger"]["button"].isEnabled()


def test_open_folder_after_a_report_is_written(page, run, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication, QMessageBox

    import desktop.pages.reports as reports_page

    target = tmp_path / "out" / "台账.xlsx"
    target.parent.mkdir()

    async def chosen(parent, title, suggested, fmt):
        return target

    opened = []
    monkeypatch.setattr(reports_page, "ask_save_path", chosen)
    monkeypatch.setattr(reports_page.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    run(page.save("ledger"))
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.objectName() == "reportDone" and w.isVisible())
    button = next(b for b in box.buttons() if b.text() == "Open folder")
    button.click()
    assert opened == [str(target.parent)]


@pytest.fixture
def no_chinese_font(monkeypatch):
    from reports import fonts

    monkeypatch.setattr(fonts, "_candidates", lambda: [])
    fonts.cjk_font_path.cache_clear()
    fonts.register_pdf_font.cache_clear()
    yield
    monkeypatch.undo()
    fonts.cjk_font_path.cache_clear()
    fonts.register_pdf_font.cache_clear()


def test_a_missing_chinese_font_is_explained_in_the_window_language(page, run, tmp_path,
                                                                    monkeypatch,
                                                                    no_chinese_font):
    """The refusal is rendered by its code (no_cjk_font), not shown as English text."""
    import desktop.pages.reports as reports_page
    from desktop import messages
    from desktop.errors import message_for
    from models.messages import language as language_state

    shown = []
    monkeypatch.setattr(reports_page, "show_error", lambda parent, exc: shown.append(exc))
    monkeypatch.setattr(language_state, "_language", messages.CHINESE)
    formats = page.rows["ledger"]["format"]
    formats.setCurrentIndex(formats.findData("pdf"))
    assert run(page.generate("ledger", tmp_path / "台账.pdf")) is None
    assert message_for(shown[0]) == messages.text("no_cjk_font", lang=messages.CHINESE)
    assert message_for(shown[0]).startswith("未找到用于生成 PDF 的中文")


def test_visit_round_report_from_the_page_for_its_period(page, run, tmp_path, monkeypatch,
                                                         store, worker, qtbot):
    from datetime import date

    from PySide6.QtCore import QDate

    import desktop.pages.reports as reports_page
    from desktop.pages.reports import ReportsPage
    from models.enums import VisitKind
    from models.records import Visit
    from tests.desktop.conftest import make_session
    from tests.reports.conftest import docx_text

    with store.write("hq") as w:
        w.create(Visit, {"kind": VisitKind.SECRET, "place": "二号窗口",
                         "visit_date": date(2026, 3, 4)})
    target = tmp_path / "明察暗访.docx"

    async def chosen(parent, title, suggested, fmt):
        return target

    monkeypatch.setattr(reports_page, "ask_save_path", chosen)
    row = page.rows["visit-round"]
    row["from"].setDate(QDate(2026, 3, 1))
    row["to"].setDate(QDate(2026, 3, 31))
    assert run(page.save("visit-round")) == [target]
    text = docx_text(target)
    assert "明察暗访情况通报" in text and "2026年3月1日至2026年3月31日" in text
    assert "暗访1次" in text and "二号窗口" not in text
    office = ReportsPage(make_session(store, worker, "supervisor", "office"))
    qtbot.addWidget(office)
    assert "visit-round" not in office.rows  # offices hold no findings


def test_every_row_fits_the_width_of_a_1366_screen(page, qtbot):
    """In the main window at 1366×768 the page gets about 1366 − the 205 px navigation: every
    row's filters, format and button fit without a sideways scroll (the buttons were cut off)."""
    from PySide6.QtWidgets import QScrollArea

    page.resize(1366 - 205, 720)
    page.show()
    qtbot.waitExposed(page)
    scroll = page.findChild(QScrollArea, "reportsScroll")
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    qtbot.waitUntil(lambda: not scroll.horizontalScrollBar().isVisible())


def test_work_report_with_its_signer_from_the_page(page, run, tmp_path):
    """The upward work report (工作情况汇报, issue 15 §3): the signer typed on the row stands
    right of the number, under the issuer's mark, every section following."""
    from tests.reports.conftest import docx_text

    row = page.rows["work-report"]
    assert row["campaign"].currentText() == "2025年万民评议"
    row["signer"].setText(" 王五 ")
    paths = run(page.generate("work-report", tmp_path / "汇报.docx"))
    text = docx_text(paths[0])
    assert "签发人：王五" in text and "一、基本情况" in text and "五、下一步打算" in text
    assert "关于2025年万民评议工作情况汇报" in text
    assert str(paths[0]) in row["result"].text()
