"""Settings that decide results change only at HQ (issue 11 §2, part 4): a campaign's weights
and minimum sample rank every unit of the county, so an office device reads them and neither
its store nor HQ lets it change them. The HQ tests run on SQLite and PostgreSQL."""

import pytest

from models import services
from models.errors import DomainError
from models.reference import Campaign
from models.rules import DEFAULT_MIN_SAMPLE, DEFAULT_WEIGHTS
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import seed_reference

# The sync tests' HQ on SQLite and on PostgreSQL (database_url is parametrised).
database_url, hq = sync_conftest.database_url, sync_conftest.hq
_passphrase = sync_conftest._passphrase  # autouse: the devices' passphrase

REVERSED = {"weight_satisfied": 0.0, "weight_fairly_satisfied": 60.0,
            "weight_basically_satisfied": 80.0, "weight_dissatisfied": 100.0, "min_sample": 1}
# Weights of its own that the rules accept (they run downwards from satisfied).
OWN_WEIGHTS = {"weight_satisfied": 100, "weight_fairly_satisfied": 85,
               "weight_basically_satisfied": 65, "weight_dissatisfied": 10}


def _settings(row: dict) -> tuple:
    return (row["weight_satisfied"], row["weight_fairly_satisfied"],
            row["weight_basically_satisfied"], row["weight_dissatisfied"], row["min_sample"])


DEFAULTS = (*DEFAULT_WEIGHTS, DEFAULT_MIN_SAMPLE)


def test_office_device_cannot_change_campaign_weights_or_minimum_sample(hq):
    boss = hq.device("hq", name="hq")
    campaign = seed_reference(boss)["campaign"]
    boss.sync()
    office = hq.device("office", name="county-office")
    office.sync()
    # A doctored client (the window and models.services refuse these): straight to the store.
    with office.write("clerk") as w:
        w.update(Campaign, campaign, REVERSED)
        w.update(Campaign, campaign, {"is_open": False})  # decides no figure: the office may
        rigged = w.create(Campaign, {"name": "Rigged", "year": 2026, **REVERSED})
        plain = w.create(Campaign, {"name": "Plain", "year": 2026})  # HQ's defaults: fine
    report = office.sync()
    assert report.forbidden == 2
    with office.store.read() as conn:
        codes = conn.exec_driver_sql("SELECT code FROM sync_issue ORDER BY outbox_seq").all()
    assert [c[0] for c in codes] == ["hq_setting", "hq_setting"]
    at_hq = hq.rows("campaign")
    assert _settings(at_hq[campaign]) == DEFAULTS and at_hq[campaign]["is_open"] is False
    assert plain in at_hq and rigged not in at_hq
    # HQ's own change reaches the office, and replaces what the office tried
    with boss.write() as w:
        w.update(Campaign, campaign, {"weight_fairly_satisfied": 90.0, "min_sample": 12})
    boss.sync()
    office.sync()
    assert _settings(office.rows("campaign")[campaign]) == (100.0, 90.0, 60.0, 0.0, 12)


def test_office_store_refuses_result_settings_before_they_reach_the_outbox(store):
    store.set_meta("device_role", "office")  # enrolled as an office (never enrolled: below)
    with store.write("clerk") as w:
        campaign = services.create_record(w, Campaign, {"name": "2026 drive", "year": 2026})
    for change in ({"min_sample": 1}, {"weight_dissatisfied": 100.0}):
        with pytest.raises(DomainError) as refused, store.write("clerk") as w:
            services.update_record(w, Campaign, campaign, change)
        assert refused.value.code == "hq_setting"
    with pytest.raises(DomainError), store.write("clerk") as w:
        services.create_record(w, Campaign, {"name": "Rigged", "year": 2026, **REVERSED})
    with store.write("clerk") as w:  # what decides no figure stays the office's
        services.update_record(w, Campaign, campaign, {"is_open": False, "name": "2026 drive A"})
    with store.read() as conn:
        row = conn.execute(Campaign.__table__.select()).mappings().one()
        queued = conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar()
    assert _settings(row) == DEFAULTS and queued == 2  # the creation and the allowed edit
    store.set_meta("device_role", "hq")  # HQ's own store sets them
    with store.write("hq") as w:
        services.update_record(w, Campaign, campaign, {"min_sample": 12})


def test_standalone_office_sets_its_own_weights_until_it_enrolls(store):
    """A store that never enrolled has no HQ above it: it is its own HQ. Once enrolled as an
    office, the same change is refused (HQ's authority)."""
    with store.write("clerk") as w:
        campaign = services.create_record(w, Campaign, {"name": "2026 drive", "year": 2026,
                                                        **OWN_WEIGHTS})
        services.update_record(w, Campaign, campaign, {"min_sample": 5})
    store.set_meta("device_role", "office")
    with pytest.raises(DomainError) as refused, store.write("clerk") as w:
        services.update_record(w, Campaign, campaign, {"min_sample": 6})
    assert refused.value.code == "hq_setting"
