"""The liaison's window (issue 14 §2): its unit's problems overdue first, signing for one, asking
for an extension, reporting with a photo, and HQ's answers where the liaison reads them."""

import hashlib
import io
from datetime import timedelta

import pytest
import shiboken6
from PIL import Image

from models import services
from models.records import Problem
from models.rectification import RectificationReport
from models.timeutil import local_today
from tests.desktop.conftest import make_session, until
from tests.models.helpers import load_units

TODAY = local_today()


@pytest.fixture(autouse=True)
def _today():
    """Today as the test runs, not as the module was collected: a suite that runs across
    midnight otherwise compared yesterday's date with the one the app wrote."""
    global TODAY
    TODAY = local_today()


@pytest.fixture
def liaison(store, tmp_path, worker):
    """A unit device for 白泥镇 holding four problems of its units (one overdue, one due within
    the office's 7 days, one later, one verified long ago) as HQ sent them."""
    load_units(store, tmp_path)
    with store.read() as conn:
        units = dict(conn.exec_driver_sql("SELECT name, id FROM unit").fetchall())
    ids = {}
    with store.write("hq") as w:
        for name, days in (("以后再说", 40), ("窗口推诿", -5), ("收费未公示", 3)):
            ids[name] = services.create_record(w, Problem, {
                "description": name, "unit_id": units["卫生院"], "status": "rectifying",
                "reported_on": TODAY - timedelta(days=60), "deadline": TODAY + timedelta(days=days),
                "assigned_on": TODAY - timedelta(days=50), "assignment_no": "交〔2026〕3号"})
        ids["早已验收"] = services.create_record(w, Problem, {  # closed: nothing to chase
            "description": "早已验收", "unit_id": units["卫生院"], "status": "verified",
            "measures": "已整改", "reported_on": TODAY - timedelta(days=90),
            "deadline": TODAY - timedelta(days=30)})
    store.set_meta("device_role", "unit")
    store.set_meta("unit_id", units["白泥镇"])
    return {"session": make_session(store, worker, role="unit", device_role="unit"), **ids}


def _page(liaison, qtbot, ready):
    from desktop.pages.liaison import OurProblemsPage

    page = OurProblemsPage(liaison["session"])
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    return ready(page)


def _cell(page, row: int, column: int) -> str:
    return page.table.item(row, column).text()


def _select(page, run, problem_id: str) -> None:
    row = [r["id"] for r in page.rows].index(problem_id)
    page.table.selectRow(row)
    run(page.selection_changed())


def _rows(store, sql: str) -> list[tuple]:
    with store.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql).fetchall()]


def test_overdue_problems_come_first_with_their_days_overdue(liaison, qtbot, ready):
    from desktop.pages.liaison import COL_OVERDUE, COL_PROBLEM

    page = _page(liaison, qtbot, ready)
    assert [_cell(page, r, COL_PROBLEM) for r in range(4)] == [
        "窗口推诿", "收费未公示", "以后再说", "早已验收"]
    assert [_cell(page, r, COL_OVERDUE) for r in range(4)] == ["5", "", "", ""]
    assert "Overdue: 1. Due within 7 days: 1." in page.hint.text()


def test_the_liaison_signs_for_a_problem(liaison, qtbot, ready, run, store):
    from desktop.pages.liaison import COL_SIGNED

    page = _page(liaison, qtbot, ready)
    _select(page, run, liaison["窗口推诿"])
    assert page.sign_button.isEnabled() and _cell(page, 0, COL_SIGNED) == "Not yet"
    run(page.sign_for())
    assert _rows(store, "SELECT problem_id, signed_by FROM problem_receipt") == [
        (liaison["窗口推诿"], "tester")]
    assert _cell(page, 0, COL_SIGNED) == TODAY.isoformat()
    run(page.selection_changed())
    assert not page.sign_button.isEnabled()  # once only


def test_an_extension_request_is_refused_without_a_reason_then_sent(liaison, qtbot, ready, run,
                                                                   store):
    from desktop.pages.liaison import COL_ANSWER

    page = _page(liaison, qtbot, ready)
    _select(page, run, liaison["窗口推诿"])
    run(page.request_extension())
    dialog = page.current_dialog
    run(dialog.save())
    assert dialog.isVisible() and "give the reason for the extension" in dialog.error.text()
    dialog.reason.setPlainText("专项资金尚未下达")
    run(dialog.save())
    assert not shiboken6.isValid(dialog)  # saved and closed
    assert _rows(store, "SELECT reason, decision FROM extension_request") == [
        ("专项资金尚未下达", "pending")]
    run(until(lambda: _cell(page, 0, COL_ANSWER) == "Extension requested, awaiting decision"))


def _gps_jpeg(path):
    exif = Image.Exif()
    exif[0x010F] = "CanaryCam"
    exif[0x8825] = {1: "N", 2: (27.0, 13.0, 0.0), 3: "E", 4: (107.0, 53.0, 0.0)}
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (30, 120, 30)).save(out, "JPEG", exif=exif)
    path.write_bytes(out.getvalue())
    return path


def test_a_completed_report_with_a_photo_awaits_acceptance(liaison, qtbot, ready, run, store,
                                                            tmp_path):
    from desktop.pages.liaison import COL_REPORT

    page = _page(liaison, qtbot, ready)
    _select(page, run, liaison["收费未公示"])
    run(page.report())
    dialog = page.current_dialog
    dialog.what_done.setPlainText("收费标准已在大厅公示")
    dialog.completed.setChecked(True)
    dialog.photos.add([str(_gps_jpeg(tmp_path / "公示栏.jpg"))])
    run(dialog.save())
    assert not shiboken6.isValid(dialog)  # saved and closed
    [(report, completed)] = _rows(store, "SELECT id, completed_on FROM rectification_report")
    assert completed == TODAY.isoformat()
    [(sha,)] = _rows(store, f"SELECT sha256 FROM attachment WHERE owner_id='{report}'")
    kept = store.blobs.get(sha)
    assert b"CanaryCam" not in kept and hashlib.sha256(kept).hexdigest() == sha
    row = [r["id"] for r in page.rows].index(liaison["收费未公示"])
    run(until(lambda: _cell(page, row, COL_REPORT) == "Awaiting acceptance"))


def test_a_returned_report_shows_hqs_reason(liaison, qtbot, ready, run, store):
    from desktop.pages.liaison import COL_ANSWER

    with store.write("李联络") as w:
        from models import unit_reports
        report = unit_reports.submit_report(w, store.blobs, liaison["以后再说"], "已整改",
                                            completed_on=TODAY)
    with store.write("hq") as w:  # HQ's answer, as a pull brings it
        w.update(RectificationReport, report, {"review": "returned",
                                               "review_reason": "缺少整改前后对比照片"})
    page = _page(liaison, qtbot, ready)
    _select(page, run, liaison["以后再说"])
    row = [r["id"] for r in page.rows].index(liaison["以后再说"])
    assert _cell(page, row, COL_ANSWER) == "Returned: 缺少整改前后对比照片"
    assert "缺少整改前后对比照片" in page.detail.toPlainText()
    assert "Returned" in page.detail.toPlainText()
    assert page.report_button.isEnabled()  # it may report again


def test_a_unit_device_window_opens_its_three_pages(liaison, qtbot, run):
    from desktop.main_window import MainWindow
    from desktop.self_test import visit_every_page

    window = MainWindow(liaison["session"], "en")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Our problems", "Sync issues", "Settings"]
    assert run(visit_every_page(window, report=lambda _line: None)) == []


def test_a_confidential_problem_without_assignment_text_shows_its_category(liaison, qtbot,
                                                                           ready, run):
    """HQ sent a confidential problem with no assignment text yet (its description blanked):
    the liaison reads its category, never an empty line."""
    import sqlalchemy as sa

    store = liaison["session"].store
    with store.write("hq") as w:
        w.conn.execute(sa.update(Problem.__table__).where(
            Problem.__table__.c.id == liaison["窗口推诿"]).values(
                description="", confidential_source=True, source_category="absent_from_post"))
    page = _page(liaison, qtbot, ready)
    row = [r["id"] for r in page.rows].index(liaison["窗口推诿"])
    assert _cell(page, row, 0) == "Absent from post"
    _select(page, run, liaison["窗口推诿"])
    assert "Absent from post" in page.detail.toHtml()
