"""A new device's first sync in one response: every row its scope gives, and the cursor to go on
from (issue 18 §1).

The rows are chosen, shaped and recorded in `sync_device_row` by the pull's own code
(`pull.every_row`): a snapshot holds exactly what row-by-row pulls from zero would give, and a
row that later leaves the device's scope is removed at its next pull as if pulled. The body is
the pull page's columnar JSON (docs/sync.md says why not an SQLCipher file).

Built once per scope and data version: the cache key is a hash of every input of the scope rules
(role, the team as HQ holds it now, the representative, the units, the store for a
representative's own rows, HQ's schema) and the counter at the build; a device whose key
matches gets the sealed body (`snapshots/` in the blob directory, AES-GCM under a sub-key of
HQ's key, like attachments) and the rows it carries are recorded for it. Any write at HQ moves
the counter, so a snapshot is never served for a version it was not built at; an entry is
replaced when its device's scope is built again, and dropped when a device of its scope is
revoked.
"""

import hashlib
from collections.abc import Iterator

import orjson
import sqlalchemy as sa

from models.security.attachment_store import BlobStore, derive_subkey
from models.timeutil import utcnow
from sync.protocol import SCHEMA_VERSION
from sync.server import tables as T
from sync.server.auth import Bearer, DeviceIdentity, identify
from sync.server.db import ServerDB, high_water
from sync.server.errors import ClientError
from sync.server.pull import every_row
from sync.server.rows import insert_ignore
from sync.server.scope import Scope, load_scope

SNAPSHOT_DIR = "snapshots"
CHUNK = 1 << 20  # the body goes out in pieces of 1 MiB


def chunks(body: bytes) -> Iterator[bytes]:
    view = memoryview(body)
    for start in range(0, len(body), CHUNK):
        yield bytes(view[start:start + CHUNK])


def snapshot_store(db: ServerDB) -> BlobStore:
    """Sealed snapshot bodies, apart from the attachments (their own sub-key and folder)."""
    return BlobStore(db.blob_dir / SNAPSHOT_DIR, derive_subkey(db.blob_key, "hq snapshots"))


def snapshot_body(db: ServerDB, device: DeviceIdentity | Bearer) -> bytes:
    """The snapshot for the calling device, which must be new (it never pushed)."""
    if db.is_sqlite and isinstance(device, Bearer):
        with db.read() as conn:
            device = identify(conn, device)
    # On SQLite the device's rows are recorded, so the write lock is taken from the start (as
    # a tracked pull does); PostgreSQL reads every table in one REPEATABLE READ snapshot.
    with (db.write if db.is_sqlite else db.read)() as conn:
        device = identify(conn, device)
        _check_new(conn, device)
        scope = load_scope(conn, device)
        key = scope_key(scope, high_water(conn))
        body, held = _cached(conn, db, key)
        if body is None:
            body, held, version = build_snapshot(conn, scope)
            _keep(conn, db, key, device, (body, held, version))
        else:
            _record_held(conn, device.id, held)
    return body


def _check_new(conn: sa.Connection, device: DeviceIdentity) -> None:
    pushed = conn.execute(sa.select(T.device.c.last_seq).where(
        T.device.c.id == device.id)).scalar()
    if pushed is not None:
        raise ClientError(409, "snapshot_not_new", "a snapshot is for a device that has "
                          "pushed nothing yet; pull instead")


def scope_key(scope: Scope, version: int) -> str:
    """A hash of every input of the scope rules (sync/server/scope.py) and the version."""
    device = scope.device
    own_rows = device.store_device_id if device.role == "representative" else None
    inputs = [SCHEMA_VERSION, version, device.role, scope.team_id, device.representative_id,
              device.unit_id, sorted(scope.unit_ids), sorted(scope.own_unit_ids), own_rows]
    return hashlib.sha256(orjson.dumps(inputs)).hexdigest()


def build_snapshot(conn: sa.Connection, scope: Scope
                   ) -> tuple[bytes, dict[str, list[str]], int]:
    """The body (a pull page holding everything, `more` false), the row-filtered ids in it
    and its cursor. Recorded for the building device by `every_row` itself."""
    tables, conflicts, top = every_row(conn, scope)
    held = {name: [row[block["columns"].index("id")] for row in block["rows"]]
            for name, block in tables.items() if scope.row_filtered(name)}
    body = orjson.dumps({"tables": tables, "removals": [], "conflicts": conflicts,
                         "cursor": top, "more": False})
    return body, held, top


def _cached(conn: sa.Connection, db: ServerDB, key: str) -> tuple[bytes | None, dict]:
    entry = conn.execute(sa.select(T.snapshot.c.sha256, T.snapshot.c.held).where(
        T.snapshot.c.scope_key == key)).first()
    store = snapshot_store(db)
    if entry is None or not store.has(entry.sha256):
        return None, {}
    return store.get(entry.sha256), orjson.loads(entry.held)


def _keep(conn: sa.Connection, db: ServerDB, key: str, device: DeviceIdentity,
          built: tuple[bytes, dict, int]) -> None:
    """Seal the body and record it; earlier entries of the same enrolment (a scope since
    changed, an older version) go."""
    body, held, version = built
    sha = snapshot_store(db).put(body)
    _drop(conn, db, device.role, device.team_id, device.representative_id, device.unit_id)
    conn.execute(insert_ignore(conn, T.snapshot), [{
        "scope_key": key, "role": device.role, "team_id": device.team_id,
        "representative_id": device.representative_id, "unit_id": device.unit_id,
        "version": version, "sha256": sha, "held": orjson.dumps(held).decode(),
        "built_at": utcnow()}])


def _record_held(conn: sa.Connection, device_id: str, held: dict[str, list[str]]) -> None:
    rows = [{"device_id": device_id, "table_name": name, "row_id": row_id}
            for name, ids in held.items() for row_id in ids]
    if rows:
        conn.execute(insert_ignore(conn, T.device_row), rows)


def _drop(conn: sa.Connection, db: ServerDB, role: str, team_id: str | None,
          representative_id: str | None, unit_id: str | None) -> int:
    s = T.snapshot.c
    where = sa.and_(s.role == role, s.team_id.is_not_distinct_from(team_id),
                    s.representative_id.is_not_distinct_from(representative_id),
                    s.unit_id.is_not_distinct_from(unit_id))
    shas = list(conn.execute(sa.select(s.sha256).where(where)).scalars())
    conn.execute(T.snapshot.delete().where(where))
    store = snapshot_store(db)
    for sha in shas:
        store.delete(sha)
    return len(shas)


def drop_for_revoked(conn: sa.Connection, db: ServerDB, device_id: str) -> int:
    """A revoked device's scope loses its cached snapshot (called in the revoking
    transaction); how many went."""
    row = conn.execute(sa.select(T.device).where(T.device.c.id == device_id)).first()
    if row is None:
        return 0
    return _drop(conn, db, row.role, row.team_id, row.representative_id, row.unit_id)
