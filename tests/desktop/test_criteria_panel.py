"""The dashboard's criteria panel shows the county's five criteria as `stats --json` gives them
(issue 15 §1): rate, score and the forms that scored each."""

from models.stats import county_stats


def test_dashboard_shows_the_countys_five_criteria(qtbot, ready, run, demo_session, demo_store):
    from desktop.pages.dashboard import DashboardPage

    page = DashboardPage(demo_session)
    qtbot.addWidget(page)
    ready(page)
    with demo_store.read() as conn:
        county = county_stats(conn)["evaluations"]["criteria"]["county"]
    rows = page.criteria_panel.rows()
    assert [r[0] for r in rows] == ["Observes discipline", "Acts according to law",
                                    "Service quality", "Integrity", "Work efficiency"]
    for row, figures in zip(rows, county.values(), strict=True):
        assert figures["forms"] > 0  # the demo county scores every criterion
        assert row[1:] == [f"{figures['satisfaction_rate'] * 100:.1f}%",
                           f"{figures['weighted_score']:.1f}", f"{figures['forms']:,}"]
