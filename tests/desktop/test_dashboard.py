"""The dashboard shows exactly the figures of `fieldinspect stats --json`."""

from models.rankings import ranked_in_categories
from models.stats import county_stats, unit_ranking
from tests.desktop.conftest import until


def test_dashboard_figures_equal_county_stats(qtbot, ready, run, demo_session, demo_store):
    from desktop.pages.dashboard import DashboardPage

    page = DashboardPage(demo_session)
    qtbot.addWidget(page)
    ready(page)
    with demo_store.read() as conn:
        expected = county_stats(conn)
        ranking = ranked_in_categories(conn, unit_ranking(conn), None)
    assert page.figures == expected
    ev = expected["evaluations"]
    assert page.cards["forms"].value.text() == f"{ev['total']:,}"
    assert page.cards["rate"].value.text() == f"{ev['satisfaction_rate'] * 100:.1f}%"
    assert page.cards["score"].value.text() == f"{ev['weighted_score']:.1f}"
    assert page.cards["overdue"].value.text() == f"{expected['problems']['overdue']:,}"
    assert page.cards["cases"].value.text() == f"{expected['accountability']['cases']:,}"
    # The complainants answered (issue 14 §4) beside the opinions they came from.
    assert f"{expected['problems']['replied']:,} replied" in page.cards["opinions"].detail.text()
    assert page.ranking_model.rows == ranking
    assert page.chart.shown_units  # the chart is never empty on demo data


def test_dashboard_campaign_filter(qtbot, ready, run, demo_session, demo_store):
    from desktop.pages.dashboard import DashboardPage

    page = DashboardPage(demo_session)
    qtbot.addWidget(page)
    ready(page)
    campaign_id = demo_session.reference.campaigns[0]["id"]

    async def choose():
        page.figures = None
        page.campaign_box.setCurrentIndex(page.campaign_box.findData(campaign_id))
        await until(page.is_ready)

    run(choose())
    with demo_store.read() as conn:
        assert page.figures == county_stats(conn, campaign_id=campaign_id)


def test_under_sampled_units_are_marked(qtbot, ready, run, demo_session):
    from PySide6.QtCore import Qt

    from desktop.pages.dashboard import DashboardPage

    page = DashboardPage(demo_session)
    qtbot.addWidget(page)
    ready(page)
    model = page.ranking_model
    unranked = [r for r, row in enumerate(model.rows) if row["rank"] is None]
    if unranked:
        index = model.index(unranked[0], 0)
        assert model.data(index) == "unranked"
        assert model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "/" in model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)  # the unit's path


def test_kept_figures_are_used_only_while_nothing_changed(store, small, worker):
    from desktop.data.dashboard import load_dashboard
    from models import services
    from models.records import Evaluation

    none = {"campaign_id": None, "date_from": None, "date_to": None}
    first = load_dashboard(store, none)
    again = load_dashboard(store, none)
    assert not first.pop("cached") and again.pop("cached")
    assert again == first
    with store.read() as conn:
        assert again["stats"] == county_stats(conn)
    with store.write("clerk") as w:  # any change: computed afresh
        services.create_record(w, Evaluation, {
            "campaign_id": small["campaign"], "group": "citizen",
            "unit_id": small["units"]["卫生院"], "level": "satisfied",
            "evaluated_on": "2026-01-05", "form_no": "A999"})
    after = load_dashboard(store, none)
    assert not after["cached"]
    assert after["stats"]["evaluations"]["total"] == first["stats"]["evaluations"]["total"] + 1
    filtered = load_dashboard(store, {**none, "campaign_id": small["campaign"]})
    assert not filtered["cached"]


def test_computed_figures_are_drawn_then_kept_for_the_next_start(qtbot, ready, run, session):
    from desktop.data.dashboard import CACHE_KEY
    from desktop.pages.dashboard import DashboardPage
    from models.store.store import get_meta

    def kept() -> bool:
        with session.store.read() as conn:
            return get_meta(conn, CACHE_KEY) is not None

    first = DashboardPage(session)
    qtbot.addWidget(first)
    ready(first)
    assert not first.from_cache  # computed: nothing was kept yet
    run(until(kept))  # written after the figures were drawn
    second = DashboardPage(session)
    qtbot.addWidget(second)
    ready(second)
    assert second.from_cache and second.figures == first.figures


def _chase_page(qtbot, ready, store, worker, device_role):
    from desktop.pages.dashboard import DashboardPage
    from tests.desktop.conftest import make_session

    page = DashboardPage(make_session(store, worker, device_role=device_role))
    qtbot.addWidget(page)
    ready(page)
    return page


def _column(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_dashboard_shows_overdue_by_unit_and_the_accountability_candidates(
        qtbot, ready, run, store, worker, tmp_path):
    from models.office_settings import save_office_settings
    from tests.models.helpers import seed_overdue

    seed_overdue(store, tmp_path)
    page = _chase_page(qtbot, ready, store, worker, "hq")
    panel = page.overdue_panel
    assert _column(panel.overdue_table, 0) == ["卫生院（白泥镇）", "县社保中心"]
    assert _column(panel.overdue_table, 1) == ["3", "1"]
    assert not panel.candidates_table.isHidden()
    assert _column(panel.candidates_table, 0) == ["卫生院（白泥镇）"]  # K = 3: only it has 3
    assert _column(panel.candidates_table, 1) == ["2026年万民评议"]
    assert "3" in panel.candidates_title.text()
    with store.write("hq") as w:  # HQ lowers K: the other unit joins the list
        save_office_settings(w, {"accountability_threshold": 1})

    async def again():
        page.figures = None
        page.reload()
        await until(page.is_ready)

    run(again())
    assert _column(panel.candidates_table, 0) == ["卫生院（白泥镇）", "县社保中心"]


def test_a_representative_sees_no_accountability_candidates(
        qtbot, ready, store, worker, tmp_path):
    from tests.models.helpers import seed_overdue

    seed_overdue(store, tmp_path)
    page = _chase_page(qtbot, ready, store, worker, "representative")
    assert page.overdue_panel.candidates_table.isHidden()
    assert page.overdue_panel.overdue_table.rowCount() == 2
