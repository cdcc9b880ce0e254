"""Device administration at HQ: enroll (one-time code), redeem, list, revoke.

Used by the `hq` commands directly on the database and by the HQ API for HQ-role devices.
"""

import logging
from datetime import timedelta

import sqlalchemy as sa

from models.enums import DeviceRole
from models.errors import NotFoundError, Problem, ValidationError
from models.ids import natural_id, new_id
from models.reference import Representative, Team, Unit
from models.timeutil import utcnow
from sync.server import tables as T
from sync.server.audit_heads import alarm_of
from sync.server.auth import CODE_TTL, digest, new_code, new_secret, normalise_code
from sync.server.db import ServerDB, VersionClock
from sync.server.errors import not_authenticated
from sync.server.rows import server_insert
from sync.server.snapshot import build_ahead, drop_for_revoked

HQ_DEVICE = "hq"
log = logging.getLogger(__name__)


def enroll_device(db: ServerDB, *, role: str, team: str | None = None,
                  representative: str | None = None, unit: str | None = None,
                  label: str = "", ttl: timedelta = CODE_TTL) -> dict:
    """Register a pending device and return its one-time enrollment code."""
    role = _role(role)
    with db.write() as conn:
        clock = VersionClock(conn)
        team_id = _ensure_team(conn, clock, team) if team else None
        rep_id = None
        if role == DeviceRole.REPRESENTATIVE:
            rep_id, team_id = _representative(conn, clock, representative, team_id)
        unit_id = _find_unit(conn, unit) if unit else None
        if role == DeviceRole.KIOSK and unit_id is None:
            raise ValidationError(Problem.of("unit", "hq_kiosk_needs_unit"))
        if role == DeviceRole.UNIT and unit_id is None:  # its units decide all it receives
            raise ValidationError(Problem.of("unit", "hq_unit_device_needs_unit"))
        device_id, code = new_id(), new_code()
        now = utcnow()
        conn.execute(T.device.insert().values(
            id=device_id, label=label or f"{role.value}-{device_id[-6:]}", role=role.value,
            team_id=team_id, representative_id=rep_id, unit_id=unit_id, status="pending",
            created_at=now))
        conn.execute(T.enrollment_code.insert().values(
            code_hash=digest(code), device_id=device_id, expires_at=now + ttl))
        clock.save()
    return {"hq_device_id": device_id, "code": code, "expires_at": (now + ttl).isoformat()}


def prepare_first_sync(db: ServerDB, device_id: str, *, quiet: bool = False) -> bool:
    """Build the snapshot of a device's scope once its code is made (after the code is given
    out: the route runs it after its answer, the command after printing the code), so the
    device's first sync takes it from HQ's cache (`snapshot.build_ahead`). A failure only
    leaves the build to that first sync. `quiet`: the failure logged at DEBUG only (the
    command line configures no logging, and Python's last resort would print a warning's
    English and traceback on the clerk's screen; the code is valid either way)."""
    try:
        return build_ahead(db, device_id)
    except Exception:  # the code stands; the first sync builds the snapshot itself
        log.log(logging.DEBUG if quiet else logging.WARNING,
                "the snapshot for device %s was not built ahead", device_id, exc_info=True)
        return False


def redeem(db: ServerDB, code: str, store_device_id: str, label: str = "", *,
           previous_device_id: str | None = None) -> dict:
    """Turn a one-time code into a device credential (shown once, stored hashed).
    `previous_device_id`: the store device id a restored or copied store had; the device
    enrolled under it is recorded as the one this device replaces (for the administrator)."""
    now = utcnow()
    with db.write() as conn:
        row = conn.execute(sa.select(T.enrollment_code).where(
            T.enrollment_code.c.code_hash == digest(normalise_code(code)))).first()
        if row is None or row.used_at is not None:
            raise not_authenticated("invalid_code", "This enrollment code is unknown or already used.")
        if row.expires_at <= now:
            raise not_authenticated("expired_code", "This enrollment code has expired; ask HQ again.")
        taken = conn.execute(sa.select(T.device.c.id).where(
            T.device.c.store_device_id == store_device_id, T.device.c.status == "active")).first()
        if taken is not None:
            raise not_authenticated("already_enrolled", "This data directory is already enrolled.")
        credential = new_secret()
        conn.execute(T.enrollment_code.update().where(
            T.enrollment_code.c.code_hash == row.code_hash).values(used_at=now))
        values = {"status": "active", "store_device_id": store_device_id,
                  "credential_hash": digest(credential), "enrolled_at": now}
        if label:
            values["label"] = label
        if previous_device_id and previous_device_id != store_device_id:
            values["replaces_device_id"] = conn.execute(sa.select(T.device.c.id).where(
                T.device.c.store_device_id == previous_device_id)).scalar()
        conn.execute(T.device.update().where(T.device.c.id == row.device_id).values(**values))
        dev = conn.execute(sa.select(T.device).where(T.device.c.id == row.device_id)).one()
    return {"hq_device_id": dev.id, "credential": credential, "role": dev.role,
            "team_id": dev.team_id, "representative_id": dev.representative_id,
            "unit_id": dev.unit_id, "label": dev.label}


def list_devices(db: ServerDB) -> list[dict]:
    team, unit = Team.__table__, Unit.__table__
    with db.read() as conn:
        rows = conn.execute(
            sa.select(T.device, team.c.name.label("team_name"), unit.c.name.label("unit_name"))
            .outerjoin(team, team.c.id == T.device.c.team_id)
            .outerjoin(unit, unit.c.id == T.device.c.unit_id).order_by(T.device.c.created_at)
        ).all()
        alarms = dict(conn.execute(sa.text(
            "SELECT key, value FROM store_meta WHERE key LIKE 'audit_alarm:%'")).all())
    out = []
    for r in rows:
        alarm = alarm_of(alarms.get(f"audit_alarm:{r.id}"))
        out.append({"id": r.id, "label": r.label, "role": r.role, "team": r.team_name,
                    "unit_id": r.unit_id, "unit": r.unit_name,
                    "status": r.status, "store_device_id": r.store_device_id,
                    "last_sync_at": r.last_sync_at.isoformat() if r.last_sync_at else None,
                    "audit_alarm": alarm.get("text", ""),
                    "audit_alarm_code": alarm.get("code", ""),
                    "audit_alarm_args": alarm.get("args", {}),
                    "replaces_device_id": r.replaces_device_id})
    return out


def revoke_device(db: ServerDB, key: str) -> dict:
    """Revoke by HQ id, store device id or label; its tokens stop working at once."""
    with db.write() as conn:
        rows = conn.execute(sa.select(T.device).where(sa.or_(
            T.device.c.id == key, T.device.c.store_device_id == key, T.device.c.label == key,
        ))).all()
        if not rows:
            raise NotFoundError(code="hq_device_unknown", params={"key": key})
        if len(rows) > 1:
            raise ValidationError(Problem.of("device", "hq_device_ambiguous", key=key,
                                             count=len(rows)))
        conn.execute(T.device.update().where(T.device.c.id == rows[0].id).values(
            status="revoked", revoked_at=utcnow()))
        conn.execute(T.access_token.delete().where(T.access_token.c.device_id == rows[0].id))
        drop_for_revoked(conn, db, rows[0].id)  # its scope's cached snapshot goes too
    return {"id": rows[0].id, "label": rows[0].label}


def _role(role: str) -> DeviceRole:
    try:
        return DeviceRole(role)
    except ValueError:
        raise ValidationError(Problem.of("role", "hq_role_unknown", role=role, roles=", ".join(
            r.value for r in DeviceRole))) from None


def _ensure_team(conn: sa.Connection, clock: VersionClock, name: str) -> str:
    team_id = natural_id("team", name)
    t = Team.__table__
    if conn.execute(sa.select(t.c.id).where(t.c.id == team_id)).first() is None:
        server_insert(conn, clock, t, {"id": team_id, "name": name.strip()}, HQ_DEVICE)
    return team_id


def _representative(conn: sa.Connection, clock: VersionClock, name: str | None,
                    team_id: str | None) -> tuple[str, str | None]:
    if not name:
        raise ValidationError(Problem.of("representative", "hq_representative_needs_name"))
    t = Representative.__table__
    rows = conn.execute(sa.select(t.c.id, t.c.team_id).where(
        t.c.name == name.strip(), t.c.deleted_at.is_(None))).all()
    if len(rows) > 1:
        raise ValidationError(Problem.of("representative", "hq_representative_ambiguous",
                                         count=len(rows), name=name))
    if rows:
        return rows[0].id, rows[0].team_id or team_id
    if team_id is None:
        raise ValidationError(Problem.of("representative", "hq_representative_unknown",
                                         name=name))
    rep_id = natural_id("representative", name, "")
    server_insert(conn, clock, t, {"id": rep_id, "name": name.strip(), "team_id": team_id},
                  HQ_DEVICE)
    return rep_id, team_id


def _find_unit(conn: sa.Connection, key: str) -> str:
    """A unit by id, by path of names (a/b/c) or by a unique name; HQ must already know it."""
    t = Unit.__table__
    live = t.c.deleted_at.is_(None)
    if conn.execute(sa.select(t.c.id).where(t.c.id == key, live)).first():
        return key
    by_path = natural_id("unit", key.strip())
    if conn.execute(sa.select(t.c.id).where(t.c.id == by_path, live)).first():
        return by_path
    rows = conn.execute(sa.select(t.c.id).where(t.c.name == key.strip(), live)).all()
    if len(rows) == 1:
        return rows[0].id
    if rows:
        raise ValidationError(Problem.of("unit", "hq_unit_ambiguous", count=len(rows), key=key))
    raise NotFoundError(code="hq_unit_unknown", params={"key": key})
