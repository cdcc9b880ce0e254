"""Conflicts for people to settle: delivered with the pull to HQ and office devices (the
supervisors who settle them), and marked settled through the API.

The answer to a push names a conflict to the device that caused it; HQ's side of it goes only
to a device that may read the record (`answer_for`): a kiosk is told its form number is taken,
not which forms hold it.

A conflict takes a server version of its own when recorded, so a pull hands it out exactly once,
in the page whose version range holds it.
"""

import orjson
import sqlalchemy as sa

from models.errors import NotFoundError
from models.timeutil import utcnow
from sync.protocol import EntryOutcome
from sync.server import tables as T
from sync.server.auth import DeviceIdentity
from sync.server.db import ServerDB
from sync.server.errors import ClientError
from sync.server.scope import MATRIX, Lookup, Scope, row_visible

SETTLERS = ("hq", "office")


def conflicts_for(conn: sa.Connection, scope: Scope, after: int, upto: int) -> list[dict]:
    if scope.role not in SETTLERS:
        return []
    readable = [t for t, perms in MATRIX[scope.role].items() if "r" in perms]
    c = T.conflict.c
    rows = conn.execute(sa.select(T.conflict).where(
        c.version > after, c.version <= upto, c.table_name.in_(readable)
    ).order_by(c.version)).all()
    return [{"id": r.id, "table": r.table_name, "row_id": r.row_id, "kind": r.kind,
             "field": r.field, "kept": orjson.loads(r.kept), "other": orjson.loads(r.other),
             "device_id": r.device_id, "resolved": r.resolved_at is not None} for r in rows]


def resolve(db: ServerDB, who: DeviceIdentity, conflict_id: str) -> dict:
    """Mark a conflict settled (the person fixes the record itself with a normal edit)."""
    if who.role not in SETTLERS:
        raise ClientError(403, "forbidden", "only HQ or an office supervisor settles conflicts")
    with db.write() as conn:
        done = conn.execute(T.conflict.update().where(T.conflict.c.id == conflict_id)
                            .values(resolved_at=utcnow()))
        if done.rowcount == 0:
            raise NotFoundError(code="hq_conflict_unknown")
    return {"id": conflict_id, "resolved": True}


def answer_for(scope: Scope, o: EntryOutcome, lookup: Lookup) -> EntryOutcome:
    """The outcome as this device may see it: HQ's side of a conflict (`kept`) is withheld
    unless the device may read the record (its kind, and the row itself where rows are
    filtered for the device's role)."""
    found = o.details.get("conflicts")
    if not found or _may_read(scope, o.table, o.row_id, lookup):
        return o
    withheld = [{**c, "kept": None, "withheld": True} for c in found]
    return o.model_copy(update={"details": {**o.details, "conflicts": withheld}})


def _may_read(scope: Scope, table: str, row_id: str, lookup: Lookup) -> bool:
    if "r" not in MATRIX[scope.role].get(table, ""):
        return False
    if not scope.row_filtered(table):
        return True
    row = lookup(table, row_id)
    return row is not None and row_visible(scope, table, row, lookup)
