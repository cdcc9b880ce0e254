"""A new device's first sync in one response: every row its scope gives, as an SQLCipher file
of the device's own schema, and the cursor to go on from (issue 18 §1).

The rows are chosen, shaped and recorded in `sync_device_row` by the pull's own code
(`pull.every_row`): a snapshot holds exactly what row-by-row pulls from zero would give, and a
row that later leaves the device's scope is removed at its next pull as if pulled. On
PostgreSQL they are written by the device's own apply code (`sync.client.apply.upsert_rows`)
into a new database of the device schema built in memory
(`models.store.snapshot_file.new_store_image`: never on disk), so the counts and batch figures
come out as a device's pull makes them. On SQLite (`build_from_file`) the tables the scope
gives whole are copied by SQLCipher itself from HQ's file (`INSERT … SELECT` of the rows a
pull reads, in the apply's upsert: no row goes through Python) into an image SQLCipher's
library holds in memory (`new_store_memory_image`: SQLite's serialize and deserialize, no
file at all; where they cannot be reached, `new_store_file_image`: a file under a one-time
key, never in the clear, whose pages are then decrypted in memory); the row-filtered tables
still go through `every_row` and `upsert_rows`. Its bytes are compressed (zlib, about a
tenth, in pieces on two threads, those of the rows beside the indexes' build: `compress`,
`Ahead`) and sealed.
The device encrypts each page under its own key as it writes its new store: HQ never knows a
key the device's store is under, and the answer is a tenth of the store. docs/sync.md says
why a file and not a row stream, and why pages and not a re-key, with figures.

The answer is `FIS1`, the length of a JSON header (4 bytes, big-endian), the header (`cursor`,
`conflicts`, `rows`, `size`: the body's length, `image`: the database image's, `revision`,
`form`), then the body: the zlib-compressed image (`sync/client/snapshot.py` takes it). A device
asks with the image form it takes (`form`); another form is a 409, as another schema is.

Built once per scope: the cache key is a hash of every input of the scope rules (role, the
team as HQ holds it now, the representative, the units, the store for a representative's own
rows if it made any at HQ, HQ's schema and the device schema's revision); the entry keeps the
counter it was built at. It is built ahead when a device's enrolment code is made
(`build_ahead`, run by the admin route after its answer and by `hq enroll-device` after the
code is printed), and built again while the code is out whenever it is half-way to too old
to give (`snapshot_ahead`, every minute in a serving HQ), so a new device's first sync, which
comes after the code has been carried to it, takes it from the cache; a device whose scope has
none cached builds it then. The header and the body are sealed like attachments
(`snapshots/`, AES-GCM under a sub-key of HQ's key; the header names the body by its hash, the
entry the header by its). A device whose key matches gets the body and the rows it carries
are recorded for it, and its pulls go on from the snapshot's cursor: a snapshot built before
later writes at HQ is what a device that synced at that moment holds, and the pulls after it
bring what changed since (rows, deletions, rows that left the scope, conflicts), exactly as
for that device. So it is given while the versions since are few beside the rows it holds
(`worth_giving`), and built again past that; an entry is replaced when its scope is built
again, and dropped when a device of its scope is revoked.
"""

import contextlib
import functools
import hashlib
import os
import shutil
import struct
import zlib
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson
import sqlalchemy as sa

from models.errors import NotFoundError
from models.security.attachment_store import BlobCorruptError, BlobStore, derive_subkey
from models.store.schema import HEAD
from models.store.snapshot_file import (
    memory_images,
    new_store_file_image,
    new_store_image,
    new_store_memory_image,
    read_source,
)
from models.store.sqlcipher_pages import IMAGE_FORM
from models.tables import SYNCED_TABLES
from models.tally_bulk import (
    EVERY_GROUPED_AT_HQ,
    Pending,
    count_every_form,
    merge_into_empty,
    restore_triggers,
    write_counted,
)
from models.timeutil import utcnow
from sync.client.apply import upsert_rows
from sync.protocol import SCHEMA_VERSION
from sync.server import tables as T
from sync.server.auth import Bearer, DeviceIdentity, _identity, identify
from sync.server.db import ServerDB, high_water
from sync.server.errors import ClientError
from sync.server.pull import every_row
from sync.server.rows import insert_ignore
from sync.server.scope import Scope, load_scope

SNAPSHOT_DIR = "snapshots"
BUILD_FOLDER = ".snapshot-build-"  # beside a SQLite HQ's file: the image as SQLCipher builds it
MAGIC = b"FIS1"
CHUNK = 1 << 20  # the body goes out in pieces of 1 MiB
# zlib's fastest level: 62 MB of image to 5.8 MB in 0.34 s CPU at the build (level 3: 5.6 MB
# in 0.93 s); the device inflates it at about 400 MB/s.
ZLIB_LEVEL = 1


def compress(image: bytes | bytearray | memoryview, parts: int = 2,
             ahead: "Ahead | None" = None) -> bytes:
    """`zlib.compress(image, ZLIB_LEVEL)` in pieces on `parts` threads at once (zlib lets go of
    the GIL), as one zlib stream any inflater takes whole: each piece raw deflate on its own
    (no history across a cut: a few hundred bytes more), all but the last ended by a sync
    flush (no final block), between zlib's header and the whole image's Adler-32, as pigz
    does. Each piece's Adler-32 is taken on its own thread too and the sums combined
    (`adler32_combine`): the whole image's, taken after the first piece, was 37 ms of CPU on
    one thread for 62 MB. With `ahead` (pieces of the image deflated while it was still being
    built) the pieces are cut every `PIECE` bytes, and each piece whose bytes are those
    `ahead` deflated is taken from it as it is."""
    view = memoryview(image)
    if parts < 2 or len(view) < 2 * CHUNK:
        return zlib.compress(view, ZLIB_LEVEL)
    if ahead is None:
        cuts = [len(view) * i // parts for i in range(parts + 1)]
    else:
        cuts = [*range(0, len(view), PIECE), len(view)]
    last = len(cuts) - 2
    pieces = {} if ahead is None else ahead.taken(view, cuts)

    def piece(i: int) -> tuple[bytes, int]:
        return _deflate(view[cuts[i]:cuts[i + 1]], i == last)

    todo = [i for i in range(last + 1) if i not in pieces]
    with ThreadPoolExecutor(parts, thread_name_prefix="fi-deflate") as deflating:
        pieces.update(zip(todo, deflating.map(piece, todo), strict=True))
    checksum = pieces[0][1]
    for i in range(1, last + 1):
        checksum = adler32_combine(checksum, pieces[i][1], cuts[i + 1] - cuts[i])
    header = bytes((0x78, 0x01))  # deflate, 32 KiB window, the fastest level's flag, no dictionary
    return b"".join([header, *(pieces[i][0] for i in range(last + 1)),
                     checksum.to_bytes(4, "big")])


# Where `compress` cuts an image whose pieces were deflated ahead (`Ahead`): 2 MiB, 30 pieces
# for 100,000 forms (62 MB), a few hundred bytes more each than one stream.
PIECE = 2 << 20


def _deflate(data: memoryview, last: bool) -> tuple[bytes, int]:
    """One piece of `compress`'s stream: raw deflate, ended by a sync flush unless `last`,
    and its Adler-32."""
    deflate = zlib.compressobj(ZLIB_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    out = deflate.compress(data)
    out += deflate.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)
    return out, zlib.adler32(data)


class Ahead:
    """An image's pieces deflated on `pool` while the image is still being built, from a copy
    of its bytes part-way (`StoreImage.now`: a snapshot's rows are in, its indexes still to
    come, and most pages of the rows are then what they will be). `compress` takes a piece
    from here only where the finished image holds exactly the bytes it was made of (compared
    byte for byte): a raw deflate piece depends on its own bytes alone, so the stream is
    the one `compress` would have made without it."""

    def __init__(self, pool: ThreadPoolExecutor, early: bytes):
        self.early = early
        view = memoryview(early)
        self.pieces = [pool.submit(_deflate, view[at:at + PIECE], False)
                       for at in range(0, len(view) - PIECE + 1, PIECE)]

    def taken(self, image: memoryview, cuts: list[int]) -> dict[int, tuple[bytes, int]]:
        """The pieces of `image` (cut at `cuts`, every `PIECE` bytes) found deflated here;
        those not started yet are dropped (deflated with the rest instead)."""
        for future in self.pieces:
            future.cancel()
        found = {}
        for i, future in enumerate(self.pieces):
            if i >= len(cuts) - 2 or future.cancelled():  # the last piece ends the stream
                continue
            at = cuts[i]
            if cuts[i + 1] - at == PIECE and bytes(image[at:at + PIECE]) == \
                    self.early[at:at + PIECE]:
                found[i] = future.result()
        return found


ADLER_BASE = 65521


def adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two pieces one after the other from each one's (zlib's
    `adler32_combine`, which Python's zlib does not offer)."""
    rem = second_length % ADLER_BASE
    low = (first & 0xFFFF) + (second & 0xFFFF) + ADLER_BASE - 1
    high = (rem * (first & 0xFFFF) + (first >> 16) + (second >> 16) + ADLER_BASE - rem)
    return (low % ADLER_BASE) | ((high % ADLER_BASE) << 16)


def snapshot_store(db: ServerDB) -> BlobStore:
    """Sealed snapshot headers and bodies, apart from the attachments (their own sub-key and
    folder)."""
    return BlobStore(db.blob_dir / SNAPSHOT_DIR, derive_subkey(db.blob_key, "hq snapshots"))


async def stream(header: bytes, body: bytes) -> AsyncIterator[bytes]:
    """The answer's bytes: magic, header, then the body (an async iterator: a plain one costs
    a thread hand-over per piece, 0.3 s more for 62 MB on loopback)."""
    yield MAGIC + struct.pack(">I", len(header)) + header
    view = memoryview(body)
    for at in range(0, len(view), CHUNK):
        yield bytes(view[at:at + CHUNK])


def snapshot_for(db: ServerDB, device: DeviceIdentity | Bearer, revision: str, form: str
                 ) -> tuple[bytes, bytes, int]:
    """The header, the body and the answer's length for the calling device, which must be new
    (it never pushed), of this app's device schema and take this image form."""
    if db.is_sqlite and isinstance(device, Bearer):
        with db.read() as conn:
            device = identify(conn, device)
    # On SQLite the device's rows are recorded, so the write lock is taken from the start (as
    # a tracked pull does); PostgreSQL reads every table in one REPEATABLE READ snapshot.
    with (db.write if db.is_sqlite else db.read)() as conn:
        device = identify(conn, device)
        _check_new(conn, device)
        if revision != HEAD or form != IMAGE_FORM:  # another app (or one before this form)
            raise ClientError(409, "snapshot_other_schema", "a snapshot is made for another "
                              "version of the app; pull instead")
        scope = load_scope(conn, device)
        key = scope_key(conn, scope)
        found = _cached(conn, db, key, high_water(conn))
        if found is None:
            found = _keep(conn, db, key, device, build(conn, db, scope))
        else:
            _record_held(conn, device.id, found[2])
    header, body, _held = found
    sent = orjson.dumps(header)
    return sent, body, len(MAGIC) + 4 + len(sent) + len(body)


def _check_new(conn: sa.Connection, device: DeviceIdentity) -> None:
    pushed = conn.execute(sa.select(T.device.c.last_seq).where(
        T.device.c.id == device.id)).scalar()
    if pushed is not None:
        raise ClientError(409, "snapshot_not_new", "a snapshot is for a device that has "
                          "pushed nothing yet; pull instead")


def scope_key(conn: sa.Connection, scope: Scope) -> str:
    """A hash of every input of the scope rules (sync/server/scope.py) and the schemas. A
    representative's store decides only whether its own rows are given (`OWN_ROWS`): a store
    that made none at HQ (every new device, one per representative in effect) sees what any
    other such store of the same representative sees, so they share one key, and a snapshot
    built ahead when the device's code was made (`build_ahead`) is its first pull's."""
    device = scope.device
    own_rows = None
    if device.role == "representative" and _made_rows(conn, device.store_device_id):
        own_rows = device.store_device_id
    inputs = [SCHEMA_VERSION, HEAD, device.role, scope.team_id,
              device.representative_id, device.unit_id, sorted(scope.unit_ids),
              sorted(scope.own_unit_ids), own_rows]
    return hashlib.sha256(orjson.dumps(inputs)).hexdigest()


# The tables whose rows a representative's device sees by the store that made them
# (`scope._finding_readable`, `_criticism_readable`: a finding without a visit, a criticism
# without a finding).
OWN_ROWS = ("finding", "personnel_criticism")


def _made_rows(conn: sa.Connection, store_device_id: str) -> bool:
    """Whether HQ holds a row of `OWN_ROWS` made by this store."""
    return any(conn.execute(sa.select(sa.exists().where(
        SYNCED_TABLES[name].__table__.c.created_device == store_device_id))).scalar()
        for name in OWN_ROWS)


def build_ahead(db: ServerDB, device_id: str, *,
                fresh_enough: Callable[[int, int], bool] | None = None) -> bool:
    """Build the snapshot of a pending device's scope (its enrolment code just made), unless
    one fresh enough is cached (`fresh_enough(rows, behind)`, by default `worth_giving`): the
    device's first sync, minutes or days later, then takes it from the cache instead of
    waiting for a build. The rows are recorded for this device, as a build at its first sync
    would; whether a build was made."""
    with (db.write if db.is_sqlite else db.read)() as conn:
        row = conn.execute(sa.select(T.device).where(T.device.c.id == device_id)).first()
        if row is None or row.status != "pending":
            return False
        # A pending device has no store yet: its HQ id stands for one that made nothing.
        device = _identity(row)
        scope = load_scope(conn, device)
        key = scope_key(conn, scope)
        if not db.is_sqlite and not conn.execute(
                sa.text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": building_lock(key)}
        ).scalar():
            return False  # another worker builds this scope now (SQLite: the write lock)
        if _cached(conn, db, key, high_water(conn), body=False,
                   fresh_enough=fresh_enough) is not None:
            return False  # the codes of fifty office laptops: one build
        _keep(conn, db, key, device, build(conn, db, scope))
    return True


def building_lock(key: str) -> int:
    """The PostgreSQL advisory lock a build ahead of a scope holds until it commits (60 bits
    of its cache key): two workers (a code made on one, the minute's refresh on another) never
    build the same scope at once."""
    return int(key[:15], 16)


def build(conn: sa.Connection, db: ServerDB, scope: Scope
          ) -> tuple[dict, bytes, dict[str, list[str]]]:
    """The scope's snapshot, built: from HQ's own file on SQLite (`build_from_file`), from the
    rows `every_row` reads on PostgreSQL (`write_body`)."""
    if db.is_sqlite:
        return build_from_file(conn, db, scope)
    return write_body(build_snapshot(conn, scope))


def build_snapshot(conn: sa.Connection, scope: Scope) -> tuple[dict, list, int, dict]:
    """What a snapshot holds: the tables (as a pull page), the conflicts, its cursor and the
    row-filtered ids. The rows are recorded for the building device by `every_row` itself."""
    tables, conflicts, top = every_row(conn, scope)
    held = {name: [row[block["columns"].index("id")] for row in block["rows"]]
            for name, block in tables.items() if scope.row_filtered(name)}
    return tables, conflicts, top, held


def write_body(built: tuple[dict, list, int, dict]
               ) -> tuple[dict, bytes, dict[str, list[str]]]:
    """The snapshot's body (its database image, built in memory and compressed), its header
    and the row-filtered ids."""
    tables, conflicts, top, held = built
    rows, new = 0, Pending()
    with new_store_image() as out:  # its tallies are empty: every form is new to them
        for name, block in tables.items():
            rows += upsert_rows(out.conn, name, block["columns"], block["rows"], new)
        merge_into_empty(out.conn, new)
        restore_triggers(out.conn, new)  # the forms' counting triggers, for the device's own
    body = compress(out.image)
    header = {"cursor": top, "conflicts": conflicts, "rows": rows, "size": len(body),
              "image": len(out.image), "revision": HEAD, "form": IMAGE_FORM}
    return header, body, held


def build_from_file(conn: sa.Connection, db: ServerDB, scope: Scope
                    ) -> tuple[dict, bytes, dict[str, list[str]]]:
    """`write_body(build_snapshot(...))` on a SQLite HQ, with the tables the scope gives whole
    (every row of them, no row rule: `Scope.row_filtered`) copied by SQLCipher itself from
    HQ's file attached (`new_store_file_image`: `INSERT … SELECT` of the same rows
    `pull._fetch_sql` reads, `server_version > 0`, in the device apply's upsert; the forms'
    counts as `upsert_rows` keeps them for an empty image), and the row-filtered tables' rows
    chosen, shaped and recorded by the pull's code as before (`every_row(..., only=...)`).
    `conn` holds HQ's write lock (`db.write`), so the attached file shows what `conn` does:
    nothing commits meanwhile, and `conn` writes only `sync_device_row` before the copy."""
    names = scope.pull_tables()
    filtered = [n for n in names if scope.row_filtered(n)]
    tables, conflicts, top = every_row(conn, scope, only=filtered)
    held = {name: [row[block["columns"].index("id")] for row in block["rows"]]
            for name, block in tables.items()}
    source = Path(conn.exec_driver_sql("PRAGMA database_list").first()[2])
    for left in source.parent.glob(f"{BUILD_FOLDER}*"):  # a build cut short by a crash: no
        shutil.rmtree(left, ignore_errors=True)  # other runs while `conn` holds the lock
    rows, new = 0, Pending(expected=1)  # the image holds no form: counted by SQL at the end
    if memory_images():  # in memory, by SQLCipher's library: no file at all
        image = new_store_memory_image(source, db.blob_key)
    else:  # a file under a one-time key, its pages decrypted after
        image = new_store_file_image(source.parent, source, db.blob_key, BUILD_FOLDER)
    spare = spare_core()
    with ThreadPoolExecutor(1, thread_name_prefix="fi-tallies") as side, image as out:
        # Every form the scope gives is HQ's whole table: their tallies' grouped read runs on
        # HQ's file itself, on a second core, while the forms are copied and indexed.
        grouped = (side.submit(read_source, source, db.blob_key, EVERY_GROUPED_AT_HQ)
                   if spare and "evaluation" in names and "evaluation" not in filtered
                   else None)
        for name in names:
            if name not in filtered:
                rows += copy_rows(out.conn, name, new)
        for name, block in tables.items():
            rows += upsert_rows(out.conn, name, block["columns"], block["rows"], new)
        early = out.now() if spare else None  # its row pages deflated beside the indexes
        ahead = None if early is None else Ahead(side, early)
        out.finish = functools.partial(compress, ahead=ahead)
        out.index_now("evaluation")  # every form in: the duplicates read its indexes
        if grouped is not None:
            new.grouped = grouped.result()
        count_every_form(out.conn, new)
        merge_into_empty(out.conn, new)
        restore_triggers(out.conn, new)
    body = out.finished  # compressed from the image's own buffer (`StoreImage.finish`)
    header = {"cursor": top, "conflicts": conflicts, "rows": rows, "size": len(body),
              "image": out.size, "revision": HEAD, "form": IMAGE_FORM}
    return header, body, held


def spare_core() -> bool:
    """Whether HQ's machine seems to have a core to spare for a build's side work (the
    tallies' read on HQ's file, the row pages deflated ahead): its 1-minute load average at
    least half a core below its cores. That work shortens the build's wall time on an idle
    core (100,000 forms, 2 cores, load ~2: ~1.1 -> ~0.85 s) but costs 0.1-0.2 s more CPU (HQ's
    pages decrypted and the forms sorted a second time), a loss on a busy HQ."""
    try:
        load = os.getloadavg()[0]
    except OSError:  # not offered here: as a busy machine
        return False
    return load <= (os.cpu_count() or 1) - 0.5


def copy_rows(conn: sa.Connection, name: str, pending: Pending) -> int:
    """Every row of HQ's table `name` (attached as `source`) the pull gives, upserted into the
    image as `upsert_rows` writes a page (the forms with their counts gathered in
    `pending`); how many."""
    columns = [c.name for c in SYNCED_TABLES[name].__table__.columns]
    cols = ", ".join(f'"{c}"' for c in columns)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
    sql = (f'INSERT INTO main."{name}" ({cols}) SELECT {cols} FROM source."{name}" '
           f"WHERE server_version > 0 ON CONFLICT(id) DO UPDATE SET {updates}")
    raw = conn.connection.driver_connection
    done = []

    def write() -> None:
        done.append(raw.execute(sql).rowcount)

    if name == "evaluation":
        # No row in hand: the criteria's tallies are counted by SQL too (none without a level).
        write_counted(conn, columns, [], write, inserted=True, pending=pending)
    else:
        write()
    return done[0]


def _cached(conn: sa.Connection, db: ServerDB, key: str, top: int, body: bool = True,
            fresh_enough: Callable[[int, int], bool] | None = None,
            ) -> tuple[dict, bytes | None, dict] | None:
    """The scope's snapshot, while it is fresh enough (`fresh_enough(rows, behind)`, by
    default `worth_giving`); without its body (None) unless `body`."""
    entry = conn.execute(sa.select(T.snapshot.c.sha256, T.snapshot.c.held,
                                   T.snapshot.c.version).where(
        T.snapshot.c.scope_key == key)).first()
    if entry is None or entry.version > top:  # ahead of HQ: a database restored from a backup
        return None
    store = snapshot_store(db)
    try:
        header = orjson.loads(store.get(entry.sha256))
        if not (fresh_enough or worth_giving)(header["rows"], top - entry.version):
            return None
        sealed = store.get(header["body"]) if body else None
        if not body and not store.has(header["body"]):
            return None
    except (NotFoundError, BlobCorruptError, KeyError):  # gone or damaged: built again
        return None
    return header, sealed, orjson.loads(entry.held)


def worth_giving(rows: int, behind: int) -> bool:
    """Whether a snapshot of `rows` rows built `behind` versions ago is still given: at most
    that many rows changed since, which the pulls after it bring (from its cursor, as for any
    device that synced then), so it is given while they are few beside what it holds (a
    quarter, or up to STALE_FLOOR in any case); past that a build costs less than the pulls."""
    return behind <= max(rows // 4, STALE_FLOOR)


# A snapshot at most this many versions behind HQ is given whatever its size: the pulls after
# it bring at most that many rows (row-by-row pulls apply ~20,000 rows/s).
STALE_FLOOR = 2_000


def _keep(conn: sa.Connection, db: ServerDB, key: str, device: DeviceIdentity,
          built: tuple[dict, bytes, dict]) -> tuple[dict, bytes, dict]:
    """Seal the body and the header (which names the body) and record the entry; earlier
    entries of the same enrolment (a scope since changed, an older version) go."""
    header, body, held = built
    store = snapshot_store(db)
    header = {**header, "body": store.put(body)}
    sha = store.put(orjson.dumps(header))
    _drop(conn, db, device.role, device.team_id, device.representative_id, device.unit_id,
          keep=(sha, header["body"]))
    conn.execute(insert_ignore(conn, T.snapshot), [{
        "scope_key": key, "role": device.role, "team_id": device.team_id,
        "representative_id": device.representative_id, "unit_id": device.unit_id,
        "version": header["cursor"], "sha256": sha, "held": orjson.dumps(held).decode(),
        "built_at": utcnow()}])
    return header, body, held


def _record_held(conn: sa.Connection, device_id: str, held: dict[str, list[str]]) -> None:
    rows = [{"device_id": device_id, "table_name": name, "row_id": row_id}
            for name, ids in held.items() for row_id in ids]
    if rows:
        conn.execute(insert_ignore(conn, T.device_row), rows)


def _drop(conn: sa.Connection, db: ServerDB, role: str, team_id: str | None,
          representative_id: str | None, unit_id: str | None,
          keep: tuple[str, ...] = ()) -> int:
    """The entries of one enrolment's scope and their sealed header and body (but `keep`, what
    was just sealed: the same bytes are one sealed file)."""
    s = T.snapshot.c
    where = sa.and_(s.role == role, s.team_id.is_not_distinct_from(team_id),
                    s.representative_id.is_not_distinct_from(representative_id),
                    s.unit_id.is_not_distinct_from(unit_id))
    shas = list(conn.execute(sa.select(s.sha256).where(where)).scalars())
    conn.execute(T.snapshot.delete().where(where))
    store = snapshot_store(db)
    for sha in shas:
        with contextlib.suppress(NotFoundError, BlobCorruptError, KeyError, ValueError):
            body = orjson.loads(store.get(sha))["body"]
            if body not in keep:
                store.delete(body)
        if sha not in keep:
            store.delete(sha)
    return len(shas)


def drop_for_revoked(conn: sa.Connection, db: ServerDB, device_id: str) -> int:
    """A revoked device's scope loses its cached snapshot (called in the revoking
    transaction); how many went."""
    row = conn.execute(sa.select(T.device).where(T.device.c.id == device_id)).first()
    if row is None:
        return 0
    return _drop(conn, db, row.role, row.team_id, row.representative_id, row.unit_id)
