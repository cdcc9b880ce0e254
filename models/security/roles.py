"""Who may do what on this device: the acting profile's role as stored, not what a caller says.

The window passes the role it believes the person has; these checks read the profile's role from
the store in the same transaction, so a clerk's profile cannot settle keying differences or
duplicate form numbers whatever the caller claims. A store with no profiles at all (scripts,
tests that never made one) falls back to the claimed role; on a device with profiles an unknown
name is refused.

Settings that decide results (a campaign's weights and minimum sample) and a visit's
assignment are HQ's: `require_hq_device` refuses them on any other device before they reach the
outbox (HQ refuses them again, whatever a device sends). A standalone office (a store that never
enrolled: no HQ exists for it) is its own HQ and sets them; once it enrolls, HQ's authority
applies (docs/authorization.md, "Standalone offices").

Leaving the kiosk takes the PIN of a supervisor (or HQ) profile, under a device-wide lockout
(the PIN is typed without a name, at a machine the public uses: waits grow, capped, but it
never blocks for good), and every attempt is audited.
"""

import json
import time

import sqlalchemy as sa

from models.device import Profile
from models.enums import DeviceRole, ProfileRole
from models.errors import DomainError
from models.profiles import check_pin
from models.security import audit
from models.security.lockout import BLOCK_AFTER, AttemptState
from models.security.pins import WrongPinError
from models.store.database import write_transaction
from models.store.store import Store, get_meta, set_meta

SUPERVISING = (ProfileRole.SUPERVISOR.value, ProfileRole.HQ.value)
_T = Profile.__table__
KIOSK_EXIT_FAILURES = "kiosk_exit_failures"


def stored_role(conn: sa.Connection, profile: str) -> str | None:
    """The role of the live profile with this name; None when there is none."""
    return conn.execute(sa.select(_T.c.role).where(
        _T.c.name == profile, _T.c.deleted_at.is_(None))).scalar()


def _has_profiles(conn: sa.Connection) -> bool:
    return conn.execute(sa.select(sa.literal(1)).select_from(_T)
                        .where(_T.c.deleted_at.is_(None)).limit(1)).first() is not None


def require_supervisor(conn: sa.Connection, profile: str, claimed_role: str | None,
                       refusal: str = "supervisor_only") -> None:
    """Raise a `DomainError` unless the acting profile supervises. `refusal` is its message
    code (models/messages): what only a supervisor does."""
    role = stored_role(conn, profile)
    if role is None and not _has_profiles(conn):
        role = claimed_role
    refused = (role is None or str(role) not in SUPERVISING
               # the window thinks this is not a supervisor: it should not have offered it
               or claimed_role is not None and str(claimed_role) not in SUPERVISING)
    if refused:
        raise DomainError(code=refusal)


def require_hq_device(conn: sa.Connection, fields: list[str], message: str, code: str) -> None:
    """Raise `DomainError(code=code)` when `fields` is not empty and this store is not HQ's.
    A store that never enrolled is a standalone office with no HQ above it, and a demo store,
    made to explore the product, never syncs: both act as HQ."""
    if not fields:
        return
    role = get_meta(conn, "device_role")
    if role == DeviceRole.HQ or not role or get_meta(conn, "demo") == "1":
        return
    raise DomainError(message, code=code)


def _load(conn: sa.Connection) -> AttemptState:
    raw = get_meta(conn, KIOSK_EXIT_FAILURES)
    if not raw:
        return AttemptState()
    doc = json.loads(raw)
    return AttemptState(int(doc["failures"]), float(doc["last_failure"]))


def _save(conn: sa.Connection, state: AttemptState) -> None:
    set_meta(conn, KIOSK_EXIT_FAILURES,
             json.dumps({"failures": state.failures, "last_failure": state.last_failure}))


def kiosk_exit(store: Store, pin: str, *, now: float | None = None) -> str:
    """The supervisor (or HQ) profile whose PIN this is; `WrongPinError` or `LockedOutError`
    otherwise. Profiles without a PIN never open the kiosk. Every attempt is audited."""
    now = time.time() if now is None else now
    with write_transaction(store.engine) as conn:
        state = _load(conn)
        state.refuse_if_locked("pin", now)
        rows = conn.execute(sa.select(_T.c.name, _T.c.pin_hash).where(
            _T.c.role.in_(SUPERVISING), _T.c.pin_hash != "", _T.c.deleted_at.is_(None))
            .order_by(_T.c.created_at)).all()
        who = next((r.name for r in rows if check_pin(r.pin_hash, pin)), None)
        if who is not None:
            if state.failures:
                _save(conn, AttemptState())
            audit.record(conn, "kiosk_exit", profile=who)
            return who
        # waits grow but never block for good: the public must not be able to lock the
        # supervisor out of their own kiosk
        _save(conn, AttemptState(min(state.failures + 1, BLOCK_AFTER - 1), now))
        audit.record(conn, "pin_failed", profile="kiosk", details={"action": "kiosk_exit"})
    raise WrongPinError(code="wrong_pin")

