"""The outbox hook: each change becomes an entry in the same transaction as the change.
`Store.open` attaches it to the store's writes (importing this module attaches nothing).

Entries are numbered contiguously per device; sync pushes them in order.

A record held back at sync (too large to send, refused alone by HQ, or refused by HQ for a
text over its limit: a sync issue with a code in `HELD_BACK_CODES`) goes again with the next
change to it, which is usually the person shortening it: a held-back creation is sent as a
creation of the whole record as it is then (HQ never had it), a held-back edit as that edit's
fields plus the new ones, on its base version. A record deleted before HQ ever had it sends
nothing. The issue is then settled.
"""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter
from typing import TYPE_CHECKING

import orjson

if TYPE_CHECKING:
    import sqlalchemy as sa

from models.coltypes import sqlite_timestamp
from models.store.writes import Change, WriteSession
from models.timeutil import utcnow

HELD_BACK_CODES = ("too_large", "held_back", "too_long", "photo_metadata", "photo_format")


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


def _payload(fields: dict) -> str:
    return orjson.dumps(fields, default=_fallback).decode() if fields else ""


def append_to_outbox(session: WriteSession, changes: list[Change]) -> None:
    held = held_back(session.conn)
    # Usually nothing is held back: one entry per change, built in one pass below. (Not
    # `held` itself further down: _sending_held_back takes the records it settles out of it.)
    held_entries = _sending_held_back(session.conn, changes, held) if held else None
    entries = changes if held_entries is None else held_entries
    if not entries:
        return
    seq = _reserve(session.conn, len(entries))
    now, profile = sqlite_timestamp(utcnow()), session.profile
    if held_entries is not None:
        rows = [(seq + i, *entry, profile, now) for i, entry in enumerate(held_entries)]
    elif len(changes) > 1 and all(c.op == "insert" and not c.fields and c.base_version is None
                                  for c in changes):
        # Creations only (an import): each table's run of entries is one statement over a
        # JSON list of the row ids, numbered from its first; nothing bound row by row (a
        # None bound costs the driver an adapter call). 28,187 entries in memory, thread CPU
        # at load ~13: 39-48 ms bound row by row, 24-30 ms this way; one step, so the
        # interpreter's lock is free meanwhile.
        for table, run in groupby(changes, attrgetter("table")):
            ids = [c.row_id for c in run]
            session.conn.exec_driver_sql(
                "INSERT INTO outbox (seq, table_name, row_id, op, fields, base_version,"
                " profile, created_at) SELECT ? + key, ?, value, 'insert', '', NULL, ?, ?"
                " FROM json_each(?)", (seq, table, profile, now, orjson.dumps(ids).decode()))
            seq += len(ids)
        return
    elif len(changes) > 1 and not any(c.base_version is not None for c in changes):
        # No base version (changes of rows HQ has not numbered yet): written as the NULL
        # literal rather than bound per row, as models/store/writes.py create_many does.
        session.conn.exec_driver_sql(
            "INSERT INTO outbox (seq, table_name, row_id, op, fields, base_version, profile,"
            " created_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
            [(seq + i, c.table, c.row_id, c.op, _payload(c.fields) if c.fields else "",
              profile, now) for i, c in enumerate(changes)])
        return
    else:
        rows = [(seq + i, c.table, c.row_id, c.op, _payload(c.fields) if c.fields else "",
                 c.base_version, profile, now) for i, c in enumerate(changes)]
    session.conn.exec_driver_sql(
        "INSERT INTO outbox (seq, table_name, row_id, op, fields, base_version, profile,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def held_back(conn: sa.Connection, codes: tuple[str, ...] = HELD_BACK_CODES
              ) -> dict[tuple[str, str], tuple[str, dict]]:
    """{(table, row id): (issue id, the held entry {op, base_version, fields})} of the records
    held back at sync (issues with one of `codes`) and not settled yet (a handful at most;
    usually none)."""
    marks = ", ".join("?" for _ in codes)
    rows = conn.exec_driver_sql(
        f"SELECT id, table_name, row_id, details FROM sync_issue WHERE code IN ({marks}) "
        "AND resolved_at IS NULL", codes).all()
    out = {}
    for issue_id, table, row_id, details in rows:
        entry = orjson.loads(details or "{}").get("entry") or {}
        out[(table, row_id)] = (issue_id, entry if isinstance(entry, dict) else {})
    return out


def _sending_held_back(conn: sa.Connection, changes: list[Change], held: dict) -> list[tuple]:
    """The entries for `changes`, a change to a held-back record carrying that record again."""
    entries, settled = [], []
    for c in changes:
        found = held.pop((c.table, c.row_id), None) if c.op != "insert" else None
        if found is None:
            entries.append((c.table, c.row_id, c.op, _payload(c.fields), c.base_version))
            continue
        issue_id, entry = found
        settled.append(issue_id)
        if entry.get("op") == "insert":
            if c.op == "update":  # HQ never had it: the whole record, read when it is sent
                entries.append((c.table, c.row_id, "insert", "", None))
        elif entry.get("op") == "update" and c.op == "update":
            fields = {**(entry.get("fields") or {}), **c.fields}
            entries.append((c.table, c.row_id, "update", _payload(fields),
                            entry.get("base_version", c.base_version)))
        else:
            entries.append((c.table, c.row_id, c.op, _payload(c.fields), c.base_version))
    if settled:
        marks = ", ".join("?" for _ in settled)
        conn.exec_driver_sql(f"UPDATE sync_issue SET resolved_at = ? WHERE id IN ({marks})",
                             (sqlite_timestamp(utcnow()), *settled))
    return entries

