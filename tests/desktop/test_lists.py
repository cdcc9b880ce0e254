"""The big lists: every table model passes qtmodeltester; filters and sorting run in SQL."""

import sqlalchemy as sa
from PySide6.QtCore import Qt

from desktop.data import lists
from desktop.data.list_specs import SPECS
from desktop.widgets.ranking import RankingTableModel
from desktop.widgets.record_model import RecordTableModel


def loaded_model(qtbot, session, name, filters=None):
    """A model with every matching id in (the count known)."""
    model = RecordTableModel(session.worker, session.store, lists.spec(name))
    model.set_filters(filters or {})
    qtbot.waitUntil(lambda: model.complete, timeout=20000)
    return model


def fetch_first_page(qtbot, model):
    model.data(model.index(0, 0))
    qtbot.waitUntil(model.all_fetched, timeout=20000)


def test_every_table_model_passes_the_model_tester(qtbot, qtmodeltester, demo_session):
    for name in SPECS:
        model = loaded_model(qtbot, demo_session, name)
        if model.rowCount():
            fetch_first_page(qtbot, model)
        qtmodeltester.check(model, force_py=True)


def test_ranking_model_passes_the_model_tester(qtmodeltester, demo_store):
    from models.stats import unit_ranking

    model = RankingTableModel()
    with demo_store.read() as conn:
        model.set_rows(unit_ranking(conn))
    qtmodeltester.check(model, force_py=True)


def test_rows_arrive_a_page_at_a_time(qtbot, demo_session):
    model = loaded_model(qtbot, demo_session, "evaluations")
    assert model.rowCount() >= 26300
    assert model.data(model.index(5000, 0)) == "…"  # placeholder until the page arrives
    qtbot.waitUntil(model.all_fetched, timeout=20000)
    assert model.data(model.index(5000, 0)) not in ("…", None)
    assert sorted(model._pages) == [0, 5000 // 200]  # the first page, and the one asked for


def test_first_rows_show_before_the_count(qtbot, demo_session):
    """Stage one brings the first page whole; the ids (and the count) follow."""
    model = RecordTableModel(demo_session.worker, demo_session.store, lists.spec("evaluations"))
    with qtbot.waitSignal(model.loaded, timeout=20000):
        model.set_filters({})
    assert model.rowCount() == 200 and not model.complete
    assert model.data(model.index(199, 0)) not in ("…", None)
    first = [model.record_id(r) for r in range(200)]
    qtbot.waitUntil(lambda: model.complete, timeout=20000)
    assert model.rowCount() >= 26300
    assert [model.record_id(r) for r in range(200)] == first


def test_filter_by_level_matches_sql(qtbot, demo_session, demo_store):
    model = loaded_model(qtbot, demo_session, "evaluations", {"level": "dissatisfied"})
    with demo_store.read() as conn:
        expected = conn.exec_driver_sql(
            "SELECT count(*) FROM evaluation WHERE level='dissatisfied' AND deleted_at IS NULL"
        ).scalar()
    assert model.rowCount() == expected
    fetch_first_page(qtbot, model)
    levels = {model.data(model.index(r, 5)) for r in range(min(50, model.rowCount()))}
    assert levels == {"Dissatisfied"}


def test_sorting_by_date_descending(qtbot, demo_session):
    from PySide6.QtCore import Qt

    model = loaded_model(qtbot, demo_session, "evaluations")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.complete, timeout=20000)
    fetch_first_page(qtbot, model)
    dates = [model.data(model.index(r, 1)) for r in range(100)]
    assert dates == sorted(dates, reverse=True)


def test_overdue_problems_stand_out(qtbot, session, small):
    from desktop.widgets.record_model import OVERDUE_BRUSH

    model = loaded_model(qtbot, session, "problems", {"overdue": True})
    assert model.rowCount() == 1
    fetch_first_page(qtbot, model)
    assert model.record_id(0) == small["overdue_problem"]
    assert model.data(model.index(0, 0), 8) == OVERDUE_BRUSH  # BackgroundRole


def test_search_text(qtbot, session):
    model = loaded_model(qtbot, session, "problems", {"search": "收费"})
    assert model.rowCount() == 1


def test_deleted_rows_are_not_listed(qtbot, session, store, small):
    from models import services
    from models.records import Problem

    with store.write("tester") as w:
        services.delete_record(w, Problem, small["overdue_problem"])
    model = loaded_model(qtbot, session, "problems")
    assert model.rowCount() == 1
    with store.read() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM problem")).scalar() == 2


def test_search_by_form_number_prefix_and_by_text(qtbot, session):
    """A number finds the forms whose number holds it; other text searches the reason and
    suggestion (and the unit's name: tests/desktop/test_search.py)."""
    assert loaded_model(qtbot, session, "evaluations", {"search": "A00"}).rowCount() == 3
    assert loaded_model(qtbot, session, "evaluations", {"search": "A002"}).rowCount() == 1
    assert loaded_model(qtbot, session, "evaluations", {"search": "态度"}).rowCount() == 1
    with session.store.read() as conn:
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT rowid FROM evaluation WHERE form_no >= 'A00' "
            "AND form_no < 'A00\uffff'").all()
    assert "ix_evaluation_form_no" in str(plan)


def test_the_ledger_says_how_many_days_a_problem_is_overdue(qtbot, session, small):
    model = loaded_model(qtbot, session, "problems", {})
    fetch_first_page(qtbot, model)
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    column = headers.index("Days overdue")
    days = {model.record_id(r): model.data(model.index(r, column)) for r in range(model.rowCount())}
    assert days.pop(small["overdue_problem"]) == "5"  # deadline five days ago, still open
    assert set(days.values()) == {""}  # due later: nothing to say


def test_a_cut_off_cell_shows_its_whole_text_on_hover(qtbot, session, store, small):
    """Chinese text is wide: 20 characters overflow a Measures column, so every cell offers its
    text as a tooltip (before, only texts over 30 characters did)."""
    from datetime import date

    from models import services
    from models.records import Problem

    measures = "制定整改方案，明确责任人，限期整改到位"
    with store.write("clerk") as w:
        services.create_record(w, Problem, {"description": "推诿", "measures": measures,
                                            "unit_id": small["units"]["卫生院"],
                                            "reported_on": date.today()})
    model = loaded_model(qtbot, session, "problems", {"search": "推诿"})
    fetch_first_page(qtbot, model)
    column = [c.key for c in model.spec.columns].index("measures")
    row = next(r for r in range(model.rowCount())
               if model.data(model.index(r, column)) == measures)
    assert model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole) == measures


def test_teams_are_listed_in_natural_order(qtbot, session, store):
    from models import services
    from models.reference import Team

    with store.write("hq") as w:
        for name in ("第10组", "第2组", "第1组"):
            services.create_record(w, Team, {"name": name})
    model = loaded_model(qtbot, session, "teams")
    fetch_first_page(qtbot, model)
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert names == ["第1组", "第2组", "第10组"]


def test_window_ledger_report_and_stats_agree_on_what_is_overdue(qtbot, session, monkeypatch):
    """One overdue rule (models.rules): due yesterday and open is overdue by one day; due today,
    or rectified after its deadline, is not. The window's overdue list, its days-overdue column,
    the printed overdue list and ledger, and the statistics all say so on the clerk's day."""
    from datetime import date, timedelta

    from models import services, timeutil
    from models.records import Problem
    from models.stats import county_stats
    from reports.data import ProblemFilter
    from reports.ledger import ledger_sheet, overdue_sheet

    today = date(2024, 6, 10)  # far from the machine's date: every output must use the clerk's
    monkeypatch.setattr(timeutil, "local_today", lambda: today)
    yesterday = today - timedelta(days=1)
    with session.store.read() as conn:
        unit = conn.exec_driver_sql("SELECT id FROM unit LIMIT 1").scalar()
    rows = {"due_yesterday": (yesterday, "rectifying"), "due_today": (today, "open"),
            "rectified_late": (yesterday - timedelta(days=3), "rectified")}
    with session.store.write("clerk") as w:
        ids = {services.create_record(w, Problem, {
            "description": name, "unit_id": unit, "reported_on": today - timedelta(days=30),
            "deadline": deadline, "status": status,
            "rectified_on": today if status == "rectified" else None}): name
            for name, (deadline, status) in rows.items()}
    window = loaded_model(qtbot, session, "problems", {"overdue": True})
    fetch_first_page(qtbot, model := loaded_model(qtbot, session, "problems"))
    fetch_first_page(qtbot, window)
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    days = {ids[model.record_id(r)]: model.data(model.index(r, headers.index("Days overdue")))
            for r in range(model.rowCount()) if model.record_id(r) in ids}
    flt = ProblemFilter(as_of=today)
    with session.store.read() as conn:
        late = [r[6] for r in overdue_sheet(conn, flt).rows if r[1] == "逾期" and r[6] in rows]
        remarks = {r[3]: r[11] for r in ledger_sheet(conn, flt, "台账").rows if r[3] in rows}
        stats = county_stats(conn, as_of=today)["problems"]["overdue"]  # the fixture's: later
    listed = [ids.get(window.record_id(r)) for r in range(window.rowCount())]
    assert [name for name in listed if name] == ["due_yesterday"]
    assert days == {"due_yesterday": "1", "due_today": "", "rectified_late": ""}
    assert late == ["due_yesterday"]
    assert remarks == {"due_yesterday": "逾期1天", "due_today": "", "rectified_late": ""}
    assert stats == 1
