"""The device's side of a push: reading outbox batches, settling HQ's answer, first-sync backfill.

Acknowledged entries are pruned (the sequence counter lives in store_meta, so a pruned number is
never reused); refused entries and conflicts are kept in `sync_issue` for a person to see. HQ
never acknowledges an entry it refused as `sequence_reused` (sync/client/reenroll.py): it stays.
"""

import functools

import orjson
import sqlalchemy as sa

from models.base import sqlite_timestamp
from models.store.database import write_transaction
from models.store.outbox import HELD_BACK_CODES, append_to_outbox
from models.store.store import Store, get_meta, set_meta
from models.store.writes import Change, WriteSession, to_json_value
from models.tables import SYNCED_TABLES
from models.timeutil import utcnow
from sync.protocol import MAX_ENTRY_BYTES, SEQUENCE_REUSED, PushResult, skip_entry

ACKED_KEY = "sync_acked_seq"
BACKFILL_KEY = "sync_backfilled"


def acked_seq(conn: sa.Connection) -> int:
    return int(get_meta(conn, ACKED_KEY, "0"))


def read_batch(store: Store, max_entries: int, max_bytes: int,
               sent_through: int | None = None) -> tuple[list[dict], int]:
    """The next entries to push (bounded in count and bytes) and how many remain in all.
    `sent_through`: the last entry already sent in this round whose answer is not settled yet
    (the batch after it is read while HQ still works on it). An entry too heavy for any push
    (over MAX_ENTRY_BYTES) goes as a `skip` placeholder: HQ records it, the queue moves on,
    and the record waits here as a sync issue (`models.store.outbox` sends it again)."""
    with store.read() as conn, conn.begin():  # one snapshot for the count and the entries
        return read_batch_in(conn, max_entries, max_bytes, sent_through)


def read_batch_in(conn: sa.Connection, max_entries: int, max_bytes: int,
                  sent_through: int | None = None) -> tuple[list[dict], int]:
    """`read_batch` in a read the caller holds (a round's first batch is read with the rest of
    what the round needs before its first request: sync/client/round_start.py).
    Each bulk read comes back as ONE row that SQLite builds (a JSON array, parsed by orjson):
    the driver leaves the GIL at every row it steps, and taking it back once per row waited,
    beside a busy thread of the device (the event loop sending the batch before), for that
    thread's switch interval (docs/sync.md, bench/gil_fetch.py)."""
    # Straight on the DBAPI cursor: SQLAlchemy's row-by-row fetch was half of reading a
    # 5,000-entry batch (and its per-statement cost a third of a one-entry one).
    cursor = conn.connection.driver_connection.cursor()
    try:
        row = cursor.execute("SELECT value FROM store_meta WHERE key = ?",
                             (ACKED_KEY,)).fetchone()
        after = int(row[0]) if row is not None and row[0] is not None else 0
        if sent_through is not None:
            after = max(after, sent_through)
        remaining = cursor.execute(
            "SELECT count(*) FROM outbox WHERE seq > ?", (after,)).fetchone()[0]
        text = cursor.execute(_OUTBOX_SQL, (after, max_entries)).fetchone()[0]
        columns = orjson.loads(text)  # a list per column: no container per entry
        if columns[0] != sorted(columns[0]):  # in sequence order, whatever the aggregate did
            order = sorted(range(len(columns[0])), key=columns[0].__getitem__)
            columns = [[c[j] for j in order] for c in columns]
        rows = zip(*columns, strict=True)
        inserts = [(t, r) for t, r, op in zip(*columns[1:4], strict=True) if op == "insert"]
        texts: dict[str, dict] = {}  # table: {row id: fields as wire text}
        weights: dict[str, dict] = {}  # table: {row id: bytes of the row's text}
        read = k = 0  # inserts whose rows are read (a thousand, then as the bytes allow),
        entries, size = [], 0  # and the inserts met
        for seq, table, row_id, op, fields, base, profile, stored in rows:
            found = None
            if op == "insert":
                if k >= read:
                    more = _FIRST_READ if not entries else \
                        max(64, int((max_bytes - size) * len(entries) / max(size, 1)) + 64)
                    inserted_texts(cursor, inserts[k:k + more], texts, weights)
                    read = k + more
                k += 1
                # An insert entry names the row; what HQ gets is the row as it is now.
                found = texts.get(table, _NONE).get(row_id)
                if found is None:  # the row is gone: the values the entry recorded
                    fields = cursor.execute("SELECT fields FROM outbox WHERE seq = ?",
                                            (seq,)).fetchone()[0]
            if found is not None:
                values, weight = found, weights[table][row_id] + _ENVELOPE[table]
            else:
                values = orjson.loads(fields) if fields else {}
                weight = weight_of(values, stored or 0)
            entry = {"seq": seq, "table": table, "row_id": row_id, "op": op, "fields": values,
                     "base_version": base, "profile": profile or ""}
            if weight > MAX_ENTRY_BYTES and \
                    (exact := len(orjson.dumps(entry))) > MAX_ENTRY_BYTES:
                entry = skip_entry(entry, "too_large", exact)
                weight = len(orjson.dumps(entry))
            size += weight
            if entries and size > max_bytes:
                break
            entries.append(entry)
    finally:
        cursor.close()
    return entries, remaining


# Inserted rows read at the batch's start; then as many as the bytes left are likely to take.
_FIRST_READ = 1000
# The next entries as one JSON array of columns: seq, table, row id, op, fields (their stored
# JSON text; not for an insert, which sends its row as it is now), base version, profile,
# bytes of the fields' text.
_OUTBOX_SQL = (
    "SELECT json_array(json_group_array(seq), json_group_array(table_name), "
    "json_group_array(row_id), json_group_array(op), json_group_array(CASE WHEN op = 'insert' "
    "THEN NULL ELSE fields END), json_group_array(base_version), json_group_array(profile), "
    "json_group_array(length(CAST(fields AS BLOB)))) FROM (SELECT * FROM outbox WHERE seq > ? "
    "ORDER BY seq LIMIT ?)")


def weight_of(values: dict, text_bytes: int) -> int:
    """An entry's weight in a push: its text's bytes (measured by SQLite) and room for names,
    quotes and the envelope: near its JSON size, a little over for most entries."""
    return text_bytes + 32 * len(values) + 120


def inserted_rows(cursor, keys: list[tuple[str, str]]) -> dict:
    """(current values, bytes of their text) of rows created locally, read at driver level
    (no ORM objects) as one JSON row per table that SQLite builds (`_rows_sql`); SQLite
    measures the text, so no Python loop goes over the values."""
    by_table: dict[str, list[str]] = {}
    for table, row_id in keys:
        if table in SYNCED_TABLES:
            by_table.setdefault(table, []).append(row_id)
    out = {}
    for table, ids in by_table.items():
        text = cursor.execute(_rows_sql(table), (orjson.dumps(ids).decode(),)).fetchone()[0]
        for values, size, row_id in orjson.loads(text) if text else ():
            out[(table, row_id)] = (values, size)
    return out


def inserted_texts(cursor, keys: list[tuple[str, str]], texts: dict, weights: dict) -> None:
    """`inserted_rows` in wire form, for a push batch: each row's values as the JSON text
    SQLite writes (`_texts_sql`, the same object `_rows_sql` gives, key for key) kept as an
    `orjson.Fragment`, so the batch's body is the rows' text as read, never decoded into dicts
    and encoded again on the device (over half of reading a 26,300-form push, docs/sync.md).
    Added to `texts` and `weights` ({table: {row id: ...}}; no container per row, so a big
    batch sets off no cycle collection). An attachment's values are decoded: the engine reads
    its photo's hash and type before it sends the batch (`SyncEngine._upload_blobs`)."""
    by_table: dict[str, list[str]] = {}
    for table, row_id in keys:
        if table in SYNCED_TABLES:
            by_table.setdefault(table, []).append(row_id)
    for table, ids in by_table.items():
        found, sizes, text = cursor.execute(
            _texts_sql(table), (orjson.dumps(ids).decode(),)).fetchone()
        if not text:
            continue
        found = orjson.loads(found)
        wire = text.split(_SEPARATOR)
        if len(wire) != len(found):  # never: JSON text escapes every control character
            raise ValueError(f"{table}: rows read {len(found)}, texts {len(wire)}")
        wrap = orjson.loads if table in _DECODED else orjson.Fragment
        texts.setdefault(table, {}).update(zip(found, map(wrap, wire)))
        weights.setdefault(table, {}).update(zip(found, orjson.loads(sizes)))


_NONE: dict = {}
# Between two rows' texts: a control character, which JSON text never holds unescaped.
_SEPARATOR = "\x1e"
# Tables whose pushed values the device reads itself before sending them.
_DECODED = {"attachment"}


class _Envelope(dict):
    """Room in a batch for an inserted row's names, quotes and entry (`weight_of`), by table."""

    def __missing__(self, table: str) -> int:
        self[table] = weight_of(dict.fromkeys(_pushed_columns(table)), 0)
        return self[table]


_ENVELOPE = _Envelope()


@functools.cache
def _pushed_columns(table: str) -> list[sa.Column]:
    return [c for c in SYNCED_TABLES[table].__table__.columns if c.name not in _NOT_PUSHED]


@functools.cache
def _texts_sql(table: str) -> str:
    """The rows of `table` whose ids are given: their ids (a JSON array), the bytes of their
    text (a JSON array) and their values as `_rows_sql`'s JSON objects, joined by
    `_SEPARATOR`, all three in the same order (one pass of one aggregate query)."""
    columns = _pushed_columns(table)
    pairs = ", ".join(f"'{c.name}', {_as_json(c)}" for c in columns)
    weight = " + ".join(f'coalesce(length(CAST("{c.name}" AS BLOB)), 0)' for c in columns)
    return (f"SELECT json_group_array(id), json_group_array({weight}), "
            f"group_concat(json_object({pairs}), char(30)) FROM \"{table}\" "
            f"WHERE id IN (SELECT value FROM json_each(?))")


@functools.cache
def _rows_sql(table: str) -> str:
    """The rows of `table` whose ids are given (one JSON array parameter) as ONE JSON array of
    [values, bytes of their text, id], the values typed as the row-by-row read gave them: a
    boolean column stored 0/1 as false/true, a JSON column as its JSON, NULL as null, text,
    whole numbers and floats as themselves (SQLite writes a float's shortest round trip).
    Synced tables hold no BLOB column (`tests/sync/test_outbox_read.py` checks every
    column's type)."""
    columns = _pushed_columns(table)
    pairs = ", ".join(f"'{c.name}', {_as_json(c)}" for c in columns)
    weight = " + ".join(f'coalesce(length(CAST("{c.name}" AS BLOB)), 0)' for c in columns)
    return (f'SELECT json_group_array(json_array(json_object({pairs}), {weight}, id)) FROM '
            f'"{table}" WHERE id IN (SELECT value FROM json_each(?))')


def _as_json(column: sa.Column) -> str:
    name = f'"{column.name}"'
    if isinstance(column.type, sa.Boolean):
        return f"CASE WHEN {name} IS NULL THEN NULL WHEN {name} THEN json('true') " \
               "ELSE json('false') END"
    if isinstance(column.type, sa.JSON):
        return f"json({name})"
    if isinstance(column.type, sa.LargeBinary):  # JSON holds no bytes: none is pushed so
        raise TypeError(f"{column.table.name}.{column.name}: a BLOB column")
    return name


# Columns HQ sets itself: the versions and deletion, who changed it last, and who made it
# (`rows.stamp_insert`: the id is the entry's `row_id`, `created_device` the device HQ
# authenticated, `created_by` the entry's `profile`; HQ never read the pushed values of
# these, and an older device still sending them is answered alike). `created_at` goes.
_NOT_PUSHED = {"server_version", "deleted_at", "updated_at", "updated_device", "updated_by",
               "id", "created_device", "created_by"}


def settle(store: Store, result: PushResult) -> None:
    """Record HQ's answer in one local transaction: issues kept, acknowledged entries pruned."""
    with write_transaction(store.engine) as conn:
        settle_in(conn, store, result)


def settle_in(conn: sa.Connection, store: Store, result: PushResult) -> None:
    """`settle` inside a transaction the caller holds (the first pull page's, which saves a
    commit per round: if that transaction is lost, the batch is sent again and HQ answers
    from the outcomes it stored, changing nothing)."""
    issues = [o for o in result.outcomes if o.status != "duplicate"]
    now = sqlite_timestamp(utcnow())
    if issues:
        held = _held_entries(conn, [o.seq for o in issues if o.code in HELD_BACK_CODES])
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_issue (id, details, kind, code, table_name, row_id, "
            "outbox_seq, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*_issue_id_and_details(store, o, held.get(o.seq)), _kind(o.status), o.code,
              o.table, o.row_id, o.seq, o.reason, now) for o in issues])
    # The three statements every settling runs, on the driver (through SQLAlchemy's
    # `Connection` each cost more than its work: ~0.1 ms of a one-record round, issue 18 §2),
    # in the transaction the caller began.
    if not conn.in_transaction():
        conn.begin()
    driver = conn.connection.driver_connection
    # Entries HQ once refused as reused numbers (a copied store) that it has now taken, under
    # the identity this store enrolled with since: their issues settle themselves.
    driver.execute(_SETTLE_REUSED, (now, SEQUENCE_REUSED, result.acked_through))
    driver.execute("DELETE FROM outbox WHERE seq <= ?", (result.acked_through,))
    # Raised, never lowered (an older answer settled late), in one statement
    driver.execute(_RAISE_ACKED, (ACKED_KEY, str(result.acked_through)))


_SETTLE_REUSED = ("UPDATE sync_issue SET resolved_at = ? WHERE code = ? AND resolved_at IS NULL "
                  "AND outbox_seq <= ?")
_RAISE_ACKED = ("INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                "value = excluded.value WHERE CAST(store_meta.value AS INTEGER) < "
                "CAST(excluded.value AS INTEGER)")


def _held_entries(conn: sa.Connection, seqs: list[int]) -> dict[int, dict]:
    """The entries held back (a `skip` went in their place), copied into their sync issues
    before the outbox is pruned: an edit's values stay on the device whatever a pull brings."""
    if not seqs:
        return {}
    marks = ", ".join("?" for _ in seqs)
    rows = conn.exec_driver_sql(
        f"SELECT seq, op, fields, base_version FROM outbox WHERE seq IN ({marks})", tuple(seqs))
    return {seq: {"op": op, "base_version": base,
                  "fields": orjson.loads(fields) if op == "update" and fields else {}}
            for seq, op, fields, base in rows}


def _issue_id_and_details(store: Store, o, held: dict | None = None) -> tuple[str, str]:
    """A conflict is keyed by HQ's conflict id, so the copy a later pull brings is the same row."""
    found = o.details.get("conflicts") or []
    if o.status == "conflict" and found:
        first = found[0]
        details = {"field": first.get("field", ""), "kept": first.get("kept"),
                   "other": first.get("other"), "hq_conflict_id": first.get("id")}
        return f"hq:{first.get('id')}", orjson.dumps(details).decode()
    details = o.details if held is None else {**o.details, "entry": held}
    return f"{store.device_id}:{o.seq}", orjson.dumps(details).decode()


def _made_here(conn: sa.Connection, device_id: str) -> set[str]:
    """The synced tables holding a row `backfill` may queue, in one driver statement: a new
    store holds none, and the SQLAlchemy select of each of the 24 tables cost it 0.1-0.3 s
    of compiling at its first sync (a new engine has a cold statement cache; issue 18)."""
    return set(conn.exec_driver_sql(_made_here_sql(),
                                    (device_id,) * len(SYNCED_TABLES)).scalars())


@functools.cache
def _made_here_sql() -> str:
    names = [model.__table__.name for model in SYNCED_TABLES.values()]
    return " UNION ALL ".join(
        f"SELECT '{name}' WHERE EXISTS (SELECT 1 FROM \"{name}\" WHERE server_version IS NULL"
        " AND created_device = ? AND deleted_at IS NULL)" for name in names)


def _kind(status: str) -> str:
    return status if status in ("rejected", "forbidden") else "conflict"


def backfill(store: Store) -> int:
    """Queue records this device made before it had an outbox (or before it enrolled and was
    reset): rows it created that HQ never versioned and no outbox entry covers. Runs once."""
    if store.meta(BACKFILL_KEY) == "1":
        return 0
    queued = 0
    with write_transaction(store.engine) as conn:
        queued_ids = set(conn.exec_driver_sql("SELECT row_id FROM outbox").scalars())
        session = WriteSession(conn=conn, device_id=store.device_id, profile="")
        made = _made_here(conn, store.device_id)
        for name, model in SYNCED_TABLES.items():
            t = model.__table__
            if t.name not in made:
                continue
            rows = conn.execute(sa.select(t).where(
                t.c.server_version.is_(None), t.c.created_device == store.device_id,
                t.c.deleted_at.is_(None))).mappings().all()
            for row in rows:
                if row["id"] not in queued_ids:
                    fields = {k: to_json_value(v) for k, v in row.items()
                              if k not in ("server_version", "deleted_at")}
                    session.changes.append(Change(name, row["id"], "insert", fields))
        if session.changes:
            append_to_outbox(session, session.changes)
            queued = len(session.changes)
        set_meta(conn, BACKFILL_KEY, "1")
    return queued
