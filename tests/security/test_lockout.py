"""Wrong passphrases and PINs slow down, then block; the right one resets the count."""

import pytest

from models.enums import ProfileRole
from models.profiles import create_profile
from models.security.lockout import BLOCK_AFTER, LockedOutError, UnlockGuard, wait_after
from models.security.pins import WrongPinError, reset_pin_lockout, verify_pin
from models.store.keys import WrongPassphraseError
from models.store.store import Store
from tests.conftest import PASSPHRASE


def test_policy_is_free_then_slower_then_blocked():
    waits = [wait_after(n) for n in range(12)]
    assert waits[:4] == [0, 0, 0, 0]
    assert waits[4] == 5 and waits[5] == 10 and waits[6] == 20
    assert waits[BLOCK_AFTER] is None


def test_wrong_passphrases_slow_down_then_block(store, data_dir):
    store.close()
    for _ in range(3):
        with pytest.raises(WrongPassphraseError):
            Store.open(data_dir, "guess")
    with pytest.raises(WrongPassphraseError):
        Store.open(data_dir, "guess")  # the 4th failure is counted; now a wait starts
    with pytest.raises(LockedOutError, match="try again in") as info:
        Store.open(data_dir, PASSPHRASE)  # even the right one waits
    assert 0 < info.value.wait_seconds <= 5


def test_right_passphrase_resets_the_count(store, data_dir):
    store.close()
    guard = UnlockGuard(data_dir)
    for _ in range(2):
        with pytest.raises(WrongPassphraseError):
            Store.open(data_dir, "guess")
    assert guard.state().failures == 2
    Store.open(data_dir, PASSPHRASE).close()
    assert guard.state().failures == 0


def test_blocked_passphrase_needs_recovery(store, data_dir):
    store.close()
    clock = [1000.0]
    guard = UnlockGuard(data_dir, clock=lambda: clock[0])
    for _ in range(BLOCK_AFTER):
        guard.failed()
    clock[0] += 10**6
    with pytest.raises(LockedOutError, match="blocked") as info:
        guard.check()
    assert info.value.wait_seconds is None


def test_pin_lockout_and_supervisor_unblock(store):
    create_profile(store, "王芳", ProfileRole.CLERK, pin="2468")
    verify_pin(store, "王芳", "2468", now=0)
    t = 100.0
    for _ in range(4):
        with pytest.raises(WrongPinError):
            verify_pin(store, "王芳", "0000", now=t)
    with pytest.raises(LockedOutError):
        verify_pin(store, "王芳", "2468", now=t + 1)
    verify_pin(store, "王芳", "2468", now=t + 6)  # after the wait, the right PIN works
    for i in range(BLOCK_AFTER):
        t += 10_000
        with pytest.raises(WrongPinError):
            verify_pin(store, "王芳", "0000", now=t + i)
    with pytest.raises(LockedOutError, match="blocked"):
        verify_pin(store, "王芳", "2468", now=t + 10**7)
    reset_pin_lockout(store, "王芳", by="supervisor")
    verify_pin(store, "王芳", "2468", now=t + 10**7)


def test_switching_user_cannot_guess_another_profiles_pin(store):
    """Switch user (lock screen or menu) is no side door: its wrong PINs count towards the same
    lockout as at start-up, so guessing a supervisor's PIN from a clerk's seat stops."""
    from models.security.relock import switch_profile

    create_profile(store, "王芳", ProfileRole.CLERK, pin="1357")
    create_profile(store, "李强", ProfileRole.SUPERVISOR, pin="8642")
    for _ in range(4):
        with pytest.raises(WrongPinError):
            switch_profile(store, "王芳", "李强", "0000")
    with pytest.raises(LockedOutError):
        switch_profile(store, "王芳", "李强", "8642")  # even the right one waits now
    with pytest.raises(LockedOutError):
        verify_pin(store, "李强", "8642")  # and at start-up too: one count per profile
