"""A clerk typing ahead of the saves: every key reaches the form it was typed for, in order.

Keys are real key events sent to whichever widget has the focus, with no pause and no wait
between forms: all of them are typed before the first save comes back from the DB worker."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.desktop.test_entry import start_batch

SETTLED = 5000  # ms: the refusal shown and the burst of typing after it over


def press(*keys, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    for k in keys:
        QTest.keyClick(QApplication.focusWidget(), k, modifiers)


def type_chars(text: str) -> None:
    """Per character (keyClicks aborts on non-ASCII text), each to the focused widget."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, QApplication.focusWidget(), Qt.Key.Key_unknown,
                           ch, Qt.KeyboardModifier.NoModifier)


LEVEL_KEYS = {"satisfied": Qt.Key.Key_1, "fairly_satisfied": Qt.Key.Key_2,
              "basically_satisfied": Qt.Key.Key_3, "dissatisfied": Qt.Key.Key_4}


def type_form(i: int) -> tuple:
    """Form i as a clerk keys it; returns what must be stored (number, level, reason,
    discipline, source, suggestion)."""
    if i % 7 == 0:  # dissatisfied: the reason row comes next
        press(Qt.Key.Key_4, Qt.Key.Key_Tab)
        type_chars(f"办事拖拉{i}")
        press(Qt.Key.Key_Return)
        return ("dissatisfied", f"办事拖拉{i}", None, "")
    if i % 5 == 0:  # criteria, then a suggestion
        press(Qt.Key.Key_2, Qt.Key.Key_Tab, Qt.Key.Key_1, Qt.Key.Key_0, Qt.Key.Key_3,
              Qt.Key.Key_Tab)
        type_chars("窗口太少")
        press(Qt.Key.Key_Return)
        return ("fairly_satisfied", "", "satisfied", "窗口太少")
    level = ("satisfied", "fairly_satisfied", "basically_satisfied")[i % 3]
    press(LEVEL_KEYS[level], Qt.Key.Key_Return)
    return (level, "", None, "")


def stored(store):
    with store.read() as conn:
        return conn.exec_driver_sql(
            "SELECT e.form_no, e.level, e.reason, e.discipline, e.suggestion FROM evaluation e "
            "JOIN batch_keying k ON k.evaluation_id = e.id ORDER BY k.created_at, k.id"
        ).fetchall()


def held(screen) -> int:
    return len(screen.type_ahead.keys)


def test_fifty_forms_typed_without_a_pause_are_all_saved_in_order(qtbot, page, store):
    screen = start_batch(qtbot, page, cover=50)
    screen.form.form_no.setText("0001")
    expected = [(f"{i:04d}", *type_form(i)) for i in range(1, 51)]
    # and the batch closed at once: the count, then Enter on it
    press(Qt.Key.Key_E, modifiers=Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.keying.stack.currentWidget() is page.keying.header,
                    timeout=30000)
    assert [tuple(r) for r in stored(store)] == expected
    assert "50 forms keyed against a cover count of 50" in page.keying.header.message.text()
    assert held(screen) == 0


def test_a_refused_form_holds_the_keys_typed_after_it_until_it_is_fixed(qtbot, page, store):
    screen = start_batch(qtbot, page, cover=10)
    screen.form.form_no.setText("0001")
    press(Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_2, Qt.Key.Key_Return,
          Qt.Key.Key_3, Qt.Key.Key_Return)
    press(Qt.Key.Key_4, Qt.Key.Key_Return)  # dissatisfied, the reason forgotten
    for _ in range(6):
        press(Qt.Key.Key_2, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "reason" in screen.form.message.text(), timeout=10000)
    # told at once, on the refused form itself; the forms after it wait, none went into it
    assert [r[0] for r in stored(store)] == ["0001", "0002", "0003"]
    assert screen.form.form_no.text() == "0004"
    assert screen.form.level.level() == "dissatisfied" and screen.form.reason.text() == ""
    assert held(screen) == 12
    qtbot.waitUntil(lambda: not screen.type_ahead.holding, timeout=SETTLED)
    assert screen.held.text().startswith("Keys held after this form: 12.")
    assert screen.form.reason.hasFocus()
    type_chars("态度差")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(screen.forms) == 10 and not held(screen), timeout=10000)
    assert [tuple(r) for r in stored(store)] == [
        ("0001", "satisfied", "", None, ""), ("0002", "fairly_satisfied", "", None, ""),
        ("0003", "basically_satisfied", "", None, ""), ("0004", "dissatisfied", "态度差", None, ""),
        *((f"{i:04d}", "fairly_satisfied", "", None, "") for i in range(5, 11))]
    assert screen.held.text() == ""


def test_keys_typed_right_after_a_refusal_never_go_into_the_refused_form(qtbot, page, store):
    screen = start_batch(qtbot, page)
    screen.form.form_no.setText("0001")
    press(Qt.Key.Key_4, Qt.Key.Key_Return)  # refused at once: no reason
    press(Qt.Key.Key_1, Qt.Key.Key_Return)  # the next form, typed before the clerk looked up
    assert "reason" in screen.form.message.text()
    assert screen.form.reason.text() == "" and held(screen) == 2
    qtbot.waitUntil(lambda: not screen.type_ahead.holding, timeout=SETTLED)
    type_chars("态度差")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(screen.forms) == 2, timeout=10000)
    assert [tuple(r) for r in stored(store)] == [
        ("0001", "dissatisfied", "态度差", None, ""), ("0002", "satisfied", "", None, "")]


def test_keys_held_after_a_refused_form_can_be_discarded(qtbot, page, store, entry_ref):
    from models import services
    from models.records import Evaluation

    with store.write("王芳") as w:
        services.create_record(w, Evaluation, {
            "campaign_id": entry_ref["campaign"], "group": "citizen", "unit_id": entry_ref["unit"],
            "level": "satisfied", "form_no": "0003", "evaluated_on": date(2026, 5, 1)})
    screen = start_batch(qtbot, page)
    screen.form.form_no.setText("0001")
    for _ in range(6):
        press(Qt.Key.Key_1, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "王芳" in screen.form.message.text(), timeout=10000)
    assert len(screen.forms) == 2 and held(screen) == 6
    qtbot.waitUntil(lambda: not screen.type_ahead.holding, timeout=SETTLED)
    press(Qt.Key.Key_F2)  # another form is not opened over the held keys
    assert screen.correcting is None and screen.form.form_no.text() == "0003"
    assert "Esc" in screen.form.message.text()
    press(Qt.Key.Key_Escape)
    assert held(screen) == 0 and screen.held.text() == ""
    assert screen.form.message.text() == "Discarded the keys typed after this form (6)."
    screen.form.form_no.setFocus()
    screen.form.form_no.selectAll()
    type_chars("0103")
    press(Qt.Key.Key_Return, Qt.Key.Key_Return)  # to the level (still 1), then save
    qtbot.waitUntil(lambda: len(screen.forms) == 3, timeout=10000)
    assert [r[0] for r in stored(store)] == ["0001", "0002", "0103"]
    assert screen.form.form_no.text() == "0104"


def test_a_correction_typed_ahead_goes_to_the_form_it_names(qtbot, page, store):
    screen = start_batch(qtbot, page)
    screen.form.form_no.setText("0001")
    press(Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_F2, Qt.Key.Key_3, Qt.Key.Key_Return,
          Qt.Key.Key_2, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(screen.forms) == 2 and not screen.pending, timeout=10000)
    assert [tuple(r) for r in stored(store)] == [
        ("0001", "basically_satisfied", "", None, ""), ("0002", "fairly_satisfied", "", None, "")]
    assert screen.table.item(0, 1).text() == "Basically satisfied"


def test_enter_in_a_text_field_saves_one_form_and_nothing_more(qtbot, page, store):
    """Enter in the reason or suggestion field goes on to the parent widgets once the form is
    saved; that is the same key, not one more typed ahead for the next form."""
    screen = start_batch(qtbot, page)
    screen.form.form_no.setText("0001")
    press(Qt.Key.Key_4, Qt.Key.Key_Tab)
    type_chars("态度差")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(screen.forms) == 1 and not screen.pending, timeout=10000)
    assert held(screen) == 0 and not screen.form.message.property("error")
    press(Qt.Key.Key_1, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(screen.forms) == 2 and not screen.pending, timeout=10000)
    assert [r[0] for r in stored(store)] == ["0001", "0002"]
