"""The Trends page (issue 15 §3) shows the figures of `stats --json`: each breakdown as a chart
and a table; the comparison with the previous campaign, possible repeats included, at HQ only."""

from datetime import date

from models.comparison import comparison
from models.records import PersonnelCriticism
from models.reference import Campaign
from models.stats import Filters
from models.trends import breakdowns
from tests.desktop.conftest import make_session


def test_the_breakdowns_are_those_of_stats_json(qtbot, ready, demo_session, demo_store):
    from desktop.pages.trends import TrendsPage

    page = TrendsPage(demo_session)
    qtbot.addWidget(page)
    ready(page)
    with demo_store.read() as conn:
        expected = breakdowns(conn, Filters())
        compared = comparison(conn, with_people=True)
    assert page.result["breakdowns"] == expected
    for name in ("month", "township", "finding_category", "opinion_category", "source"):
        chart, models = page.views[name]
        assert chart.shown and models[0].rowCount() == len(chart.shown)
    assert page.tabs.isTabVisible(page.comparison_index)
    assert page.unit_model.rows == compared["units"]


def _two_campaigns_with_a_repeat(store, small) -> None:
    unit = small["units"]["卫生院"]
    with store.write("hq") as w:
        w.create(Campaign, {"name": "2024年万民评议", "year": 2024})
        w.update(Campaign, small["campaign"], {"year": 2025})
        for day in (date(2024, 5, 1), date(2025, 5, 1)):
            w.create(PersonnelCriticism, {"person_name": "王五", "unit_id": unit,
                                          "decided_on": day})


def test_hq_sees_possible_repeats(qtbot, ready, store, small, worker):
    from desktop.pages.trends import TrendsPage

    _two_campaigns_with_a_repeat(store, small)
    store.set_meta("device_role", "hq")
    page = TrendsPage(make_session(store, worker, role="hq", device_role="hq"))
    qtbot.addWidget(page)
    ready(page)
    assert [r["person_name"] for r in page.repeat_model.rows] == ["王五"]
    assert page.repeat_model.data(page.repeat_model.index(0, 3)) == "Possible repeat: to confirm"


def test_an_office_device_gets_no_comparison_and_no_names(qtbot, ready, store, small, worker):
    from desktop.pages.trends import TrendsPage

    _two_campaigns_with_a_repeat(store, small)
    store.set_meta("device_role", "office")
    page = TrendsPage(make_session(store, worker))
    qtbot.addWidget(page)
    ready(page)
    assert page.result["comparison"] is None
    assert not page.tabs.isTabVisible(page.comparison_index)
    assert page.repeat_model.rows == []


def test_hq_records_a_successor_on_the_units_page(qtbot, ready, run, store, small, worker):
    from desktop.pages.units import UnitsPage

    store.set_meta("device_role", "hq")
    page = UnitsPage(make_session(store, worker, role="hq", device_role="hq"))
    qtbot.addWidget(page)
    ready(page)
    assert not page.succession.isHidden()
    page.record_successor()
    dialog = page.succession_dialog
    units = small["units"]
    dialog.editors["old_unit_id"].set(units["县社保中心"])
    dialog.editors["new_unit_id"].set(units["卫生院"])
    run(dialog.save())
    assert not dialog.isVisible()
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT old_unit_id, new_unit_id FROM unit_succession"
                                    ).all() == [(units["县社保中心"], units["卫生院"])]
    page.record_successor()  # the same unit as its own successor: refused beside the form
    again = page.succession_dialog
    again.editors["old_unit_id"].set(units["卫生院"])
    again.editors["new_unit_id"].set(units["卫生院"])
    run(again.save())
    assert again.isVisible()


def test_an_office_device_has_no_successor_button(qtbot, store, small, worker):
    from desktop.pages.units import UnitsPage

    page = UnitsPage(make_session(store, worker))
    qtbot.addWidget(page)
    assert page.succession.isHidden()
