"""Whether a campaign ranks its units within their appraisal category or in one county list
decides who is 先进 and who is 末位 (issue 15 §2): HQ alone sets it. An office device reads it;
neither its store nor HQ lets it change it. The HQ test runs on SQLite and PostgreSQL."""

import pytest

from models import services
from models.errors import DomainError
from models.reference import Campaign
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import seed_reference

database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase


def _grouped(device, campaign: str) -> bool:
    return bool(device.rows("campaign")[campaign]["rank_by_category"])


def test_office_device_cannot_turn_the_grouping_by_category_off(hq):
    boss = hq.device("hq", name="hq")
    campaign = seed_reference(boss)["campaign"]
    boss.sync()
    office = hq.device("office", name="county-office")
    office.sync()
    with office.write("clerk") as w:  # a doctored client: straight to the store
        w.update(Campaign, campaign, {"rank_by_category": False})
    report = office.sync()
    assert report.forbidden == 1
    with office.store.read() as conn:
        codes = conn.exec_driver_sql("SELECT code FROM sync_issue").scalars().all()
    assert codes == ["hq_setting"]
    assert _grouped(hq, campaign)
    with boss.write() as w:  # HQ's own change reaches the office
        w.update(Campaign, campaign, {"rank_by_category": False})
    boss.sync()
    office.sync()
    assert not _grouped(office, campaign)


def test_office_store_refuses_the_grouping_before_it_reaches_the_outbox(store):
    store.set_meta("device_role", "office")
    with store.write("clerk") as w:
        campaign = services.create_record(w, Campaign, {"name": "2026 drive", "year": 2026})
    with pytest.raises(DomainError) as refused, store.write("clerk") as w:
        services.update_record(w, Campaign, campaign, {"rank_by_category": False})
    assert refused.value.code == "hq_setting"
    store.set_meta("device_role", "hq")  # HQ's own store sets it, and its audit records it
    with store.write("hq") as w:
        services.update_record(w, Campaign, campaign, {"rank_by_category": False})
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM audit_log WHERE table_name='campaign' "
                                    "AND row_id=? AND details LIKE '%rank_by_category%'",
                                    (campaign,)).scalar() == 1
