"""Enrollment codes, device credentials and access tokens.

Every secret has at least 128 random bits, so HQ stores a plain SHA-256 of it and a token check
is one indexed lookup, not a slow key derivation per request. Nothing lives in process memory:
any worker can check any token.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa

from models.timeutil import utcnow
from sync.server import tables as T
from sync.server.errors import not_authenticated

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


@dataclass(frozen=True)
class Bearer:
    """An access token not checked yet: `identify` checks it in the caller's transaction."""

    token: str = field(repr=False)


def identify(conn: sa.Connection, who: "DeviceIdentity | Bearer") -> "DeviceIdentity":
    return authenticate(conn, who.token) if isinstance(who, Bearer) else who


def _identity(row) -> DeviceIdentity:
    return DeviceIdentity(
        id=row.id, role=row.role, store_device_id=row.store_device_id or row.id,
        team_id=row.team_id, representative_id=row.representative_id, unit_id=row.unit_id,
        label=row.label,
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
    row = conn.execute(
        sa.select(T.device, T.access_token.c.expires_at)
        .join(T.access_token, T.access_token.c.device_id == T.device.c.id)
        .where(T.access_token.c.token_hash == digest(token))
    ).first()
    if row is None:
        raise not_authenticated("invalid", "The access token is not valid.")
    if row.status == "revoked":
        log.warning("revoked device %s (%s) called HQ: refused", row.label, row.id)
        raise not_authenticated("revoked", "HQ has revoked this device.")
    if row.expires_at <= utcnow():
        raise not_authenticated("expired", "The access token has expired.")
    return _identity(row)
