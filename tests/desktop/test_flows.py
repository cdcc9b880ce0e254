"""Create, edit and delete through the pages, with the domain's validation shown inline."""

from datetime import date

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.desktop.conftest import until


def count(store, sql):
    with store.read() as conn:
        return conn.execute(sa.text(sql)).scalar()


def select_row(page, row_id, run):
    async def go():
        model = page.table_model

        def found():
            if model.loading:
                return None
            ids = [model.record_id(r) for r in range(model.rowCount())]
            return ids.index(row_id) if row_id in ids else None

        await until(lambda: found() is not None)
        page.view.selectRow(found())

    run(go())


def type_chinese(widget, text):
    """keyClicks aborts on non-ASCII text: send each character as its own key event."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def evaluations(qtbot, session, ready):
    from desktop.pages.evaluations import EvaluationsPage

    page = EvaluationsPage(session)
    qtbot.addWidget(page)
    return ready(page)


def test_new_form_is_saved_and_listed(evaluations, run, store, small):
    page = evaluations

    async def go():
        await page.create_new()
        dialog = page.current_dialog
        e = dialog.editors
        e["unit_id"].set(small["units"]["县社保中心"])
        e["level"].set("satisfied")
        e["group"].set("parent")
        e["form_no"].set("B001")
        await dialog.save()
        await until(lambda: page.table_model.rowCount() == 4)

    run(go())
    assert count(store, "SELECT count(*) FROM evaluation WHERE form_no='B001'") == 1


def test_dissatisfied_without_reason_is_refused_inline(evaluations, run, store, small):
    page = evaluations

    async def go():
        await page.create_new()
        dialog = page.current_dialog
        dialog.editors["unit_id"].set(small["units"]["卫生院"])
        dialog.editors["level"].set("dissatisfied")
        dialog.editors["group"].set("patient")
        await dialog.save()
        return dialog

    dialog = run(go())
    assert dialog.isVisible()
    assert not dialog._errors["reason"].isHidden()
    assert count(store, "SELECT count(*) FROM evaluation") == 3


def test_duplicate_form_number_is_refused(evaluations, run, store, small):
    page = evaluations

    async def go():
        await page.create_new()
        dialog = page.current_dialog
        dialog.editors["unit_id"].set(small["units"]["卫生院"])
        dialog.editors["level"].set("satisfied")
        dialog.editors["group"].set("patient")
        dialog.editors["form_no"].set("A001")
        await dialog.save()
        return dialog

    dialog = run(go())
    assert "A001" in dialog._errors["form_no"].text()
    assert "clerk" in dialog._errors["form_no"].text()


def test_edit_and_delete(evaluations, run, store, monkeypatch):
    page = evaluations
    with store.read() as conn:
        row_id = conn.execute(sa.text("SELECT id FROM evaluation WHERE form_no='A002'")).scalar()
    select_row(page, row_id, run)

    async def edit():
        await page.edit_selected()
        dialog = page.current_dialog
        dialog.editors["level"].set("basically_satisfied")
        await dialog.save()

    run(edit())
    assert count(store, f"SELECT level FROM evaluation WHERE id='{row_id}'") == \
        "basically_satisfied"

    async def yes(*_a):
        return True

    monkeypatch.setattr("desktop.pages.record_page.confirm", yes)
    select_row(page, row_id, run)
    run(page.delete_selected())
    run(until(lambda: page.table_model.rowCount() == 2))
    assert count(store, f"SELECT deleted_at IS NOT NULL FROM evaluation WHERE id='{row_id}'")


def test_problem_status_follows_the_workflow(qtbot, session, ready, run, store, small,
                                            monkeypatch):
    from desktop.pages.ledger import LedgerPage

    shown = []
    monkeypatch.setattr("desktop.operations.show_error", lambda _p, exc: shown.append(exc))
    session.profile_role = "clerk"
    page = ready(LedgerPage(session))
    qtbot.addWidget(page)
    problems = page.problems
    select_row(problems, small["overdue_problem"], run)
    problems.status_box.setCurrentIndex(problems.status_box.findData("rectified"))
    run(problems.change_status())
    assert count(store, f"SELECT status FROM problem WHERE id='{small['overdue_problem']}'") \
        == "rectified"

    async def reason(*_a):
        return "整改不到位"

    monkeypatch.setattr("desktop.pages.problems.ask_text", reason)
    select_row(problems, small["overdue_problem"], run)
    problems.status_box.setCurrentIndex(problems.status_box.findData("open"))
    run(problems.change_status())
    assert shown, "a clerk may not reopen a problem"
    assert count(store, f"SELECT status FROM problem WHERE id='{small['overdue_problem']}'") \
        == "rectified"


def test_criticism_typed_in_chinese_shows_earlier_cases(qtbot, session, ready, run, store,
                                                       small):
    from desktop.pages.criticisms import CriticismsPage

    page = ready(CriticismsPage(session))
    qtbot.addWidget(page)

    def new_case():
        async def go():
            await page.create_new()
            dialog = page.current_dialog
            name = dialog.editors["person_name"].widget
            name.setFocus()
            type_chinese(name, "张三")
            dialog.editors["unit_id"].set(small["units"]["卫生院"])
            dialog.editors["behaviour"].set("推诿扯皮")
            name.editingFinished.emit()
            await until(lambda: "张三" in page.history_label.text())
            text = page.history_label.text()
            await dialog.save()
            return text

        return run(go())

    first = new_case()
    assert "No earlier cases" in first
    second = new_case()
    assert "Earlier cases" in second and str(date.today()) in second
    assert count(store, "SELECT count(*) FROM personnel_criticism WHERE person_name='张三'") == 2


def test_pages_follow_the_device_role(qtbot, aloop, store, small, worker):
    from desktop.main_window import MainWindow
    from tests.desktop.conftest import make_session

    office = MainWindow(make_session(store, worker, role="clerk", device_role="office"), "en")
    qtbot.addWidget(office)
    assert "visits" not in office.page_ids and "criticisms" not in office.page_ids
    assert "hq" not in office.page_ids and "ledger" in office.page_ids
    rep = MainWindow(make_session(store, worker, role="representative",
                                  device_role="representative"), "en")
    qtbot.addWidget(rep)
    assert "visits" in rep.page_ids and "evaluations" not in rep.page_ids


def test_a_record_dialogs_title_names_the_record(evaluations, run, store):
    page = evaluations
    with store.read() as conn:
        row_id = conn.execute(sa.text("SELECT id FROM evaluation WHERE form_no='A002'")).scalar()

    async def titles():
        await page.create_new()
        new = page.current_dialog.windowTitle()
        page.current_dialog.reject()
        return new

    assert run(titles()) == "New evaluation form"
    select_row(page, row_id, run)

    async def edit():
        await page.edit_selected()
        title = page.current_dialog.windowTitle()
        page.current_dialog.reject()
        return title

    assert run(edit()) == "Edit evaluation form: A002"
