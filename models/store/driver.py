"""A store reached through the SQLite driver alone, for a headless command that writes through
`WriteSession`'s driver-level statements only (`import evaluations`).

Importing SQLAlchemy is 170-180 ms of CPU on this machine, a sixth of that command, and the
command's path sends every statement as driver SQL (`exec_driver_sql`). `DriverEngine` opens the
same encrypted file with the same connection factory and pragmas as the engine of
`models/store/database.py` (`_connect_factory`), and gives out `DriverConnection`s: the part of
`sqlalchemy.Connection` that the write path, the store's opening and the import use, with the
same transactions (BEGIN, or BEGIN IMMEDIATE for a write; commit at the block's end, rollback on
an error) and the same refcount guard after each statement (`keep_none_alive`).

Anything else the engine is asked for (`begin()`, a SQLAlchemy statement elsewhere, a schema
migration) goes to a full SQLAlchemy engine over the same file, made on first use: a rare path
(a first profile made on a new store) still runs as it always did.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

from models.store import database
from models.store.database import DEVICE_POOL, PoolSize, keep_none_alive


class _Dialect:
    name = "sqlite"


class DriverResult:
    """A statement's rows (plain tuples), read as a SQLAlchemy result is read on this path."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor) -> None:
        self._cursor = cursor

    def __iter__(self):
        return iter(self._cursor)

    def fetchall(self) -> list[tuple]:
        return self._cursor.fetchall()

    all = fetchall

    def first(self):
        row = self._cursor.fetchone()
        self._cursor.close()
        return row

    def scalar(self):
        row = self.first()
        return None if row is None else row[0]

    def scalars(self) -> list:
        return [row[0] for row in self._cursor]

    def mappings(self) -> list[dict]:
        names = [d[0] for d in self._cursor.description or ()]
        return [dict(zip(names, row)) for row in self._cursor]

    def keys(self) -> list[str]:
        return [d[0] for d in self._cursor.description or ()]

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount


class _Pooled:
    """What `conn.connection` gives on a SQLAlchemy connection, as far as this path reads it."""

    __slots__ = ("dbapi_connection", "driver_connection", "info")

    def __init__(self, raw) -> None:
        self.dbapi_connection = self.driver_connection = raw
        self.info: dict = {}


class DriverConnection:
    """One checked-out driver connection inside one transaction."""

    dialect = _Dialect()
    driver_only = True

    def __init__(self, pooled: _Pooled) -> None:
        self.connection = pooled
        self._raw = pooled.dbapi_connection

    def exec_driver_sql(self, sql: str, parameters=None) -> DriverResult:
        """As `sqlalchemy.Connection.exec_driver_sql`: a list of tuples (or dicts) runs once
        per row (`executemany`), a tuple or dict once."""
        raw = self._raw
        if parameters is None:
            cursor = raw.execute(sql)
        elif isinstance(parameters, list) and parameters and isinstance(
                parameters[0], (tuple, list, dict)):
            cursor = raw.executemany(sql, parameters)
        else:
            cursor = raw.execute(sql, parameters)
        keep_none_alive()
        return DriverResult(cursor)

    def in_transaction(self) -> bool:
        return self._raw.in_transaction


class DriverEngine:
    """The connections of one store file, kept (LIFO, as the engine's pool) up to `pool.size`."""

    driver_only = True

    def __init__(self, path: Path, key: bytes, pool: PoolSize = DEVICE_POOL) -> None:
        self.path, self._key, self._pool = Path(path), key, pool
        self._connect = database._connect_factory(self.path, key)
        self._idle: list[_Pooled] = []
        self._lock = threading.Lock()
        self._full = None  # the SQLAlchemy engine, made when something needs it

    def raw_connection(self):
        """A driver connection of the caller's own (closed by the caller)."""
        return self._connect()

    def _checkout(self) -> _Pooled:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return _Pooled(self._connect())

    def _give_back(self, pooled: _Pooled) -> None:
        with self._lock:
            if len(self._idle) < self._pool.size:
                self._idle.append(pooled)
                return
        pooled.dbapi_connection.close()

    @contextlib.contextmanager
    def _transaction(self, begin: str, bulk: bool = False) -> Iterator[DriverConnection]:
        pooled = self._checkout()
        raw = pooled.dbapi_connection
        journalled = bulk and _rollback_journal(raw)
        try:
            raw.execute(begin)
        except BaseException:
            raw.close()
            raise
        try:
            yield DriverConnection(pooled)
        except BaseException:
            self._end(pooled, "ROLLBACK", journalled)
            raise
        # a read keeps nothing
        self._end(pooled, "ROLLBACK" if begin == "BEGIN" else "COMMIT", journalled)

    def _end(self, pooled: _Pooled, how: str, journalled: bool = False) -> None:
        raw = pooled.dbapi_connection
        try:
            if raw.in_transaction:
                raw.execute(how)
        except BaseException:
            with contextlib.suppress(Exception):
                if raw.in_transaction:
                    raw.execute("ROLLBACK")
            if journalled:
                _back_to_wal(raw)
            raw.close()  # a connection in an unknown state is not given back
            raise
        if journalled and not _back_to_wal(raw):
            raw.close()  # the next connection made puts the store back in WAL (the factory)
            return
        self._give_back(pooled)

    def connect(self):
        """A read: one deferred transaction, rolled back when the block ends."""
        return self._transaction("BEGIN")

    def write(self, *, bulk: bool = False):
        """`models.store.database.write_transaction` of this engine: BEGIN IMMEDIATE, commit.
        `bulk`: a transaction writing thousands of pages (an import's file) commits them
        straight into the store through a rollback journal when this is the store's only
        open connection (`_rollback_journal`), and the store is back in WAL after."""
        return self._transaction("BEGIN IMMEDIATE", bulk)

    def full_engine(self):
        """The SQLAlchemy engine over the same file (imported and made on first use)."""
        if self._full is None:
            from models.store.database import open_engine

            self._full = open_engine(self.path, self._key, self._pool)
        return self._full

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.full_engine(), name)

    def dispose(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for pooled in idle:
            pooled.dbapi_connection.close()
        if self._full is not None:
            self._full.dispose()


def _rollback_journal(raw) -> bool:
    """Put the store in rollback-journal mode for one bulk write, when no other connection (of
    this process or another) has it open; False, and the store left in WAL, when one has.

    In WAL a commit writes every page to the write-ahead log and its checkpoint copies each
    one again into the store, with an fsync of each file: a 26,300-form import commits ~9,300
    encrypted 4 KB pages, ~37 MB written twice. With a rollback journal the new pages are
    written once, into the store; the journal holds only the few pages the transaction
    changes that were there before (SQLCipher encrypts it as it does the store and the log).
    `synchronous = EXTRA` adds to FULL the fsync of the folder after the journal is deleted
    (the commit point in this mode), so a commit is as durable as WAL with FULL. SQLite
    refuses the switch at once ("database is locked") when another connection has the store
    open; a killed process leaves a hot journal that the next connection rolls back before
    it reads, and the factory's WAL switch then restores the mode."""
    try:
        if raw.execute("PRAGMA journal_mode = DELETE").fetchone()[0] != "delete":
            return False
    except sqlcipher3.dbapi2.Error:  # another connection has the store open ("locked")
        return False
    try:
        raw.execute("PRAGMA synchronous = EXTRA")
    except sqlcipher3.dbapi2.Error:
        _back_to_wal(raw)
        return False
    return True


def _back_to_wal(raw, wait: float = database.BUSY_SECONDS) -> bool:
    """The store back in WAL after a bulk write (`_rollback_journal`); another connection that
    opened it meanwhile may hold it for a moment (a switch that finds it locked fails at
    once, so it is tried again), up to `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            raw.execute("PRAGMA synchronous = FULL")  # the switch's write: no folder fsync
            if raw.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                return True
        except sqlcipher3.dbapi2.Error as exc:
            # Never raised: the transaction is over (committed or not) whatever happens here.
            if not database.is_locked(exc):
                return False  # the caller closes this connection; the next one restores WAL
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
