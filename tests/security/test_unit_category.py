"""A unit's appraisal category (考评类别) decides which list it is ranked in, so HQ alone sets
it (issue 15 §2): an office device reads it, and neither its store nor HQ lets it set one. The
HQ test runs on SQLite and PostgreSQL."""

import pytest

from models import services
from models.errors import DomainError
from models.reference import Unit
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import seed_reference

database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase


def test_office_device_cannot_set_a_units_appraisal_category(hq):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    boss.sync()
    office = hq.device("office", name="county-office")
    office.sync()
    with office.write("clerk") as w:  # a doctored client: straight to the store
        w.update(Unit, ids["window"], {"category": "township"})
        w.update(Unit, ids["unit"], {"name": "County Hall (new)"})  # no category: the office's
        moved = w.create(Unit, {"name": "Clinic", "kind": "hospital", "category": "school"})
        plain = w.create(Unit, {"name": "Library", "kind": "other"})
    report = office.sync()
    assert report.forbidden == 2
    with office.store.read() as conn:
        codes = conn.exec_driver_sql("SELECT code FROM sync_issue ORDER BY outbox_seq").all()
    assert [c[0] for c in codes] == ["unit_category_hq_only"] * 2
    at_hq = hq.rows("unit")
    assert at_hq[ids["window"]]["category"] is None
    assert at_hq[ids["unit"]]["name"] == "County Hall (new)"
    assert plain in at_hq and moved not in at_hq
    with boss.write() as w:  # HQ's category reaches the office
        w.update(Unit, ids["window"], {"category": "county_department"})
    boss.sync()
    office.sync()
    assert office.rows("unit")[ids["window"]]["category"] == "county_department"


def test_office_store_refuses_a_units_category_before_it_reaches_the_outbox(store):
    store.set_meta("device_role", "office")
    with store.write("clerk") as w:
        unit = services.create_record(w, Unit, {"name": "Window 1", "kind": "service_window"})
    with pytest.raises(DomainError) as refused, store.write("clerk") as w:
        services.update_record(w, Unit, unit, {"category": "township"})
    assert refused.value.code == "unit_category_hq_only"
    with pytest.raises(DomainError), store.write("clerk") as w:
        services.create_record(w, Unit, {"name": "Clinic", "kind": "hospital",
                                         "category": "school"})
    store.set_meta("device_role", "hq")
    with store.write("hq") as w:
        services.update_record(w, Unit, unit, {"category": "township"})
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT category FROM unit").scalar() == "township"
