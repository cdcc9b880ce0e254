"""Checking a profile's PIN with lockout; the counters live in the store, per profile."""

import json
import time

import sqlalchemy as sa

from models.errors import AppError, NotFoundError
from models.profiles import check_pin
from models.security import audit
from models.security.lockout import AttemptState
from models.store.database import write_transaction
from models.store.store import Store, get_meta, set_meta


def _profile_table() -> sa.Table:
    # Looked up when a PIN is checked, not at import: this module is on the window's start-up
    # path (through the idle lock), and the SQLModel table classes cost ~0.3 s to import.
    from models.device import Profile

    return Profile.__table__


class WrongPinError(AppError):
    code = "wrong_pin"


def _meta_key(profile_id: str) -> str:
    return f"pin_failures:{profile_id}"


def _load(conn: sa.Connection, profile_id: str) -> AttemptState:
    raw = get_meta(conn, _meta_key(profile_id))
    if not raw:
        return AttemptState()
    doc = json.loads(raw)
    return AttemptState(int(doc["failures"]), float(doc["last_failure"]))


def _save(conn: sa.Connection, profile_id: str, state: AttemptState) -> None:
    set_meta(conn, _meta_key(profile_id),
             json.dumps({"failures": state.failures, "last_failure": state.last_failure}))


def verify_pin(store: Store, name: str, pin: str, *, now: float | None = None) -> None:
    """Accept the PIN or raise `WrongPinError` / `LockedOutError`; every failure is audited."""
    now = time.time() if now is None else now
    with write_transaction(store.engine) as conn:
        t = _profile_table()
        row = conn.execute(sa.select(t.c.id, t.c.pin_hash).where(
            t.c.name == name, t.c.deleted_at.is_(None))).first()
        if row is None:
            raise NotFoundError(code="no_such_profile", params={"name": name})
        state = _load(conn, row.id)
        state.refuse_if_locked("pin", now)
        if check_pin(row.pin_hash, pin):
            if state.failures:
                _save(conn, row.id, AttemptState())
            return
        _save(conn, row.id, state.failed(now))
        audit.record(conn, "pin_failed", profile=name)
    raise WrongPinError(code="wrong_pin")


def reset_pin_lockout(store: Store, name: str, *, by: str) -> None:
    """A supervisor unblocks a profile (the caller checks the supervisor's role)."""
    with write_transaction(store.engine) as conn:
        t = _profile_table()
        profile_id = conn.execute(sa.select(t.c.id).where(t.c.name == name)).scalar()
        if profile_id is None:
            raise NotFoundError(code="no_such_profile", params={"name": name})
        _save(conn, profile_id, AttemptState())
        audit.record(conn, "pin_unblocked", profile=by, details={"profile": name})
