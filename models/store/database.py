"""Opening the encrypted SQLite store: SQLCipher with a raw data key, WAL, synchronous=FULL,
behind a connection pool chosen and sized here (never SQLAlchemy's default for the URL).
SQLAlchemy is imported when an engine is made: a headless command that opens the store through
the driver alone (`models/store/driver.py`) never loads it."""

from __future__ import annotations

import contextlib
import ctypes
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from models.errors import StoreLockedError
from models.natural_sort import natural_compare

if TYPE_CHECKING:
    import sqlalchemy as sa

DB_FILE = "fieldinspect.db"

# sqlcipher3 (every release up to 0.6.4) drops a reference to None when some statements bind
# None. From Python 3.12 None is immortal and nothing happens; on 3.11 None's count falls a
# little with every such call until the interpreter aborts ("none_dealloc") after enough
# writes. Until upstream is fixed we keep None's count far from zero: the check is one
# function call per statement, the top-up one memory write.
_NONE_IS_MORTAL = sys.version_info < (3, 12)
_NONE_LOW_WATER = 1 << 24
_NONE_TOP_UP = 1 << 28


# sqlcipher3 asks every value that is not a number, text or bytes for an adapter, None too, and
# finding none costs an error raised and cleared: 28,000 rows with four None columns took
# 198 ms to insert against 26 ms with four numbers. An adapter for None that is a C function
# returning None (`{}.get`) answers the lookup at once: 23 ms, the same NULLs stored
# (measured in memory at load ~9; bench/insert_variants.py `none_adapter` on a store).
sqlcipher3.register_adapter(type(None), {}.get)


def keep_none_alive(*_ignored) -> None:
    if not _NONE_IS_MORTAL:
        return
    for singleton in (None, True, False):  # the booleans too: seen aborting at exit once
        if sys.getrefcount(singleton) < _NONE_LOW_WATER:
            ctypes.c_ssize_t.from_address(id(singleton)).value += _NONE_TOP_UP


@dataclass(frozen=True)
class PoolSize:
    """A QueuePool's size: every checkout gets a connection of its own, whichever thread asks,
    and gives it back whole; no connection is ever closed under the thread using it.

    Never SQLAlchemy's default: for "sqlite://" with a creator it picks a SingletonThreadPool of
    five, one connection per thread, which closes the connections of other threads still using
    them once a sixth thread connects - sqlcipher3 then crashes (issue 11: HQ died with SIGSEGV
    at six requests at once). It also handed a thread's nested `connect()` the connection the
    thread already held; with a QueuePool a nested `connect()` is a second connection."""
    size: int  # connections kept open
    overflow: int  # opened on top for a burst, closed when given back
    timeout: float = 30.0  # seconds a checkout waits when all are lent, then TimeoutError


# A device store is reached by few threads, and known ones: the desktop's one database worker,
# a sync engine's worker, small reads on the GUI thread (or a command's main thread). Four kept
# connections cover them; four more absorb a burst (the report builder holding its read while
# the notice is numbered at HQ on the same thread, a backup's raw connection) and are closed
# when given back.
DEVICE_POOL = PoolSize(size=4, overflow=4)


BUSY_SECONDS = 10  # how long a connection waits for another's lock (busy_timeout)

# How many prepared statements a connection keeps (sqlcipher3's `cached_statements`, 128 by
# default). Its cache keeps the most used statements and, once full, throws out the one added
# last to make room: a statement that is not run twice before the next new one comes is thrown
# out every time. A window that has run a few hundred different queries has a full cache, and
# from then on each sync round prepared all its statements again (SQLite parses each one:
# 10-15 us), ~1.5 ms more CPU a round: one record from device A to device B took 10.3 ms
# instead of 8.4 (devices' CPU 5.7 against 4.3 ms, 100,000 forms held, 300 other statements
# run first; docs/sync.md). A prepared statement holds ~17 KB (a 25-column upsert or a
# grouped read), so a full cache of this size is at most ~9 MB a connection.
STATEMENT_CACHE = 512


def _connect_factory(path: Path, key: bytes):
    pragma_key = f"PRAGMA key = \"x'{key.hex()}'\""

    def connect():
        while True:
            before = _inode(path)
            conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False,
                                             isolation_level=None,
                                             cached_statements=STATEMENT_CACHE)
            conn.execute(pragma_key)
            # Before the first read: a store held by a snapshot's swap (snapshot_file.swap_in)
            # is waited for, not taken for a wrong key.
            conn.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.dbapi2.DatabaseError as exc:
                conn.close()
                raise StoreLockedError(code="store_key_refused",
                                       params={"path": str(path)}) from exc
            if _inode(path) == before:
                break
            conn.close()  # the file was replaced (a swap) while this opened the old one
        _wal(conn)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MB: bulk index inserts stay in memory
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.create_collation("natural", natural_compare)  # lists of teams: 第2组 before 第10组
        return conn

    return connect


def _wal(conn) -> None:
    """The store in WAL (a no-op when it is). A store that another process is importing into
    through a rollback journal (`driver._rollback_journal`) refuses the switch at once while
    that transaction holds it ("database is locked", without waiting for busy_timeout): it is
    tried again until the import is done, up to `BUSY_SECONDS`."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlcipher3.dbapi2.OperationalError as exc:
            if not is_locked(exc) or time.monotonic() > deadline:
                conn.close()
                raise
        time.sleep(0.005)


def is_locked(exc: Exception) -> bool:
    """Whether SQLite refused because another connection holds the store (SQLITE_BUSY)."""
    return "locked" in str(exc) or "busy" in str(exc)


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except FileNotFoundError:
        return None


@contextlib.contextmanager
def write_transaction(engine: sa.Engine, *, bulk: bool = False) -> Iterator[sa.Connection]:
    """The one way to write to a store: a connection of its own in one transaction, committed
    when the block ends and rolled back when it raises.

    On SQLite it starts with BEGIN IMMEDIATE (the `begin` listener below): the writer takes the
    write lock up front, waiting up to busy_timeout for another writer, instead of reading first
    and failing half-way when it tries to write. `Store.write` runs its hooks (outbox, audit)
    and announces the changed tables on top of it; a write made here directly is seen by the
    window as a commit from elsewhere (`models/store/changes.py`). An engine of the driver
    alone (`models/store/driver.py`) gives a transaction of its own, begun and ended the same;
    `bulk` (an import's file) lets it commit through a rollback journal (`DriverEngine.write`)."""
    if getattr(engine, "driver_only", False):
        with engine.write(bulk=bulk) as conn:
            yield conn
        return
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        yield conn


def open_engine(path: Path, key: bytes, pool: PoolSize = DEVICE_POOL) -> sa.Engine:
    """An engine over the encrypted file; transactions are explicit BEGIN (IMMEDIATE for writes).

    Connections cross threads between checkouts (never during one): `check_same_thread=False`,
    and SQLCipher's builds are thread-safe (SQLITE_THREADSAFE=1)."""
    # LIFO: a checkout gets the connection given back last. SQLite drops a connection's page
    # cache when another connection has committed since its last transaction, and SQLCipher
    # then decrypts every page it reads again; handed out in turn (FIFO), each transaction
    # started cold. Measured on 100,000 forms: a one-row write and a read, with three idle
    # connections, 4.19 ms of CPU in turn against 1.55 ms on the last one (issue 18 §2).
    import sqlalchemy as sa
    from sqlalchemy import event

    engine = sa.create_engine(
        "sqlite://", creator=_connect_factory(path, key), module=sqlcipher3.dbapi2,
        poolclass=sa.pool.QueuePool, pool_size=pool.size, max_overflow=pool.overflow,
        pool_timeout=pool.timeout, pool_use_lifo=True,
    )

    event.listen(engine, "after_cursor_execute", keep_none_alive)
    keep_none_alive()

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # The driver runs in autocommit mode so that we decide when a transaction starts:
        # writers take the lock up front instead of failing half-way.
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
