"""The profile's stored role decides: leaving the kiosk, settling keying differences and
duplicate form numbers (issue 6 §2), whatever role the caller claims."""

from datetime import date

import pytest
import sqlalchemy as sa

from models import batches
from models.enums import ProfileRole, RespondentGroup
from models.errors import DomainError
from models.profiles import create_profile
from models.reference import Campaign, Unit
from models.security.lockout import LockedOutError
from models.security.pins import WrongPinError
from models.security.roles import kiosk_exit, require_supervisor


@pytest.fixture
def people(store):
    create_profile(store, "clerk", ProfileRole.CLERK, pin="1111")
    create_profile(store, "boss", ProfileRole.SUPERVISOR, pin="2468")
    create_profile(store, "hq", ProfileRole.HQ, pin="9753")
    create_profile(store, "nopin", ProfileRole.SUPERVISOR)
    return store


def _events(store, event):
    with store.read() as conn:
        return conn.execute(sa.text("SELECT profile FROM audit_log WHERE event = :e "
                                    "ORDER BY seq"), {"e": event}).scalars().all()


def test_stored_role_decides_not_the_claimed_one(people):
    with people.read() as conn:
        require_supervisor(conn, "boss", ProfileRole.SUPERVISOR, "settle_needs_supervisor")
        require_supervisor(conn, "hq", None, "settle_needs_supervisor")
        for profile, claimed in [("clerk", ProfileRole.SUPERVISOR), ("clerk", None),
                                 ("stranger", ProfileRole.SUPERVISOR),
                                 ("boss", ProfileRole.CLERK)]:
            with pytest.raises(DomainError) as caught:
                require_supervisor(conn, profile, claimed, "settle_needs_supervisor")
            assert caught.value.code == "settle_needs_supervisor"  # says what was refused


def test_a_store_without_profiles_falls_back_to_the_claimed_role(store):
    with store.read() as conn:
        require_supervisor(conn, "script", ProfileRole.SUPERVISOR, "no")
        with pytest.raises(DomainError):
            require_supervisor(conn, "script", ProfileRole.CLERK, "no")
        with pytest.raises(DomainError):
            require_supervisor(conn, "script", None, "no")


def _batch_with_a_difference(store):
    with store.write("clerk") as w:
        campaign = w.create(Campaign, {"name": "2026 万民评议", "year": 2026})
        unit = w.create(Unit, {"name": "县社保中心", "kind": "department"})
        batch = batches.open_batch(w, {
            "campaign_id": campaign, "group": RespondentGroup.CITIZEN, "unit_id": unit,
            "evaluated_on": date(2026, 5, 4), "cover_count": 1})
        batches.add_form(w, batch, {"form_no": "0001", "level": "satisfied"})
        batches.close_batch(w, batch)
    with store.write("boss") as w:
        batches.choose_sample(w, batch, None, actor_role=ProfileRole.SUPERVISOR)
    with store.write("hq") as w:  # another person keys it again
        batches.add_verification(w, batch, {"form_no": "0001", "level": "dissatisfied",
                                            "reason": "态度差"})
        found = batches.finish_verification(w, batch)
    assert len(found) == 1
    return batch, found[0].keying_id


def test_a_clerk_profile_cannot_settle_a_keying_difference_even_claiming_supervisor(people):
    batch, keying = _batch_with_a_difference(people)
    with pytest.raises(DomainError, match="Only a supervisor"), people.write("clerk") as w:
        batches.settle(w, batch, keying, "first", actor_role=ProfileRole.SUPERVISOR)
    with pytest.raises(DomainError, match="Only a supervisor"), people.write("clerk") as w:
        batches.choose_sample(w, batch, 1, actor_role=ProfileRole.SUPERVISOR)
    with people.write("boss") as w:
        batches.settle(w, batch, keying, "first", actor_role=ProfileRole.SUPERVISOR)
    with people.read() as conn:
        assert batches.get_batch(conn, batch)["verified_at"] is not None


def test_a_clerk_profile_cannot_settle_a_duplicate_form_number(people):
    from desktop.data import sync_issues as si

    comparison = si.Comparison(kind=si.DUPLICATE, rows=[], choices=(si.KEEP_HQ, si.KEEP_MINE),
                               mine_id="x", kept_ids=["y"])
    issue = {"id": "issue", "table_name": "evaluation", "row_id": "x", "code": si.DUPLICATE}
    with pytest.raises(DomainError, match="duplicate form numbers"), people.write("clerk") as w:
        si.settle(w, issue, comparison, si.KEEP_HQ, "same number",
                  actor_role=ProfileRole.SUPERVISOR)


def test_kiosk_exit_takes_a_supervisor_pin_audited_with_growing_waits(people):
    with pytest.raises(WrongPinError):
        kiosk_exit(people, "1111", now=1000.0)  # a clerk's PIN does not open the kiosk
    with pytest.raises(WrongPinError):
        kiosk_exit(people, "", now=1001.0)  # nor does a supervisor profile without a PIN
    assert kiosk_exit(people, "2468", now=1002.0) == "boss"
    assert kiosk_exit(people, "9753", now=1003.0) == "hq"
    assert _events(people, "kiosk_exit") == ["boss", "hq"]
    assert _events(people, "pin_failed") == ["kiosk", "kiosk"]
    now = 2000.0
    for _ in range(3):  # three free failures (the success above cleared the count)
        with pytest.raises(WrongPinError):
            kiosk_exit(people, "0000", now=now)
    with pytest.raises(WrongPinError):
        kiosk_exit(people, "0000", now=now)  # the fourth starts the waits
    with pytest.raises(LockedOutError) as caught:
        kiosk_exit(people, "2468", now=now + 1)  # even the right PIN waits
    assert caught.value.wait_seconds and caught.value.wait_seconds > 0
    for _ in range(20):  # the public cannot block the supervisor out for good
        now += 1000
        with pytest.raises(WrongPinError):
            kiosk_exit(people, "0000", now=now)
    with pytest.raises(LockedOutError) as caught:
        kiosk_exit(people, "2468", now=now + 1)
    assert caught.value.wait_seconds is not None and caught.value.wait_seconds < 15 * 60
    assert kiosk_exit(people, "2468", now=now + 15 * 60) == "boss"
