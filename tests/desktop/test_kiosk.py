"""The satisfaction kiosk: keys 1–4, reasons, the self-resetting thank-you, the exit PIN."""

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.desktop.conftest import PASSPHRASE, make_session


@pytest.fixture
def kiosk_store(store):
    from models.enums import ProfileRole
    from models.profiles import create_profile
    from models.reference import Campaign, Unit

    with store.write("admin") as w:
        w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
        w.create(Unit, {"name": "不动产登记窗口", "kind": "service_window"})
    create_profile(store, "负责人", ProfileRole.SUPERVISOR, pin="2468")
    return store


@pytest.fixture
def kiosk(qtbot, kiosk_store, worker):
    from desktop.cli.kiosk_commands import kiosk_target
    from desktop.kiosk.window import KioskWindow

    session = make_session(kiosk_store, worker, role="kiosk", device_role="kiosk")
    window = KioskWindow(session, kiosk_target(kiosk_store, "不动产登记窗口", None))
    qtbot.addWidget(window)
    window.show()
    window.setFocus()
    yield window
    window.allow_close()


def ratings(store):
    with store.read() as conn:
        return conn.exec_driver_sql(
            "SELECT level, reason, source, form_no, \"group\" FROM evaluation ORDER BY created_at"
        ).fetchall()


def test_keys_record_ratings_and_the_thanks_resets_itself(qtbot, kiosk, kiosk_store):
    with qtbot.waitSignal(kiosk.rating_saved):
        QTest.keyClick(kiosk, Qt.Key.Key_1)
    assert kiosk.stack.currentWidget() is kiosk.thanks
    qtbot.waitUntil(lambda: kiosk.stack.currentWidget() is kiosk.choose, timeout=5000)
    QTest.keyClick(kiosk, Qt.Key.Key_4)
    assert kiosk.stack.currentWidget() is kiosk.reasons
    with qtbot.waitSignal(kiosk.rating_saved):
        QTest.keyClick(kiosk, Qt.Key.Key_1)  # the first common reason
    kiosk.reset()
    qtbot.mouseClick(kiosk.level_buttons[3], Qt.MouseButton.LeftButton)
    for ch in "窗口没人":
        QTest.sendKeyEvent(QTest.KeyAction.Click, kiosk.reason_text, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(kiosk.rating_saved):
        QTest.keyClick(kiosk.reason_text, Qt.Key.Key_Return)
    assert ratings(kiosk_store) == [
        ("satisfied", "", "kiosk", None, "citizen"),
        ("dissatisfied", "waited_too_long", "kiosk", None, "citizen"),  # its code
        ("dissatisfied", "窗口没人", "kiosk", None, "citizen"),
    ]


def test_leaving_needs_the_supervisor_pin(qtbot, kiosk):
    kiosk.close()
    assert kiosk.isVisible() and kiosk.stack.currentWidget() is kiosk.pin_page
    QTest.keyClicks(kiosk.pin, "1111")
    QTest.keyClick(kiosk.pin, Qt.Key.Key_Return)
    assert "Wrong PIN" in kiosk.pin_message.text()
    with qtbot.waitSignal(kiosk.exit_requested):
        QTest.keyClicks(kiosk.pin, "2468")
        QTest.keyClick(kiosk.pin, Qt.Key.Key_Return)


def test_a_clerks_pin_does_not_leave_and_wrong_pins_make_it_wait(qtbot, kiosk, kiosk_store):
    from models.enums import ProfileRole
    from models.profiles import create_profile

    create_profile(kiosk_store, "录入员", ProfileRole.CLERK, pin="1357")
    kiosk.close()
    with qtbot.assertNotEmitted(kiosk.exit_requested):
        for pin in ("1357", "0000", "0001", "0002"):  # a clerk's PIN counts as a wrong one
            QTest.keyClicks(kiosk.pin, pin)
            QTest.keyClick(kiosk.pin, Qt.Key.Key_Return)
        assert "Wrong PIN" in kiosk.pin_message.text()
        QTest.keyClicks(kiosk.pin, "2468")  # the right PIN, but it has to wait now
        QTest.keyClick(kiosk.pin, Qt.Key.Key_Return)
        assert "try again in" in kiosk.pin_message.text()
    assert kiosk.isVisible()


def test_kiosk_command_without_an_open_campaign_exits_1(store, data_dir):
    store.close()
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": PASSPHRASE}
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir),
                           "kiosk", "--unit", "不动产登记窗口"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert "No campaign is open" in done.stderr


@pytest.fixture
def chinese(qapp, tmp_path):
    """The window's Chinese catalogue installed, as when the language is 简体中文."""
    from PySide6.QtCore import QTranslator

    from desktop.i18n import compile_ts, ts_file

    qm = tmp_path / "zh.qm"
    assert compile_ts(ts_file(), qm)
    translator = QTranslator()
    assert translator.load(str(qm))

    class Switch:
        def on(self):
            qapp.installTranslator(translator)

        def off(self):
            qapp.removeTranslator(translator)

    switch = Switch()
    yield switch
    switch.off()


def test_a_kiosk_reason_is_stored_as_a_code_and_read_in_each_language(qtbot, kiosk_store,
                                                                      worker, chinese):
    """A Chinese kiosk stores the reason's code; HQ reads it in English or Chinese, and the
    rows old kiosks stored as text in either language read (and count) the same way."""
    from desktop.cli.kiosk_commands import kiosk_target
    from desktop.data.lists import spec
    from desktop.kiosk.window import KioskWindow
    from desktop.widgets.record_model import format_value
    from models.batches import record_kiosk_rating
    from reports.feedback import _reasons

    chinese.on()
    session = make_session(kiosk_store, worker, role="kiosk", device_role="kiosk")
    target = kiosk_target(kiosk_store, "不动产登记窗口", None)
    kiosk = KioskWindow(session, target)
    qtbot.addWidget(kiosk)
    kiosk.show()
    assert kiosk.reason_buttons[1].text() == "2  态度不好"
    QTest.keyClick(kiosk, Qt.Key.Key_4)
    with qtbot.waitSignal(kiosk.rating_saved):
        QTest.keyClick(kiosk, Qt.Key.Key_2)
    kiosk.allow_close()
    with kiosk_store.write("old kiosks") as w:  # what kiosks stored before the codes
        for text in ("Unfriendly attitude", "等候时间太长", "窗口没人"):
            record_kiosk_rating(w, campaign_id=target["campaign_id"], unit_id=target["unit_id"],
                                group="citizen", level="dissatisfied", reason=text)
    stored = [r[1] for r in ratings(kiosk_store)]
    assert stored[0] == "unfriendly_attitude"
    kind = spec("evaluations").column("reason").kind
    assert [format_value(kind, r) for r in stored] == ["态度不好", "态度不好", "等候时间太长",
                                                       "窗口没人"]
    chinese.off()
    assert [format_value(kind, r) for r in stored] == [
        "Unfriendly attitude", "Unfriendly attitude", "Waited too long", "窗口没人"]
    with kiosk_store.read() as conn:
        counted = _reasons(conn, target["campaign_id"])[target["unit_id"]]
    assert counted == {"态度不好": 2, "等候时间太长": 1, "窗口没人": 1}  # the report is Chinese


def test_a_kiosk_reason_edited_on_the_form_reads_as_its_label_and_keeps_its_code(qapp):
    from desktop.widgets.fields import FieldSpec, make_editor

    editor = make_editor(FieldSpec("reason", "Reason", "reason"), None)
    editor.set("unfriendly_attitude")
    assert editor.widget.toPlainText() == "Unfriendly attitude"
    assert editor.get() == "unfriendly_attitude"  # saved untouched: still the code
    editor.widget.setPlainText("Unfriendly attitude at window 2")
    assert editor.get() == "Unfriendly attitude at window 2"  # rewritten: as typed
    editor.set("窗口没人")
    assert editor.widget.toPlainText() == "窗口没人" and editor.get() == "窗口没人"


def test_a_kiosk_reason_in_a_sync_issue_reads_as_its_label(qapp):
    """Two forms compared on the Sync issues page: the reason as a person reads it."""
    from desktop.pages.sync_issues import show_value

    assert show_value("reason", "staff_absent", None) == "Staff absent from the window"
    assert show_value("reason", "窗口没人", None) == "窗口没人"


def test_searching_the_evaluations_list_for_a_reasons_words_finds_kiosk_forms(kiosk_store):
    import sqlalchemy as sa

    from desktop.cli.kiosk_commands import kiosk_target
    from desktop.data.lists import spec, where_clauses
    from models.batches import record_kiosk_rating

    target = kiosk_target(kiosk_store, "不动产登记窗口", None)
    with kiosk_store.write("kiosk") as w:
        for reason in ("unfriendly_attitude", "waited_too_long", "态度很差"):
            record_kiosk_rating(w, campaign_id=target["campaign_id"], unit_id=target["unit_id"],
                                group="citizen", level="dissatisfied", reason=reason)
    evaluations = spec("evaluations")
    t = evaluations.table

    def found(text):
        with kiosk_store.read() as conn:
            return sorted(conn.execute(sa.select(t.c.reason).where(
                *where_clauses(evaluations, {"search": text}))).scalars())

    assert found("态度") == ["unfriendly_attitude", "态度很差"]
    assert found("too long") == ["waited_too_long"]  # ("attitude" alone reads as a form number)
