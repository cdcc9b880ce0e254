"""The HQ database: an encrypted SQLite store (default) or PostgreSQL, migrated on open.

`database_url` is either `postgresql+psycopg://...` or `sqlite:///DIR`, where DIR is a directory
holding an encrypted store made by the same machinery as a device store. Either way HQ needs the
passphrase (the argument, else FIELDINSPECT_PASSPHRASE): it unlocks the SQLite store, or the key
that seals a PostgreSQL HQ's attachments (`sync/server/attachment_store.py`). Two Alembic histories run
on open: the models' (data tables, table `alembic_version`) and HQ's own
(`sync_alembic_version`, in sync/server/migrations).
"""

import contextlib
import functools
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from models.coltypes import sqlite_timestamp
from models.errors import Problem, StoreLockedError, ValidationError
from models.paths import resolve_data_dir
from models.security.attachment_store import BlobStore
from models.store.database import DB_FILE, PoolSize, keep_none_alive, open_engine
from models.store.schema import ensure_schema
from sync.server import tables as T
from sync.server.attachment_store import (
    Partial,
    create_blob_key,
    open_attachment_store,
    read_blob_key,
    seal_plain_files,
)
from sync.server.checkpoint import Checkpointer, no_autocheckpoint
from sync.server.pg_together import together
from sync.server.settings import server_settings

SERVER_HEAD = "s0009"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Several workers may start at once against one PostgreSQL: migrations (and the making of the
# attachment key) run under this lock.
_PG_MIGRATION_LOCK = 0x46494E53
PG_BLOB_DIR = "hq-blobs"  # a PostgreSQL HQ's attachments, in the data directory by default

# How many threads of one HQ process may reach the database at once. Every database call of a
# request runs on anyio's thread pool (sync routes, sync dependencies, run_in_threadpool), whose
# default is 40 threads; the app limits that pool to DB_THREADS at start-up (sync/server/app.py)
# and the pools below hold exactly DB_THREADS connections, so a request never waits for a
# connection and no connection is shared. We limit the thread pool to the pool rather than
# grow the pool to 40 because:
# - SQLite has one writer (and an office device's pull writes too): past a few threads, requests
#   only wait, and they wait better in anyio's first-come queue than in SQLite's busy handler
#   (sleep and poll, unfair, "database is locked" after busy_timeout); each SQLCipher connection
#   also keeps its own page cache (up to 64 MB);
# - every PostgreSQL worker process holds its pool: 40 per worker passes PostgreSQL's default
#   max_connections (100) at the third worker, 8 leaves room for ten workers and the CLI;
# - the work is Python under one GIL per process: more threads add no throughput, they queue
#   for the GIL (5 ms switch interval) instead of in anyio's queue, and each wait costs thread
#   switches: 50 devices syncing without a pause, 2 workers on PostgreSQL, 16 threads gave
#   208-237 rounds/s at 3.4-4.0 ms of server CPU a round, 8 gave 296-381 at 2.6-2.8 ms, and 4
#   about what 8 gave (bench/hq_capacity.py, alternating, load 6-10). 8 leaves room for a few
#   long requests (a snapshot's build, an attachment) beside the short ones.
DB_THREADS = 8
# A checkout that still finds every connection lent (an app served without its start-up, e.g.
# in-process over httpx's ASGITransport, keeps anyio's 40 threads) waits this long, then HQ
# answers 503 `busy` and the device retries.
POOL_TIMEOUT = 30.0
SQLITE_POOL = PoolSize(size=DB_THREADS, overflow=0, timeout=POOL_TIMEOUT)


HQ_BLOBS_SEALED = "hq_blobs_sealed"  # store_meta: attachments kept in the clear were sealed


@dataclass
class ServerDB:
    engine: sa.Engine
    blob_dir: Path
    # The key that seals the attachments: the SQLite store's data key, or a PostgreSQL HQ's
    # own attachment key (blobs.key.json).
    blob_key: bytes = field(repr=False)
    # A SQLite HQ's WAL checkpoints, off the committing requests (sync/server/checkpoint.py)
    checkpointer: Checkpointer | None = None

    def __post_init__(self) -> None:
        self.blobs: BlobStore
        self.partial: Partial
        self.blobs, self.partial = open_attachment_store(self.blob_dir, self.blob_key)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextlib.contextmanager
    def write(self) -> Iterator[sa.Connection]:
        """A writing transaction holding the version counter: writers run one at a time, so
        server versions are handed out in commit order."""
        opts = {"immediate": True} if self.is_sqlite else {"isolation_level": "READ COMMITTED"}
        checkpointer = self.checkpointer
        with self.engine.connect().execution_options(**opts) as conn, conn.begin():
            if checkpointer is None:
                yield conn
                return
            # rows changed, so the checkpointer knows a push batch from a one-record round
            driver = conn.connection.driver_connection
            before = driver.total_changes
            yield conn
            changed = driver.total_changes - before
        checkpointer.committed(changed)

    @contextlib.contextmanager
    def read(self) -> Iterator[sa.Connection]:
        """One snapshot for the whole read (a pull page reads several tables)."""
        opts = {} if self.is_sqlite else {"isolation_level": "REPEATABLE READ"}
        with self.engine.connect().execution_options(**opts) as conn, conn.begin():
            yield conn

    def close(self) -> None:
        if self.checkpointer is not None:
            self.checkpointer.close()
        self.engine.dispose()


def default_database_url(data_dir: Path) -> str:
    return f"sqlite:///{Path(data_dir) / 'hq-server'}"


def default_pg_blob_dir(data_dir: Path | None = None) -> Path:
    """FIELDINSPECT_BLOB_DIR, else `hq-blobs` in the data directory (never the cwd)."""
    settings = server_settings()
    if settings.blob_dir:
        return settings.blob_dir
    return Path(data_dir or resolve_data_dir(settings.data_dir)) / PG_BLOB_DIR


def open_server_db(database_url: str, *, blob_dir: Path | None = None,
                   passphrase: str | None = None) -> ServerDB:
    if passphrase is None:
        passphrase = server_settings().passphrase
    if database_url.startswith("sqlite"):
        return _open_sqlite(Path(database_url.split(":///", 1)[-1]), blob_dir, passphrase)
    if database_url.startswith("postgresql"):
        return _open_postgres(database_url, Path(blob_dir or default_pg_blob_dir()), passphrase)
    raise ValidationError(Problem.of("database-url", "hq_database_url"))


def _open_sqlite(directory: Path, blob_dir: Path | None, passphrase: str | None) -> ServerDB:
    """HQ's encrypted store; its data key also seals the attachments."""
    from models.store.store import Store

    if not passphrase:
        raise StoreLockedError(code="hq_database_locked")
    store = Store.open(directory, passphrase, pool=SQLITE_POOL, device=False)
    migrate(store.engine)
    # Every request connection from here on leaves the checkpoints to the checkpointer.
    sa.event.listen(store.engine, "connect", no_autocheckpoint)
    store.engine.dispose()
    checkpointer = Checkpointer(open_engine(directory / DB_FILE, store.data_key,
                                            PoolSize(size=1, overflow=0)))
    db = ServerDB(engine=store.engine, blob_dir=blob_dir or directory / "blobs",
                  blob_key=store.data_key, checkpointer=checkpointer)
    try:
        _seal_earlier_blobs(db)
    except BaseException:
        db.close()
        raise
    return db


def _open_postgres(database_url: str, blob_dir: Path, passphrase: str | None) -> ServerDB:
    """The attachment key is unwrapped before anything is written (a wrong passphrase leaves
    the database and the blob directory as they were); a new HQ's key is made under the
    migration lock, which every worker takes, so all of them seal with the same key."""
    if not passphrase:
        raise StoreLockedError(code="hq_attachments_locked")
    key = read_blob_key(blob_dir, passphrase)
    # No ping before each checkout (one more round trip per transaction, 2-3 per sync round,
    # issue 18 §3): a connection PostgreSQL dropped (a restart) fails its request as 503 `busy`,
    # which the device retries, and SQLAlchemy then replaces every pooled connection older than
    # that failure.
    engine = sa.create_engine(database_url, poolclass=sa.pool.QueuePool, pool_size=DB_THREADS,
                              max_overflow=0, pool_timeout=POOL_TIMEOUT)
    try:
        with _pg_lock(engine):
            _migrate_both(engine)
            if key is None:
                key = read_blob_key(blob_dir, passphrase) or create_blob_key(
                    blob_dir, passphrase, holds_sealed=_blobs_sealed_before(engine))
            db = ServerDB(engine=engine, blob_dir=blob_dir, blob_key=key)
            _seal_earlier_blobs(db)
    except BaseException:
        engine.dispose()
        raise
    return db


def _blobs_sealed_before(engine: sa.Engine) -> bool:
    from models.store.store import get_meta

    with engine.connect() as conn:
        return get_meta(conn, HQ_BLOBS_SEALED) == "1"


def _seal_earlier_blobs(db: ServerDB) -> None:
    """Once per HQ: attachments an earlier version kept in the clear are sealed."""
    from models.store.store import get_meta, set_meta

    with db.write() as conn:
        if get_meta(conn, HQ_BLOBS_SEALED) != "1":
            seal_plain_files(db.blobs)
            set_meta(conn, HQ_BLOBS_SEALED, "1")


def migrate(engine: sa.Engine) -> None:
    """Bring both schemas to head (serialised across workers on PostgreSQL)."""
    with _pg_lock(engine):
        _migrate_both(engine)


@contextlib.contextmanager
def _pg_lock(engine: sa.Engine) -> Iterator[None]:
    """PostgreSQL's advisory migration lock, held for the block (nothing to take on SQLite)."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as lock_conn:
        lock_conn.execute(sa.text("SELECT pg_advisory_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        lock_conn.commit()
        try:
            yield
        finally:
            lock_conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"),
                              {"k": _PG_MIGRATION_LOCK})
            lock_conn.commit()


def _migrate_both(engine: sa.Engine) -> None:
    ensure_schema(engine, device=False)
    with engine.connect() as conn:
        has = sa.inspect(conn).has_table("sync_alembic_version")
        current = conn.exec_driver_sql(
            "SELECT version_num FROM sync_alembic_version").scalar() if has else None
    if current != SERVER_HEAD:
        from alembic import command

        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), SERVER_HEAD)


def alembic_config(connection: sa.Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


# PostgreSQL advisory locks of the writers (transaction-scoped). A push of new rows only
# (`DeferredClock`) holds the writers' gate SHARED: such pushes run side by side and take the
# counter only at their very end. Every other writer that hands out versions (`VersionClock`:
# edits, deletes, big batches, administration) holds it EXCLUSIVE, so it still runs alone, as
# every writer did before (merges read field versions, cascades and HQ's flags read other rows).
WRITERS_GATE = 0x46495752
# Paper form numbers (two-key advisory locks: this space, a hash of campaign and number): two
# pushes of one number side by side take turns, the second sees the first's form (forms.py).
FORM_NUMBER_LOCKS = 0x464E4F


def lock_counter(conn: sa.Connection) -> int:
    """Take the counter row's lock (held until commit) and return the last version. A driver
    statement (every push and notice runs it: no compile, no cache key); on SQLite the
    writing transaction (BEGIN IMMEDIATE) already holds the only writer's lock."""
    return on_driver(conn, _LOCK_COUNTER[conn.dialect.name == "postgresql"]).fetchone()[0]


def on_driver(conn: sa.Connection, sql: str, params=None):
    """`conn.exec_driver_sql(sql, params)` on SQLite without SQLAlchemy's statement and result
    layers: the statement goes to the driver connection of the transaction `conn` holds and
    the driver's cursor comes back (rows as plain tuples: `fetchone`, `fetchall`, iteration;
    a list of parameter tuples runs once per tuple). A one-record round sends about a dozen
    statements at HQ; each cost ~13 µs of CPU through `exec_driver_sql` against ~2 µs here
    (issue 18 row 4). Outside a transaction (SQLAlchemy would begin one) and on PostgreSQL
    (its hot statements go in pipelines, `pg_together`), `exec_driver_sql` as before."""
    if conn.dialect.name != "sqlite" or not conn.in_transaction():
        return conn.exec_driver_sql(sql) if params is None else conn.exec_driver_sql(sql, params)
    raw = conn.connection.driver_connection
    if params is None:
        cursor = raw.execute(sql)
    elif isinstance(params, list):
        cursor = raw.executemany(sql, params)
    else:
        cursor = raw.execute(sql, params)
    keep_none_alive()  # as the store's engine does after each statement (database.py)
    return cursor


_LOCK_COUNTER = (f"SELECT value FROM {T.counter.name} WHERE id = 1",
                 f"SELECT value FROM {T.counter.name} WHERE id = 1 FOR UPDATE")


def driver_mark(conn: sa.Connection) -> str:
    """The driver's positional parameter mark: `?` (sqlite3), `%s` (psycopg)."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def driver_time(conn: sa.Connection, value: datetime) -> datetime | str:
    """A UTC timestamp as a driver parameter of a `UTCDateTime` column: the text SQLAlchemy
    stores on SQLite, the aware datetime itself on PostgreSQL."""
    return sqlite_timestamp(value) if conn.dialect.name == "sqlite" else value


def high_water(conn: sa.Connection) -> int:
    return conn.execute(sa.select(T.counter.c.value).where(T.counter.c.id == 1)).scalar_one()


class VersionClock:
    """Hands out versions inside one writing transaction; `save` writes the counter back."""

    # PostgreSQL: what opening a clock sends, the writers' gate taken exclusive (alone: no
    # push of new rows runs beside it), then the counter's row locked and read.
    OPENING = (("SELECT pg_advisory_xact_lock(%s)", (WRITERS_GATE,)), (_LOCK_COUNTER[1], None))

    def __init__(self, conn: sa.Connection, *, counter: int | None = None):
        """`counter`: the caller sent `OPENING` itself (PostgreSQL, in one round trip with
        its own first statement, `pg_together.together`) and read the counter's value."""
        self.conn = conn
        if counter is not None:
            self.start = self.last = counter
            return
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(*self.OPENING[0])
        self.start = self.last = lock_counter(conn)

    def next(self) -> int:
        self.last += 1
        return self.last

    def take(self, n: int) -> list[int]:
        """`next()` `n` times over (a batch of new rows written whole)."""
        self.last += n
        return list(range(self.last - n + 1, self.last + 1))

    def save(self, along: sa.Update | None = None, *,
             device_seq: tuple[str, int, datetime] | None = None,
             ahead: tuple[str, dict] | None = None, commit: bool = False) -> None:
        """Write the counter back. `along`: another UPDATE of this transaction, sent in the
        same statement on PostgreSQL (a data-modifying WITH): while the counter is locked every
        round trip counts, since all pushes wait for it (issue 18 §3). `device_seq` (device
        id, last sequence, sync time): the pushing device's row, the same way but as driver
        statements, their text made once per dialect (`_save_sql`): no construct built, no
        compile or cache key per push. `ahead` (a driver statement of the caller's, sent just
        before) and `commit` as in `DeferredClock.save`: on PostgreSQL, with versions handed
        out, the two statements and the COMMIT go in one round trip."""
        if ahead is not None and (device_seq is None or self.last == self.start):
            self.conn.exec_driver_sql(*ahead)
            ahead = None
        if device_seq is not None:
            mark = driver_mark(self.conn)
            device = (device_seq[1], driver_time(self.conn, device_seq[2]), device_seq[0])
            pg = self.conn.dialect.name == "postgresql"
            if self.last == self.start:
                on_driver(self.conn, _save_sql(mark, False, False), device)
            elif pg:  # one statement: the device's row in a data-modifying WITH
                together(self.conn, ([] if ahead is None else [ahead]) + [
                    (_save_sql(mark, True, True), (*device, self.last))], commit=commit)
            else:
                on_driver(self.conn, _save_sql(mark, False, False), device)
                on_driver(self.conn, _save_sql(mark, True, False), (self.last,))
            return
        if self.last == self.start:
            if along is not None:
                self.conn.execute(along)
            return
        stmt = T.counter.update().where(T.counter.c.id == 1).values(value=self.last)
        if along is not None:
            if self.conn.dialect.name == "postgresql":
                stmt = stmt.add_cte(along.cte("along"))
            else:
                self.conn.execute(along)
        self.conn.execute(stmt)


class DeferredClock:
    """Versions taken at the END of a writing transaction (PostgreSQL, a push of new rows
    only, issue 18 §3). The rows are written under provisional versions -1, -2, ... (never
    committed: nobody else sees them); `save` then takes the counter and stamps the rows with
    `start + k` in ONE statement, and the transaction commits. The counter's row lock is held
    from that statement to COMMIT only, and versions still follow commit order: a pull that
    reads the counter at `top` in its snapshot sees every row up to `top`, and any push that
    commits later takes its versions above it. The writers' gate is held shared (see
    WRITERS_GATE): pushes of new rows do not wait for each other, edits still run alone."""

    def __init__(self, conn: sa.Connection, *, take_gate: bool = True):
        """`take_gate=False`: the caller's next statement takes the writers' gate (shared)
        before anything else (`auth.check_pushing`, with the device's row: one round trip)."""
        self.conn = conn
        self.taken = 0
        self.riding: list[tuple[str, object]] = []  # statements sent with `save`'s (`ride`)
        if take_gate:
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock_shared(%s)", (WRITERS_GATE,))

    def next(self) -> int:
        self.taken += 1
        return -self.taken

    def ride(self, statement: tuple[str, object]) -> None:
        """`statement` (driver SQL, parameters) sent with `save`'s closing statements, first
        (a push's few new rows: their INSERT, `pg_copy.insert_statement`), rather than alone:
        nothing in the transaction reads those rows before then, and a failing one fails the
        transaction as it would have alone."""
        self.riding.append(statement)

    def take(self, n: int) -> list[int]:
        """`next()` `n` times over."""
        self.taken += n
        return list(range(-(self.taken - n + 1), -self.taken - 1, -1))

    @staticmethod
    def numbers_lock(keys: list[str]) -> tuple[str, tuple] | None:
        """The statement taking the form numbers' locks (sorted: two pushes never wait for
        each other in a circle), sent before their holders are read (None: no number to
        lock)."""
        hashes = sorted({zlib.crc32(k.encode()) - 2**31 for k in keys})
        if not hashes:
            return None
        return ("SELECT count(pg_advisory_xact_lock(%s, h)) FROM unnest(%s::int4[]) AS h",
                (FORM_NUMBER_LOCKS, hashes))

    def save(self, stamp: list[sa.Column], along: sa.Update | None = None, *,
             device_seq: tuple[str, int, datetime] | None = None,
             ahead: tuple[str, dict] | None = None, commit: bool = False) -> None:
        """Take `taken` versions from the counter and give them to this transaction's rows
        (`stamp`: the version columns written under provisional numbers), with the device's
        sequence in one statement: `device_seq` (device id, last sequence, sync time) or
        `along` (any UPDATE). With `device_seq` the statement's text is made once per set of
        tables (`_stamp_sql`): built with SQLAlchemy's constructs it cost more of HQ's CPU
        than the push's own checks (issue 18 §3). `ahead`: a driver statement (SQL, parameters)
        of the caller's sent just before (the push's entry digests). `commit`: the
        transaction ends here.

        With `device_seq` and versions taken, `ahead`, the stamping statement and the
        COMMIT go to PostgreSQL in ONE round trip (sync/server/pg_together.py): the counter's
        row lock, taken by the stamping statement, is let go by the COMMIT right behind it in
        the same message, with no round trip to HQ's worker in between."""
        riding, self.riding = self.riding, []
        if device_seq is not None and self.taken:
            statements = [*riding] if ahead is None else [*riding, ahead]
            statements.append((_stamp_sql(tuple((c.table.name, c.name) for c in stamp)), {
                "n": self.taken, "device": device_seq[0], "seq": device_seq[1],
                "at": device_seq[2]}))
            together(self.conn, statements, commit=commit)
            return
        for statement in riding:
            self.conn.exec_driver_sql(*statement)
        if ahead is not None:
            self.conn.exec_driver_sql(*ahead)
        if device_seq is not None:
            along = T.device.update().where(T.device.c.id == device_seq[0]).values(
                last_seq=device_seq[1], last_sync_at=device_seq[2])
        if not self.taken:
            if along is not None:
                self.conn.execute(along)
            return
        n = self.taken
        c = T.counter.c
        taken = (T.counter.update().where(c.id == 1).values(value=c.value + n)
                 .returning((c.value - n).label("start")).cte("taken"))
        start = sa.select(taken.c.start).scalar_subquery()
        stmt = sa.select(taken.c.start)
        for i, col in enumerate(stamp):
            stmt = stmt.add_cte(col.table.update().where(col < 0)
                                .values({col.name: start - col}).cte(f"stamp{i}"))
        if along is not None:
            stmt = stmt.add_cte(along.cte("along"))
        self.conn.execute(stmt).scalar_one()


@functools.cache
def _save_sql(mark: str, counter: bool, with_device: bool) -> str:
    """`VersionClock.save`'s driver statements: the device's sequence and sync time
    (parameters: sequence, time, device id), the counter (parameter: value), or both in one
    (PostgreSQL: the device's parameters, then the counter's)."""
    device = (f"UPDATE {T.device.name} SET last_seq = {mark}, last_sync_at = {mark} "
              f"WHERE id = {mark}")
    if not counter:
        return device
    update = f"UPDATE {T.counter.name} SET value = {mark} WHERE id = 1"
    return f"WITH along AS ({device}) {update}" if with_device else update


@functools.cache
def _stamp_sql(columns: tuple[tuple[str, str], ...]) -> str:
    """`DeferredClock.save`'s statement (PostgreSQL) for these (table, version column)s: the
    counter taken, the rows stamped, the device's sequence written, one statement. The rows
    are found by their provisional versions' range (-n .. -1, `DeferredClock.take`): a bare
    `< 0` was a sequential scan of the table, rows and all, wherever it had no statistics
    yet (a new HQ, a table growing faster than autovacuum analyzes it)."""
    stamps = "".join(
        f', stamp{i} AS (UPDATE "{table}" SET "{col}" = (SELECT start FROM taken) - "{col}" '
        f'WHERE "{col}" < 0 AND "{col}" >= -%(n)s)' for i, (table, col) in enumerate(columns))
    return (f"WITH taken AS (UPDATE {T.counter.name} SET value = value + %(n)s WHERE id = 1 "
            f"RETURNING value - %(n)s AS start){stamps}, along AS (UPDATE {T.device.name} SET "
            f"last_seq = %(seq)s, last_sync_at = %(at)s WHERE id = %(device)s) "
            f"SELECT start FROM taken")
