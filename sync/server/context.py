"""The state of one push batch being applied: lookups, buffered inserts, outcomes, conflicts."""

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson
import sqlalchemy as sa

from models.ids import new_id
from models.tables import SYNCED_TABLES
from models.timeutil import utcnow
from sync.protocol import EntryOutcome
from sync.server import tables as T
from sync.server.db import DeferredClock, VersionClock
from sync.server.rows import bulk_insert, existing_ids
from sync.server.scope import Scope

_CHUNK = 500


def to_json_text(value: Any) -> str:
    return orjson.dumps(value, default=str).decode()


@functools.cache
def _by_ids(table: str) -> sa.Select:
    """A table's rows by id, built once per table: SQLAlchemy memoizes a statement object's
    cache key, while a select of a wide table built per push cost ~0.3 ms of HQ's CPU in
    construction and keying alone (issue 18 §3)."""
    t = SYNCED_TABLES[table].__table__
    return sa.select(t).where(t.c.id.in_(sa.bindparam("ids", expanding=True)))


@dataclass
class ApplyContext:
    conn: sa.Connection
    scope: Scope
    clock: VersionClock | DeferredClock
    rows: dict[tuple[str, str], dict | None] = field(default_factory=dict)
    buffers: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    conflicts: int = 0
    # (campaign_id, form_no) -> ids of valid forms holding it; loaded once per batch.
    form_numbers: dict | None = None
    # The batch's time: the `updated_at` of the rows it creates.
    now: datetime = field(default_factory=utcnow)

    @property
    def me(self) -> str:
        return self.scope.device.store_device_id

    # --- reading ------------------------------------------------------------------------
    def prefetch(self, table: str, ids: list[str], new: bool = False,
                 present: set[str] | None = None) -> None:
        """Load many rows in a few IN queries (a batch of 5,000 inserts checks existence once).
        `new`: rows pushed as inserts, which HQ nearly never holds: for one as for many, a
        driver-level id query first (a Core select of the whole row, finding nothing, cost
        ~0.2 ms of a one-record push). `present`: that query's answer, when the caller sent
        it (`rows.existing_ids_statement`) with statements of its own."""
        wanted = [i for i in dict.fromkeys(ids) if (table, i) not in self.rows]
        if len(wanted) > 1 or (new and wanted) or present is not None:
            # Mostly new rows: find which exist with a cheap id query, read only those whole.
            if present is None:
                present = existing_ids(self.conn, table, wanted)
            for row_id in wanted:
                if row_id not in present:
                    self.rows[(table, row_id)] = None
            wanted = [i for i in wanted if i in present]
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            found = {r["id"]: dict(r) for r in self.conn.execute(
                _by_ids(table), {"ids": chunk}).mappings()}
            for row_id in chunk:
                self.rows[(table, row_id)] = found.get(row_id)

    def lookup(self, table: str, row_id: str | None) -> dict | None:
        if not row_id or table not in SYNCED_TABLES:
            return None
        if (table, row_id) not in self.rows:
            self.prefetch(table, [row_id])
        return self.rows[(table, row_id)]

    # --- writing ------------------------------------------------------------------------
    def buffer_insert(self, table: str, row: dict) -> None:
        self.buffers[table].append(row)
        self.rows[(table, row["id"])] = row

    def flush(self) -> None:
        """Write buffered inserts with one executemany per table."""
        for table, rows in self.buffers.items():
            if rows:
                bulk_insert(self.conn, SYNCED_TABLES[table].__table__, rows)
        self.buffers.clear()

    def record_conflict(self, table: str, row_id: str, kind: str, field_name: str,
                        kept: Any, other: Any) -> dict:
        self.conflicts += 1
        conflict_id = new_id()
        kept_text, other_text = to_json_text(kept), to_json_text(other)
        self.conn.execute(T.conflict.insert().values(
            id=conflict_id, table_name=table, row_id=row_id, kind=kind, field=field_name,
            kept=kept_text, other=other_text, device_id=self.me,
            version=self.clock.next(), created_at=utcnow()))
        return {"id": conflict_id, "kind": kind, "field": field_name,
                "kept": orjson.loads(kept_text), "other": orjson.loads(other_text)}


def outcome(entry, status: str, code: str = "", reason: str = "",
            details: dict | None = None) -> EntryOutcome:
    return EntryOutcome(seq=entry.seq, status=status, code=code, reason=reason,
                        table=entry.table, row_id=entry.row_id, details=details or {})
