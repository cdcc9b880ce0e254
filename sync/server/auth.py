"""Enrollment codes, device credentials and access tokens.

Every secret has at least 128 random bits, so HQ stores a plain SHA-256 of it and a token check
is one indexed lookup, not a slow key derivation per request. Any worker can check any token.

A push is checked twice and costs one transaction (issue 18 §3): before its body is read,
against the token's last check in this worker (`recently_checked`, a few seconds old at most;
a miss checks the database), and then, authoritatively, in the push's own writing transaction
(`check_pushing`, the same statement that reads the device's sequence): a revoked or retired
device, a deleted or expired token is refused there and nothing is applied. The memory is only
what lets a known device's body be read without a transaction of its own.
"""

import functools
import hashlib
import logging
import secrets
import time
from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa

from models.coltypes import as_utc
from models.timeutil import utcnow
from sync.server import tables as T
from sync.server.db import driver_mark
from sync.server.errors import not_authenticated
from sync.server.pg_together import together

log = logging.getLogger("fieldinspect.sync.auth")

CODE_TTL = timedelta(hours=24)
TOKEN_TTL = timedelta(minutes=15)
# Enrollment codes are typed by a person: no 0/O/1/I confusion; 26 characters ≈ 130 bits.
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_CODE_LENGTH = 26


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(_CODE_LENGTH))


def normalise_code(code: str) -> str:
    return code.strip().upper().replace("-", "").replace(" ", "")


def new_secret() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


@dataclass(frozen=True)
class DeviceIdentity:
    """Who is calling, from HQ's records only (never from a payload)."""

    id: str
    role: str
    store_device_id: str
    team_id: str | None
    representative_id: str | None
    unit_id: str | None
    label: str
    # The digest of the access token this identity was checked with, when it came from one:
    # a push checks it again in its own transaction (`check_pushing`).
    token_hash: str | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Bearer:
    """An access token not checked yet: `identify` checks it in the caller's transaction."""

    token: str = field(repr=False)


def identify(conn: sa.Connection, who: "DeviceIdentity | Bearer") -> "DeviceIdentity":
    return authenticate(conn, who.token) if isinstance(who, Bearer) else who


def _identity(row, token_hash: str | None = None) -> DeviceIdentity:
    return DeviceIdentity(
        id=row.id, role=row.role, store_device_id=row.store_device_id or row.id,
        team_id=row.team_id, representative_id=row.representative_id, unit_id=row.unit_id,
        label=row.label, token_hash=token_hash,
    )


def issue_token(conn: sa.Connection, credential: str, ttl: timedelta = TOKEN_TTL) -> tuple[str, int]:
    row = conn.execute(
        sa.select(T.device).where(T.device.c.credential_hash == digest(credential))
    ).first()
    if row is None:
        raise not_authenticated("invalid", "This device is not known to HQ; enroll it again.")
    if row.status == "revoked":
        log.warning("revoked device %s (%s) asked for a token: refused", row.label, row.id)
        raise not_authenticated("revoked", "HQ has revoked this device.")
    token = new_secret()
    now = utcnow()
    conn.execute(T.access_token.delete().where(T.access_token.c.device_id == row.id,
                                               T.access_token.c.expires_at < now))
    conn.execute(T.access_token.insert().values(
        token_hash=digest(token), device_id=row.id, expires_at=now + ttl))
    return token, int(ttl.total_seconds())


def authenticate(conn: sa.Connection, token: str) -> DeviceIdentity:
    """The device holding `token`, checked: known, not revoked, the token unexpired. One
    driver statement (every pull and every request but a push checks its token so): built
    and compiled through SQLAlchemy's constructs it cost ~0.3 ms of HQ's CPU per request,
    a tenth of a one-record pull (issue 18)."""
    token_hash = digest(token)
    row = conn.exec_driver_sql(_authenticate_sql(driver_mark(conn)), (token_hash,)).first()
    if row is None:
        raise not_authenticated("invalid", "The access token is not valid.")
    if row.status == "revoked":
        log.warning("revoked device %s (%s) called HQ: refused", row.label, row.id)
        raise not_authenticated("revoked", "HQ has revoked this device.")
    expires_at = as_utc(row.expires_at)
    if expires_at <= utcnow():
        raise not_authenticated("expired", "The access token has expired.")
    identity = _identity(row, token_hash)
    if len(_CHECKED) >= _CHECKED_MAX:
        forget_checked()
    _CHECKED[token_hash] = (identity, expires_at, time.monotonic())
    return identity


@functools.cache
def _authenticate_sql(mark: str) -> str:
    """`authenticate`'s statement, made once per driver mark: the columns `_identity` reads,
    the device's status and the token's expiry (a `UTCDateTime`, read back with `_utc`)."""
    columns = ", ".join(f"d.{c}" for c in ("id", "role", "store_device_id", "team_id",
                                           "representative_id", "unit_id", "label", "status"))
    return (f"SELECT {columns}, t.expires_at FROM {T.device.name} AS d "
            f"JOIN {T.access_token.name} AS t ON t.device_id = d.id "
            f"WHERE t.token_hash = {mark}")


# --- the push's two checks ----------------------------------------------------------------------
# token digest -> (identity, token's expiry, when this worker last found it valid)
_CHECKED: dict[str, tuple[DeviceIdentity, object, float]] = {}
RECHECK_AFTER = 5.0  # seconds: past this, the pre-check asks the database again
_CHECKED_MAX = 20_000  # entries; a full memory is emptied (a few devices check again)


def recently_checked(token: str) -> DeviceIdentity | None:
    """The identity this worker found for `token` in the last RECHECK_AFTER seconds, if the
    token has not expired since; None: check it in the database. Only for the check before a
    push's body is read: the push checks again in its transaction (`check_pushing`)."""
    hit = _CHECKED.get(digest(token))
    if hit is None:
        return None
    identity, expires_at, checked_at = hit
    if time.monotonic() - checked_at > RECHECK_AFTER or expires_at <= utcnow():
        return None
    return identity


def forget_checked() -> None:
    _CHECKED.clear()


def check_pushing(conn: sa.Connection, device: DeviceIdentity, *, shared_gate: int = 0):
    """The pushing device's row (`last_seq`, `status`), read with the check that it may still
    push: not revoked, and its token (when it came with one) still held by HQ and unexpired.
    One statement, in the push's writing transaction, the device's row locked (so it sees
    what every push of this device before it committed).

    `shared_gate` (PostgreSQL): the writers' gate (`db.WRITERS_GATE`), taken shared by the
    same statement, BEFORE the row lock (the function is evaluated below PostgreSQL's LockRows
    step, as a statement of its own before this one was: the gate, then the device's row,
    always in that order, so a queued edit cannot close a cycle): one round trip fewer."""
    sql, params = pushing_statement(conn, device, shared_gate=shared_gate)
    if conn.dialect.name == "postgresql":  # its BEGIN rides along (one round trip, not two)
        return checked_pushing(device, together(conn, [(sql, params)], named=True)[0])
    return checked_pushing(device, conn.exec_driver_sql(sql, params))


def pushing_statement(conn: sa.Connection, device: DeviceIdentity, *,
                      shared_gate: int = 0) -> tuple[str, tuple]:
    """`check_pushing`'s statement and parameters (for a caller that sends it along with
    statements of its own; `checked_pushing` then checks its row)."""
    pg = conn.dialect.name == "postgresql"
    sql = _pushing_sql(device.token_hash is not None, shared_gate if pg else 0, pg,
                       driver_mark(conn))
    return sql, (device.id,) if device.token_hash is None else (device.token_hash, device.id)


def checked_pushing(device: DeviceIdentity, result):
    """`check_pushing`'s checks of the row its statement read (`result`: a cursor or a
    result giving rows with named columns)."""
    row = result.fetchone()
    if row is None:
        raise sa.exc.NoResultFound("the pushing device's row is gone")
    expires_at = as_utc(row.expires_at) if device.token_hash is not None else None
    if row.status == "revoked":
        _CHECKED.pop(device.token_hash, None)
        raise not_authenticated("revoked", "HQ has revoked this device.")
    if device.token_hash is not None:
        if expires_at is None:  # deleted: the device was revoked or retired
            _CHECKED.pop(device.token_hash, None)
            raise not_authenticated("invalid", "The access token is not valid.")
        if expires_at <= utcnow():
            raise not_authenticated("expired", "The access token has expired.")
    return row


@functools.cache
def _pushing_sql(with_token: bool, shared_gate: int, pg: bool, mark: str) -> str:
    """`check_pushing`'s statement, its text made once per shape and dialect, run by the
    driver (parameters: the token's digest when `with_token`, then the device's id): through
    SQLAlchemy's constructs it cost HQ a compile-cache lookup and result processing per push
    (issue 18 §3). The writers' gate (PostgreSQL) is a constant, written into the text."""
    columns = "d.last_seq, d.status"
    if shared_gate:
        columns += f", pg_advisory_xact_lock_shared({int(shared_gate)}::BIGINT) AS gate"
    source = f"{T.device.name} AS d"
    if with_token:
        columns += ", t.expires_at"
        source += (f" LEFT OUTER JOIN {T.access_token.name} AS t ON t.device_id = d.id "
                   f"AND t.token_hash = {mark}")
    # The device's row locked to COMMIT (PostgreSQL; on SQLite the writing transaction is
    # the only writer): two pushes of one device (a retry racing the first attempt on another
    # worker) take turns, and a revocation waits for a push under way.
    return (f"SELECT {columns} FROM {source} WHERE d.id = {mark}"
            + (" FOR UPDATE OF d" if pg else ""))
