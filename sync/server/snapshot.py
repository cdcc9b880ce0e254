"""A new device's first sync in one response: every row its scope gives, as an SQLCipher file
of the device's own schema, and the cursor to go on from (issue 18 §1).

The rows are chosen, shaped and recorded in `sync_device_row` by the pull's own code
(`pull.every_row`): a snapshot holds exactly what row-by-row pulls from zero would give, and a
row that later leaves the device's scope is removed at its next pull as if pulled. They are
written by the device's own apply code (`sync.client.apply.upsert_rows`) into a new file of the
device schema (`models.store.snapshot_file.new_store_file`) under a random key of its own, so
the counts and batch figures come out as a device's pull makes them; docs/sync.md says why a
file and not a row stream, with figures.

The answer is `FIS1`, the length of a JSON header (4 bytes, big-endian), the header (`key`:
the file's key in hex, `cursor`, `conflicts`, `rows`, `size`, `revision`), then the file. The
device re-keys the file to its own key and swaps it in (`sync/client/snapshot.py`).

Built once per scope and data version: the cache key is a hash of every input of the scope rules
(role, the team as HQ holds it now, the representative, the units, the store for a
representative's own rows, HQ's schema and the device schema's revision) and the counter at the
build. The file sits in `snapshots/files/` of the blob directory (it is encrypted under its key);
the header with that key is sealed like attachments (`snapshots/`, AES-GCM under a sub-key of
HQ's key) and the file is named by the sealed header's hash. A device whose key matches gets
the file and the rows it carries are recorded for it. Any write at HQ moves the counter, so a
snapshot is never served for a version it was not built at; an entry is replaced when its
device's scope is built again, and dropped when a device of its scope is revoked.
"""

import contextlib
import hashlib
import os
import secrets
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import orjson
import sqlalchemy as sa

from models.security.attachment_store import BlobStore, derive_subkey
from models.store.schema import HEAD
from models.store.snapshot_file import new_store_file
from models.timeutil import utcnow
from sync.client.apply import upsert_rows
from sync.protocol import SCHEMA_VERSION
from sync.server import tables as T
from sync.server.auth import Bearer, DeviceIdentity, identify
from sync.server.db import ServerDB, high_water
from sync.server.errors import ClientError
from sync.server.pull import every_row
from sync.server.rows import insert_ignore
from sync.server.scope import Scope, load_scope

SNAPSHOT_DIR = "snapshots"
FILES_DIR = "files"
MAGIC = b"FIS1"
CHUNK = 1 << 20  # the file goes out in pieces of 1 MiB


def snapshot_store(db: ServerDB) -> BlobStore:
    """Sealed snapshot headers, apart from the attachments (their own sub-key and folder)."""
    return BlobStore(db.blob_dir / SNAPSHOT_DIR, derive_subkey(db.blob_key, "hq snapshots"))


def _file(db: ServerDB, sha: str) -> Path:
    return db.blob_dir / SNAPSHOT_DIR / FILES_DIR / f"{sha}.db"


def stream(header: bytes, file: BinaryIO) -> Iterator[bytes]:
    """The answer's bytes: magic, header, then the file, read as it goes out."""
    try:
        yield MAGIC + struct.pack(">I", len(header)) + header
        while piece := file.read(CHUNK):
            yield piece
    finally:
        file.close()


def snapshot_for(db: ServerDB, device: DeviceIdentity | Bearer, revision: str
                 ) -> tuple[bytes, BinaryIO, int]:
    """The header, the open file and the answer's length for the calling device, which must
    be new (it never pushed) and of this app's device schema."""
    if db.is_sqlite and isinstance(device, Bearer):
        with db.read() as conn:
            device = identify(conn, device)
    # On SQLite the device's rows are recorded, so the write lock is taken from the start (as
    # a tracked pull does); PostgreSQL reads every table in one REPEATABLE READ snapshot.
    with (db.write if db.is_sqlite else db.read)() as conn:
        device = identify(conn, device)
        _check_new(conn, device)
        if revision != HEAD:  # an app of another schema (or one before files: no revision)
            raise ClientError(409, "snapshot_other_schema", "a snapshot is made for another "
                              "version of the app; pull instead")
        scope = load_scope(conn, device)
        key = scope_key(scope, high_water(conn))
        found = _cached(conn, db, key)
        try:
            if found is None:
                found = _keep(conn, db, key, device,
                              write_file(db, build_snapshot(conn, scope)))
            else:
                _record_held(conn, device.id, found[2])
        except BaseException:
            if found is not None:
                found[1].close()
            raise
    header, file, _held = found
    sent = orjson.dumps(header)
    return sent, file, len(MAGIC) + 4 + len(sent) + header["size"]


def _check_new(conn: sa.Connection, device: DeviceIdentity) -> None:
    pushed = conn.execute(sa.select(T.device.c.last_seq).where(
        T.device.c.id == device.id)).scalar()
    if pushed is not None:
        raise ClientError(409, "snapshot_not_new", "a snapshot is for a device that has "
                          "pushed nothing yet; pull instead")


def scope_key(scope: Scope, version: int) -> str:
    """A hash of every input of the scope rules (sync/server/scope.py), the schemas and the
    version."""
    device = scope.device
    own_rows = device.store_device_id if device.role == "representative" else None
    inputs = [SCHEMA_VERSION, HEAD, version, device.role, scope.team_id,
              device.representative_id, device.unit_id, sorted(scope.unit_ids),
              sorted(scope.own_unit_ids), own_rows]
    return hashlib.sha256(orjson.dumps(inputs)).hexdigest()


def build_snapshot(conn: sa.Connection, scope: Scope) -> tuple[dict, list, int, dict]:
    """What a snapshot holds: the tables (as a pull page), the conflicts, its cursor and the
    row-filtered ids. The rows are recorded for the building device by `every_row` itself."""
    tables, conflicts, top = every_row(conn, scope)
    held = {name: [row[block["columns"].index("id")] for row in block["rows"]]
            for name, block in tables.items() if scope.row_filtered(name)}
    return tables, conflicts, top, held


def write_file(db: ServerDB, built: tuple[dict, list, int, dict]
               ) -> tuple[dict, Path, dict[str, list[str]]]:
    """The snapshot's file under a new random key (not yet named by its header), its header
    and the row-filtered ids."""
    tables, conflicts, top, held = built
    folder = db.blob_dir / SNAPSHOT_DIR / FILES_DIR
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path, key, rows = folder / f".{secrets.token_hex(16)}.part", secrets.token_bytes(32), 0
    try:
        with new_store_file(path, key) as out:
            for name, block in tables.items():
                rows += upsert_rows(out, name, block["columns"], block["rows"])
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        raise
    header = {"key": key.hex(), "cursor": top, "conflicts": conflicts, "rows": rows,
              "size": path.stat().st_size, "revision": HEAD}
    return header, path, held


def _cached(conn: sa.Connection, db: ServerDB, key: str
            ) -> tuple[dict, BinaryIO, dict] | None:
    entry = conn.execute(sa.select(T.snapshot.c.sha256, T.snapshot.c.held).where(
        T.snapshot.c.scope_key == key)).first()
    store = snapshot_store(db)
    if entry is None or not store.has(entry.sha256):
        return None
    try:
        file = _file(db, entry.sha256).open("rb")
    except FileNotFoundError:
        return None
    return orjson.loads(store.get(entry.sha256)), file, orjson.loads(entry.held)


def _keep(conn: sa.Connection, db: ServerDB, key: str, device: DeviceIdentity,
          built: tuple[dict, Path, dict]) -> tuple[dict, BinaryIO, dict]:
    """Seal the header, name the file by it and record the entry; earlier entries of the same
    enrolment (a scope since changed, an older version) go."""
    header, path, held = built
    sha = snapshot_store(db).put(orjson.dumps(header))
    os.replace(path, _file(db, sha))
    _drop(conn, db, device.role, device.team_id, device.representative_id, device.unit_id)
    conn.execute(insert_ignore(conn, T.snapshot), [{
        "scope_key": key, "role": device.role, "team_id": device.team_id,
        "representative_id": device.representative_id, "unit_id": device.unit_id,
        "version": header["cursor"], "sha256": sha, "held": orjson.dumps(held).decode(),
        "built_at": utcnow()}])
    return header, _file(db, sha).open("rb"), held


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
        with contextlib.suppress(FileNotFoundError):
            _file(db, sha).unlink()
    return len(shas)


def drop_for_revoked(conn: sa.Connection, db: ServerDB, device_id: str) -> int:
    """A revoked device's scope loses its cached snapshot (called in the revoking
    transaction); how many went."""
    row = conn.execute(sa.select(T.device).where(T.device.c.id == device_id)).first()
    if row is None:
        return 0
    return _drop(conn, db, row.role, row.team_id, row.representative_id, row.unit_id)
