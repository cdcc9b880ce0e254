"""The county's office settings (issue 14 §5): HQ writes the one record, every other device
receives it, and a change from any other device is refused, by the device's own store and by HQ
(code `office_settings_hq_only`). SQLite and PostgreSQL."""

import pytest

from models.errors import DomainError
from models.office_settings import (
    OFFICE_SETTINGS_ID,
    prefix_for,
    read_office_settings,
    save_office_settings,
)
from models.reference import OfficeSettings
from tests.sync.helpers import seed_reference

SET_AT_HQ = {"issuer_name": "中共某某县纪律检查委员会", "prefix_criticism": "县纪通",
             "prefix_assignment": "县纪交", "hotline": "0871-12388",
             "email": "jw@county.example", "default_deadline_days": 45, "due_soon_days": 5,
             "accountability_threshold": 2}


def _settings(dev) -> dict:
    with dev.store.read() as conn:
        return read_office_settings(conn)


def test_hq_sets_the_office_settings_and_every_device_receives_them(hq):
    boss = hq.device("hq", name="hq")
    seed_reference(boss)
    with boss.write("hq") as w:
        save_office_settings(w, SET_AT_HQ)
    boss.sync()
    rep = hq.device("representative", representative="Li Wei", team="Team 1")
    office = hq.device("office", name="county-office")
    kiosk = hq.device("kiosk", unit="County Hall/Window 1")
    for dev in (rep, office, kiosk):
        assert _settings(dev)["default_deadline_days"] == 30  # the defaults until the pull
        dev.sync()
        got = _settings(dev)
        assert {k: got[k] for k in SET_AT_HQ} == SET_AT_HQ
        with dev.store.read() as conn:
            assert prefix_for(conn, "criticism") == "县纪通"
    with boss.write("hq") as w:  # a later change at HQ reaches them too
        save_office_settings(w, {"due_soon_days": 10})
    boss.sync()
    office.sync()
    assert _settings(office)["due_soon_days"] == 10


def test_an_office_device_pushing_a_change_to_the_settings_is_refused(hq):
    boss = hq.device("hq", name="hq")
    with boss.write("hq") as w:
        save_office_settings(w, SET_AT_HQ)
    boss.sync()
    office = hq.device("office", name="county-office")
    office.sync()
    # A doctored client (its own store refuses this: below): straight to the store.
    with office.write("clerk") as w:
        w.update(OfficeSettings, OFFICE_SETTINGS_ID, {"default_deadline_days": 365,
                                                      "issuer_name": "Rigged"})
    report = office.sync()
    assert report.forbidden == 1
    with office.store.read() as conn:
        codes = conn.exec_driver_sql("SELECT code FROM sync_issue").scalars().all()
    assert codes == ["office_settings_hq_only"]
    at_hq = hq.rows("office_settings")[OFFICE_SETTINGS_ID]
    assert at_hq["default_deadline_days"] == 45 and at_hq["issuer_name"] == SET_AT_HQ[
        "issuer_name"]


def test_an_office_store_refuses_to_change_the_settings_before_the_outbox(store):
    store.set_meta("device_role", "office")
    with pytest.raises(DomainError) as refused, store.write("clerk") as w:
        save_office_settings(w, {"hotline": "110"})
    assert refused.value.code == "office_settings_hq_only"
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0
        assert read_office_settings(conn)["hotline"] == ""
    store.set_meta("device_role", "hq")
    with store.write("hq") as w:
        save_office_settings(w, {"hotline": "110"})
    with store.read() as conn:
        assert read_office_settings(conn)["hotline"] == "110"


def test_an_office_device_cannot_change_the_work_reports_signer(hq):
    """The signer HQ set (签发人, printed on the upward work report) stays HQ's: a doctored
    office device's change is refused by HQ and HQ's signer reaches the office again."""
    boss = hq.device("hq", name="hq")
    with boss.write("hq") as w:
        save_office_settings(w, {"signer": "王五", "prefix_work_report": "余纠报"})
    boss.sync()
    office = hq.device("office", name="county-office")
    office.sync()
    assert _settings(office)["signer"] == "王五"
    with office.write("clerk") as w:  # straight to the store, past its own refusal
        w.update(OfficeSettings, OFFICE_SETTINGS_ID, {"signer": "冒名"})
    report = office.sync()
    assert report.forbidden == 1
    with office.store.read() as conn:
        codes = conn.exec_driver_sql("SELECT code FROM sync_issue").scalars().all()
    assert codes == ["office_settings_hq_only"]
    at_hq = hq.rows("office_settings")[OFFICE_SETTINGS_ID]
    assert (at_hq["signer"], at_hq["prefix_work_report"]) == ("王五", "余纠报")


def test_an_office_store_refuses_to_change_the_signer_before_the_outbox(store):
    store.set_meta("device_role", "office")
    with pytest.raises(DomainError) as refused, store.write("clerk") as w:
        save_office_settings(w, {"signer": "冒名"})
    assert refused.value.code == "office_settings_hq_only"
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0
        assert read_office_settings(conn)["signer"] == ""
