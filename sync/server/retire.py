"""Retiring a device that is handed back (issue 6): push everything, HQ confirms, then wipe.

`mark_retiring` (HQ) sets the device's status to `retiring`; it still syncs. After a sync whose
outbox is empty the device reports its last outbox sequence; HQ confirms only when it has applied
everything up to it, then forgets the device's credential and tokens (status `retired`), and the
device wipes itself. Nothing unsynced is destroyed: an unconfirmed device keeps its data.
"""

import sqlalchemy as sa

from models.errors import NotFoundError, Problem, ValidationError
from models.timeutil import utcnow
from sync.server import tables as T
from sync.server.auth import DeviceIdentity
from sync.server.db import ServerDB


def _find(conn: sa.Connection, key: str):
    rows = conn.execute(sa.select(T.device).where(sa.or_(
        T.device.c.id == key, T.device.c.store_device_id == key, T.device.c.label == key,
    ))).all()
    if not rows:
        raise NotFoundError(code="hq_device_unknown", params={"key": key})
    if len(rows) > 1:
        raise ValidationError(Problem.of("device", "hq_device_ambiguous", key=key,
                                         count=len(rows)))
    return rows[0]


def mark_retiring(db: ServerDB, key: str) -> dict:
    with db.write() as conn:
        row = _find(conn, key)
        if row.status != "active":
            raise ValidationError(Problem.of("device", "hq_device_not_active", key=key,
                                             status=row.status))
        conn.execute(T.device.update().where(T.device.c.id == row.id).values(status="retiring"))
    return {"id": row.id, "label": row.label}


def device_status(db: ServerDB, who: DeviceIdentity) -> dict:
    with db.read() as conn:
        status = conn.execute(sa.select(T.device.c.status).where(T.device.c.id == who.id)).scalar()
    return {"status": status}


def confirm_retired(db: ServerDB, who: DeviceIdentity, last_seq: int) -> dict:
    """Confirm when HQ holds everything up to `last_seq`; else say how far it got."""
    with db.write() as conn:
        row = conn.execute(sa.select(T.device).where(T.device.c.id == who.id)).first()
        if row.status != "retiring":
            return {"confirmed": False, "reason": "HQ has not asked this device to retire"}
        applied = row.last_seq or 0
        if applied < last_seq:
            return {"confirmed": False,
                    "reason": f"HQ holds entries up to {applied}, the device has {last_seq}"}
        conn.execute(T.device.update().where(T.device.c.id == row.id).values(
            status="retired", credential_hash=None, revoked_at=utcnow()))
        conn.execute(T.access_token.delete().where(T.access_token.c.device_id == row.id))
    return {"confirmed": True, "reason": ""}
