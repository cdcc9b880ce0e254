"""The bands (先进 / 末位) and the appraisal points decide rewards and punishments (issue 15
§2): like the weights, HQ alone sets them; an office device reads them and neither its store nor
HQ lets it change them. The HQ test runs on SQLite and PostgreSQL."""

import pytest

from models import services
from models.errors import DomainError
from models.reference import Campaign
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import seed_reference

database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase

BANDS = ("band_top_percent", "band_bottom_count", "appraisal_points")
GENEROUS = {"band_top_percent": 100.0, "band_bottom_count": 0, "appraisal_points": 100.0}


def _bands(row: dict) -> tuple:
    return tuple(row[k] for k in BANDS)


def test_office_device_cannot_change_bands_or_appraisal_points(hq):
    boss = hq.device("hq", name="hq")
    campaign = seed_reference(boss)["campaign"]
    boss.sync()
    office = hq.device("office", name="county-office")
    office.sync()
    with office.write("clerk") as w:  # a doctored client: straight to the store
        for name, value in GENEROUS.items():
            w.update(Campaign, campaign, {name: value})
    report = office.sync()
    assert report.forbidden == 3
    with office.store.read() as conn:
        codes = conn.exec_driver_sql("SELECT code FROM sync_issue ORDER BY outbox_seq").all()
    assert [c[0] for c in codes] == ["hq_setting"] * 3
    assert _bands(hq.rows("campaign")[campaign]) == (10.0, 3, 10.0)
    with boss.write() as w:  # HQ's change reaches the office
        w.update(Campaign, campaign, {"band_top_percent": 15.0, "appraisal_points": 8.0})
    boss.sync()
    office.sync()
    assert _bands(office.rows("campaign")[campaign]) == (15.0, 3, 8.0)


def test_office_store_refuses_band_settings_before_they_reach_the_outbox(store):
    store.set_meta("device_role", "office")
    with store.write("clerk") as w:
        campaign = services.create_record(w, Campaign, {"name": "2026 drive", "year": 2026})
    for name, value in GENEROUS.items():
        with pytest.raises(DomainError) as refused, store.write("clerk") as w:
            services.update_record(w, Campaign, campaign, {name: value})
        assert refused.value.code == "hq_setting"
    store.set_meta("device_role", "hq")  # HQ's own store sets them, and its audit records it
    before = _audited(store, campaign)
    with store.write("hq") as w:
        services.update_record(w, Campaign, campaign, {"band_bottom_count": 5})
    assert _audited(store, campaign) == before + 1


def _audited(store, row_id: str) -> int:
    with store.read() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM audit_log WHERE table_name='campaign' "
                                    "AND row_id=?", (row_id,)).scalar()


def test_band_settings_out_of_range_are_refused_with_their_field(store):
    store.set_meta("device_role", "hq")
    with store.write("hq") as w:
        campaign = services.create_record(w, Campaign, {"name": "2026 drive", "year": 2026})
    for name, value, code in [("band_top_percent", 120.0, "band_percent_out_of_range"),
                              ("band_bottom_count", -1, "band_negative"),
                              ("appraisal_points", -5.0, "band_negative")]:
        with pytest.raises(Exception) as refused, store.write("hq") as w:
            services.update_record(w, Campaign, campaign, {name: value})
        assert [(p.field, p.code) for p in refused.value.problems] == [(name, code)]
