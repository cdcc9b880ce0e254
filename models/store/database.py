"""Opening the encrypted SQLite store: SQLCipher with a raw data key, WAL, synchronous=FULL."""

import ctypes
import sys
from pathlib import Path

import sqlalchemy as sa
import sqlcipher3
from sqlalchemy import event

from models.errors import StoreLockedError

DB_FILE = "fieldinspect.db"

# sqlcipher3 (every release up to 0.6.4) drops a reference to None when some statements bind
# None. From Python 3.12 None is immortal and nothing happens; on 3.11 None's count falls a
# little with every such call until the interpreter aborts ("none_dealloc") after enough
# writes. Until upstream is fixed we keep None's count far from zero: the check is one
# function call per statement, the top-up one memory write.
_NONE_IS_MORTAL = sys.version_info < (3, 12)
_NONE_LOW_WATER = 1 << 24
_NONE_TOP_UP = 1 << 28


def keep_none_alive(*_ignored) -> None:
    if not _NONE_IS_MORTAL:
        return
    for singleton in (None, True, False):  # the booleans too: seen aborting at exit once
        if sys.getrefcount(singleton) < _NONE_LOW_WATER:
            ctypes.c_ssize_t.from_address(id(singleton)).value += _NONE_TOP_UP


def _connect_factory(path: Path, key: bytes):
    pragma_key = f"PRAGMA key = \"x'{key.hex()}'\""

    def connect():
        conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False, isolation_level=None)
        conn.execute(pragma_key)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.dbapi2.DatabaseError as exc:
            conn.close()
            raise StoreLockedError(
                f"The store at {path} cannot be opened with this key "
                "(wrong passphrase, or not a FieldInspect store)."
            ) from exc
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MB: bulk index inserts stay in memory
        conn.execute("PRAGMA temp_store = MEMORY")
        return conn

    return connect


def open_engine(path: Path, key: bytes) -> sa.Engine:
    """An engine over the encrypted file; transactions are explicit BEGIN (IMMEDIATE for writes)."""
    engine = sa.create_engine(
        "sqlite://", creator=_connect_factory(path, key), module=sqlcipher3.dbapi2
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
