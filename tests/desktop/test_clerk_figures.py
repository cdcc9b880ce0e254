"""The clerks' own figures on the Form entry page (issue 15 §4): after a double-entry batch a
supervisor sees every clerk's, with the error rate, and exports them; a clerk sees their own."""

from openpyxl import load_workbook

from tests.models.test_clerk_stats import ref  # noqa: F401
from tests.reports.test_clerk_figures import _verified_batch


def _figures_tab(qtbot, store, worker, profile, role):
    from desktop.entry.page import EntryPage
    from desktop.session import Session

    session = Session(store=store, worker=worker, profile=profile, profile_role=role,
                      device_role="office", is_demo=False)
    session.refresh_reference_blocking()
    page = EntryPage(session)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.figures)
    panel = page.figures
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0)
    return panel


def _rows(panel) -> list[list[str]]:
    t = panel.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_a_supervisor_sees_every_clerks_figures_after_a_double_entry_batch(
        qtbot, run, store, worker, ref, tmp_path):  # noqa: F811
    _verified_batch(store, ref)
    panel = _figures_tab(qtbot, store, worker, "boss", "supervisor")
    rows = _rows(panel)
    assert [r[0] for r in rows] == ["clerkA", "clerkB", "clerkA", "clerkB"]
    totals = {r[0]: r for r in rows[:2]}
    # forms keyed, fields compared, errors, error rate: clerk A keyed one field of 32 wrong
    assert [totals["clerkA"][i] for i in (3, 6, 7, 8)] == ["4", "32", "1", "3.12%"]
    assert [totals["clerkB"][i] for i in (3, 6, 7, 8)] == ["4", "32", "0", "0.00%"]
    assert rows[2][1].startswith("县社保中心") and rows[2][2] == "Entry"
    assert rows[3][2] == "Second keying"
    out = tmp_path / "clerks.xlsx"
    assert run(panel.export(out))
    sheet = load_workbook(out)["汇总"]
    assert [r[0] for r in sheet.iter_rows(min_row=3, values_only=True)] == ["clerkA", "clerkB"]


def test_a_clerk_sees_only_their_own_figures_on_the_entry_page(
        qtbot, run, store, worker, ref, tmp_path):  # noqa: F811
    _verified_batch(store, ref)
    panel = _figures_tab(qtbot, store, worker, "clerkB", "clerk")
    assert {r[0] for r in _rows(panel)} == {"clerkB"}
    assert "Your own keying" in panel.heading.text()
    out = tmp_path / "mine.xlsx"
    assert run(panel.export(out))
    sheet = load_workbook(out)["按批次"]
    assert [r[0] for r in sheet.iter_rows(min_row=3, values_only=True)] == ["clerkB"]
