"""Which unit lives on as which (`unit_succession`, issue 15 §3) is HQ's alone: HQ keeps it
across its own devices, no other device receives it, and a doctored office device that pushes
one is refused. SQLite and PostgreSQL."""

import pytest

from models.errors import DomainError
from models.ids import natural_id
from models.succession import UnitSuccession, record_succession
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import seed_reference

database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase


def test_unit_successions_stay_at_hq(hq):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    with boss.write("hq") as w:
        record_succession(w, ids["window"], ids["unit"])
    boss.sync()
    assert len(hq.rows("unit_succession")) == 1
    second_hq = hq.device("hq", name="hq-2")
    second_hq.sync()
    office = hq.device("office", name="county-office")
    rep = hq.device("representative", representative="Li Wei", team="Team 1")
    for dev in (second_hq, office, rep):
        dev.sync()
    assert len(second_hq.rows("unit_succession")) == 1
    assert office.rows("unit_succession") == {} and rep.rows("unit_succession") == {}


def test_an_office_device_cannot_record_a_unit_succession(hq):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    boss.sync()
    office = hq.device("office", name="county-office")
    office.sync()
    with office.write("clerk") as w:  # a doctored client, straight to its store
        w.create(UnitSuccession, {"id": natural_id("unit_succession", ids["window"]),
                                  "old_unit_id": ids["window"], "new_unit_id": ids["unit"]})
    report = office.sync()
    assert report.forbidden == 1
    assert hq.rows("unit_succession") == {}


def test_an_office_store_refuses_to_record_a_unit_succession(store):
    store.set_meta("device_role", "office")
    with pytest.raises(DomainError) as refused, store.write("clerk") as w:
        record_succession(w, "a", "b")
    assert refused.value.code == "succession_hq_only"
