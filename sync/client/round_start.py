"""What a sync round needs to know before its first request, read in ONE read transaction.

A round used to open a connection for each fact (revoked? to enroll again? backfilled? records
held back? where is HQ, the cursor, the audit head, the first outbox batch): about ten checkouts
and BEGINs, ~0.1 ms of CPU each, for a round whose whole budget is a few milliseconds
(issue 18 §2).
"""

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from models.store.driver import DriverConnection
from models.store.identity import NEEDS_ENROLLMENT_KEY
from models.store.store import Store
from sync.client.apply import CURSOR_KEY
from sync.client.outbox import BACKFILL_KEY, read_batch_in


@dataclass(frozen=True)
class RoundStart:
    revoked: bool
    reenroll: str  # why this store must enroll again first ("" when it need not)
    server_url: str | None
    backfill: bool  # records made before the outbox existed may need queueing (once)
    held_back: bool  # creations held back as too large, perhaps sendable now
    cursor: int
    audit: dict  # the audit head report, as the chain stands (nothing logged)
    batch: tuple[list[dict], int] | None  # the first outbox batch and how many are queued


# store_meta's facts, and whether a creation is held back as too large, in ONE statement (the
# NULL key: present when one is)
_META_KEYS = ("sync_revoked", "server_url", BACKFILL_KEY, CURSOR_KEY, NEEDS_ENROLLMENT_KEY)
_START_SQL = (f"SELECT key, value FROM store_meta WHERE key IN ({', '.join('?' * len(_META_KEYS))})"
              " UNION ALL SELECT NULL, '1' WHERE EXISTS (SELECT 1 FROM sync_issue WHERE code = ?"
              " AND resolved_at IS NULL)")


def round_start(store: Store, batch_entries: int | None = None,
                batch_bytes: int | None = None) -> RoundStart:
    """`batch_entries`, `batch_bytes`: the bounds of the first outbox batch to read too (none
    is read without them). Its reads go straight to the driver, its read transaction too
    (`_snapshot`): through SQLAlchemy's `Connection` its six statements, then its BEGIN and
    the connection around it, cost more than the rows they read (issue 18); the audit head
    report is `audit.head_report`'s (driver statements too)."""
    from models.security import audit

    with _snapshot(store) as conn:
        cursor = conn.connection.driver_connection.cursor()
        try:
            meta = dict(cursor.execute(_START_SQL, (*_META_KEYS, "too_large")).fetchall())
        finally:
            cursor.close()
        return RoundStart(  # `reenroll`: as models.store.identity.needs_enrollment reads it
            revoked=meta.get("sync_revoked") == "1",
            reenroll=meta.get(NEEDS_ENROLLMENT_KEY) or "",
            server_url=meta.get("server_url") or None,
            backfill=meta.get(BACKFILL_KEY) != "1", held_back=None in meta,
            cursor=int(meta.get(CURSOR_KEY) or 0), audit=audit.head_report(conn),
            batch=None if batch_entries is None else read_batch_in(
                conn, batch_entries, batch_bytes or 0))


@contextlib.contextmanager
def _snapshot(store: Store) -> Iterator[DriverConnection]:
    """One read transaction on a pooled driver connection (the pool's last given back, as a
    `Connection` would get), begun and ended on the driver and read through
    `DriverConnection` (the part of `Connection` the store's driver paths use): no
    `Connection`, no `begin` listener, no statement through SQLAlchemy. The pool takes the
    connection back as it takes every one (its reset rolls back whatever is left). A store
    opened through the driver alone gives such a transaction itself."""
    if getattr(store.engine, "driver_only", False):
        with store.read() as conn:
            yield conn
        return
    pooled = store.engine.raw_connection()
    try:
        driver = pooled.driver_connection
        driver.execute("BEGIN")
        try:
            yield DriverConnection(pooled)
        finally:
            if driver.in_transaction:  # a read: nothing to keep
                driver.execute("ROLLBACK")
    finally:
        pooled.close()
