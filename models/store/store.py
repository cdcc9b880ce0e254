"""The local store: one encrypted SQLite file per data directory, migrated on open.

`Store.open()` unlocks (or creates) the store and attaches its write hooks (outbox, audit);
`store.write(profile)` is the single write path; `store.read()` gives a read connection.
Sessions never cross threads: each checkout takes a connection of its own from the engine's
pool (`models/store/database.py` names it and its size). `Store.open(driver_only=True)`
opens it through the SQLite driver alone (`models/store/driver.py`), without SQLAlchemy.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from models.ids import new_id
from models.security import audit
from models.security.attachment_store import BLOB_DIR, BlobStore
from models.store.changes import ChangeWatch
from models.store.database import DB_FILE, DEVICE_POOL, PoolSize, open_engine, write_transaction
from models.store.keys import (
    KEY_FILE,
    create_key_file,
    unlock_key,
)
from models.store.outbox import append_to_outbox
from models.store.schema import ensure_schema
from models.store.writes import WriteHook, WriteSession

if TYPE_CHECKING:
    import sqlalchemy as sa

log = logging.getLogger(__name__)
BLOBS_SEALED = "blobs_sealed"  # store_meta: attachments written in the clear were sealed

# What every write of a device store also records, in its transaction: the outbox entry sync
# pushes, then the audit chain's entry. Attached here, where the store is built, in this order;
# importing the modules that define them attaches nothing.
DEVICE_WRITE_HOOKS: tuple[WriteHook, ...] = (append_to_outbox, audit.append_to_audit)


def device_write_hooks() -> tuple[WriteHook, ...]:
    return DEVICE_WRITE_HOOKS  # read at each build: a benchmark swaps the module's tuple


@dataclass
class Store:
    data_dir: Path
    engine: sa.Engine
    device_id: str
    data_key: bytes = field(default=b"", repr=False)
    wiped: bool = False  # set by models.security.wipe: the object no longer opens anything
    changes: ChangeWatch | None = field(default=None, repr=False)  # made in __post_init__
    write_hooks: tuple[WriteHook, ...] = field(default_factory=device_write_hooks, repr=False)

    def __post_init__(self) -> None:
        if self.changes is None:
            self.changes = ChangeWatch(lambda: self.engine.raw_connection())

    # --- opening ----------------------------------------------------------------------------
    @classmethod
    def exists(cls, data_dir: Path) -> bool:
        return (Path(data_dir) / KEY_FILE).exists()

    @classmethod
    def open(cls, data_dir: Path, passphrase: str | None, *, create: bool = True,
             pool: PoolSize = DEVICE_POOL, key: bytes | None = None,
             device: bool = True, driver_only: bool = False) -> Store:
        """Unlock the store in `data_dir`, creating it (with this passphrase) when absent.
        `pool`: a device's by default; HQ's SQLite store sizes its own (sync/server/db.py).
        `key`: the data key `models.store.keys.unlock_key` already unwrapped from this store's
        key file (the window derives it while SQLAlchemy is still being imported).
        `device=False`: HQ's SQLite store, made without the counts only a device keeps
        (models.store.schema.ensure_schema).
        `driver_only`: connections of the SQLite driver alone (`models/store/driver.py`), for a
        headless command whose path sends only driver SQL; SQLAlchemy is not imported unless
        something asks the engine for more (its `full_engine`)."""
        data_dir = Path(data_dir)
        key_path = data_dir / KEY_FILE
        if key is not None:
            pass
        elif key_path.exists():
            key = unlock_key(data_dir, key_path, passphrase)
        elif create:
            data_dir.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                os.chmod(data_dir, 0o700)
            key = create_key_file(key_path, passphrase or "")
        else:
            raise FileNotFoundError(f"No FieldInspect store in {data_dir}")
        if driver_only:
            from models.store.driver import DriverEngine

            engine = DriverEngine(data_dir / DB_FILE, key, pool)
        else:
            engine = open_engine(data_dir / DB_FILE, key, pool)
        ensure_schema(engine, device=device)
        device_id = _ensure_device_id(engine)
        with write_transaction(engine) as conn:
            audit.record(conn, "unlock")
            if get_meta(conn, BLOBS_SEALED) != "1":  # photos an earlier version kept in the clear
                try:
                    BlobStore(data_dir / BLOB_DIR, key).seal_plain_files()
                    set_meta(conn, BLOBS_SEALED, "1")
                except OSError as exc:  # tried again at the next open; the store still opens
                    log.warning("could not seal earlier attachment files: %s", exc.strerror)
        return cls(data_dir=data_dir, engine=engine, device_id=device_id, data_key=key,
                   write_hooks=device_write_hooks())

    def close(self) -> None:
        self.changes.close()
        self.engine.dispose()

    @property
    def blobs(self) -> BlobStore:
        """Attachment bytes, encrypted at rest (`put(bytes) -> sha256`, `get(sha256)`)."""
        return BlobStore(self.data_dir / BLOB_DIR, self.data_key)

    # --- reading and writing ----------------------------------------------------------------
    @contextlib.contextmanager
    def read(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def write(self, profile: str, *, bulk: bool = False) -> Iterator[WriteSession]:
        """One user action = one local transaction, with its outbox (and audit) entries.
        `bulk`: thousands of rows (an import's file): see `DriverEngine.write`."""
        with write_transaction(self.engine, bulk=bulk) as conn:
            session = WriteSession(conn=conn, device_id=self.device_id, profile=profile,
                                   hooks=self.write_hooks)
            yield session
            session.run_hooks()
        self.changes.committed(frozenset(c.table for c in session.changes))

    # --- facts about this store -------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        with self.read() as conn:
            return get_meta(conn, key, default)

    def set_meta(self, key: str, value: str) -> None:
        with write_transaction(self.engine) as conn:
            set_meta(conn, key, value)

    @property
    def is_demo(self) -> bool:
        return self.meta("demo") == "1"

    def holds_records(self) -> bool:
        """Any record a person made or received; what ships with the app (the default
        checklists, no device as author) does not count. One driver statement: a
        SQLAlchemy select per synced table cost a new store 10-25 ms of compiling, at its
        first sync (issue 18)."""
        with self.read() as conn:
            return bool(conn.exec_driver_sql(_holds_records_sql()).scalar())


@functools.cache
def _holds_records_sql() -> str:
    from models.checklist_defaults import SHIPPED_TABLES
    from models.tables import SYNCED_TABLES

    def made(name: str) -> str:
        where = " WHERE created_device != ''" if name in SHIPPED_TABLES else ""
        return f'EXISTS (SELECT 1 FROM "{name}"{where})'

    names = [model.__table__.name for model in SYNCED_TABLES.values()]
    return f"SELECT {' OR '.join(made(name) for name in names)}"


def get_meta(conn: sa.Connection, key: str, default: str | None = None) -> str | None:
    if getattr(conn, "driver_only", False):
        value = conn.exec_driver_sql("SELECT value FROM store_meta WHERE key = ?",
                                     (key,)).scalar()
        return default if value is None else value
    import sqlalchemy as sa

    # Bound with sa.text (not "?"), so HQ's PostgreSQL database can use it too.
    value = conn.execute(sa.text("SELECT value FROM store_meta WHERE key = :k"),
                         {"k": key}).scalar()
    return default if value is None else value


def set_meta(conn: sa.Connection, key: str, value: str) -> None:
    if getattr(conn, "driver_only", False):
        conn.exec_driver_sql(
            "INSERT INTO store_meta (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
        return
    import sqlalchemy as sa

    conn.execute(sa.text(
        "INSERT INTO store_meta (key, value) VALUES (:k, :v) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"k": key, "v": value})


def _ensure_device_id(engine: sa.Engine) -> str:
    with write_transaction(engine) as conn:
        device_id = get_meta(conn, "device_id")
        if not device_id:
            device_id = new_id()
            set_meta(conn, "device_id", device_id)
        return device_id
