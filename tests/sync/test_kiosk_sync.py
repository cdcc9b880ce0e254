"""A kiosk's ratings reach headquarters by sync and count in HQ's figures."""

import pytest
import sqlalchemy as sa

from models import batches
from models.errors import SyncError
from models.stats import county_stats, unit_ranking
from tests.sync.helpers import seed_reference


def _rate(kiosk, levels):
    """What the kiosk window does for each press (KioskWindow.record → record_kiosk_rating)."""
    with kiosk.store.read() as conn:
        campaign = batches.find_campaign(conn)  # the open one, as `fieldinspect kiosk` finds it
        unit = batches.find_unit(conn, "Window 1")
    for level, reason in levels:
        with kiosk.write("kiosk") as w:
            batches.record_kiosk_rating(w, campaign_id=campaign["id"], unit_id=unit["id"],
                                        group=batches.group_for_unit(unit["kind"]),
                                        level=level, reason=reason)


def test_kiosk_ratings_reach_hq_and_its_figures(hq):
    boss = hq.device("hq")
    ids = seed_reference(boss)
    boss.sync()
    kiosk = hq.device("kiosk", unit="County Hall/Window 1")
    kiosk.sync()  # receives its unit and the campaign
    _rate(kiosk, [("satisfied", ""), ("satisfied", ""), ("fairly_satisfied", ""),
                  ("dissatisfied", "Waited too long")])
    report = kiosk.sync()
    assert report.forbidden == 0

    at_hq = hq.rows("evaluation")
    assert len(at_hq) == 4
    assert {r["source"] for r in at_hq.values()} == {"kiosk"}
    assert {r["form_no"] for r in at_hq.values()} == {None}
    assert {r["unit_id"] for r in at_hq.values()} == {ids["window"]}
    assert {r["created_device"] for r in at_hq.values()} == {kiosk.store.device_id}
    with hq.db.engine.connect() as conn:
        figures = county_stats(conn, campaign_id=ids["campaign"])["evaluations"]
        ranking = unit_ranking(conn, campaign_id=ids["campaign"])
    assert figures["total"] == 4 and figures["by_group"]["citizen"] == 4
    assert figures["by_level"]["dissatisfied"] == 1
    assert figures["satisfaction_rate"] == 0.75
    assert any(r["unit_id"] == ids["window"] and r["forms"] == 4 for r in ranking)

    boss.sync()  # and the HQ desktop's dashboard counts them too
    with boss.store.read() as conn:
        assert county_stats(conn, campaign_id=ids["campaign"])["evaluations"]["total"] == 4


def test_kiosk_ratings_made_offline_are_sent_at_the_next_sync(hq):
    boss = hq.device("hq")
    ids = seed_reference(boss)
    boss.sync()
    kiosk = hq.device("kiosk", unit="County Hall/Window 1")
    kiosk.sync()
    kiosk.transport.down = True  # the window's network is out for the morning
    _rate(kiosk, [("satisfied", "")] * 3)
    with pytest.raises(SyncError):
        kiosk.sync()
    assert hq.rows("evaluation") == {}
    kiosk.transport.down = False
    kiosk.sync()
    assert len(hq.rows("evaluation")) == 3
    with kiosk.store.read() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM evaluation")).scalar() == 3
    assert ids["window"] in {r["unit_id"] for r in hq.rows("evaluation").values()}
