"""A store's database built as a file elsewhere (HQ's snapshot for a new device, issue 18 §1)
and swapped in whole on the device.

Why a file and not rows: re-inserting 100,000 rows into an encrypted store costs more than a
second on the device (every row through SQLCipher, every index page touched twice); HQ writes
the rows into a file of the device's own schema once per scope, and the device only encrypts
its pages under its own key as it writes them (`models.store.sqlcipher_pages`) and renames it
over its store. docs/sync.md has the figures.

`new_store_image` builds such a database in memory: the schema at this app's HEAD (tables and
triggers made first, so the tallies and the batch figures come out as a device's own writes
make them; indexes built after the rows, which is cheaper than keeping them up to date row by
row).

`swap_in` makes such a file the store's database. The store's tables fall into three kinds
(a test checks every table of a fresh store is named in exactly one): the synced tables, whose
rows the file brings; `DERIVED_TABLES`, kept from those rows by the triggers and the bulk
paths, which the file brings too; and `LOCAL_TABLES`, this device's own (its identity and
settings, credentials, audit chain, outbox, kept versions, sync issues), copied from the old
store into the file in the transaction that ends the swap. The swap holds the old store
exclusively from the copy until the rename, so nothing written to it is lost, and refuses
(returns False, the file deleted) when another connection holds the store, when the old store
holds any record made or received, any outbox entry, or when the file is of another schema.
A swap killed at any moment leaves the old store as it was (it is only replaced by a rename of
a whole, fsynced file) or the new one whole.
"""

import contextlib
import ctypes
import functools
import os
import secrets
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
import sqlcipher3

from models.natural_sort import natural_compare
from models.store.database import DB_FILE, PoolSize, open_engine
from models.store.schema import HEAD, ensure_schema

# The device's own rows, kept across a swap (copied from the old store).
LOCAL_TABLES = ("store_meta", "audit_log", "outbox", "profile", "record_version", "sync_issue")
# Kept from the synced rows by triggers and bulk paths: the file's own are right.
DERIVED_TABLES = ("form_tally", "month_tally", "criterion_tally", "dated_tally",
                  "dated_criterion_tally", "duplicate_form_no", "clerk_batch_figures",
                  "clerk_batch_kept", "tally_paused")
BUSY_MS = 2000  # how long the swap waits for the store's other connections to go


@dataclass(frozen=True)
class DeviceSchema:
    revision: str
    tables: tuple[str, ...]  # CREATE TABLE / VIEW / TRIGGER statements, in their order
    indexes: tuple[str, ...]
    seeds: tuple[tuple[str, tuple[str, ...], tuple[tuple, ...]], ...]  # rows the migrations add


def _key_sql(key: bytes) -> str:
    return f"\"x'{key.hex()}'\""


def _raw(path: Path, key: bytes) -> sqlcipher3.dbapi2.Connection:
    """A driver connection for bulk work on a file nobody else uses: no journal, no fsync per
    commit (a file cut half-way is thrown away), temp data in memory (never in the clear)."""
    conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.execute(f"PRAGMA key = {_key_sql(key)}")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a wrong key fails here
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = MEMORY",
                   "cache_size = -131072", f"busy_timeout = {BUSY_MS}"):
        conn.execute(f"PRAGMA {pragma}")
    conn.create_collation("natural", natural_compare)
    return conn


def _sa(raw: sqlcipher3.dbapi2.Connection) -> sa.Engine:
    """SQLAlchemy over that one connection (the shared code takes `sa.Connection`s); the
    transaction is the caller's raw BEGIN/COMMIT."""
    return sa.create_engine("sqlite://", creator=lambda: raw, module=sqlcipher3.dbapi2,
                            poolclass=sa.pool.StaticPool)


@functools.cache
def device_schema() -> DeviceSchema:
    """The device store's schema at HEAD, read once per process from a store migrated in a
    temporary folder (under a throw-away key; it holds no record)."""
    from models.tables import SYNCED_TABLES

    with tempfile.TemporaryDirectory(prefix="fi-schema-") as folder:
        engine = open_engine(Path(folder) / DB_FILE, secrets.token_bytes(32), PoolSize(1, 0))
        try:
            ensure_schema(engine)
            with engine.connect() as conn:
                master = conn.exec_driver_sql(
                    "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all()
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version"
                                                ).scalar()
                seeds = []
                for name in [*SYNCED_TABLES, *DERIVED_TABLES]:
                    result = conn.exec_driver_sql(f'SELECT * FROM "{name}"')
                    rows = tuple(tuple(r) for r in result)
                    if rows:
                        seeds.append((name, tuple(result.keys()), rows))
        finally:
            engine.dispose()
    return DeviceSchema(revision=revision,
                        tables=tuple(sql for kind, _n, sql in master if kind != "index"),
                        indexes=tuple(sql for kind, _n, sql in master if kind == "index"),
                        seeds=tuple(seeds))


@functools.cache
def blank_image() -> bytes:
    """An empty database of one page in SQLCipher's page format, in the clear: its header
    keeps the 80 bytes a page reserves for its IV and HMAC, so a database grown from it (in
    memory) has pages a device encrypts as they are (`sqlcipher_pages`). Made by SQLCipher
    itself, so the header is what the store's own files have."""
    from models.store.sqlcipher_pages import decrypt_image

    with tempfile.TemporaryDirectory(prefix="fi-blank-") as folder:
        path, key = Path(folder) / "blank.db", secrets.token_bytes(32)
        conn = sqlcipher3.dbapi2.connect(str(path), isolation_level=None)
        try:
            conn.execute(f"PRAGMA key = {_key_sql(key)}")
            conn.execute("PRAGMA user_version = 1")  # writes the first page
        finally:
            conn.close()
        image = bytearray(decrypt_image(path.read_bytes(), key))
    image[60:64] = bytes(4)  # user_version back to 0, as a new store's
    return bytes(image)


class StoreImage:
    """`new_store_image`'s block writes through `conn`; `image` is the database once it ends
    (`size` its length), unless the block set `finish`: then `finish` is called with the
    database's bytes when it is done (an in-memory database's own buffer, valid only during
    the call: no copy of it is made) and its result is `finished`."""

    conn: sa.Connection
    image: bytes | None = None
    size: int = 0
    finish: Callable[[bytes | memoryview], object] | None = None
    finished: object = None

    def __init__(self) -> None:
        self._raw = None
        self._indexed: set[str] = set()
        self._now: Callable[[], bytes] | None = None

    def now(self) -> bytes | None:
        """A copy of the database's bytes as they are part-way through the block, where the
        image is built in memory by SQLCipher's library (`new_store_memory_image`); else
        None (also if SQLite could not write its cache out: nothing is taken early then)."""
        if self._now is None:
            return None
        try:
            return self._now()
        except RuntimeError:
            return None

    def _done(self, data: bytes | memoryview) -> None:
        self.size = len(data)
        if self.finish is not None:
            self.finished = self.finish(data)
        else:
            self.image = data if isinstance(data, bytes) else bytes(data)

    def index_now(self, table: str) -> None:
        """Build `table`'s indexes now, once its rows are all in (the block's grouped reads of
        it then scan an index instead of sorting every row); the others come at the end."""
        for sql in device_schema().indexes:
            if f" ON {table} (" in sql and sql not in self._indexed:
                self._raw.execute(sql)
                self._indexed.add(sql)


@contextlib.contextmanager
def new_store_image() -> Iterator[StoreImage]:
    """A new database of the device schema at HEAD, in memory (never on disk, so never in
    the clear there) and without encryption (no page is encrypted to be decrypted again);
    the block writes its rows in one transaction (as a device's pull would:
    `sync.client.apply.upsert_rows`); indexes are built when it ends, then `image` holds the
    database's bytes. The standard library's SQLite: sqlcipher3 cannot hand a database's bytes
    out of memory."""
    raw = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    raw.deserialize(blank_image())
    for pragma in ("temp_store = MEMORY", "cache_size = -131072"):
        raw.execute(f"PRAGMA {pragma}")
    raw.create_collation("natural", natural_compare)
    engine = sa.create_engine("sqlite://", creator=lambda: raw, poolclass=sa.pool.StaticPool)
    built = StoreImage()
    try:
        with engine.connect() as conn:  # before BEGIN: SQLAlchemy's first checkout rolls back
            yield from _filled(raw, conn, built)
        built._done(raw.serialize())
    finally:
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        engine.dispose()
        raw.close()


def _filled(raw, conn: sa.Connection, built: StoreImage) -> Iterator[StoreImage]:
    """The schema at HEAD and its seed rows, the caller's block (`built`, writing through
    `conn`), then the indexes: one transaction."""
    schema = device_schema()
    raw.execute("BEGIN")
    for sql in schema.tables:
        raw.execute(sql)
    raw.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (schema.revision,))
    for name, columns, rows in schema.seeds:
        cols = ", ".join(f'"{c}"' for c in columns)
        raw.executemany(f'INSERT INTO "{name}" ({cols}) VALUES '
                        f'({", ".join("?" for _ in columns)})', rows)
    built.conn, built._raw = conn, raw
    yield built
    for sql in schema.indexes:
        if sql not in built._indexed:
            raw.execute(sql)
    raw.execute("COMMIT")


@contextlib.contextmanager
def new_store_file_image(folder: Path, source: Path, source_key: bytes,
                         prefix: str = ".image-") -> Iterator[StoreImage]:
    """`new_store_image` built by SQLCipher itself, with the SQLCipher database `source`
    (under `source_key`) attached as `source`, so the block can copy whole tables by
    `INSERT … SELECT` (every row in C, never through Python). SQLCipher cannot hand a
    database's bytes out of memory, so the image is a file in a folder of its own (owner-only,
    named `prefix`…) in `folder`, under a one-time random key that is never written anywhere:
    its pages are encrypted as SQLCipher writes them (temp data in memory), and nothing of it
    is ever in the clear on disk. When the block ends its pages are decrypted in memory with that key
    (`sqlcipher_pages.decrypt_image`, every page's HMAC checked) into `image`, and the file and
    its folder go. The block reads `source` in one read transaction: what it sees is what was
    committed when it first read it."""
    from models.store.sqlcipher_pages import decrypt_image

    key = secrets.token_bytes(32)
    where = Path(tempfile.mkdtemp(prefix=prefix, dir=folder))  # owner-only
    path = where / "image.db"
    raw = engine = None
    built = StoreImage()
    try:
        raw = _raw(path, key)
        raw.execute(f"ATTACH DATABASE ? AS source KEY {_key_sql(source_key)}", (str(source),))
        engine = _sa(raw)
        with engine.connect() as conn:  # before BEGIN: SQLAlchemy's first checkout rolls back
            yield from _filled(raw, conn, built)
        raw.execute("DETACH DATABASE source")
        raw.close()
        raw = None
        built._done(decrypt_image(path.read_bytes(), key))
    finally:
        if raw is not None:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            raw.close()
        if engine is not None:
            engine.dispose()
        path.unlink(missing_ok=True)
        where.rmdir()


def read_source(source: Path, key: bytes, sql: str) -> list[tuple]:
    """`sql`'s rows read from the SQLCipher database `source` (under `key`) on a connection of
    its own, read only, its temp data in memory (a grouped read's sort is never on disk in the
    clear), so it can run on another thread beside a build that reads the same file (SQLite
    lets go of the GIL while it steps). It sees what was committed when it reads: the caller
    holds the file's write lock, so that is what the build's own connection sees."""
    raw = sqlcipher3.dbapi2.connect(str(source), isolation_level=None, check_same_thread=False)
    try:
        raw.execute(f"PRAGMA key = {_key_sql(key)}")
        for pragma in ("query_only = 1", "temp_store = MEMORY", "cache_size = -131072"):
            raw.execute(f"PRAGMA {pragma}")
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


class _Library:
    """SQLite's serialize and deserialize in SQLCipher's own library (the C functions are in
    sqlcipher3's extension, which does not offer them in Python), called by ctypes on a
    sqlcipher3 connection's `sqlite3 *` (the first field after the object's head in
    pysqlite's `Connection`, as in every release of it and of the standard library's)."""

    def __init__(self) -> None:
        from sqlcipher3 import _sqlite3

        lib = ctypes.CDLL(_sqlite3.__file__)  # the library already loaded: the same SQLite
        P = ctypes.c_void_p
        lib.sqlite3_set_last_insert_rowid.argtypes = [P, ctypes.c_int64]
        lib.sqlite3_set_last_insert_rowid.restype = None
        lib.sqlite3_malloc64.argtypes = [ctypes.c_uint64]
        lib.sqlite3_malloc64.restype = P
        lib.sqlite3_deserialize.argtypes = [P, ctypes.c_char_p, P, ctypes.c_int64,
                                            ctypes.c_int64, ctypes.c_uint]
        lib.sqlite3_deserialize.restype = ctypes.c_int
        lib.sqlite3_serialize.argtypes = [P, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int64),
                                          ctypes.c_uint]
        lib.sqlite3_serialize.restype = P
        lib.sqlite3_file_control.argtypes = [P, ctypes.c_char_p, ctypes.c_int, P]
        lib.sqlite3_file_control.restype = ctypes.c_int
        lib.sqlite3_db_cacheflush.argtypes = [P]
        lib.sqlite3_db_cacheflush.restype = ctypes.c_int
        self.lib = lib

    def handle(self, raw) -> int:
        """`raw`'s `sqlite3 *`, checked to be it: a random rowid set through it is what
        `last_insert_rowid()` then says on `raw` (a fresh connection, nothing inserted)."""
        handle = ctypes.c_void_p.from_address(id(raw) + object.__basicsize__).value
        mark = secrets.randbits(62) + 1
        self.lib.sqlite3_set_last_insert_rowid(handle, mark)
        if raw.execute("SELECT last_insert_rowid()").fetchone()[0] != mark:
            raise RuntimeError("sqlcipher3's connection is not laid out as expected")
        self.lib.sqlite3_set_last_insert_rowid(handle, 0)
        return handle

    def deserialize(self, handle: int, image: bytes) -> None:
        """`image` as the connection's main database, in memory (SQLite's `memdb`; it frees
        the copy and may grow it)."""
        buffer = self.lib.sqlite3_malloc64(len(image))
        if not buffer:
            raise MemoryError
        ctypes.memmove(buffer, image, len(image))
        if self.lib.sqlite3_deserialize(handle, b"main", buffer, len(image), len(image),
                                        _FREE_ON_CLOSE | _RESIZEABLE):
            raise RuntimeError("sqlite3_deserialize failed")
        limit = ctypes.c_int64(_NO_LIMIT)  # memdb stops at 1 GiB unless told
        if self.lib.sqlite3_file_control(handle, b"main", _FCNTL_SIZE_LIMIT,
                                         ctypes.byref(limit)) or limit.value < _NO_LIMIT:
            raise RuntimeError("the in-memory database's size limit was not raised")

    def serialize(self, handle: int) -> bytes:
        """The main database's bytes (an in-memory database's own buffer, copied once)."""
        return bytes(self.view(handle))

    def view(self, handle: int) -> memoryview:
        """The main database's bytes where they are (an in-memory database's own buffer, not
        copied): valid only until the database is next written or closed."""
        size = ctypes.c_int64()
        at = self.lib.sqlite3_serialize(handle, b"main", ctypes.byref(size), _NO_COPY)
        if not at:
            raise RuntimeError("sqlite3_serialize failed")
        return memoryview((ctypes.c_char * size.value).from_address(at)).cast("B")

    def flushed(self, handle: int) -> bytes:
        """The main database's bytes part-way through a transaction: the pages the
        connection holds changed in its cache written to the in-memory database first
        (`sqlite3_db_cacheflush`; the commit would write them anyway), then copied."""
        if self.lib.sqlite3_db_cacheflush(handle):
            raise RuntimeError("sqlite3_db_cacheflush failed")
        return self.serialize(handle)


_FREE_ON_CLOSE, _RESIZEABLE, _NO_COPY = 1, 2, 1  # SQLITE_DESERIALIZE_*, SQLITE_SERIALIZE_NOCOPY
_FCNTL_SIZE_LIMIT = 36  # SQLITE_FCNTL_SIZE_LIMIT
_NO_LIMIT = 1 << 40  # as large as memory lets it grow (the image is held in memory anyway)


@functools.cache
def _library() -> _Library | None:
    """The library, or None where a connection's handle cannot be reached (checked once)."""
    try:
        library = _Library()
        raw = sqlcipher3.dbapi2.connect(":memory:", isolation_level=None)
        try:
            library.handle(raw)
        finally:
            raw.close()
        return library
    except (OSError, AttributeError, RuntimeError):
        return None


def memory_images() -> bool:
    """Whether `new_store_memory_image` can be used here (else `new_store_file_image`)."""
    return _library() is not None


@contextlib.contextmanager
def new_store_memory_image(source: Path, source_key: bytes) -> Iterator[StoreImage]:
    """`new_store_file_image` with the image in memory: SQLCipher's library (the SQLCipher
    database `source` attached under `source_key` as `source`, so the block can copy whole
    tables by `INSERT … SELECT`, every row in C) builds an unencrypted database that exists
    only in this process's memory (`sqlite3_deserialize` of `blank_image` into a connection
    without a key: SQLite's `memdb`, no file, no journal, temp data in memory), and its bytes
    are taken by `sqlite3_serialize` when the block ends. No file is made, so nothing is
    encrypted, written, read back and decrypted. The block reads `source` in one read
    transaction: what it sees is what was committed when it first read it."""
    library = _library()
    if library is None:
        raise RuntimeError("SQLite's serialize is not reachable in sqlcipher3")
    raw = sqlcipher3.dbapi2.connect(":memory:", check_same_thread=False, isolation_level=None)
    engine = None
    built = StoreImage()
    try:
        handle = library.handle(raw)
        library.deserialize(handle, blank_image())
        built._now = functools.partial(library.flushed, handle)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = MEMORY",
                       "cache_size = -131072"):
            raw.execute(f"PRAGMA {pragma}")
        raw.create_collation("natural", natural_compare)
        raw.execute(f"ATTACH DATABASE ? AS source KEY {_key_sql(source_key)}", (str(source),))
        engine = _sa(raw)
        with engine.connect() as conn:  # before BEGIN: SQLAlchemy's first checkout rolls back
            yield from _filled(raw, conn, built)
        raw.execute("DETACH DATABASE source")
        built._now = None
        view = library.view(handle)  # the database's own buffer, while `raw` is open
        try:
            built._done(view)
        except BaseException:
            with contextlib.suppress(BufferError):  # a frame of the error may hold a part
                view.release()
            raise
        view.release()  # no part of the buffer is left to be read once `raw` closes
    finally:
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        if engine is not None:
            engine.dispose()
        raw.close()  # the in-memory database and its buffer go with it


def swap_in(store, new_file: Path, file_key: bytes,
            fill: Callable[[sa.Connection], None] | None = None) -> bool:
    """Make `new_file` (written by `sqlcipher_pages`, or SQLCipher's, under `file_key`) the
    database of `store`: re-keyed to the store's key unless already under it, the store's
    local rows copied in, `fill(conn)` run in the same transaction (its unqualified names are
    the new file's), then renamed over the store file. False, and the file deleted, when the
    swap is refused (see the module's docstring). The store's engine is disposed first; its
    next connection opens the new file."""
    store.changes.close()
    store.engine.dispose()
    target = store.data_dir / DB_FILE
    raw = engine = None
    try:
        raw = _raw(new_file, file_key)
        engine = _sa(raw)
        with engine.connect() as conn:  # before BEGIN: SQLAlchemy's first checkout rolls back
            # The old store is held first: a reader (the window's change check) that comes
            # meanwhile waits for the swap instead of making it refused.
            if not _hold_old(raw, target, store.data_key):
                return False
            if file_key != store.data_key:  # a snapshot's image comes under the store's key
                raw.execute(f"PRAGMA rekey = {_key_sql(store.data_key)}")
            if raw.execute("SELECT version_num FROM alembic_version").fetchone() != (HEAD,):
                return False
            raw.execute("BEGIN EXCLUSIVE")
            if _old_holds_anything(raw):
                return False
            _copy_local(raw)
            if fill is not None:
                fill(conn)
            raw.execute("COMMIT")
        _fsync(new_file)  # the old store stays held (exclusive) until the rename is done
        os.replace(new_file, target)  # the one step that changes the store
        _fsync(target.parent)
        return True
    finally:
        if raw is not None:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            if engine is not None:
                engine.dispose()
            raw.close()  # the old store's lock goes with it; its file is gone if replaced
        with contextlib.suppress(FileNotFoundError):
            new_file.unlink()


def _hold_old(raw, target: Path, key: bytes) -> bool:
    """The old store attached and held exclusively until this connection closes (no other
    connection may be open on it; its write-ahead log checkpointed away by the switch of its
    journal to memory, which takes the lock)."""
    raw.execute(f"ATTACH DATABASE ? AS old KEY {_key_sql(key)}", (str(target),))
    raw.execute("PRAGMA old.locking_mode = EXCLUSIVE")
    try:
        mode = raw.execute("PRAGMA old.journal_mode = MEMORY").fetchone()[0]
    except sqlcipher3.dbapi2.OperationalError:  # locked: someone else has the store open
        return False
    return mode == "memory" and not Path(f"{target}-wal").exists()


def _old_holds_anything(raw) -> bool:
    """Whether replacing the old store would lose a record: any outbox entry, any row of a
    synced table (what ships with the app, under the same ids everywhere, excepted)."""
    from models.checklist_defaults import SHIPPED_TABLES
    from models.tables import SYNCED_TABLES

    if raw.execute("SELECT EXISTS (SELECT 1 FROM old.outbox)").fetchone()[0]:
        return True
    for name in SYNCED_TABLES:
        made = " WHERE created_device != ''" if name in SHIPPED_TABLES else ""
        if raw.execute(f'SELECT EXISTS (SELECT 1 FROM old."{name}"{made})').fetchone()[0]:
            return True
    return False


def _copy_local(raw) -> None:
    """The device's own rows into the new file; the old store's settings win over anything
    the file holds (`fill` then sets what the file brings, such as the sync cursor)."""
    for name in LOCAL_TABLES:
        columns = ", ".join(f'"{r[1]}"' for r in raw.execute(f'PRAGMA main.table_info("{name}")'))
        verb = "INSERT OR REPLACE" if name == "store_meta" else "INSERT OR IGNORE"
        raw.execute(f'{verb} INTO main."{name}" ({columns}) SELECT {columns} FROM old."{name}"')


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
