"""HQ's window answers the units (issue 14 §2, §3): the acceptance page lists the completed
reports with their photos and the requests for a later deadline, and accepts, returns,
approves or refuses them; the dashboard's accountability list opens a case linked to the
unit's overdue problems, and the case form lists them."""

from datetime import timedelta

import pytest

from tests.desktop.conftest import make_session, until
from tests.models.helpers import seed_overdue


def _jpeg() -> bytes:
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#6b8fb3"))
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG")
    return bytes(buffer.data())


@pytest.fixture
def answers(store, tmp_path):
    """The chase's problems; a completed report with a photo on one, a progress report on
    another, and a request for a later deadline on a third."""
    from models import services
    from models.records import Attachment
    from models.rectification import ExtensionRequest, RectificationReport

    ids = seed_overdue(store, tmp_path)
    with store.read() as conn:
        ids["problems"] = dict(conn.exec_driver_sql("SELECT description, id FROM problem").all())
    today, p = ids["today"], ids["problems"]
    data = _jpeg()
    with store.write("卫生院联络员") as w:
        ids["report"] = services.create_record(w, RectificationReport, {
            "problem_id": p["挂号窗口推诿"], "what_done": "增设导办员", "reported_on": today,
            "completed_on": today - timedelta(days=1)})
        services.create_record(w, RectificationReport, {
            "problem_id": p["收费未公示"], "what_done": "正在制作公示栏", "reported_on": today})
        w.create(Attachment, {"sha256": store.blobs.put(data), "size": len(data),
                              "media_type": "image/jpeg", "owner_table": "rectification_report",
                              "owner_id": ids["report"], "original_name": "导办台.jpg"})
        ids["request"] = services.create_record(w, ExtensionRequest, {
            "problem_id": p["药房态度生硬"], "requested_deadline": today + timedelta(days=20),
            "reason": "需采购设备", "requested_on": today})
    return ids


def _page(qtbot, ready, store, worker):
    from desktop.pages.acceptance import AcceptancePage

    store.set_meta("device_role", "hq")
    page = AcceptancePage(make_session(store, worker, role="hq", device_role="hq"))
    qtbot.addWidget(page)
    return ready(page)


def _texts(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _value(store, sql: str):
    with store.read() as conn:
        return conn.exec_driver_sql(sql).scalar()


def _answer(monkeypatch, text: str | None) -> None:
    async def typed(*_args):
        return text
    monkeypatch.setattr("desktop.pages.acceptance.ask_text", typed)


def test_the_completed_report_awaits_acceptance_with_its_photo(qtbot, ready, run, store, worker,
                                                                answers):
    page = _page(qtbot, ready, store, worker)
    assert _texts(page.reports_table, 1) == ["挂号窗口推诿"]  # not the progress report
    assert _texts(page.reports_table, 0) == ["卫生院（白泥镇）"]
    assert _texts(page.reports_table, 5) == ["1"]
    assert "(1)" in page.tabs.tabText(0) and "(1)" in page.tabs.tabText(1)
    page.reports_table.selectRow(0)
    run(until(lambda: page.photos.list.count() == 1))
    assert page.photos.list.item(0).text() == "导办台.jpg"
    assert not page.photos.list.item(0).icon().isNull()


def test_hq_accepts_a_report_and_the_problem_is_verified(qtbot, ready, run, store, worker,
                                                         answers, monkeypatch):
    page = _page(qtbot, ready, store, worker)
    _answer(monkeypatch, "现场复核属实")
    page.reports_table.selectRow(0)
    run(page.accept_report())
    run(until(lambda: page.reports_table.rowCount() == 0))
    problem = answers["problems"]["挂号窗口推诿"]
    assert _value(store, f"SELECT status FROM problem WHERE id = '{problem}'") == "verified"
    assert _value(store, f"SELECT verification FROM problem WHERE id = '{problem}'") == \
        "现场复核属实"
    assert "(0)" in page.tabs.tabText(0)


def test_returning_without_a_reason_is_refused_on_screen(qtbot, ready, run, store, worker,
                                                          answers, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.operations.show_error", lambda _p, exc: shown.append(exc))
    page = _page(qtbot, ready, store, worker)
    _answer(monkeypatch, "")
    page.reports_table.selectRow(0)
    run(page.return_report())
    run(until(lambda: shown))
    assert shown[0].problems[0].code == "return_needs_reason"
    _answer(monkeypatch, "照片不清楚")
    run(page.return_report())
    run(until(lambda: page.reports_table.rowCount() == 0))
    assert _value(store, f"SELECT review_reason FROM rectification_report "
                         f"WHERE id = '{answers['report']}'") == "照片不清楚"


def test_hq_approves_and_refuses_extension_requests(qtbot, ready, run, store, worker, answers,
                                                    monkeypatch):
    from models import services
    from models.rectification import ExtensionRequest

    page = _page(qtbot, ready, store, worker)
    assert _texts(page.requests_table, 1) == ["药房态度生硬"]
    page.requests_table.selectRow(0)
    run(page.approve_request())
    run(until(lambda: page.requests_table.rowCount() == 0))
    problem = answers["problems"]["药房态度生硬"]
    assert _value(store, f"SELECT deadline FROM problem WHERE id = '{problem}'") == (
        answers["today"] + timedelta(days=20)).isoformat()
    with store.write("卫生院联络员") as w:
        services.create_record(w, ExtensionRequest, {
            "problem_id": problem, "requested_deadline": answers["today"] + timedelta(days=40),
            "reason": "再延", "requested_on": answers["today"]})
    page.reload()
    run(until(lambda: page.requests_table.rowCount() == 1))
    _answer(monkeypatch, "不再延期")
    page.requests_table.selectRow(0)
    run(page.refuse_request())
    run(until(lambda: page.requests_table.rowCount() == 0))
    assert _value(store, "SELECT count(*) FROM extension_request WHERE decision = 'refused' "
                         "AND decision_reason = '不再延期'") == 1


def test_a_case_opened_from_the_accountability_list_names_the_overdue_problems(
        qtbot, ready, run, store, worker, tmp_path):
    from desktop.pages.accountability import AccountabilityPage
    from desktop.pages.dashboard import DashboardPage

    ids = seed_overdue(store, tmp_path)
    store.set_meta("device_role", "hq")
    session = make_session(store, worker, role="hq", device_role="hq")
    page = DashboardPage(session)
    qtbot.addWidget(page)
    ready(page)
    panel = page.overdue_panel
    assert not panel.open_case_button.isHidden() and not panel.open_case_button.isEnabled()
    panel.candidates_table.selectRow(0)
    panel.open_case_button.click()
    dialog = page.case_dialog
    run(until(lambda: dialog.findChild(object, "caseProblemList").count() == 3))
    assert "3" in dialog.editors["violation"].get()
    assert dialog.editors["unit_id"].get() == ids["units"]["卫生院"]
    run(dialog.save())
    with store.read() as conn:
        subject, unit, linked = conn.exec_driver_sql(
            "SELECT subject, unit_id, problem_ids FROM accountability_case").one()
    assert (subject, unit) == ("unit", ids["units"]["卫生院"])
    with store.read() as conn:
        overdue = set(conn.exec_driver_sql(
            "SELECT id FROM problem WHERE description IN "
            "('挂号窗口推诿', '收费未公示', '药房态度生硬')").scalars())
    assert set(__import__("json").loads(linked)) == overdue

    cases = AccountabilityPage(session)
    qtbot.addWidget(cases)
    ready(cases)
    cases.view.selectRow(0)
    run(cases.edit_selected())
    run(until(lambda: getattr(cases, "current_dialog", None) is not None))
    shown = cases.current_dialog.findChild(object, "caseProblemList")
    run(until(lambda: shown.count() == 3))
    assert any("挂号窗口推诿" in shown.item(i).text() for i in range(3))


def test_an_office_dashboard_opens_no_case(qtbot, ready, store, worker, tmp_path):
    from desktop.pages.dashboard import DashboardPage

    seed_overdue(store, tmp_path)
    page = DashboardPage(make_session(store, worker, device_role="office"))
    qtbot.addWidget(page)
    ready(page)
    assert page.overdue_panel.candidates_table.rowCount() == 1
    assert page.overdue_panel.open_case_button.isHidden()
