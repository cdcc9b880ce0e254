"""Opening the encrypted SQLite store: SQLCipher with a raw data key, WAL, synchronous=FULL."""

from pathlib import Path

import sqlalchemy as sa
import sqlcipher3
from sqlalchemy import event

from models.errors import StoreLockedError

DB_FILE = "fieldinspect.db"


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

    @event.listens_for(engine, "begin")
    def _begin(conn):
        # The driver runs in autocommit mode so that we decide when a transaction starts:
        # writers take the lock up front instead of failing half-way.
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
