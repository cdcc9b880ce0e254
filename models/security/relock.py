"""The window's idle lock: locking is logged, and unlocking asks the person at the keyboard for
their profile's PIN (or, for a profile without one, the store's passphrase) under the same
lockout as at start-up.

The store stays open while the window is locked (sync and saves in flight go on); what the lock
guards is the screen. Every lock, unlock and failed unlock is in the audit chain.
"""

import hmac

from models.security import audit
from models.security.pins import verify_pin
from models.store.keys import KEY_FILE, WrongPassphraseError
from models.store.store import Store, unlock_key

PIN, PASSPHRASE = "pin", "passphrase"


def unlock_secret_kind(store: Store, profile: str) -> str:
    """What unlocks the window for this profile: its PIN when it has one, else the passphrase."""
    with store.read() as conn:
        pin_hash = conn.exec_driver_sql(
            "SELECT pin_hash FROM profile WHERE name = ? AND deleted_at IS NULL",
            (profile,)).scalar()
    return PIN if pin_hash else PASSPHRASE


def lock_window(store: Store, profile: str, minutes: int) -> str:
    """Log the lock; return what will unlock it (`PIN` or `PASSPHRASE`)."""
    audit.log_event(store, "idle_lock", profile=profile, details={"after_minutes": minutes})
    return unlock_secret_kind(store, profile)


def unlock_window(store: Store, profile: str, secret: str) -> None:
    """Accept the secret or raise (`WrongPinError`, `WrongPassphraseError`, `LockedOutError`).

    Wrong PINs count per profile in the store, wrong passphrases in the data directory's
    attempt file, exactly as when the app starts."""
    _check_secret(store, profile, secret)
    audit.log_event(store, "unlock", profile=profile, details={"after": "idle lock"})


def switch_profile(store: Store, current: str, profile: str, secret: str) -> None:
    """Another person takes the keyboard without restarting: their secret is checked as at
    start-up (same lockout), and the switch is audited under the new profile."""
    _check_secret(store, profile, secret)
    audit.log_event(store, "profile_switched", profile=profile, details={"from": current})


def _check_secret(store: Store, profile: str, secret: str) -> None:
    if unlock_secret_kind(store, profile) == PIN:
        verify_pin(store, profile, secret)
        return
    try:
        key = unlock_key(store.data_dir, store.data_dir / KEY_FILE, secret)
    except WrongPassphraseError as exc:
        audit.log_event(store, "unlock_failed", profile=profile, details={"after": "idle lock"})
        raise WrongPassphraseError(code="window_wrong_passphrase") from exc
    if not hmac.compare_digest(key, store.data_key):  # a key file replaced under us
        raise WrongPassphraseError(code="window_wrong_passphrase")
