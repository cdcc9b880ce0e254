"""The tamper-evident audit chain, written by a write hook in the same transaction as each change
(`append_to_audit`, attached to a store's writes by `Store.open`).

Each entry's `hash` is SHA-256 over the previous entry's hash and the entry's own canonical
content (time, device, profile, event, table, row, content hash, details). Editing, deleting or
reordering entries breaks the chain (`models.security.audit_verify`); a cut-off tail shows against
a head kept elsewhere (the local anchor in `store_meta`, and the head HQ received at sync).

`record(conn, event, ...)` lets other code log unlock, export and sync events in its own
transaction. Changes to criticisms, accountability cases and problems also keep a full snapshot
in `record_version`, whose hash the chain commits to, so their history cannot be quietly rewritten.
"""

from __future__ import annotations

import hashlib
import operator
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    import sqlalchemy as sa

from models.coltypes import sqlite_timestamp
from models.store.database import write_transaction
from models.store.writes import Change, WriteSession, to_json_value
from models.timeutil import utcnow

GENESIS = "0" * 64
HISTORY_TABLES = frozenset({"personnel_criticism", "accountability_case", "problem"})
HEAD_META_KEY = "audit_head"  # "seq:hash", rewritten with every entry
SENT_HEAD_META_KEY = "audit_head_sent"  # the head HQ acknowledged at the last sync
_EMPTY_HASH = hashlib.sha256(b"").hexdigest()
_CHUNK = 500

_INSERT_SQL = (
    "INSERT INTO audit_log (seq, at, device_id, profile, event, table_name, row_id, content_hash,"
    " details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def entry_hash(prev_hash: str, at: str, device_id: str, profile: str, event: str,
               table_name: str, row_id: str, content_hash: str, details: str) -> str:
    """The link: the order of entries lives in `prev_hash`, not in the row number."""
    content = orjson.dumps([at, device_id, profile, event, table_name, row_id, content_hash,
                            details])
    return hashlib.sha256(bytes.fromhex(prev_hash) + content).hexdigest()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_row(columns: Sequence[str], values: Sequence[Any]) -> str:
    """A row as stored (driver values), keys sorted: the same bytes on every read."""
    return orjson.dumps(dict(zip(columns, values)), option=orjson.OPT_SORT_KEYS).decode()


def _row_hash(columns: Sequence[str], values: Sequence[Any]) -> str:
    """sha256_text(canonical_row(columns, values)), without the text in between."""
    return hashlib.sha256(orjson.dumps(dict(zip(columns, values)),
                                       option=orjson.OPT_SORT_KEYS)).hexdigest()


def _canonical_fields(fields: dict[str, Any]) -> str:
    return orjson.dumps({k: to_json_value(v) for k, v in fields.items()},
                        option=orjson.OPT_SORT_KEYS).decode()


def head(conn: sa.Connection) -> tuple[int, str]:
    """(seq, hash) of the newest entry; (0, GENESIS) for an empty log."""
    row = conn.exec_driver_sql(
        "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first()
    return (row[0], row[1]) if row else (0, GENESIS)


def _device_id(conn: sa.Connection) -> str:
    return conn.exec_driver_sql(
        "SELECT value FROM store_meta WHERE key = 'device_id'").scalar() or ""


def _append(conn: sa.Connection, entries: Iterable[tuple]) -> tuple[int, str]:
    """Chain and insert entries given as (at, device, profile, event, table, row, content_hash,
    details) in one pass and one executemany; move the local head anchor; return the new head."""
    start = head(conn)
    return _write_entries(conn, _chain(start, entries), start)


def _chain(start: tuple[int, str], entries: Iterable[tuple]) -> list[tuple]:
    """The audit_log rows of `entries` chained on from the head `start`."""
    seq, prev = start
    params = []
    prev_bytes, dumps, sha256 = bytes.fromhex(prev), orjson.dumps, hashlib.sha256
    for entry in entries:  # entry_hash, inlined: the previous link kept as bytes
        seq += 1
        digest = sha256(prev_bytes + dumps(entry)).digest()
        link = digest.hex()
        params.append((seq, *entry, prev, link))
        prev, prev_bytes = link, digest
    return params


# `_device_id` and `head` in one statement (the head's columns NULL for an empty log)
_DEVICE_AND_HEAD_SQL = (
    "SELECT (SELECT value FROM store_meta WHERE key = 'device_id'), h.seq, h.hash FROM "
    "(SELECT 1) LEFT JOIN (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS h")
_SET_HEAD_SQL = ("INSERT INTO store_meta (key, value) VALUES (?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value")


def _write_entries(conn: sa.Connection, params: list[tuple], start: tuple[int, str]
                   ) -> tuple[int, str]:
    if not params:
        return start
    conn.exec_driver_sql(_INSERT_SQL, params if len(params) > 1 else params[0])
    seq, prev = params[-1][0], params[-1][-1]
    conn.exec_driver_sql(_SET_HEAD_SQL, (HEAD_META_KEY, f"{seq}:{prev}"))
    return seq, prev


def record(conn: sa.Connection, event: str, *, profile: str = "", table_name: str = "",
           row_id: str = "", details: dict[str, Any] | None = None) -> tuple[int, str]:
    """Log an event that is not a record change (unlock, export, sync, backup, wipe...).

    Call it inside the transaction of the action it records. `details` must not carry secrets:
    it lives in the encrypted store, but it is shown to auditors.
    """
    text = _canonical_fields(details) if details else ""
    # The device's id and the head in one read, the entry and the head anchor written, all on
    # the driver: through SQLAlchemy's `Connection` these four statements cost ~4x their work
    # (a sync round logs one entry in its page's transaction, issue 18 §2).
    if not conn.in_transaction():  # as a statement through the `Connection` would have begun
        conn.begin()
    driver = conn.connection.driver_connection
    device, seq, prev = driver.execute(_DEVICE_AND_HEAD_SQL).fetchone()
    entry = (sqlite_timestamp(utcnow()), device or "", profile, event, table_name, row_id,
             sha256_text(text) if text else _EMPTY_HASH, text)
    params = _chain((seq, prev) if seq is not None else (0, GENESIS), [entry])
    driver.execute(_INSERT_SQL, params[0])
    head_seq, head_hash = params[0][0], params[0][-1]
    driver.execute(_SET_HEAD_SQL, (HEAD_META_KEY, f"{head_seq}:{head_hash}"))
    return head_seq, head_hash


def log_event(store, event: str, *, profile: str = "", details: dict[str, Any] | None = None
              ) -> None:
    """`record` in a transaction of its own: for what happens outside a write (an export, a
    published photo), logged right after it succeeded."""
    with write_transaction(store.engine) as conn:
        record(conn, event, profile=profile, details=details)


def _snapshots(conn: sa.Connection, wanted: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """Canonical rows for (table, id), read back in chunks (a 26,000-row import is 53 reads)."""
    out: dict[tuple[str, str], str] = {}
    # The driver's own cursor: SQLAlchemy's per-row result machinery would double the cost.
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        for table, ids in wanted.items():
            id_list = list(ids)
            for start in range(0, len(id_list), _CHUNK):
                chunk = id_list[start:start + _CHUNK]
                marks = ", ".join("?" for _ in chunk)
                cursor.execute(f'SELECT * FROM "{table}" WHERE id IN ({marks})', chunk)
                columns = [d[0] for d in cursor.description]
                id_at = columns.index("id")
                for values in cursor.fetchall():
                    out[(table, values[id_at])] = canonical_row(columns, values)
    finally:
        cursor.close()
    return out


def _only_inserts(changes: list[Change]) -> bool:
    return all(c.row is not None and c.op == "insert" and c.table not in HISTORY_TABLES
               for c in changes)


def _import_entries(session: WriteSession, changes: list[Change], at: str) -> list[tuple]:
    columns, device, profile = session.columns, session.device_id, session.profile
    return [(at, device, profile, "insert", c.table, c.row_id,
             _row_hash(columns[c.table], c.row), "") for c in changes]


def _chained_ahead(session: WriteSession, changes: list[Change], start: tuple[int, str]
                   ) -> tuple | None:
    """`append_to_audit`'s work that needs no database, for `WriteSession.hooks_ahead` to run
    beside SQLite's work: the entries of inserted rows (their content hashes) chained on from
    the head `start` (read by `head` before), with the changes and head they are of."""
    if not _only_inserts(changes):
        return None
    at = sqlite_timestamp(utcnow())
    return changes, start, at, _chain(start, _import_entries(session, changes, at))


def append_to_audit(session: WriteSession, changes: list[Change]) -> None:
    """The write hook: one chained entry per change, one version per history row."""
    if _only_inserts(changes):  # an import's: each row hashed as written, in one pass
        start = head(session.conn)
        params: list[tuple] = []
        at = None
        done = session.ahead.pop(append_to_audit, None)
        if done is not None and done[1] == start and len(done[0]) <= len(changes) and all(
                map(operator.is_, done[0], changes)):
            # the first changes' entries, made while SQLite built the indexes and counted
            _, _, at, params = done
        at = at or sqlite_timestamp(utcnow())
        rest = _import_entries(session, changes[len(params):], at)
        params += _chain((params[-1][0], params[-1][-1]) if params else start, rest)
        _write_entries(session.conn, params, start)
        return
    wanted: dict[str, set[str]] = defaultdict(set)
    last_change: dict[tuple[str, str], int] = {}
    inserted: dict[tuple[str, str], str] = {}
    for i, c in enumerate(changes):
        if c.table in HISTORY_TABLES:
            wanted[c.table].add(c.row_id)  # the row as it stands after the whole action
            last_change[(c.table, c.row_id)] = i
        elif c.op == "insert" and c.row is not None:  # as written: no need to read it back
            inserted[(c.table, c.row_id)] = _row_hash(session.columns[c.table], c.row)
        elif c.op == "insert":
            wanted[c.table].add(c.row_id)
    snapshots = _snapshots(session.conn, wanted)
    at = sqlite_timestamp(utcnow())
    entries, versions = [], []
    for i, c in enumerate(changes):
        details = _canonical_fields(c.fields) if c.op == "update" and c.fields else ""
        snapshot = snapshots.get((c.table, c.row_id))
        content_hash = inserted.get((c.table, c.row_id))
        if content_hash is not None:  # the row as this action inserted it
            pass
        elif snapshot is not None:
            content_hash = sha256_text(snapshot)
        else:
            content_hash = sha256_text(details) if details else _EMPTY_HASH
        entries.append((at, session.device_id, session.profile, c.op, c.table, c.row_id,
                        content_hash, details))
        if last_change.get((c.table, c.row_id)) == i and snapshot is not None:
            versions.append((i, c, snapshot))
    last_seq, _ = _append(session.conn, entries)
    if versions:
        first_seq = last_seq - len(entries) + 1
        session.conn.exec_driver_sql(
            "INSERT INTO record_version (table_name, row_id, audit_seq, op, at, profile, snapshot)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(c.table, c.row_id, first_seq + i, c.op, at, session.profile, snap)
             for i, c, snap in versions],
        )



append_to_audit.ahead_reads = head  # type: ignore[attr-defined]
append_to_audit.ahead = _chained_ahead  # type: ignore[attr-defined]


_NOT_A_CHANGE = frozenset({"server_version", "updated_at", "updated_device", "updated_by"})


def record_pulled_versions(conn: sa.Connection, ids_by_table: dict[str, set[str]]) -> int:
    """Rows of the history tables that arrived by sync, as versions (and chained entries) here:
    a criticism edited on a laptop shows at HQ with its earlier wording kept. Each version is
    attributed to whoever changed the row on the other device, at that time. A row that comes
    back unchanged (this device's own edit echoed with its server version) adds nothing.
    Call it inside the pull's transaction, after the rows are stored."""
    wanted = {t: ids for t, ids in ids_by_table.items() if t in HISTORY_TABLES and ids}
    if not wanted:
        return 0
    snapshots = _snapshots(conn, wanted)
    latest = _latest_versions(conn, snapshots)
    device, now = _device_id(conn), sqlite_timestamp(utcnow())
    entries, versions = [], []
    for (table, row_id), snapshot in snapshots.items():
        values = orjson.loads(snapshot)
        before = latest.get((table, row_id))
        if before is not None and _same_record(before, values):
            continue
        op = ("insert" if before is None else
              "delete" if values.get("deleted_at") and not before.get("deleted_at") else "update")
        at, who = values.get("updated_at") or now, values.get("updated_by") or ""
        entries.append((now, device, who, "pulled", table, row_id, sha256_text(snapshot), ""))
        versions.append((table, row_id, op, at, who, snapshot))
    if not entries:
        return 0
    last_seq, _ = _append(conn, entries)
    first_seq = last_seq - len(entries) + 1
    conn.exec_driver_sql(
        "INSERT INTO record_version (table_name, row_id, audit_seq, op, at, profile, snapshot)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(t, r, first_seq + i, op, at, who, snap)
         for i, (t, r, op, at, who, snap) in enumerate(versions)])
    return len(versions)


def _latest_versions(conn: sa.Connection, snapshots: dict[tuple[str, str], str]
                     ) -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    for table, row_id in snapshots:
        snap = conn.exec_driver_sql(
            "SELECT snapshot FROM record_version WHERE table_name = ? AND row_id = ? "
            "ORDER BY audit_seq DESC LIMIT 1", (table, row_id)).scalar()
        if snap is not None:
            out[(table, row_id)] = orjson.loads(snap)
    return out


def _same_record(before: dict[str, Any], after: dict[str, Any]) -> bool:
    keys = (before.keys() | after.keys()) - _NOT_A_CHANGE
    return all(before.get(k) == after.get(k) for k in keys)


# --- the head HQ holds ---------------------------------------------------------------------------
# A report carries at most this many entries after HQ's point, and about LINK_BYTES of them (at
# least one): a longer stretch (after an import of 26,000 forms) goes in several reports.
MAX_LINKS = 5000
LINK_BYTES = 2 * 2**20


def prepare_head_report(store, details: dict[str, Any] | None = None) -> dict:
    """Log a `sync` entry; return the report for HQ (`chain_report`)."""
    with write_transaction(store.engine) as conn:
        return head_report(conn, details)


def head_report(conn: sa.Connection, details: dict[str, Any] | None = None) -> dict:
    """`prepare_head_report` inside a transaction the caller holds; without `details`, the
    report of the chain as it stands, nothing logged (the report a sync round sends with its
    push or pull, read before it: the round's one commit logs the `sync` entry after)."""
    if details is not None:
        record(conn, "sync", details=details)
    return chain_report(conn)


def chain_report(conn: sa.Connection) -> dict:
    """The head; and for the point HQ acknowledged last, that entry's hash now and the entries
    after it (`links`: what each hash covers), so HQ recomputes the chain from its own copy of
    that point's hash instead of taking the device's word for it."""
    if not conn.in_transaction():  # one snapshot for its reads, as a statement through the
        conn.begin()  # `Connection` would have begun (driver statements begin nothing)
    cursor = conn.connection.driver_connection.cursor()
    try:
        sent = cursor.execute("SELECT value FROM store_meta WHERE key = ?",
                              (SENT_HEAD_META_KEY,)).fetchone()
        return _chain_report_on(cursor, sent[0] if sent else None)
    finally:
        cursor.close()


def _chain_report_on(cursor, sent: str | None) -> dict:
    """`chain_report` on a DBAPI cursor, given the acknowledged point ("seq:hash", None when
    HQ acknowledged none). Driver statements (the head; the point's entry with the entries
    after it): a report goes with every sync round, and its four SQLAlchemy statements cost
    more than the rows they read (issue 18)."""
    row = cursor.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, digest = (row[0], row[1]) if row else (0, GENESIS)
    if not sent or ":" not in sent:
        return {"seq": seq, "hash": digest, "anchor": None, "links": []}
    sent_seq = int(sent.partition(":")[0])
    # The point's own entry (its hash now) and up to MAX_LINKS after it, in one read.
    rows = cursor.execute(
        "SELECT seq, at, device_id, profile, event, table_name, row_id, content_hash, details, "
        "hash FROM audit_log WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?",
        (sent_seq, max(seq, sent_seq), MAX_LINKS + 1)).fetchall()
    now = rows[0][9] if rows and rows[0][0] == sent_seq else None
    return {"seq": seq, "hash": digest, "anchor": {"seq": sent_seq, "hash": now or GENESIS},
            "links": _links_of(r[1:9] for r in rows if r[0] > sent_seq)}


def _links_of(rows: Iterable[Sequence[str]]) -> list[list[str]]:
    links, size = [], 0
    for row in rows:
        if len(links) >= MAX_LINKS:
            break
        size += sum(map(len, row)) + 80
        if links and size > LINK_BYTES:
            break
        links.append(list(row))
    return links


def remember_sent_head(store, seq: int, digest: str) -> None:
    store.set_meta(SENT_HEAD_META_KEY, f"{seq}:{digest}")
