"""Double-entry verification in the window: a mismatch re-keyed, then settled by a supervisor."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.desktop.conftest import make_session


def closed_batch(store, suggestion=""):
    from models import batches
    from models.reference import Campaign, Unit

    with store.write("clerk1") as w:
        campaign = w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
        unit = w.create(Unit, {"name": "第一小学", "kind": "school"})
        batch = batches.open_batch(w, {"campaign_id": campaign, "group": "parent",
                                       "unit_id": unit, "evaluated_on": date(2026, 5, 4),
                                       "cover_count": 2})
        batches.add_form(w, batch, {"form_no": "0001", "level": "satisfied",
                                    "suggestion": suggestion})
        batches.add_form(w, batch, {"form_no": "0002", "level": "satisfied"})
        batches.close_batch(w, batch)
    return batch


def test_mismatch_rekeyed_and_settled(qtbot, store, worker):
    from desktop.entry.verify import SettlePanel, VerifyPanel

    batch = closed_batch(store)
    panel = VerifyPanel(make_session(store, worker, role="clerk"))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.form.form_no.text() == "0001")
    assert "0001, 0002" in panel.todo.text()  # numbers only: the first keying stays unseen
    for level_key, next_no in ((Qt.Key.Key_1, "0002"), (Qt.Key.Key_3, "")):
        QTest.keyClick(panel.form.level, level_key)
        QTest.keyClick(panel.form.level, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=next_no: panel.form.form_no.text() == n)
    qtbot.mouseClick(panel.finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 differences" in panel.message.text())

    settle = SettlePanel(make_session(store, worker, role="supervisor"))
    qtbot.addWidget(settle)
    settle.show()
    qtbot.waitUntil(lambda: settle.table.rowCount() == 1)
    assert settle.table.item(0, 0).text() == "0002"
    assert settle.table.item(0, 3).text() == "Basically satisfied"
    settle.table.selectRow(0)
    qtbot.mouseClick(settle.findChild(type(panel.finish), "settle_second"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settle.message.text() == "Settled.")
    with store.read() as conn:
        levels = conn.exec_driver_sql(
            "SELECT level FROM evaluation ORDER BY form_no").scalars().all()
        verified = conn.exec_driver_sql(
            "SELECT verified_by FROM entry_batch WHERE id = ?", (batch,)).scalar()
    assert levels == ["satisfied", "basically_satisfied"]
    assert verified == "tester"


def test_a_suggestion_keyed_differently_is_a_difference(qtbot, store, worker):
    from desktop.entry.verify import SettlePanel, VerifyPanel
    from tests.desktop.test_entry import type_text

    closed_batch(store, suggestion="窗口太少")
    panel = VerifyPanel(make_session(store, worker, role="clerk"))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.form.form_no.text() == "0001")
    form = panel.form
    QTest.keyClick(form.level, Qt.Key.Key_1)
    QTest.keyClick(form.level, Qt.Key.Key_Tab)  # the criteria
    QTest.keyClick(form.criteria, Qt.Key.Key_Tab)  # the suggestion
    assert form.suggestion.hasFocus()
    type_text(form.suggestion, "窗口太多")
    QTest.keyClick(form.suggestion, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.form_no.text() == "0002")
    QTest.keyClick(form.level, Qt.Key.Key_1)
    QTest.keyClick(form.level, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.form_no.text() == "")
    qtbot.mouseClick(panel.finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1 differences" in panel.message.text())

    settle = SettlePanel(make_session(store, worker, role="supervisor"))
    qtbot.addWidget(settle)
    settle.show()
    qtbot.waitUntil(lambda: settle.table.rowCount() == 1)
    assert [settle.table.item(0, c).text() for c in range(4)] == [
        "0001", "Suggestion", "窗口太少", "窗口太多"]


def test_a_second_keying_typed_without_a_pause_keys_each_form_once(qtbot, store, worker):
    from PySide6.QtWidgets import QApplication

    from desktop.entry.verify import VerifyPanel
    from models import batches

    batch = closed_batch(store)
    panel = VerifyPanel(make_session(store, worker, role="clerk"))
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.form.form_no.text() == "0001"
                    and QApplication.focusWidget() is panel.form.level)
    for k in (Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_3, Qt.Key.Key_Return):
        QTest.keyClick(QApplication.focusWidget(), k)
    qtbot.waitUntil(lambda: panel.form.form_no.text() == "" and not panel.saving)
    with store.read() as conn:
        keyed = {k["form_no"]: k["level"] for k in batches.verification_keyings(conn, batch)}
    assert keyed == {"0001": "satisfied", "0002": "basically_satisfied"}
