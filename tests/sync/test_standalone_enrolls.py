"""A standalone office (never enrolled) keys forms against its own campaign and units, then
enrolls: what it made reaches HQ under the same natural-key ids, merging with HQ's rows of the
same names, and from then on HQ's result settings rule."""

from datetime import date

import httpx
import sqlalchemy as sa

from models import services
from models.ids import natural_id
from models.records import Evaluation
from models.reference import Campaign, Unit
from models.store.store import Store
from sync.client.engine import SyncEngine
from sync.server import admin
from tests.sync.helpers import FAST_RETRY, PASSPHRASE, CuttableTransport, run


def _standalone(hq) -> Store:
    store = Store.open(hq.root / "standalone", PASSPHRASE)
    with store.write("李强") as w:
        campaign = services.create_record(w, Campaign, {
            "id": natural_id("campaign", "2026年万民评议"), "name": "2026年万民评议",
            "year": 2026, "min_sample": 5})
        unit = services.create_record(w, Unit, {
            "id": natural_id("unit", "县社保中心"), "name": "县社保中心", "kind": "department"})
        services.create_record(w, Evaluation, {
            "campaign_id": campaign, "unit_id": unit, "group": "citizen",
            "level": "satisfied", "form_no": "0001", "evaluated_on": date(2026, 5, 1)})
    return store


def _enroll(hq, store: Store) -> SyncEngine:
    code = admin.enroll_device(hq.db, role="office", label="standalone")["code"]
    engine = SyncEngine(store, transport=CuttableTransport(httpx.ASGITransport(app=hq.app)),
                        retry=FAST_RETRY)
    run(engine.enroll("http://hq.test", code, "standalone"))
    return engine


def _issues(store: Store) -> list[str]:
    with store.read() as conn:
        return conn.exec_driver_sql("SELECT code FROM sync_issue").scalars().all()


def _local_min_sample(store: Store) -> list[int]:
    with store.read() as conn:
        return conn.execute(sa.select(Campaign.__table__.c.min_sample)).scalars().all()


def test_standalone_campaign_and_forms_reach_hq_with_the_default_settings(hq):
    """HQ has no such campaign: the office's campaign arrives (with the defaults, which HQ then
    sets) together with its forms, nothing refused; before, HQ refused the campaign whole
    (hq_setting) and kept forms whose campaign it never got."""
    hq.device("hq", name="hq")
    store = _standalone(hq)
    engine = _enroll(hq, store)
    try:
        report = run(engine.sync())
        assert (report.rejected, report.forbidden, _issues(store)) == (0, 0, [])
        campaign_id = natural_id("campaign", "2026年万民评议")
        assert hq.rows("campaign")[campaign_id]["min_sample"] == 30
        assert [e["campaign_id"] for e in hq.rows("evaluation").values()] == [campaign_id]
        assert natural_id("unit", "县社保中心") in hq.rows("unit")
        assert _local_min_sample(store) == [30]
    finally:
        engine.close()
        store.close()


def test_standalone_campaign_merges_with_hqs_of_the_same_name_and_hq_settings_rule(hq):
    hq_device = hq.device("hq", name="hq")
    with hq_device.write("hq") as w:
        services.create_record(w, Campaign, {
            "id": natural_id("campaign", "2026年万民评议"), "name": "2026年万民评议",
            "year": 2026, "min_sample": 12})
    hq_device.sync()
    store = _standalone(hq)
    engine = _enroll(hq, store)
    try:
        report = run(engine.sync())
        assert (report.rejected, report.forbidden, _issues(store)) == (0, 0, [])
        assert [c["min_sample"] for c in hq.rows("campaign").values()] == [12]
        assert _local_min_sample(store) == [12]  # the office now reads HQ's settings
        assert len(hq.rows("evaluation")) == 1
    finally:
        engine.close()
        store.close()
