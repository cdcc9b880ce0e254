"""Sync in the window, against the real HQ app in-process, inside the qasync loop: the
status-bar indicator, first-start enrollment, and the conflicts page keeping one value."""

import httpx
import pytest

from tests.desktop.conftest import make_session, until


@pytest.fixture
def hq(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    from tests.sync.helpers import Hq

    server = Hq.start(f"sqlite:///{tmp_path / 'hq-server'}", tmp_path)
    yield server
    server.close()


def transport_for(hq):
    from tests.sync.helpers import CuttableTransport

    return CuttableTransport(httpx.ASGITransport(app=hq.app))


@pytest.fixture
def office(hq, store, worker, run, qtbot):
    """This computer: an office store enrolled through the window's enrollment path."""
    from desktop.open_store import enroll_store
    from sync.server import admin
    from tests.sync.helpers import FAST_RETRY

    code = admin.enroll_device(hq.db, role="office", label="office-1")["code"]
    transport = transport_for(hq)
    granted = run(enroll_store(store, "http://hq.test", code, transport=transport))
    assert granted["role"] == "office"
    session = make_session(store, worker, role="supervisor", device_role="office")
    session.sync_transport, session.sync_retry = transport, FAST_RETRY
    yield session
    session.close_sync()


def open_page(run, window, page_id):
    async def go():
        page = window.show_page(page_id)
        await until(page.is_ready)
        return page

    return run(go())


def window_for(session, qtbot):
    from desktop.main_window import MainWindow

    window = MainWindow(session, "en")
    qtbot.addWidget(window)
    return window


def test_first_start_enrollment_stores_the_credential(office):
    assert office.store.meta("device_role") == "office"
    assert office.store.meta("server_url") == "http://hq.test"


def test_indicator_counts_waiting_changes_then_syncs(office, qtbot, run, tmp_path, hq):
    from tests.desktop.conftest import fill_small

    fill_small(office.store, tmp_path)
    window = window_for(office, qtbot)
    label = window.sync_indicator.label
    run(until(lambda: "waiting" in label.text() and window.sync.facts is not None))
    assert window.sync.facts.pending > 0
    assert "Never synced" in label.text()
    seen = []
    window.sync.status_changed.connect(lambda s: seen.append(s.state))
    window.sync_indicator.button.click()
    run(until(lambda: "Last synced" in label.text()))
    assert "syncing" in seen
    assert "0 change" in label.text() and "waiting" in label.text()
    assert len(hq.rows("evaluation")) == 3


def test_offline_then_background_sync_when_hq_answers(office, qtbot, run):
    window = window_for(office, qtbot)
    office.sync_transport.down = True
    run(window.sync.auto_sync())
    assert window.sync.status.state == "offline"
    assert "Offline" in window.sync_indicator.label.text()
    office.sync_transport.down = False
    run(window.sync.auto_sync())
    assert window.sync.status.state == "idle"
    assert window.sync.status.last_synced is not None


def test_a_refusal_shows_in_the_status_bar_not_a_dialog(office, qtbot, run, hq):
    from sync.server import admin

    window = window_for(office, qtbot)
    admin.revoke_device(hq.db, office.store.device_id)
    run(window.sync.sync_now())
    assert window.sync.status.state == "revoked"
    assert "revoked" in window.sync_indicator.label.text()
    assert window.findChild(object, "errorDialog") is None


def test_cancel_stops_the_round(office, qtbot, run, tmp_path):
    from tests.desktop.conftest import fill_small

    fill_small(office.store, tmp_path)
    window = window_for(office, qtbot)

    office.sync_engine().batch_entries = 1  # many small batches: time to press Cancel
    phases = []
    window.sync.status_changed.connect(lambda s: phases.append(s.phase))

    async def go():
        import asyncio

        task = asyncio.ensure_future(window.sync.run_round())
        await until(lambda: "push" in phases)
        assert not window.sync_indicator.cancel_button.isHidden()
        window.sync_indicator.cancel_button.click()
        return await task

    assert run(go()) is None
    assert window.sync.status.state == "idle"
    assert 0 < window.sync.status.pending < 13  # what was sent stays sent; the rest waits
    assert not window.sync_indicator.button.isHidden()


def test_conflict_shows_both_values_and_keeping_mine_syncs(office, qtbot, run, hq, aloop,
                                                          tmp_path):
    import asyncio

    from models import services
    from models.records import Problem
    from tests.desktop.conftest import fill_small

    ids = fill_small(office.store, tmp_path)
    window = window_for(office, qtbot)
    run(window.sync.run_round())
    other = hq.device("office", name="office-2")
    other.sync()
    problem = ids["overdue_problem"]
    with other.write("clerk2") as w:
        services.update_record(w, Problem, problem, {"responsible_person": "王五"})
    other.sync()
    with office.store.write("tester") as w:
        services.update_record(w, Problem, problem, {"responsible_person": "李四"})
    asyncio.set_event_loop(aloop)  # the other device's asyncio.run() cleared it
    report = run(window.sync.run_round())
    assert report.conflicts == 1
    assert window.sync.status.issues == 1
    page = open_page(run, window, "conflicts")
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "Conflict"
    page.table.selectRow(0)
    run(until(lambda: page.values.rowCount() == 1))
    cells = [page.values.item(0, c).text() for c in range(3)]
    assert cells == ["Responsible person", "王五", "李四"]
    assert not page.keep_mine.isHidden() and page.keep_mine.isEnabled()
    page.keep_mine.click()
    run(until(lambda: page.table.rowCount() == 0))
    run(window.sync.run_round())
    assert hq.rows("problem")[problem]["responsible_person"] == "李四"
    import sqlalchemy as sa

    from sync.server import tables as T

    with hq.db.engine.connect() as conn:  # HQ heard that the conflict was settled
        assert conn.execute(sa.select(T.conflict.c.resolved_at)).scalar() is not None
    other.sync()
    asyncio.set_event_loop(aloop)
    assert other.rows("problem")[problem]["responsible_person"] == "李四"


def test_refused_entry_is_listed_with_hqs_reason(office, qtbot, run):
    from models.reference import Team

    window = window_for(office, qtbot)
    with office.store.write("tester") as w:  # an office may not delete a team at HQ
        team = w.create(Team, {"name": "第一组"})
    run(window.sync.run_round())
    with office.store.write("tester") as w:
        w.delete(Team, team)
    report = run(window.sync.run_round())
    assert report.rejected == 1
    page = open_page(run, window, "conflicts")
    assert page.table.item(0, 0).text() == "Refused by HQ"
    assert page.table.item(0, 3).text()
    page.table.selectRow(0)
    run(until(lambda: page.comparison is not None))
    assert "HQ refused" in page.explain.text()
    page.dismiss.click()
    run(until(lambda: page.table.rowCount() == 0))


def test_a_copied_store_keeps_its_changes_and_asks_to_enroll_again(office, qtbot, run, hq):
    """HQ holds another entry under this store's next number (the laptop it was copied from
    pushed first): the change is kept, listed in the sync issues, and the status bar says
    what to do, without a dialog."""
    import sqlalchemy as sa

    from models.reference import Team
    from sync.server import tables as T

    window = window_for(office, qtbot)
    with office.store.write("tester") as w:
        w.create(Team, {"name": "第一组"})
    run(window.sync.run_round())
    hq_id = office.store.meta("hq_device_id")
    with hq.db.engine.begin() as conn:  # what the other copy pushed meanwhile
        last = conn.execute(sa.select(T.device.c.last_seq).where(T.device.c.id == hq_id)).scalar()
        conn.execute(T.entry_digest.insert().values(device_id=hq_id, first_seq=last + 1,
                                                    last_seq=last + 1, digests=b"elsewhere"[:8]))
        conn.execute(T.device.update().where(T.device.c.id == hq_id).values(last_seq=last + 1))
    with office.store.write("tester") as w:
        w.create(Team, {"name": "第二组"})
    assert run(window.sync.run_round()) is None
    assert window.sync.status.state == "reenroll"
    assert "enroll it again" in window.sync_indicator.label.text()
    assert not window.sync_indicator.button.isEnabled()
    assert window.findChild(object, "errorDialog") is None
    assert window.sync.facts.pending == 1
    page = open_page(run, window, "conflicts")
    assert page.table.item(0, 0).text() == "Not sent yet"
    assert "enroll it again" in page.table.item(0, 3).text()
    page.table.selectRow(0)
    run(until(lambda: page.comparison is not None))
    assert "Nothing was lost" in page.explain.text()


def test_demo_store_never_syncs(demo_session, qtbot, run):
    window = window_for(demo_session, qtbot)
    run(until(lambda: window.sync.facts is not None))
    assert window.sync.status.state == "demo"
    assert not window.sync_indicator.button.isEnabled()


def test_enrollment_refused_asks_again(store, run, qtbot, hq):
    from PySide6.QtWidgets import QApplication

    from desktop.open_store import enroll_store

    QApplication.instance().setQuitOnLastWindowClosed(False)  # as the app sets it

    async def go():
        task = enroll_store(store, "http://hq.test", "WRONG-CODE",
                            transport=transport_for(hq))
        import asyncio

        fut = asyncio.ensure_future(task)
        await until(lambda: any(w.objectName() == "enrollDialog" and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if w.objectName() == "enrollDialog")
        text = dialog.error.text()
        dialog.reject()
        return await fut, text

    result, text = run(go())
    assert result is None
    assert "unknown" in text
    assert not store.meta("hq_device_id")


async def a_dialog(name: str):
    from PySide6.QtWidgets import QApplication

    def find():
        return next((w for w in QApplication.topLevelWidgets()
                     if w.objectName() == name and w.isVisible()), None)

    await until(lambda: find() is not None)
    return find()


def test_hq_devices_enroll_shows_code_and_revoke(hq, store, worker, run, qtbot, monkeypatch):
    import asyncio

    from desktop.open_store import enroll_store
    from sync.server import admin
    from tests.sync.helpers import FAST_RETRY

    code = admin.enroll_device(hq.db, role="hq", label="hq-desk")["code"]
    transport = transport_for(hq)
    run(enroll_store(store, "http://hq.test", code, transport=transport))
    session = make_session(store, worker, role="hq", device_role="hq")
    session.sync_transport, session.sync_retry = transport, FAST_RETRY
    window = window_for(session, qtbot)
    page = open_page(run, window, "hq")
    panel = page.devices
    assert panel.table.rowCount() == 1
    assert panel.enroll_button.isEnabled()

    async def enroll():
        task = asyncio.ensure_future(panel.enroll())
        dialog = await a_dialog("enrollDeviceDialog")
        dialog.role.setCurrentIndex(dialog.role.findData("representative"))
        dialog.team.setEditText("第一组")
        dialog.representative.setEditText("张三")
        dialog.label.setText("张三的电脑")
        dialog.accept()
        shown = await a_dialog("enrollCodeDialog")
        text = shown.code.text()
        shown.accept()
        await task
        return text

    shown_code = run(enroll())
    assert shown_code == panel.last_code and len(shown_code) >= 4
    assert panel.table.rowCount() == 2
    labels = [panel.table.item(r, 0).text() for r in range(2)]
    assert "张三的电脑" in labels
    row = labels.index("张三的电脑")
    assert panel.table.item(row, 3).text() == "Waiting for its code"

    async def yes(*_a):
        return True

    monkeypatch.setattr("desktop.pages.devices.confirm", yes)
    panel.table.selectRow(row)
    run(panel.revoke())
    assert panel.table.item(row, 3).text() == "Revoked"
    session.close_sync()


def test_a_value_hq_refused_as_out_of_range_is_named_in_the_window(session, qtbot):
    from desktop.pages.sync_issues import ConflictsPage

    page = ConflictsPage(session)
    qtbot.addWidget(page)
    issue = {"kind": "rejected", "code": "out_of_range", "details": '{"field": "created_at"}',
             "reason": "created_at: '9999-12-31T23:59:59-14:00' is out of range"}
    assert page.kind_text(issue) == "Refused by HQ"
    assert page.reason_text(issue) == ("Entered at is out of range: HQ takes dates and times "
                                       "from 1900 to 2999.")


@pytest.fixture
def in_chinese(qapp):
    """The window in Chinese, as the language setting switches it (catalogue and messages)."""
    from PySide6.QtCore import QCoreApplication

    from desktop import messages
    from desktop.i18n import Translations

    translations = Translations()
    if not translations.switch("zh_CN"):
        pytest.skip("the Chinese catalogue cannot be compiled here (no lrelease)")
    yield
    for translator in (translations._translator, translations._qt):
        if translator is not None:
            QCoreApplication.instance().removeTranslator(translator)
    messages.set_language(messages.ENGLISH)


def test_sync_button_says_in_chinese_that_hq_cannot_be_reached(office, qtbot, run, in_chinese):
    window = window_for(office, qtbot)
    label = window.sync_indicator.label
    run(until(lambda: window.sync.facts is not None))
    office.sync_transport.down = True
    window.sync_indicator.button.click()
    run(until(lambda: window.sync.status.state == "offline"))
    assert "无法连接到总部（http://hq.test）" in label.text()
    assert "cannot be reached" not in label.text() + label.toolTip()
    assert window.findChild(object, "errorDialog") is None


def test_a_refusal_hq_words_in_english_reads_in_chinese_on_the_sync_issues_page(
        session, qtbot, in_chinese):
    from desktop.pages.sync_issues import ConflictsPage

    page = ConflictsPage(session)
    qtbot.addWidget(page)
    kiosk = {"kind": "forbidden", "code": "kiosk_unit", "details": "{}",
             "reason": "a kiosk records forms for its own unit only"}
    assert page.reason_text(kiosk) == "自助终端只能为其所属单位录入评议表。"
    unknown = {"kind": "rejected", "code": "some_newer_rule", "details": "{}",
               "reason": "refused by a rule this app does not know yet"}
    assert page.reason_text(unknown) == "总部拒绝了此项更改。"


class _UntrustedTransport(httpx.AsyncBaseTransport):
    """What httpx raises when HQ's certificate does not verify (no office CA file given)."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        import ssl

        try:
            raise ssl.SSLCertVerificationError(1, "certificate verify failed")
        except ssl.SSLError as exc:
            raise httpx.ConnectError("certificate verify failed", request=request) from exc


def test_an_hq_certificate_the_device_cannot_verify_is_said_not_called_offline(
        office, qtbot, run):
    window = window_for(office, qtbot)
    office.sync_transport = _UntrustedTransport()
    run(window.sync.auto_sync())
    assert window.sync.status.state == "error"
    shown = window.sync_indicator.label.text() + window.sync_indicator.label.toolTip()
    assert "cannot verify" in shown and "FIELDINSPECT_CA_FILE" in shown
    assert window.findChild(object, "errorDialog") is None
