"""History…: the earlier versions of a criticism or a problem, newest first, in the form's words."""

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication

from tests.desktop.conftest import until
from tests.desktop.test_flows import select_row


def rows(dialog):
    """Each version as (what happened, who, [(field, before, after), ...]), as shown."""
    out = []
    table = dialog.table
    for row in range(table.rowCount()):
        texts = [table.item(row, column).text() for column in range(table.columnCount())]
        if texts[0]:  # a version's own line: when, who, what happened
            out.append((texts[2], texts[1], []))
        else:  # one of its fields: label, before, after
            out[-1][2].append(tuple(texts[2:]))
    return out


async def open_history(page):
    await page.open_history()
    dialog = page.history_dialog
    await until(lambda: hasattr(dialog, "versions"))
    return dialog


@pytest.fixture
def criticisms(qtbot, session, ready):
    from desktop.pages.criticisms import CriticismsPage

    page = CriticismsPage(session)
    qtbot.addWidget(page)
    return ready(page)


def test_a_criticism_edited_twice_shows_three_versions(criticisms, run, store, small):
    page = criticisms
    assert not page.history_button.isEnabled()

    async def new():
        await page.create_new()
        dialog = page.current_dialog
        dialog.editors["person_name"].set("李四")
        dialog.editors["unit_id"].set(small["units"]["卫生院"])
        dialog.editors["behaviour"].set("迟到")
        dialog.editors["sanction"].set("reminder_talk")
        await dialog.save()

    run(new())
    with store.read() as conn:
        crit_id = conn.exec_driver_sql(
            "SELECT id FROM personnel_criticism WHERE person_name = '李四'").scalar()

    def edit(**changes):
        select_row(page, crit_id, run)

        async def go():
            await page.edit_selected()
            dialog = page.current_dialog
            for key, value in changes.items():
                dialog.editors[key].set(value)
            await dialog.save()

        run(go())

    edit(behaviour="多次迟到")
    edit(sanction="warning", unit_id=small["units"]["县社保中心"])
    select_row(page, crit_id, run)
    assert page.history_button.isEnabled()
    dialog = run(open_history(page))

    shown = rows(dialog)
    assert [what for what, _who, _c in shown] == ["Changed", "Changed", "Created"]
    assert {who for _w, who, _c in shown} == {"tester"}
    newest, middle, created = (changes for _w, _who, changes in shown)
    unit_of = {u["id"]: u["path"] for u in page.session.reference.units}
    assert sorted(newest) == sorted([
        ("Unit", unit_of[small["units"]["卫生院"]], unit_of[small["units"]["县社保中心"]]),
        ("Sanction", "Reminder talk", "Warning")])
    assert middle == [("Behaviour", "迟到", "多次迟到")]
    assert ("Person", "", "李四") in created
    assert ("Sanction", "", "Reminder talk") in created
    assert ("Date", "", date.today().isoformat()) in created
    assert "李四" in dialog.heading.text()
    assert dialog.table.item(0, 0).text().startswith(date.today().isoformat()[:4])


def test_a_problem_status_change_is_in_its_history(qtbot, session, ready, run, small):
    from desktop.pages.ledger import LedgerPage

    page = ready(LedgerPage(session))
    qtbot.addWidget(page)
    problems = page.problems
    select_row(problems, small["overdue_problem"], run)
    problems.status_box.setCurrentIndex(problems.status_box.findData("rectifying"))
    run(problems.change_status())
    select_row(problems, small["overdue_problem"], run)
    dialog = run(open_history(problems))

    shown = rows(dialog)
    assert [what for what, _who, _c in shown] == ["Changed", "Created"]
    assert shown[0][2] == [("Status", "Open", "Rectifying")]
    assert ("Problem", "", "窗口推诿") in shown[1][2]
    # Codes never reach the screen: the created version shows the label of its source.
    assert ("Source", "", "Other") in shown[1][2]


def test_history_waits_for_a_selection_after_a_reload(criticisms, run, small):
    page = criticisms
    page.table_model.reload()
    run(until(lambda: not page.table_model.loading))
    assert not page.history_button.isEnabled()


def test_the_history_dialog_speaks_chinese(qtbot, qapp, session, run, small):
    from desktop.i18n import CHINESE, Translations
    from desktop.widgets.history_dialog import RecordHistoryDialog
    from models.security.history import RecordVersionView

    translations = Translations()
    assert translations.switch(CHINESE)
    try:
        from desktop.pages.problems import ProblemsPanel

        panel = ProblemsPanel(session)
        qtbot.addWidget(panel)
        dialog = RecordHistoryDialog(panel, panel.history_fields(), session.reference)
        qtbot.addWidget(dialog)
        dialog.show_versions([
            RecordVersionView(1, "insert", "2025-03-01 02:00:00.000000", "王芳",
                              {"description": "窗口推诿", "status": "open"}),
            RecordVersionView(2, "update", "2025-03-02 02:00:00.000000", "王芳",
                              {"description": "窗口推诿", "status": "rectified"},
                              {"status": ("open", "rectified"), "rectified_on": (None,
                                                                                 "2025-03-02")}),
        ])
        shown = rows(dialog)
        assert [what for what, _who, _c in shown] == ["修改", "新建"]
        assert ("状态", "待查处", "已整改") in shown[0][2]
        assert ("整改完成日期", "（空）", "2025-03-02") in shown[0][2]
        assert dialog.windowTitle() == "历史记录"
    finally:
        translations.switch("en")
        QCoreApplication.processEvents()
