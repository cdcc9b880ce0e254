"""A visit's checklist in the window (issue 16 §2): the representative works through it with the
keyboard (1/2/3 or P/F/N set the item and move on, Enter writes a note, Ctrl+S saves), offline,
and each failed item becomes a finding of the visit."""

import asyncio
from datetime import date

from PySide6.QtCore import Qt

from tests.desktop.conftest import make_session, until
from tests.desktop.test_entry import type_text
from tests.desktop.test_flows import select_row


def _visit(store) -> str:
    from models.records import Visit
    from models.reference import Unit

    with store.write("rep") as w:
        unit = w.create(Unit, {"name": "政务服务中心社保窗口", "kind": "service_window"})
        return w.create(Visit, {"kind": "secret", "status": "done", "unit_id": unit,
                                "visit_date": date(2026, 11, 20)})


def _open(qtbot, ready, run, store, worker, visit):
    from desktop.pages.visits import VisitsPage

    page = ready(VisitsPage(make_session(store, worker, device_role="representative")))
    qtbot.addWidget(page)
    page.show()
    select_row(page, visit, run)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    run(until(lambda: getattr(page, "checklist_dialog", None) is not None))
    return page, page.checklist_dialog


def test_the_representative_keys_the_checklist_and_two_failures_become_findings(
        qtbot, ready, run, store, worker):
    visit = _visit(store)
    page, dialog = _open(qtbot, ready, run, store, worker, visit)
    table = dialog.table
    assert table.rowCount() == 8 and table.item(0, 0).text() == "1. Staff at their posts"
    for key in (Qt.Key.Key_2, Qt.Key.Key_P, Qt.Key.Key_F, Qt.Key.Key_3):
        qtbot.keyClick(table, key)
    assert table.currentRow() == 4
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Up)  # back to the third item, failed
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert dialog.note.hasFocus()
    type_text(dialog.note, "缺办理时限")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert table.hasFocus() and table.item(2, 2).text() == "缺办理时限"
    run(asyncio.sleep(0.3))
    assert dialog.saving is None and dialog.status.text() == ""  # Enter kept the note only
    assert [table.item(r, 1).text() for r in range(5)] == [
        "Fail", "Pass", "Fail", "Not applicable", "—"]
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    run(until(lambda: dialog.status.text() != ""))
    assert dialog.status.text() == "Checklist saved: 2 findings made, 0 removed."
    with store.read() as conn:
        found = conn.exec_driver_sql(
            "SELECT category, description FROM finding WHERE visit_id = ? "
            "AND deleted_at IS NULL ORDER BY category", (visit,)).all()
    assert [tuple(r) for r in found] == [("absent_from_post", "在岗在位"),
                                         ("inaction", "公示栏信息完整：缺办理时限")]
    dialog.close()


def test_a_visit_without_a_unit_says_to_choose_one(qtbot, ready, run, store, worker,
                                                  monkeypatch):
    from desktop.pages import visits
    from models.records import Visit

    with store.write("rep") as w:
        visit = w.create(Visit, {"kind": "open", "status": "done"})
    shown = []
    monkeypatch.setattr("desktop.operations.show_error", lambda _p, exc: shown.append(exc.code))
    page = ready(visits.VisitsPage(make_session(store, worker, device_role="representative")))
    qtbot.addWidget(page)
    select_row(page, visit, run)
    page.checklist_button.click()
    run(until(lambda: shown))
    assert shown == ["checklist_visit_needs_unit"]
    assert getattr(page, "checklist_dialog", None) is None


def test_a_photo_of_a_failed_item_is_attached_to_its_result_on_save(qtbot, ready, run, store,
                                                                    worker, tmp_path):
    from models.checklists import result_id

    photo = tmp_path / "公示栏.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a JPEG by its first bytes")
    visit = _visit(store)
    page, dialog = _open(qtbot, ready, run, store, worker, visit)
    qtbot.keyClick(dialog.table, Qt.Key.Key_P)
    qtbot.keyClick(dialog.table, Qt.Key.Key_P)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F)
    dialog.table.setCurrentCell(2, 0)
    dialog.add_photos(2, [str(photo)])
    assert dialog.table.item(2, 3).text() == "1 to attach"
    dialog.save()
    run(until(lambda: dialog.status.text() != ""))
    assert dialog.table.item(2, 3).text() == ""
    with store.read() as conn:
        item = conn.exec_driver_sql(
            "SELECT checklist_item_id FROM finding WHERE visit_id = ?", (visit,)).scalar()
        owners = conn.exec_driver_sql(
            "SELECT owner_table, owner_id, original_name FROM attachment").all()
    assert [tuple(o) for o in owners] == [("checklist_result", result_id(visit, item),
                                           "公示栏.jpg")]
    dialog.close()
