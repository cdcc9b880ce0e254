"""The outbox hook: each change becomes an entry in the same transaction as the change.

Entries are numbered contiguously per device; sync pushes them in order.
"""

import orjson
import sqlalchemy as sa

from models.coltypes import sqlite_timestamp
from models.store.writes import WRITE_HOOKS, Change, WriteSession
from models.timeutil import utcnow


def _reserve(conn: sa.Connection, count: int) -> int:
    """Reserve `count` sequence numbers; a counter (not max(seq)) so pruning never reuses one."""
    last = conn.exec_driver_sql(
        "SELECT value FROM store_meta WHERE key = 'outbox_last_seq'"
    ).scalar()
    last = int(last or 0)
    conn.exec_driver_sql(
        "INSERT INTO store_meta (key, value) VALUES ('outbox_last_seq', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (str(last + count),),
    )
    return last + 1


def _fallback(value):
    raise TypeError(f"cannot store {type(value).__name__} in the outbox")


def _payload(change: Change) -> str:
    return orjson.dumps(change.fields, default=_fallback).decode() if change.fields else ""


def append_to_outbox(session: WriteSession, changes: list[Change]) -> None:
    seq = _reserve(session.conn, len(changes))
    now = sqlite_timestamp(utcnow())
    params = [
        (seq + i, c.table, c.row_id, c.op, _payload(c), c.base_version,
         session.profile, now)
        for i, c in enumerate(changes)
    ]
    session.conn.exec_driver_sql(
        "INSERT INTO outbox (seq, table_name, row_id, op, fields, base_version, profile,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        params,
    )


WRITE_HOOKS.append(append_to_outbox)
