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


def test_main_window_fits_a_1366_by_768_screen(qtbot, run, session):
    """The status bar (sync state, Sync button) stays on a laptop screen below its task bar."""
    from PySide6.QtCore import QRect

    window = _window(qtbot, session)
    screen = QRect(0, 0, 1366, 728)  # 768 less a 40 px task bar
    window.fit_to(screen)
    frame_height = window.height() + 40  # the title bar the window manager adds
    assert window.width() <= 1366 and frame_height <= 728
    assert window.geometry().bottom() + 40 <= screen.bottom() + 1


def test_main_window_reopens_maximised(qtbot, run, session, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    first = _window(qtbot, session, settings)
    first.show()
    first.showMaximized()
    run(until(first.isMaximized))
    first.close()
    again = _window(qtbot, session, settings)
    again.show()
    run(until(again.isMaximized))


# --- announced changes: pages show what is stored without rebuilding the window -------------
def _add_form(store, campaign, unit, form_no):
    from models import services
    from models.records import Evaluation

    with store.write("kiosk") as w:
        services.create_record(w, Evaluation, {
            "campaign_id": campaign, "group": "citizen", "unit_id": unit, "level": "satisfied",
            "form_no": form_no, "evaluated_on": __import__("datetime").date.today()})


def _forms_on_dashboard(window) -> str:
    return window.pages["dashboard"].cards["forms"].value.text()


def test_a_batch_closed_is_offered_under_verify_without_rebuilding(qtbot, run, store, worker):
    from tests.desktop.conftest import make_session
    from tests.desktop.test_entry_verify import closed_batch

    window = _window(qtbot, make_session(store, worker, role="clerk", device_role="office"))
    window.show()
    entry = window.show_page("entry")
    run(until(lambda: entry.verify.batch.count() == 0 and entry.verify.todo.text()))
    batch = closed_batch(store)  # closed on the keying tab a minute ago
    run(until(lambda: entry.verify.batch.findData(batch) >= 0))


def test_a_form_another_process_wrote_shows_on_the_dashboard(qtbot, run, store, small,
                                                              worker):
    from models.store.store import Store
    from tests.conftest import PASSPHRASE
    from tests.desktop.conftest import make_session

    window = _window(qtbot, make_session(store, worker, device_role="office"))
    window.changes.timer.setInterval(200)  # the poll, sooner than the window's 3 s
    window.show()
    run(until(lambda: window.pages["dashboard"].is_ready() and _forms_on_dashboard(window)))
    assert _forms_on_dashboard(window) == "3"
    kiosk = Store.open(store.data_dir, PASSPHRASE)  # its own connections, its own listeners
    try:
        _add_form(kiosk, small["campaign"], small["units"]["卫生院"], "K001")
    finally:
        kiosk.close()
    run(until(lambda: _forms_on_dashboard(window) == "4"))


def test_f5_refreshes_the_page_in_view(qtbot, run, store, small, worker):
    from PySide6.QtTest import QTest

    from models.store.store import Store
    from tests.conftest import PASSPHRASE
    from tests.desktop.conftest import make_session

    window = _window(qtbot, make_session(store, worker, device_role="office"))
    window.changes.timer.stop()  # no poll: only F5 can bring the new form in
    window.show()
    run(until(lambda: window.pages["dashboard"].is_ready() and _forms_on_dashboard(window)))
    other = Store.open(store.data_dir, PASSPHRASE)
    try:
        _add_form(other, small["campaign"], small["units"]["卫生院"], "F005")
    finally:
        other.close()
    QTest.keyClick(window, Qt.Key.Key_F5)
    run(until(lambda: _forms_on_dashboard(window) == "4"))


def test_a_save_reloads_only_the_pages_showing_its_tables(qtbot, run, store, small, worker,
                                                          monkeypatch):
    from tests.desktop.conftest import make_session

    window = _window(qtbot, make_session(store, worker, device_role="hq"))
    window.show()
    reloads = {}
    for page_id in ("visits", "evaluations"):
        page = window.show_page(page_id)
        run(until(page.is_ready))
        reloads[page_id] = 0
        original = page.table_model.reload

        def counted(page_id=page_id, original=original):
            reloads[page_id] += 1
            original()

        monkeypatch.setattr(page.table_model, "reload", counted)
    window.show_page("visits")
    _add_form(store, small["campaign"], small["units"]["卫生院"], "S001")
    run(until(lambda: "evaluations" in window.stale))
    assert reloads == {"visits": 0, "evaluations": 0}  # hidden: reloaded when shown
    evaluations = window.show_page("evaluations")
    run(until(lambda: evaluations.count_label.text() == "4 record(s)"))
    window.show_page("visits")
    assert reloads == {"visits": 0, "evaluations": 1}


# --- unit names: two townships each have a 第一小学 ----------------------------------------
def test_unit_names_in_lists_carry_their_township(qtbot, run, ready, session, small):
    from models import services
    from models.records import Evaluation

    def two_schools(w):
        ids = w.conn.exec_driver_sql(
            "SELECT u.id, p.name FROM unit u JOIN unit p ON p.id = u.parent_id "
            "WHERE u.name = '第一小学'").fetchall()
        for i, (unit_id, _township) in enumerate(ids):
            services.create_record(w, Evaluation, {
                "campaign_id": small["campaign"], "group": "citizen", "unit_id": unit_id,
                "level": "satisfied", "form_no": f"B00{i}",
                "evaluated_on": __import__("datetime").date.today()})

    run(session.write(two_schools))
    page = EvaluationsPage(session)
    qtbot.addWidget(page)
    ready(page)
    column = [c.key for c in page.table_model.spec.columns].index("unit")
    shown = {page.table_model.data(page.table_model.index(r, column))
             for r in range(page.table_model.rowCount())}
    assert shown == {"第一小学（白泥镇）", "第一小学（龙溪镇）", "卫生院（白泥镇）"}


def test_ranking_and_chart_name_units_with_their_township(qtbot, run, session, small):
    from desktop.pages.dashboard import DashboardPage

    page = DashboardPage(session)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    run(until(page.is_ready))
    model = page.ranking_model
    names = {model.data(model.index(r, 1)) for r in range(model.rowCount())}
    assert "卫生院（白泥镇）" in names
    axis = page.chart.chart().axes(Qt.Orientation.Vertical)[0]
    assert "卫生院（白泥镇）" in axis.categories()
    assert not axis.truncateLabels()  # Qt drew every label as "…" once it had measured small


def test_a_refresh_leaves_a_form_being_rekeyed_alone(qtbot, store, worker):
    """Refreshes now come from any commit (a kiosk's too): one must not wipe what is typed."""
    from desktop.entry.verify import VerifyPanel
    from tests.desktop.conftest import make_session
    from tests.desktop.test_entry_verify import closed_batch

    closed_batch(store)
    panel = VerifyPanel(make_session(store, worker, role="clerk"))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.form.form_no.text() == "0001")
    panel.form.suggestion.setText("窗口太少")
    loads = []
    panel.session.worker.submit(lambda: None, on_done=lambda *_: loads.append(1))
    panel.load_batches()
    panel.session.worker.submit(lambda: None, on_done=lambda *_: loads.append(2))
    qtbot.waitUntil(lambda: loads == [1, 2])
    qtbot.wait(50)
    assert panel.form.suggestion.text() == "窗口太少"


def test_count_after_a_delete_and_a_cleared_search_in_the_window(qtbot, run, store, small,
                                                                 worker, monkeypatch):
    import desktop.pages.record_page as record_page
    from tests.desktop.conftest import make_session

    async def yes(*_args):
        return True

    monkeypatch.setattr(record_page, "confirm", yes)
    window = _window(qtbot, make_session(store, worker, device_role="hq"))
    window.show()
    page = window.show_page("evaluations")
    run(until(page.is_ready))
    page.table_model.set_filters({"search": "A001"})
    run(until(lambda: page.count_label.text() == "1 record(s)"))
    page.table_model.set_filters({})
    run(until(lambda: page.count_label.text() == "3 record(s)"))
    page.view.selectRow(0)
    run(page.delete_selected())
    run(until(lambda: page.count_label.text() == "2 record(s)", timeout=5))
