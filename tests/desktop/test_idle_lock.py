"""The idle lock: after the supervisor's minutes without input the window hides every record
(pages and open dialogs) and asks for the PIN, or the passphrase for a profile without one."""

import asyncio

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

from tests.desktop.conftest import PASSPHRASE, make_session, until

PIN = "2468"


def audit_events(store) -> list[str]:
    with store.read() as conn:
        return [r[0] for r in conn.exec_driver_sql("SELECT event FROM audit_log ORDER BY seq")]


def make_window(session, qtbot):
    from desktop.main_window import MainWindow

    window = MainWindow(session, "en")
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def pin_session(store, small, worker):
    from models.enums import ProfileRole
    from models.profiles import create_profile

    create_profile(store, "tester", ProfileRole.SUPERVISOR, pin=PIN)
    return make_session(store, worker, device_role="hq")


def lock_now(window, run):
    async def go():
        window.idle.set_timeout_ms(0)
        await until(lambda: window.locked and window.lock_screen.secret.isEnabled())
        window.idle.set_timeout_ms(10 * 60_000)  # for after the unlock

    run(go())


def type_secret(window, secret, run):
    screen = window.lock_screen

    async def go():
        screen.secret.setText(secret)
        QTest.keyClick(screen.secret, Qt.Key.Key_Return)
        await until(lambda: screen.secret.isEnabled())

    run(go())


def test_locked_window_hides_records_and_open_dialogs_until_the_pin(pin_session, qtbot, run,
                                                                     store):
    window = make_window(pin_session, qtbot)
    form = QDialog(window)  # stands in for a record dialog with half-typed text
    QVBoxLayout(form).addWidget(QLineEdit("窗口推诿，未一次告知", objectName="halfTyped"))
    form.open()

    lock_now(window, run)
    assert window.frame.currentWidget() is window.lock_screen
    assert not window.content.isVisible() and not window.nav.isVisible()
    assert not form.isVisible()
    assert "PIN of tester" in window.lock_screen.explanation.text()

    type_secret(window, "1111", run)
    assert window.locked and window.lock_screen.error.text() == "Wrong PIN."
    assert not form.isVisible()

    type_secret(window, PIN, run)
    assert not window.locked
    assert window.content.isVisible()
    assert form.isVisible()
    assert form.findChild(QLineEdit, "halfTyped").text() == "窗口推诿，未一次告知"
    assert audit_events(store)[-3:] == ["idle_lock", "pin_failed", "unlock"]


def test_profile_without_pin_unlocks_with_the_passphrase(session, qtbot, run, store):
    window = make_window(session, qtbot)
    lock_now(window, run)
    assert "passphrase" in window.lock_screen.explanation.text()

    type_secret(window, "not it", run)
    assert window.locked and window.lock_screen.error.text() == (
        "Wrong passphrase: the window stays locked.")
    assert audit_events(store)[-1] == "unlock_failed"

    type_secret(window, PASSPHRASE, run)
    assert not window.locked and window.content.isVisible()


def test_wrong_pins_slow_down_then_wait(pin_session, qtbot, run):
    window = make_window(pin_session, qtbot)
    lock_now(window, run)
    for _ in range(4):
        type_secret(window, "0000", run)
    type_secret(window, PIN, run)  # even the right PIN waits now
    assert window.locked
    assert "Too many wrong PINs: try again in " in window.lock_screen.error.text()


def test_typing_keeps_the_window_open_and_stopping_locks_it(session, qtbot, run):
    window = make_window(session, qtbot)

    async def go():
        window.idle.set_timeout_ms(1500)
        for _ in range(12):  # 2.4 s of typing, never 1.5 s apart
            QTest.keyClick(window.statusBar(), Qt.Key.Key_A)
            QTest.mouseMove(window.nav, QPoint(5, 5))
            await asyncio.sleep(0.2)
            assert not window.locked
        await until(lambda: window.locked, timeout=10)

    run(go())
    assert window.frame.currentWidget() is window.lock_screen


def test_supervisor_sets_the_minutes_in_settings(session, qtbot, run, store):
    from models.security.settings import idle_lock_minutes

    window = make_window(session, qtbot)

    async def go():
        box = window.show_page("settings").idle_box
        assert box.isEnabled() and box.value() == 10
        box.setValue(3)
        box.editingFinished.emit()
        await until(lambda: window.idle.timeout_ms == 3 * 60_000)

    run(go())
    assert idle_lock_minutes(store) == 3 and session.idle_lock_minutes == 3


def test_clerk_cannot_change_the_minutes(store, small, worker, qtbot):
    clerk = make_session(store, worker, role="clerk")
    from desktop.pages.settings import SettingsPage

    page = SettingsPage(clerk, "en")
    qtbot.addWidget(page)
    assert not page.idle_box.isEnabled()


def test_another_clerk_switches_user_from_the_menu_with_their_own_pin(pin_session, qtbot, run,
                                                                     store):
    from models.enums import ProfileRole
    from models.profiles import create_profile

    create_profile(store, "王芳", ProfileRole.CLERK, pin="1357")
    window = make_window(pin_session, qtbot)
    switched = []
    window.profile_switched.connect(switched.append)
    action = next(a for m in window.menuBar().actions() for a in m.menu().actions()
                  if a.text() == "&Switch user…")
    screen = window.lock_screen

    async def go():
        action.trigger()
        await until(lambda: screen.profile_box.isVisible() and screen.secret.isEnabled())

    run(go())
    assert not window.content.isVisible()  # nobody's records while the next person types
    assert screen.profile_box.currentData() == "王芳"
    type_secret(window, "2468", run)  # tester's PIN is not 王芳's
    assert screen.error.text() == "Wrong PIN." and not switched
    screen.secret.setText("1357")
    QTest.keyClick(screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(switched))
    assert switched[0]["name"] == "王芳" and switched[0]["role"] == ProfileRole.CLERK
    assert audit_events(store)[-1] == "profile_switched"
