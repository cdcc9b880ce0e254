"""The keyboard paths a clerk uses all day, driven by real key events (issue 12 §5)."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.desktop.conftest import make_session
from tests.desktop.test_entry import type_text
from tests.desktop.test_entry_verify import closed_batch
from tests.desktop.test_idle_lock import PIN, lock_now, make_window, pin_session, type_secret

__all__ = ["pin_session"]  # the fixture, shared with test_idle_lock.py


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
