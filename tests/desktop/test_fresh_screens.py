"""Screens that go stale or lie (issue 12 §3): counts, refreshes, unit names, window size."""

from PySide6.QtCore import Qt

from desktop.data import lists
from desktop.data.list_specs import SPECS
from desktop.pages.evaluations import EvaluationsPage
from tests.desktop.conftest import until


def test_count_shows_a_number_after_sorting_by_a_joined_column(qtbot, run, ready,
                                                                demo_session):
    """Sorting 26,300 forms by campaign or unit used to leave "Counting…" for good."""
    page = EvaluationsPage(demo_session)
    qtbot.addWidget(page)
    ready(page)
    total = page.count_label.text()
    assert total.endswith(" record(s)") and int(total.split()[0]) >= 26300
    for key in ("campaign", "unit"):
        column = [c.key for c in page.table_model.spec.columns].index(key)
        page.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        run(until(lambda: page.table_model.complete, timeout=15))
        assert page.count_label.text() == total


def test_every_sortable_column_of_every_list_counts(demo_store):
    with demo_store.read() as conn:
        for name in SPECS:
            spec = lists.spec(name)
            for col in spec.columns:
                if col.sortable:
                    lists.fetch_ids(conn, spec, {"search": "zzz-none"}, col.key, True)


def _window(qtbot, session, settings=None):
    from desktop.main_window import MainWindow

    window = MainWindow(session, "en", settings=settings)
    qtbot.addWidget(window)
    return window


def test_main_window_fits_a_1366_by_768_screen(qtbot, session):
    """The status bar (sync state, Sync button) stays on a laptop screen below its task bar."""
    from PySide6.QtCore import QRect

    window = _window(qtbot, session)
    screen = QRect(0, 0, 1366, 728)  # 768 less a 40 px task bar
    window.fit_to(screen)
    frame_height = window.height() + 40  # the title bar the window manager adds
    assert window.width() <= 1366 and frame_height <= 728
    assert window.geometry().bottom() + 40 <= screen.bottom() + 1


def test_main_window_reopens_maximised(qtbot, session, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    first = _window(qtbot, session, settings)
    first.show()
    first.showMaximized()
    qtbot.waitUntil(first.isMaximized)
    first.close()
    again = _window(qtbot, session, settings)
    again.show()
    qtbot.waitUntil(again.isMaximized, timeout=3000)
