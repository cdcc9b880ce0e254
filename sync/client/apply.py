"""Applying a pull page on the device: one bulk upsert per table and the cursor, in ONE local
transaction, then the still-pending local changes re-applied on top.

Rows from HQ never pass through the write path, so they make no outbox entries and are never
pushed back as this device's own edits. A removal deletes the local copy only. Criticisms,
accountability cases and problems that arrive are kept as versions for the history view.
"""

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import orjson
import sqlalchemy as sa

from models.base import UTCDateTime, sqlite_timestamp
from models.clerk_stats import keep_verified_batches
from models.enums import DeviceRole
from models.security.audit import record_pulled_versions
from models.store.database import write_transaction
from models.store.store import Store, get_meta
from models.tables import SYNCED_TABLES
from models.tally_bulk import SMALL, Pending, counted, write_counted
from sync.client.outbox import ACKED_KEY, settle_in
from sync.protocol import PulledPage, PushResult

CURSOR_KEY = "sync_cursor"
_SET_META = ("INSERT INTO store_meta (key, value) VALUES (?, ?) "
             "ON CONFLICT(key) DO UPDATE SET value = excluded.value")  # models.store.set_meta's
_LOCAL_COLUMNS = {name: [c.name for c in m.__table__.columns]
                  for name, m in SYNCED_TABLES.items()}


def apply_page(store: Store, page: PulledPage, extra_meta: dict[str, str] | None = None,
               push_result: PushResult | None = None,
               finish: Callable[[sa.Connection, int], None] | None = None) -> int:
    """Store one page; return how many rows it held. Riding in the same transaction, each
    saving a commit: `extra_meta`; HQ's answer to the last push batch (settled first, so that
    only entries HQ does not hold yet are re-applied on top); `finish(conn, count)` last."""
    count = 0
    # Rows, cursor and what rides along roll back together: without HQ's answer to a push in
    # it (outbox pruning, kept FULL), a page lost to a power cut is simply pulled again.
    with _page_transaction(store.engine, durable=push_result is not None) as conn:
        if push_result is not None:
            settle_in(conn, store, push_result)
        touched: set[str] = set()
        by_table: dict[str, set[str]] = {}
        for name, block in page.tables.items():
            if name not in _LOCAL_COLUMNS:
                continue  # a table this app does not know yet (HQ is newer): ignored
            count += upsert_rows(conn, name, block["columns"], block["rows"])
            ids = {r[block["columns"].index("id")] for r in block["rows"]}
            by_table[name] = ids
            touched.update(ids)
        for removal in page.removals:
            if removal["table"] in _LOCAL_COLUMNS:
                conn.exec_driver_sql(f'DELETE FROM "{removal["table"]}" WHERE id = ?',
                                     (removal["id"],))
        _reapply_pending(conn, touched)
        record_pulled_versions(conn, kept_as_versions(conn, by_table))
        keep_conflicts(conn, page.conflicts)
        if not page.more and counted(conn):  # the pull has every page: keep what it brought
            keep_verified_batches(conn)
        # The cursor and what rides along in one statement (one each: ~0.1 ms apiece), on
        # the driver (SQLAlchemy's statement machinery cost more than the write)
        conn.connection.driver_connection.executemany(
            _SET_META, [(CURSOR_KEY, str(page.cursor)), *(extra_meta or {}).items()])
        if finish is not None:
            finish(conn, count)
    return count


@contextlib.contextmanager
def _page_transaction(engine: sa.Engine, durable: bool) -> Iterator[sa.Connection]:
    """`write_transaction`, committed with synchronous=NORMAL unless `durable`: in WAL mode
    NORMAL skips the fsync of the commit (~0.6 ms, a tenth of a one-record round on a quiet
    machine) and a power cut can lose only the last commits, never corrupt the store."""
    if durable:
        with write_transaction(engine) as conn:
            yield conn
        return
    with engine.connect().execution_options(immediate=True) as conn:
        driver = conn.connection.driver_connection
        driver.execute("PRAGMA synchronous = NORMAL")
        try:
            with conn.begin():
                yield conn
        finally:  # the pooled connection goes back as every store connection is: FULL
            driver.execute("PRAGMA synchronous = FULL")


def keep_conflicts(conn: sa.Connection, conflicts: list[dict]) -> None:
    """Conflicts HQ recorded, for the supervisor here to settle (shown by the desktop)."""
    if not conflicts:
        return
    now = sqlite_timestamp(_now())
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO sync_issue (id, kind, code, table_name, row_id, reason, "
        "details, created_at) VALUES (?, 'conflict', ?, ?, ?, ?, ?, ?)",
        [(f"hq:{c['id']}", c["kind"], c["table"], c["row_id"],
          f"{c['kind'].replace('_', ' ')}{': ' + c['field'] if c['field'] else ''}",
          orjson.dumps({"field": c["field"], "kept": c["kept"], "other": c["other"],
                        "hq_conflict_id": c["id"]}).decode(), now)
         for c in conflicts])


def kept_as_versions(conn: sa.Connection, by_table: dict[str, set[str]]
                      ) -> dict[str, set[str]]:
    """The pulled rows to keep as versions. A unit liaison's device keeps no history of its
    problems (it never edits one): a problem that became confidential after it reached the
    unit arrives with the assignment text in place of its description, and no earlier version
    may keep the old text; the versions such a device kept before are dropped with it."""
    if not by_table.get("problem") or get_meta(conn, "device_role") != DeviceRole.UNIT:
        return by_table
    ids = sorted(by_table["problem"])
    marks = ", ".join("?" for _ in ids)
    conn.exec_driver_sql(f"DELETE FROM record_version WHERE table_name = 'problem' AND row_id "
                         f"IN ({marks})", tuple(ids))
    return {t: rows for t, rows in by_table.items() if t != "problem"}


def upsert_rows(conn: sa.Connection, name: str, columns: list[str], rows: list[list],
                new: Pending | None = None) -> int:
    """Write a pulled table's rows; how many. `new`: none of the forms is in the store yet (a
    snapshot's empty image): their counts are gathered there, for the caller to merge once,
    and no count is read back before the write."""
    local = _LOCAL_COLUMNS[name]
    keep = [i for i, c in enumerate(columns) if c in local]
    names = [columns[i] for i in keep]
    if len(keep) != len(columns):  # HQ sent columns this app lacks: leave them out
        rows = [[r[i] for i in keep] for r in rows]
    cols = ", ".join(f'"{c}"' for c in names)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in names if c != "id")
    sql = (f'INSERT INTO "{name}" ({cols}) VALUES ({", ".join("?" for _ in names)}) '
           f"ON CONFLICT(id) DO UPDATE SET {updates}")
    # Straight to the driver: pulled rows are lists, already in the store's storage form.
    def write() -> None:
        driver = conn.connection.driver_connection
        if name == "evaluation" and new is None and len(rows) < SMALL:
            _write_changed(driver, sql, names, rows)
        else:
            driver.executemany(sql, rows)

    if name == "evaluation":  # the counts merged per page (migration 0024)
        write_counted(conn, names, rows, write, inserted=new is not None, pending=new)
    else:
        write()
    return len(rows)


def _write_changed(driver, upsert: str, names: list[str], rows: list[list]) -> None:
    """A few pulled forms (fewer than the bulk paths take): each stored one updated in the
    columns whose values differ only, the new ones upserted. The forms' update triggers name
    the columns they watch (migration 0028): an UPDATE that sets none of them (a changed text,
    the server version, the times) runs none of them, where the upsert setting every column ran
    ten trigger programs a row for their WHEN to say no (~2/3 of a 49-form page's CPU).
    Unchanged forms are not written; what the store holds afterwards is the same."""
    at = names.index("id")
    cols = ", ".join(f'"{c}"' for c in names)
    if len({r[at] for r in rows}) != len(rows):  # a form twice: written in the page's order
        driver.executemany(upsert, rows)
        return
    stored = {r[at]: r for r in driver.execute(
        f"SELECT {cols} FROM evaluation WHERE id IN (SELECT value FROM json_each(?))",
        (orjson.dumps([r[at] for r in rows]).decode(),))}
    inserts: list[list] = []
    updates: dict[tuple[int, ...], list[list]] = {}
    for row in rows:
        old = stored.get(row[at])
        if old is None:
            inserts.append(row)
            continue
        # HQ's JSON gives a flag as a bool, stored as 0/1: equal, the same stored value
        changed = tuple(i for i, (v, was) in enumerate(zip(row, old, strict=True)) if i != at
                        and (v != was or (type(v) is not type(was) and type(v) is not bool)))
        if changed:
            updates.setdefault(changed, []).append([*(row[i] for i in changed), row[at]])
    if inserts:
        driver.executemany(upsert, inserts)
    for changed, params in updates.items():
        sets = ", ".join(f'"{names[i]}" = ?' for i in changed)
        driver.executemany(f"UPDATE evaluation SET {sets} WHERE id = ?", params)


# The entries HQ has not acknowledged, the acknowledged number read in the same statement.
_PENDING = ("SELECT table_name, row_id, op, fields FROM outbox WHERE seq > coalesce((SELECT "
            "CAST(value AS INTEGER) FROM store_meta WHERE key = ?), 0) ORDER BY seq")


def _reapply_pending(conn: sa.Connection, touched: set[str]) -> None:
    """Local edits not yet acknowledged by HQ win locally until HQ has them."""
    if not touched:
        return
    pending = conn.connection.driver_connection.execute(_PENDING, (ACKED_KEY,)).fetchall()
    for table, row_id, op, fields in pending:
        if row_id not in touched or table not in SYNCED_TABLES:
            continue
        if op == "update":
            values = _driver_values(table, orjson.loads(fields) if fields else {})
            if values:
                sets = ", ".join(f'"{k}" = ?' for k in values)
                conn.exec_driver_sql(f'UPDATE "{table}" SET {sets} WHERE id = ?',
                                     (*values.values(), row_id))
        elif op == "delete":
            conn.exec_driver_sql(
                f'UPDATE "{table}" SET deleted_at = coalesce(deleted_at, ?) WHERE id = ?',
                (sqlite_timestamp(_now()), row_id))


def _now():
    from models.timeutil import utcnow

    return utcnow()


def _driver_values(table: str, fields: dict[str, Any]) -> dict[str, Any]:
    converters = _CONVERTERS[table]
    return {k: converters[k](v) for k, v in fields.items() if k in converters and k != "id"}


def _converter(column: sa.Column) -> Callable[[Any], Any]:
    if isinstance(column.type, UTCDateTime):
        from datetime import datetime

        return lambda v: None if v is None else sqlite_timestamp(datetime.fromisoformat(v))
    if isinstance(column.type, sa.JSON):
        return lambda v: None if v is None else orjson.dumps(v).decode()
    if isinstance(column.type, sa.Boolean):
        return lambda v: None if v is None else int(bool(v))
    return lambda v: v


_CONVERTERS = {name: {c.name: _converter(c) for c in m.__table__.columns}
               for name, m in SYNCED_TABLES.items()}
