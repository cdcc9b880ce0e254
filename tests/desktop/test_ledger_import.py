"""The window takes a rectification ledger (台账) as the command line does (issue 17 §1): the
problems page opens the import dialog for it, the preview names a bad row, the import writes."""

from desktop import messages
from tests.desktop.conftest import until
from tests.models.helpers import count, write_csv

HEADER = ["台账编号", "问题描述", "责任单位", "责任人", "整改措施", "登记日期", "整改时限", "整改状态"]


def test_problems_page_imports_a_ledger(qtbot, session, store, run, tmp_path):
    from desktop.pages.problems import ProblemsPanel

    page = ProblemsPanel(session)
    qtbot.addWidget(page)
    page.show()
    rows = [["2025-101", "食堂卫生差", "白泥镇/第一小学", "张三", "", "2025-04-01", "2025-05-01",
             "整改中"],
            ["2025-102", "候诊时间长", "卫生院", "李四", "", "2025-04-02", "2025-05-02",
             "已办结"]]  # verified without measures: refused, as in the window
    path = write_csv(tmp_path / "台账.csv", HEADER, rows)

    async def go():
        page.import_button.click()
        await until(lambda: getattr(page, "import_dialog", None) is not None)
        await page.import_dialog.load(path)

    run(go())
    d = page.import_dialog
    assert d.kind == "problems" and d.windowTitle() == "Import a rectification ledger"
    assert d.problems.rowCount() == 1 and not d.import_button.isEnabled()
    problem = d.report.rejected[0]
    assert (problem.row, problem.field) == (3, "measures")
    assert "measures" in messages.problem_text(problem)
    rows[1][4] = "优化挂号流程"
    write_csv(path, HEADER, rows)
    run(d.load(path))
    run(d.start_import())
    assert count(store, "problem") == 2 + 2
    d.reject()
