"""Records held back at sync: too large to send, or refused alone by HQ.

One such entry must not jam the queue (HQ would answer every push with 413 and the pull would
never run), so the device sends a `skip` placeholder in its place (`sync.protocol.skip_entry`),
HQ records it as refused, and the record waits on the device as a sync issue telling a person
what to do: shorten it. The next change to it sends it again (`models.store.outbox`); a creation
shortened while the sync that held it back was running is sent again at the next sync, here.
"""

import orjson

from models.coltypes import sqlite_timestamp
from models.store.database import write_transaction
from models.store.outbox import HELD_BACK_CODES, append_to_outbox, held_back
from models.store.store import Store
from models.store.writes import Change, WriteSession
from models.timeutil import utcnow
from sync.client.outbox import inserted_rows, weight_of
from sync.protocol import MAX_ENTRY_BYTES


def requeue_fitting(store: Store) -> int:
    """Queue again the held-back creations whose record now fits in a push; settle their
    issues. Returns how many went back into the outbox."""
    with store.read() as conn:  # nearly always none: then no write transaction at all
        if not held_back(conn, ("too_large",)):
            return 0
    with write_transaction(store.engine) as conn:
        # Only those held back for their weight: one HQ refused would only be refused again.
        creations = {key: issue for key, (issue, entry) in held_back(conn, ("too_large",)).items()
                     if entry.get("op") == "insert"}
        if not creations:
            return 0
        cursor = conn.connection.driver_connection.cursor()
        try:
            current = inserted_rows(cursor, list(creations))
        finally:
            cursor.close()
        changes, settled = [], []
        for key, issue_id in creations.items():
            found = current.get(key)
            if found is not None and weight_of(*found) > MAX_ENTRY_BYTES:
                continue  # still too large: the issue stays for a person
            settled.append(issue_id)
            if found is not None:
                changes.append(Change(key[0], key[1], "insert", {}))
        if changes:
            append_to_outbox(WriteSession(conn=conn, device_id=store.device_id, profile=""),
                             changes)
        if settled:
            marks = ", ".join("?" for _ in settled)
            conn.exec_driver_sql(f"UPDATE sync_issue SET resolved_at = ? WHERE id IN ({marks})",
                                 (sqlite_timestamp(utcnow()), *settled))
    return len(changes)


def held_back_issues(store: Store) -> list[dict]:
    """The records held back and not settled, for the command line: table, row id, code,
    reason, and for one too large its weight and the limit, in bytes."""
    marks = ", ".join("?" for _ in HELD_BACK_CODES)
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT table_name, row_id, code, reason, details FROM sync_issue WHERE code IN "
            f"({marks}) AND resolved_at IS NULL ORDER BY created_at", HELD_BACK_CODES).all()
    out = []
    for table, row_id, code, reason, details in rows:
        found = orjson.loads(details or "{}")
        out.append({"table": table, "row_id": row_id, "code": code, "reason": reason,
                    "bytes": found.get("bytes", 0), "limit": found.get("limit", 0)})
    return out
