"""The clerk's entry screen, driven by real key events only."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def type_text(widget, text: str) -> None:
    """Per character: keyClicks aborts on non-ASCII text."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def key(widget, k) -> None:
    QTest.keyClick(widget, k)


def start_batch(qtbot, page, cover=5):
    header = page.keying.header
    header.unit.setFocus()
    type_text(header.unit.lineEdit(), "社保")
    header.cover.setValue(cover)
    with qtbot.waitSignal(page.keying.controller.forms_loaded):
        key(header.start, Qt.Key.Key_Space)
    return page.keying.screen


def save_with(qtbot, screen, widget, k=Qt.Key.Key_Return):
    with qtbot.waitSignals([screen.controller.form_saved], timeout=5000):
        key(widget, k)


def read_the_refusal(qtbot, screen):
    """Keys typed in the same burst as a refused Enter are held (test_entry_type_ahead.py):
    the fix is typed once the clerk has paused to read the message."""
    qtbot.waitUntil(lambda: not screen.type_ahead.holding, timeout=5000)


def forms(store):
    with store.read() as conn:
        return conn.exec_driver_sql(
            "SELECT form_no, level, reason, discipline, source FROM evaluation "
            "ORDER BY form_no").fetchall()


def test_a_batch_of_forms_typed_with_the_keyboard(qtbot, page, store):
    screen = start_batch(qtbot, page)
    form = screen.form
    assert form.level.hasFocus()
    form.form_no.setText("0001")  # the first number of a batch is typed once
    key(form.level, Qt.Key.Key_1)
    save_with(qtbot, screen, form.level)
    # the next number is proposed: the common form is two keys
    assert form.form_no.text() == "0002" and form.level.level() is None
    key(form.level, Qt.Key.Key_2)
    key(form.level, Qt.Key.Key_Tab)  # to the criteria (no reason row unless dissatisfied)
    assert form.criteria.hasFocus()
    for k in (Qt.Key.Key_1, Qt.Key.Key_0, Qt.Key.Key_3):
        key(form.criteria, k)
    save_with(qtbot, screen, form.criteria)
    key(form.level, Qt.Key.Key_4)
    key(form.level, Qt.Key.Key_Tab)
    assert form.reason.hasFocus()
    type_text(form.reason, "办事拖拉")
    save_with(qtbot, screen, form.reason)
    assert forms(store) == [
        ("0001", "satisfied", "", None, "paper"),
        ("0002", "fairly_satisfied", "", "satisfied", "paper"),
        ("0003", "dissatisfied", "办事拖拉", None, "paper"),
    ]
    assert screen.count.text() == "3 of 5 forms"
    assert screen.table.rowCount() == 3


def test_duplicate_number_is_refused_saying_when_and_by_whom(qtbot, page, store, entry_ref):
    from models import services
    from models.records import Evaluation

    with store.write("王芳") as w:
        services.create_record(w, Evaluation, {
            "campaign_id": entry_ref["campaign"], "group": "citizen", "unit_id": entry_ref["unit"],
            "level": "satisfied", "form_no": "0007", "evaluated_on": date(2026, 5, 1)})
    screen = start_batch(qtbot, page)
    screen.form.form_no.setText("0007")
    key(screen.form.level, Qt.Key.Key_1)
    with qtbot.waitSignal(screen.controller.save_failed):
        key(screen.form.level, Qt.Key.Key_Return)
    message = screen.form.message.text()
    assert "0007" in message and "王芳" in message and "already entered on 20" in message
    # the form stays on screen to fix, focus on the number
    assert screen.form.form_no.hasFocus() and screen.form.level.level() == "satisfied"
    read_the_refusal(qtbot, screen)
    type_text(screen.form.form_no, "0008")
    key(screen.form.form_no, Qt.Key.Key_Return)  # back to the level
    save_with(qtbot, screen, screen.form.level)
    assert [r[0] for r in forms(store)] == ["0007", "0008"]


def test_dissatisfied_without_reason_is_refused(qtbot, page, store):
    screen = start_batch(qtbot, page)
    screen.form.form_no.setText("0001")
    key(screen.form.level, Qt.Key.Key_4)
    key(screen.form.level, Qt.Key.Key_Return)
    assert "reason" in screen.form.message.text()
    assert screen.form.reason.hasFocus() and screen.form.reason.isVisible()
    assert forms(store) == []
    read_the_refusal(qtbot, screen)
    type_text(screen.form.reason, "态度差")
    save_with(qtbot, screen, screen.form.reason)
    assert forms(store)[0][2] == "态度差"


def test_closing_reconciles_the_count(qtbot, page, store):
    screen = start_batch(qtbot, page, cover=3)
    screen.form.form_no.setText("0001")
    for _ in range(2):
        key(screen.form.level, Qt.Key.Key_1)
        save_with(qtbot, screen, screen.form.level)
    with qtbot.waitSignal(screen.controller.reconciled):
        QTest.keyClick(screen.form.level, Qt.Key.Key_E,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "3 forms; 2 were keyed: 1 missing" in screen.close_text.text()
    with qtbot.waitSignal(screen.controller.batch_closed):
        key(screen.confirm_close, Qt.Key.Key_Return)
    assert page.keying.stack.currentWidget() is page.keying.header
    assert "2 forms keyed against a cover count of 3" in page.keying.header.message.text()
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT closed_at IS NOT NULL FROM entry_batch").scalar()


def test_correct_the_last_form_without_leaving_the_screen(qtbot, page, store):
    screen = start_batch(qtbot, page)
    screen.form.form_no.setText("0001")
    key(screen.form.level, Qt.Key.Key_1)
    save_with(qtbot, screen, screen.form.level)
    key(screen.form.level, Qt.Key.Key_F2)
    assert screen.form.form_no.text() == "0001" and screen.correcting
    key(screen.form.level, Qt.Key.Key_3)
    with qtbot.waitSignal(screen.controller.form_corrected):
        key(screen.form.level, Qt.Key.Key_Return)
    assert forms(store) == [("0001", "basically_satisfied", "", None, "paper")]
    qtbot.waitUntil(lambda: screen.form.form_no.text() == "0002")


def test_a_used_number_is_said_when_the_number_field_is_left(qtbot, page, store, entry_ref):
    from models import services
    from models.records import Evaluation

    with store.write("王芳") as w:
        services.create_record(w, Evaluation, {
            "campaign_id": entry_ref["campaign"], "group": "citizen", "unit_id": entry_ref["unit"],
            "level": "satisfied", "form_no": "0007", "evaluated_on": date(2026, 5, 1)})
    screen = start_batch(qtbot, page)
    form = screen.form
    form.form_no.setFocus()
    form.form_no.selectAll()
    type_text(form.form_no, "0007")
    with qtbot.waitSignal(screen.controller.number_checked):
        key(form.form_no, Qt.Key.Key_Return)  # leaves the number for the level
    assert "0007" in form.message.text() and "王芳" in form.message.text()
    assert form.level.hasFocus()  # the keys that follow still reach the level
    key(form.level, Qt.Key.Key_1)
    assert "王芳" in form.message.text() and form.level.level() == "satisfied"
    form.form_no.setFocus()
    form.form_no.selectAll()
    type_text(form.form_no, "0008")
    assert form.message.text() == ""
    with qtbot.waitSignal(screen.controller.number_checked):
        key(form.form_no, Qt.Key.Key_Return)
    assert form.message.text() == ""
    save_with(qtbot, screen, form.level)
    assert [r[0] for r in forms(store)] == ["0007", "0008"]
