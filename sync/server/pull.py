"""A pull page: rows changed after the cursor, in commit order, within the device's scope.

All tables are read in ONE snapshot, and the cursor handed back is either the version of the
last row sent (more to come) or the counter read in that same snapshot: versions are handed out
under the counter row's lock in commit order, so nothing below it can still appear later.
Rows of row-filtered tables that are not (or no longer) visible are sent as removals to the
devices that hold them (sync_device_row), and to no one else. A unit device's problems are
projected (sync/server/projection.py).
"""

from typing import Any

import orjson
import sqlalchemy as sa

from models.base import UTCDateTime
from models.tables import SYNCED_TABLES
from sync.server import tables as T
from sync.server.audit_heads import AuditHeadReport, accept_in
from sync.server.auth import Bearer, DeviceIdentity, identify
from sync.server.conflicts import SETTLERS, conflicts_for
from sync.server.db import ServerDB
from sync.server.errors import ClientError
from sync.server.pg_together import together
from sync.server.projection import project_problems
from sync.server.rows import insert_ignore
from sync.server.scope import Scope, load_scope, row_visible


def pull_page(db: ServerDB, device: DeviceIdentity | Bearer, cursor: int, limit: int,
              audit: AuditHeadReport | None = None) -> bytes:
    """`device` may be a token not checked yet: it is checked in the page's transaction.
    `audit`: the device's audit head report riding on the pull (a round with nothing to
    push), checked in the page's transaction; HQ's answer goes in the page (`audit`)."""
    # On SQLite a pull that records what it sent (a tracked device's, or one with a report
    # riding on it) must hold the write lock from the start: a read snapshot cannot be
    # upgraded once another writer has committed. The role is known once the token is
    # checked: an untracked device's page is made in the read transaction that checked it.
    if db.is_sqlite and isinstance(device, Bearer) and audit is None:
        with db.read() as conn:
            device = identify(conn, device)
            if not _tracked(device):
                return _page(conn, device, cursor, limit, None)
    writes = audit is not None or (isinstance(device, DeviceIdentity) and _tracked(device))
    with (db.write if db.is_sqlite and writes else db.read)() as conn:
        return _page(conn, identify(conn, device), cursor, limit, audit)


def _tracked(device: DeviceIdentity) -> bool:
    return device.role in ("representative", "kiosk", "office", "unit")


def _page(conn: sa.Connection, device: DeviceIdentity, cursor: int, limit: int,
          audit: AuditHeadReport | None) -> bytes:
    scope = load_scope(conn, device)
    settler = scope.role in SETTLERS
    fetched, top, conflicted = _fetch(conn, scope, cursor, limit, settler,
                                      last=audit is None)
    if cursor > top:
        # Past HQ's counter: HQ's database was restored from a backup.
        raise ClientError(409, "resync", f"cursor {cursor} is ahead of HQ ({top}); push "
                          "your changes, then resync from scratch")
    more = len(fetched) >= limit
    page = fetched[:limit]
    new_cursor = page[-1][0] if more else top
    tables, removals = _shape(conn, scope, page)
    found = conflicts_for(conn, scope, cursor, new_cursor) if conflicted else []
    body = {"tables": tables, "removals": removals, "conflicts": found,
            "cursor": new_cursor, "more": more}
    if audit is not None:
        body["audit"] = accept_in(conn, device, audit)
    return orjson.dumps(body)


def _fetch(conn: sa.Connection, scope: Scope, cursor: int, limit: int,
           conflicts: bool = False, last: bool = False) -> tuple[list[tuple], int, bool]:
    """(version, table, row) of up to `limit` rows after `cursor`, merged across tables; HQ's
    counter read in the same snapshot; whether a conflict was recorded after `cursor` (asked
    only with `conflicts`).

    One query per table straight on the DBAPI cursor: a text query returns the driver's values
    unprocessed anyway, and SQLAlchemy's per-statement overhead (about 0.5 ms each, fifteen
    tables) was most of the cost of a small pull.

    `last`: the page's transaction has nothing else to do once the rows are in hand unless
    they need it (a removal to record, a conflict to read); PostgreSQL then ends it with
    the tables' queries."""
    if conn.dialect.name == "postgresql":
        return _fetch_pg(conn, scope, cursor, limit, conflicts, last)
    found = []
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    dbapi = conn.connection.cursor()
    try:
        changed, top, conflicted = _probe(dbapi, scope.pull_tables(), cursor, mark, conflicts)
        for name in changed:
            sql, vpos = _fetch_sql(name, mark)
            dbapi.execute(sql, (cursor, limit))
            found.extend((r[vpos], name, r) for r in dbapi.fetchall())
    finally:
        dbapi.close()
    found.sort(key=lambda item: item[0])
    return found, top, conflicted


def _fetch_pg(conn: sa.Connection, scope: Scope, cursor: int, limit: int, conflicts: bool,
              last: bool) -> tuple[list[tuple], int, bool]:
    """`_fetch` on PostgreSQL in two round trips: the probe (its transaction's BEGIN riding
    with it when it is the first statement), then the changed tables' queries together, with
    the COMMIT when nothing follows them (sync/server/pg_together.py).

    `last`: in ONE round trip when the guess holds. With the probe go the reads of the tables
    this process's last pages found changed (`_guessed`: the forms, in a one-record round) and
    the COMMIT; the probe's answer then says whether that was all the page needs (no other
    table changed, no conflict to read, no row to filter and record). If not, the page is made
    again the two-trip way in a fresh snapshot: its counter and rows are read together again,
    so the page is as consistent as ever. A guessed table that did not change reads nothing
    (one index probe on PostgreSQL's side)."""
    names = scope.pull_tables()
    guess = _guessed(names) if last else []
    if guess and not any(scope.row_filtered(n) for n in guess):
        plans = [_fetch_sql(name, "%s") for name in guess]
        probe, *reads = together(conn, [_probe_statement(names, cursor, "%s", conflicts)] + [
            (sql, (cursor, limit)) for sql, _ in plans], commit=True)
        changed, top, conflicted = _probed(names, probe.fetchall())
        _guessing(changed)
        if not conflicted and set(changed) <= set(guess) and not any(
                scope.row_filtered(n) for n in changed):
            found = [(r[vpos], name, r) for name, (_, vpos), read in zip(
                guess, plans, reads, strict=True) if name in changed for r in read]
            found.sort(key=lambda item: item[0])
            return found, top, conflicted
        # (committed: the next statement opens a fresh transaction, as REPEATABLE READ)
    probe = together(conn, [_probe_statement(names, cursor, "%s", conflicts)])[0]
    changed, top, conflicted = _probed(names, probe.fetchall())
    if last:
        _guessing(changed)
    ends = last and not conflicted and not any(scope.row_filtered(n) for n in changed)
    plans = [_fetch_sql(name, "%s") for name in changed]
    found = []
    if plans or ends:
        reads = together(conn, [(sql, (cursor, limit)) for sql, _ in plans], commit=ends)
        for name, (_, vpos), read in zip(changed, plans, reads, strict=True):
            found.extend((r[vpos], name, r) for r in read.fetchall())
    found.sort(key=lambda item: item[0])
    return found, top, conflicted


# The tables the last pages of this process found changed (a one-record round: the forms):
# the guess `_fetch_pg` reads along with its probe. At most GUESSED of them.
GUESSED = 2
_GUESS: tuple[str, ...] = ()


def _guessed(names: list[str]) -> list[str]:
    return [n for n in _GUESS if n in names]


def _guessing(changed: list[str]) -> None:
    global _GUESS
    if changed and len(changed) <= GUESSED:  # a page with nothing new changes no guess
        _GUESS = tuple(changed)


def _probe(dbapi, names: list[str], cursor: int, mark: str, conflicts: bool
           ) -> tuple[list[str], int, bool]:
    """(the tables holding a row after `cursor`, HQ's counter, whether a conflict was recorded
    after `cursor`) in ONE query, an index probe per table: a one-record pull then reads one
    table, not all twenty-four, and makes no statement of its own for the counter or for
    conflicts (issue 18 §2; each statement costs ~0.3 ms of HQ's CPU)."""
    dbapi.execute(*_probe_statement(names, cursor, mark, conflicts))
    return _probed(names, dbapi.fetchall())


def _probe_statement(names: list[str], cursor: int, mark: str, conflicts: bool
                     ) -> tuple[str, tuple]:
    key = (tuple(names), mark, conflicts)
    if key not in _PROBE_SQL:
        parts = [f"SELECT -1, value FROM {T.counter.name} WHERE id = 1"]
        if conflicts:  # `sync_conflict` has no index on its version: a scan, as before
            parts.append(f"SELECT -2, 0 WHERE EXISTS (SELECT 1 FROM {T.conflict.name} "
                         f"WHERE version > {mark})")
        parts.extend(_changed_since(i, name, mark) for i, name in enumerate(names))
        _PROBE_SQL[key] = " UNION ALL ".join(parts)
    return _PROBE_SQL[key], (cursor,) * (len(names) + conflicts)


def _changed_since(i: int, name: str, mark: str) -> str:
    """The probe's part for one table: `i` when it holds a row after the cursor. On PostgreSQL
    as the table's highest version against the cursor (`max` is read from the end of the
    `server_version` index whatever the cursor): psycopg prepares the probe and PostgreSQL
    then keeps a generic plan, and for `EXISTS (... WHERE server_version > $1)` that plan is
    a sequential scan stopping at the first row past the cursor (the planner counts on a
    third of the rows matching), which for a device nearly in step are the last rows
    written: the whole table read per probe, growing with it. The same rows answer yes either
    way (a NULL version is past no cursor, nor is it a maximum)."""
    if mark == "%s":
        return f'SELECT {i}, 0 WHERE (SELECT max(server_version) FROM "{name}") > {mark}'
    return f'SELECT {i}, 0 WHERE EXISTS (SELECT 1 FROM "{name}" WHERE server_version > {mark})'


def _probed(names: list[str], rows: list) -> tuple[list[str], int, bool]:
    top = next(value for at, value in rows if at == -1)
    return [names[at] for at, _ in rows if at >= 0], top, any(at == -2 for at, _ in rows)


_PROBE_SQL: dict[tuple[tuple[str, ...], str, bool], str] = {}
_FETCH_SQL: dict[tuple[str, str], tuple[str, int]] = {}


def _fetch_sql(name: str, mark: str) -> tuple[str, int]:
    """A table's read after a cursor (`mark`: the driver's parameter mark; `%s` is
    PostgreSQL's psycopg). On PostgreSQL the timestamps come as the wire's text already
    (`to_char` of the UTC time, the text SQLite holds and `sqlite_timestamp` writes): no
    driver parsing into datetimes and no formatting back in Python, ~100 of each a
    one-record round's page of fifty forms (issue 18 §3)."""
    key = (name, mark)
    if key not in _FETCH_SQL:
        table = SYNCED_TABLES[name].__table__
        cols = ", ".join(_as_text(c) if mark == "%s" else f'"{c.name}"' for c in table.columns)
        _FETCH_SQL[key] = (f'SELECT {cols} FROM "{name}" WHERE server_version > {mark} '
                           f"ORDER BY server_version LIMIT {mark}",
                           list(table.columns.keys()).index("server_version"))
    return _FETCH_SQL[key]


def _as_text(column: sa.Column) -> str:
    """A PostgreSQL column as `_fetch_sql` reads it: a timestamp as the wire's text."""
    if isinstance(column.type, UTCDateTime):
        return (f"to_char(\"{column.name}\" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') "
                f'AS "{column.name}"')
    return f'"{column.name}"'


def _shape(conn: sa.Connection, scope: Scope, page: list[tuple]) -> tuple[dict, list]:
    by_table: dict[str, list] = {}
    for _, name, row in page:
        by_table.setdefault(name, []).append(row)
    tables, removals = {}, []
    for name, rows in by_table.items():
        table = SYNCED_TABLES[name].__table__
        columns = list(table.columns.keys())
        if scope.row_filtered(name):
            rows, gone = _filter(conn, scope, name, columns, rows)
            removals.extend({"table": name, "id": i} for i in gone)
        if rows and name == "problem" and scope.role == "unit":
            rows = project_problems(columns, rows)
        if rows:
            tables[name] = {"columns": columns, "rows": _encode(conn, table, rows)}
    return tables, removals


def _filter(conn: sa.Connection, scope: Scope, name: str, columns: list[str],
            rows: list) -> tuple[list, list[str]]:
    lookup = row_lookup(conn)
    visible, hidden = [], []
    for row in rows:
        as_dict = dict(zip(columns, row, strict=True))
        (visible if row_visible(scope, name, as_dict, lookup) else hidden).append(row)
    held = _held(conn, scope.device.id, name, [r[0] for r in visible + hidden])
    new = [{"device_id": scope.device.id, "table_name": name, "row_id": r[0]}
           for r in visible if r[0] not in held]
    gone = [r[0] for r in hidden if r[0] in held]
    if new:  # two pulls of one device at once must not trip over each other
        conn.execute(insert_ignore(conn, T.device_row), new)
    if gone:
        dr = T.device_row.c
        conn.execute(T.device_row.delete().where(
            dr.device_id == scope.device.id, dr.table_name == name, dr.row_id.in_(gone)))
    return visible, gone


def _held(conn: sa.Connection, device_id: str, name: str, ids: list[str]) -> set[str]:
    dr = T.device_row.c
    out: set[str] = set()
    for start in range(0, len(ids), 500):
        out.update(conn.execute(sa.select(dr.row_id).where(
            dr.device_id == device_id, dr.table_name == name,
            dr.row_id.in_(ids[start:start + 500]))).scalars())
    return out


def row_lookup(conn: sa.Connection):
    """Rows by (table, id), each read once: the `lookup` the scope rules take."""
    cache: dict[tuple[str, str], dict | None] = {}

    def lookup(table: str, row_id: str | None) -> dict | None:
        if not row_id or table not in SYNCED_TABLES:
            return None
        if (table, row_id) not in cache:
            t = SYNCED_TABLES[table].__table__
            row = conn.execute(sa.select(t).where(t.c.id == row_id)).mappings().first()
            cache[(table, row_id)] = dict(row) if row else None
        return cache[(table, row_id)]

    return lookup


def _encode(conn: sa.Connection, table: sa.Table, rows: list) -> list:
    """Rows in the wire form. SQLite already holds exactly that text; from PostgreSQL the
    timestamps come as that text too (`_fetch_sql`) and JSON values are converted to their
    text. A table without JSON columns (the forms) is sent as read."""
    if conn.dialect.name == "sqlite":
        return [tuple(r) for r in rows]
    fixes = _FIXES.get(table.name)
    if fixes is None:
        fixes = _FIXES[table.name] = [(i, _json_text) for i, c in enumerate(table.columns)
                                      if isinstance(c.type, sa.JSON)]
    if not fixes:
        return rows
    out = []
    for r in rows:
        values = list(r)
        for i, fix in fixes:
            if values[i] is not None:
                values[i] = fix(values[i])
        out.append(values)
    return out


_FIXES: dict[str, list] = {}


def _json_text(value: Any) -> str:
    return value if isinstance(value, str) else orjson.dumps(value).decode()



def every_row(conn: sa.Connection, scope: Scope, only: list[str] | None = None
              ) -> tuple[dict, list, int]:
    """Every row the scope gives, shaped and recorded exactly as pull pages are, and the
    counter read in the same transaction: what a snapshot carries (sync/server/snapshot.py).
    `only`: of these tables alone (the conflicts and the counter as ever)."""
    if only is None:
        fetched, top, _ = _fetch(conn, scope, 0, 2**62)
    else:
        fetched, top = _fetch_all(conn, only)
    tables, _removals = _shape(conn, scope, fetched)  # a device with nothing has nothing to lose
    return tables, conflicts_for(conn, scope, 0, top), top


def _fetch_all(conn: sa.Connection, names: list[str]) -> tuple[list[tuple], int]:
    """(version, table, row) of every row of `names` as `_fetch` reads them from zero, and
    HQ's counter, in the caller's transaction."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    found = []
    dbapi = conn.connection.cursor()
    try:
        dbapi.execute(f"SELECT value FROM {T.counter.name} WHERE id = 1")
        top = dbapi.fetchone()[0]
        for name in names:
            sql, vpos = _fetch_sql(name, mark)
            dbapi.execute(sql, (0, 2**62))
            found.extend((r[vpos], name, r) for r in dbapi.fetchall())
    finally:
        dbapi.close()
    found.sort(key=lambda item: item[0])
    return found, top
