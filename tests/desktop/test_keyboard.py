"""The keyboard paths a clerk uses all day, driven by real key events (issue 12 §5)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.desktop.conftest import make_session, until
from tests.desktop.test_entry import type_text
from tests.desktop.test_entry_verify import closed_batch
from tests.desktop.test_idle_lock import PIN, lock_now, make_window, pin_session, type_secret

__all__ = ["pin_session"]  # the fixture, shared with test_idle_lock.py


@pytest.fixture
def keep_running(qapp):
    """Enter or Ctrl+S closes the only window for a moment: the loop runs on, as app.py has it."""
    before = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(before)


def test_after_a_wrong_pin_the_focus_stays_in_the_pin_field(pin_session, qtbot, run):
    window = make_window(pin_session, qtbot)
    window.activateWindow()
    lock_now(window, run)
    type_secret(window, "1111", run)
    assert window.lock_screen.error.text() == "Wrong PIN."
    assert QApplication.focusWidget() is window.lock_screen.secret
    # so the next try is typed straight away, without reaching for the mouse
    type_text(window.lock_screen.secret, PIN)
    QTest.keyClick(window.lock_screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)


def test_one_tab_leaves_the_date_field(qtbot, store, worker, entry_ref):
    from desktop.entry.batch_header import BatchHeaderWidget

    header = BatchHeaderWidget(make_session(store, worker, role="clerk").reference)
    qtbot.addWidget(header)
    header.show()
    header.activateWindow()
    header.date.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is header.date)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is header.cover


def test_one_tab_leaves_a_record_dialogs_date_field(qtbot):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from desktop.widgets.fields import FieldSpec, make_editor
    holder = QWidget()
    qtbot.addWidget(holder)
    editor = make_editor(FieldSpec("deadline", "Deadline", "date", required=True), None)
    after = QLineEdit(objectName="after")
    layout = QVBoxLayout(holder)
    layout.addWidget(editor.widget)
    layout.addWidget(after)
    holder.show()
    holder.activateWindow()
    editor.widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.widget)
    QTest.keyClick(editor.widget, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after


def test_enter_in_the_cover_count_starts_the_batch(qtbot, page):
    header = page.keying.header
    header.unit.setFocus()
    type_text(header.unit.lineEdit(), "社保")
    header.cover.setFocus()
    header.cover.selectAll()
    type_text(header.cover, "7")
    with qtbot.waitSignal(page.keying.controller.forms_loaded, timeout=5000):
        QTest.keyClick(header.cover, Qt.Key.Key_Return)
    assert page.keying.screen.isVisible()


def test_finish_the_second_keying_has_a_key(qtbot, store, worker):
    from desktop.entry.verify import VerifyPanel

    closed_batch(store)
    panel = VerifyPanel(make_session(store, worker, role="clerk"))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.form.form_no.text() == "0001")
    for level_key, next_no in ((Qt.Key.Key_1, "0002"), (Qt.Key.Key_3, "")):
        QTest.keyClick(panel.form.level, level_key)
        QTest.keyClick(panel.form.level, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=next_no: panel.form.form_no.text() == n)
    assert "Ctrl+Shift+E" in panel.finish.text()
    QTest.keyClick(panel.form.level, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "1 differences" in panel.message.text())


def test_after_a_wrong_pin_at_start_the_focus_is_back_in_the_pin_field(run, worker, store,
                                                                       keep_running):
    import asyncio

    from desktop.open_store import pick_profile
    from models.enums import ProfileRole
    from models.profiles import create_profile
    from tests.desktop.test_startup import a_dialog

    create_profile(store, "王芳", ProfileRole.CLERK, "2468")
    create_profile(store, "李强", ProfileRole.SUPERVISOR, "1357")

    async def go():
        task = asyncio.ensure_future(pick_profile(worker, store, "王芳"))
        dialog = await a_dialog("profileDialog")
        assert QApplication.focusWidget() is dialog.pin  # the profile is preselected
        type_text(dialog.pin, "0000")
        QTest.keyClick(dialog.pin, Qt.Key.Key_Return)
        await until(lambda: dialog.isVisible() and dialog.error.isVisible())
        assert QApplication.focusWidget() is dialog.pin
        type_text(QApplication.focusWidget(), "2468")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        return await task

    assert run(go())["name"] == "王芳"


def _top_level(name: str):
    return next((w for w in QApplication.topLevelWidgets()
                 if w.objectName() == name and w.isVisible()), None)


def test_ctrl_n_opens_a_new_record_and_ctrl_f_goes_to_the_search(session, qtbot, run):
    window = make_window(session, qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.show_page("criticisms")
    QTest.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget().objectName() == "filter_search"
    assert QApplication.focusWidget().window() is window and page.isVisible()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _top_level("recordForm") is not None)
    _top_level("recordForm").reject()


def test_ctrl_s_saves_the_open_record(qtbot, run, keep_running):
    from desktop.widgets.fields import FieldSpec
    from desktop.widgets.record_form import RecordFormDialog

    saved = []

    async def on_save(values):
        saved.append(values)

    dialog = RecordFormDialog(None, "Team", [FieldSpec("name", "Name", required=True)], None,
                              on_save)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    name = dialog.editors["name"].widget
    name.setFocus()
    type_text(name, "第3组")

    async def go():
        QTest.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: saved)

    run(go())
    assert saved == [{"name": "第3组"}]


def test_f1_shows_the_version(session, qtbot, run):
    from desktop.about import app_version

    window = make_window(session, qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.nav, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: _top_level("aboutBox") is not None)
    box = _top_level("aboutBox")
    assert app_version() in box.text() and app_version() != "unknown"
    assert "Ctrl+N" in box.informativeText()
    box.close()


def test_on_the_ledger_ctrl_f_goes_to_the_search_of_the_list_in_use(session, qtbot, run):
    """Opinions and problems share the page: the key goes to the list holding the focus."""
    window = make_window(session, qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.show_page("ledger")
    problems = page.problems
    problems.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is problems.view)
    QTest.keyClick(problems.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    focused = QApplication.focusWidget()
    assert focused.objectName() == "filter_search" and problems.isAncestorOf(focused)
