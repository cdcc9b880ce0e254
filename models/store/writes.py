"""The single write path: every create, change and delete made on this device goes here.

One `WriteSession` is one local transaction for one user action. It records which fields
changed as `Change`s; the session's `hooks` (the store's: the outbox and the audit chain, attached
by `Store.open`, never by importing a module) see them inside the same transaction, so no
caller has to know about either.
Rows received from HQ are applied by the sync engine's own bulk path and never come here.
Text longer than its field holds (`models.rules`) is refused here too, whoever the caller.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import orjson

from models import rules
from models.coltypes import META_COLUMNS, sqlite_timestamp
from models.errors import NotFoundError, ValidationError
from models.ids import new_id
from models.store.bulk_tables import BOOL, DATE, JSON, TIMESTAMP, BulkTable
from models.tally_bulk import Pending, merge_pending, restore_triggers, write_counted
from models.timeutil import utcnow

if TYPE_CHECKING:  # type hints only: the store opens without SQLModel (or SQLAlchemy)
    import sqlalchemy as sa
    from sqlmodel import SQLModel


@dataclass
class Change:
    table: str
    row_id: str
    op: str  # insert | update | delete
    fields: dict[str, Any]  # the changed fields of an update; empty for insert and delete
    base_version: int | None = None
    # An insert's row as the driver stored it, in the order of `WriteSession.columns[table]`:
    # hooks read it here instead of selecting the row back.
    row: tuple | None = None


# Called with the session and its changes inside the transaction, before the commit.
WriteHook = Callable[["WriteSession", list[Change]], None]

# A hook may also carry an `ahead` function (the attribute): pure Python over the changes made
# so far, with no database access, that `WriteSession.hooks_ahead` runs on a thread while
# SQLite works with the interpreter's lock released, called (session, changes, read) where
# `read` is what the hook's `ahead_reads(conn)` (if any) read first on the session's thread.
# What it returns waits in `WriteSession.ahead[hook]` for the hook, which must check it
# still fits the changes and the database.
AHEAD_SWITCH_INTERVAL = 0.0005  # s: the statements between SQLite's steps wait no longer


def core_free() -> bool:
    """Whether a second core is likely idle for `hooks_ahead`'s thread: no more threads
    runnable now than the cores this process may use less one, this one included (Linux's
    /proc/loadavg; elsewhere the 1-minute load average; where the system says neither, as on
    Windows: yes). On a busy machine the thread holding the interpreter's lock is often
    descheduled, and the statements waiting for it lost more than the overlap gained (26,300
    forms at load 6-9: the index builds, counts and hooks ~0.5 s slower in wall clock)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            runnable = int(fh.read().split()[3].split("/")[0])
        return runnable <= cores - 1
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.getloadavg()[0] <= cores - 1
    except (AttributeError, OSError):
        return True


def to_json_value(value: Any) -> Any:
    """A column value as JSON (dates ISO, enums by value)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _TimestampText:
    """Datetime → SQLite text, remembering the last one (a batch shares its stamp)."""

    def __init__(self):
        self.last, self.text = None, None

    def __call__(self, value: Any) -> Any:
        if value is None or isinstance(value, str):
            return value
        if value is not self.last:
            self.last, self.text = value, sqlite_timestamp(value)
        return self.text


def _column_kind(column: sa.Column) -> str | None:
    """How a Python value goes to the SQLite driver for this column (bulk path); None when the
    driver takes it as it is (text, numbers, and our StrEnums, which are str)."""
    import sqlalchemy as sa

    from models.coltypes import UTCDateTime

    col_type = column.type
    if isinstance(col_type, UTCDateTime):
        return TIMESTAMP
    if isinstance(col_type, sa.Date):
        return DATE
    if isinstance(col_type, sa.JSON):
        return JSON
    if isinstance(col_type, sa.Boolean):
        return BOOL
    return None


def _json_text(value: Any) -> Any:
    return None if value is None else orjson.dumps(value).decode()


def _date_text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


class _DateText(dict):
    """A date column's converter for one batch: each distinct value converted once (26,300
    forms hold a few hundred days), a value met again one dict lookup in C (5-6 -> ~1.4 ms)."""

    __call__ = dict.__getitem__

    def __missing__(self, value: Any) -> Any:
        text = self[value] = _date_text(value)
        return text


def _bool_int(value: Any) -> Any:
    return None if value is None else int(bool(value))


def _converter(kind: str) -> Callable[[Any], Any]:
    """A fresh converter of a column kind (a timestamp's remembers the last value it made)."""
    if kind == TIMESTAMP:
        return _TimestampText()
    if kind == DATE:
        return _DateText()
    return {DATE: _date_text, JSON: _json_text, BOOL: _bool_int}[kind]


@cache
def bulk_table(model: type[SQLModel]) -> BulkTable:
    """What `create_many` needs of a SQLModel table class (models/store/bulk_tables.py)."""
    table: sa.Table = model.__table__
    kinds = {c.name: kind for c in table.columns if (kind := _column_kind(c)) is not None}
    static, factories = {}, {}
    for name, info in model.model_fields.items():
        if name in META_COLUMNS:
            continue
        if info.default_factory is not None:
            factories[name] = info.default_factory
        elif not info.is_required():
            # A plain str, not the StrEnum: the driver adapts a str subclass value by value.
            static[name] = info.default.value if isinstance(info.default, Enum) else info.default
    return BulkTable(str(table.name), tuple(c.name for c in table.columns), kinds, static,
                     factories, dict(rules.text_limits(model)))


class Columns:
    """Rows given column by column, {column: list of values, one per row}, for `create_many`:
    an import that checked its file column by column hands its forms over without a dict per
    row (models/imports/evaluations.py). A column absent takes its default (or its factory's
    value, or a new id) in every row, as a field absent from a row dict does."""

    __slots__ = ("data", "count")

    def __init__(self, data: dict[str, list], count: int) -> None:
        self.data, self.count = data, count

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, rows: slice) -> Columns:
        return Columns({k: v[rows] for k, v in self.data.items()},
                       len(range(*rows.indices(self.count))))


@dataclass
class WriteSession:
    conn: sa.Connection
    device_id: str
    profile: str
    changes: list[Change] = field(default_factory=list)
    columns: dict[str, list[str]] = field(default_factory=dict)  # of each table inserted into
    hooks: tuple[WriteHook, ...] = ()  # run by `run_hooks`; `Store.write` passes the store's
    # Set inside `counts_merged_once`: the forms' tally differences gathered, merged at its end.
    tally_pending: Pending | None = None
    ahead: dict[Any, Any] = field(default_factory=dict)  # of `hooks_ahead`, by hook

    @contextlib.contextmanager
    def hooks_ahead(self) -> Iterator[None]:
        """Run the hooks' `ahead` functions on a thread while the block runs SQL statements
        that each take long in SQLite (index builds, counts by SQL: the driver releases the
        interpreter's lock for a statement's steps, so the second core does the hooks' Python
        meanwhile), when a core is free (`core_free`). The block must not run per-row
        statements (an `executemany` takes the lock back at every row); the thread is joined
        when it ends. A failed `ahead` leaves nothing: its hook does all the work itself."""
        work = [(hook, ahead) for hook in self.hooks
                if (ahead := getattr(hook, "ahead", None)) is not None]
        if not work or not self.changes or not core_free():
            yield
            return
        changes = list(self.changes)
        reads = [reads(self.conn) if (reads := getattr(hook, "ahead_reads", None)) else None
                 for hook, _ in work]

        def run() -> None:
            for (hook, ahead), read in zip(work, reads, strict=True):
                with contextlib.suppress(Exception):  # the hook does the work itself
                    self.ahead[hook] = ahead(self, changes, read)

        thread = threading.Thread(target=run, name="write-hooks-ahead", daemon=True)
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, AHEAD_SWITCH_INTERVAL))
        thread.start()
        try:
            yield
        finally:
            thread.join()
            sys.setswitchinterval(interval)

    @contextlib.contextmanager
    def counts_merged_once(self, expected: int = 0) -> Iterator[None]:
        """Forms created in several `create_many` calls inside this block are counted into the
        tallies (models/tally_bulk.py) once, when the block ends, not per call. Nothing in the
        block may read the tallies or `duplicate_form_no` (an import's chunks do not). When the
        block raises, nothing is merged: the transaction is rolled back with its forms."""
        if self.tally_pending is not None:  # already inside one: the outer block merges
            yield
            return
        self.tally_pending = pending = Pending(expected=expected)
        try:
            yield
        except BaseException:
            self.tally_pending = None
            restore_triggers(self.conn, pending)  # the insert triggers a chunk set aside
            raise
        self.tally_pending = None
        # Index builds and counts by SQL (an import into a new store): long single steps, so
        # the hooks' Python (the audit chain's row hashes) runs beside them.
        with self.hooks_ahead() if pending.floor is not None else contextlib.nullcontext():
            restore_triggers(self.conn, pending)
            merge_pending(self.conn, pending)

    # --- creating -------------------------------------------------------------------------
    def create(self, model: type[SQLModel], values: dict[str, Any]) -> str:
        return self.create_many(model, [values])[0]

    def create_many(self, model: type[SQLModel] | BulkTable,
                    rows: Iterable[dict[str, Any]] | Columns) -> list[str]:
        """Insert rows with one driver-level executemany (the import path's speed). `model`: a
        SQLModel table class, or its `BulkTable` (models/store/bulk_tables.py); `rows`: dicts,
        or `Columns`."""
        spec = model if isinstance(model, BulkTable) else bulk_table(model)
        table_name, names = spec.name, list(spec.columns)
        converters = {i: _converter(spec.kinds[n]) for i, n in enumerate(names)
                      if n in spec.kinds}
        sized = [(i, n, spec.limits[n]) for i, n in enumerate(names)
                 if n in spec.limits and n not in META_COLUMNS]
        now = utcnow()
        stamp = {
            "created_at": now, "updated_at": now, "created_device": self.device_id,
            "updated_device": self.device_id, "created_by": self.profile,
            "updated_by": self.profile, "deleted_at": None, "server_version": None,
        }
        rows = rows if isinstance(rows, (list, Columns)) else list(rows)
        params, nulls = _row_tuples(names, rows, spec.static, spec.factories, stamp, converters)
        ids = [p[0] for p in params] if names[0] == "id" else [
            p[names.index("id")] for p in params]
        self.changes.extend(Change(table_name, row_id, "insert", {}, row=stored)
                            for row_id, stored in zip(ids, params))
        _check_lengths(params, sized)
        self.columns[table_name] = names
        columns = ", ".join(f'"{n}"' for n in names)
        if len(params) == 1:
            placeholders = ", ".join("?" for _ in names)
            sql = f'INSERT INTO "{table_name}" ({columns}) VALUES ({placeholders})'
            self.conn.exec_driver_sql(sql, params[0])
            return ids
        # A column that is NULL in every row is written as the literal, not bound row by row:
        # a None bound still costs the driver an adapter call (models/store/database.py), and
        # an import's forms hold seven or more in each row (28,000 rows, four such columns:
        # 43-56 ms bound, 22-32 ms as literals).
        placeholders = ", ".join("NULL" if i in nulls else "?" for i in range(len(names)))
        sql = f'INSERT INTO "{table_name}" ({columns}) VALUES ({placeholders})'
        bound = _without(params, nulls, len(names)) if nulls else params
        if params and table_name == "evaluation":  # counts merged per batch (0024)
            write_counted(self.conn, names, params,
                          lambda: self.conn.exec_driver_sql(sql, bound), inserted=True,
                          pending=self.tally_pending)
        elif params:
            self.conn.exec_driver_sql(sql, bound)
        return ids

    # --- changing -------------------------------------------------------------------------
    def update(self, model: type[SQLModel], row_id: str, changes: dict[str, Any]) -> dict:
        """Apply the fields that really differ; return them (empty when nothing changed)."""
        table: sa.Table = model.__table__
        current = self.current(table, row_id)
        changed = {
            k: v for k, v in changes.items()
            if k not in META_COLUMNS and _comparable(current[k]) != _comparable(v)
        }
        if not changed:
            return {}
        rules.raise_if(rules.length_problems(model, changed))
        stamp = {"updated_at": utcnow(), "updated_device": self.device_id,
                 "updated_by": self.profile}
        self.conn.execute(_update_by_id(table), {**changed, **stamp, _ROW_ID: row_id})
        self.changes.append(
            Change(str(table.name), row_id, "update", changed, current["server_version"])
        )
        return changed

    def delete(self, model: type[SQLModel], row_id: str) -> None:
        """A tombstone, never a hard delete: the row stays with `deleted_at` set."""
        table: sa.Table = model.__table__
        current = self.current(table, row_id)
        now = utcnow()
        self.conn.execute(_update_by_id(table), {
            "deleted_at": now, "updated_at": now, "updated_device": self.device_id,
            "updated_by": self.profile, _ROW_ID: row_id})
        self.changes.append(Change(str(table.name), row_id, "delete", {},
                                   current["server_version"]))

    def current(self, model: type[SQLModel] | sa.Table, row_id: str) -> dict:
        """The live row as it is in this transaction; NotFoundError for a missing or deleted one."""
        import sqlalchemy as sa

        table = model if isinstance(model, sa.Table) else model.__table__
        row = self.conn.execute(_live_row(table), {_ROW_ID: row_id}).mappings().first()
        if row is None:
            raise NotFoundError(code="record_gone", params={"table": table.name})
        return dict(row)

    def run_hooks(self) -> None:
        if self.changes:
            for hook in self.hooks:
                hook(self, self.changes)


# A user's edit reads its row and updates it by id: the statements are built once per table
# (a statement built per edit cost ~0.1 ms of CPU each in construction and cache keying, on
# the clerk's every save and every round of the 50-device bench; issue 18). The columns an
# UPDATE sets are the keys of its execution's parameters.
_ROW_ID = "_row_id_"  # the bound id's name, a name no column has


@cache
def _live_row(table: sa.Table) -> sa.Select:
    import sqlalchemy as sa

    return sa.select(table).where(table.c.id == sa.bindparam(_ROW_ID),
                                  table.c.deleted_at.is_(None))


@cache
def _update_by_id(table: sa.Table) -> sa.Update:
    import sqlalchemy as sa

    return table.update().where(table.c.id == sa.bindparam(_ROW_ID))


def _row_tuples(names: list[str], rows: list[dict[str, Any]] | Columns, static: dict[str, Any],
                factories: dict[str, Callable[[], Any]], stamp: dict[str, Any],
                converters: dict[int, Callable[[Any], Any]]) -> tuple[list[tuple], set[int]]:
    """The rows as the driver takes them, built column by column: a column the session stamps
    is one value converted once, any other is read from every row in one pass (a missing
    field takes its default or a new value of its factory; an id is made when absent) and
    converted in one `map`. Building a merged dict per row cost ~3x as much (26,300 forms:
    ~0.25 s against ~0.08 s). Also returns the columns that are None in every row."""
    count = len(rows)
    columns: list[Any] = []
    nulls: set[int] = set()  # the columns None in every row
    given = rows.data if isinstance(rows, Columns) else None
    for i, name in enumerate(names):
        conv = converters.get(i)
        if name in stamp:
            value = stamp[name]
            value = conv(value) if conv else value
            if value is None:
                nulls.add(i)
            columns.append(repeat(value, count))
            continue
        if given is not None:
            column = _given_column(name, given.get(name), count, static, factories)
        elif name == "id":
            column = [values.get("id") or new_id() for values in rows]
        elif name in factories:
            make = factories[name]
            column = [values[name] if name in values else make() for values in rows]
        else:
            default = static.get(name)
            column = [values.get(name, default) for values in rows]
        column = list(map(conv, column)) if conv else column
        if column.count(None) == count:
            nulls.add(i)
        columns.append(column)
    return list(zip(*columns)), nulls


def _given_column(name: str, column: list | None, count: int, static: dict[str, Any],
                  factories: dict[str, Callable[[], Any]]) -> list:
    """A column of `Columns` as `_row_tuples` takes it from row dicts: as given, else every
    row's default (a new id, the factory's value, the static default)."""
    if name == "id":
        return [v or new_id() for v in column] if column is not None else [
            new_id() for _ in range(count)]
    if column is not None:
        return column
    if name in factories:
        make = factories[name]
        return [make() for _ in range(count)]
    return [static.get(name)] * count


def _without(params: list[tuple], nulls: set[int], width: int) -> list[tuple]:
    """The rows without the columns in `nulls` (for the driver)."""
    kept = [i for i in range(width) if i not in nulls]
    if len(kept) == 1:
        return [(p[kept[0]],) for p in params]
    return list(map(itemgetter(*kept), params)) if kept else [() for _ in params]


def _check_lengths(params: list[tuple], sized: list[tuple[int, str, int]]) -> None:
    """Refuse text longer than its field holds. Column by column at C speed (the per-value
    loop cost ~3% of a 26,300-form import; this well under 1%)."""
    for i, name, limit in sized:
        try:
            longest = max(map(len, filter(None, map(itemgetter(i), params))), default=0)
        except TypeError:  # a value that is not text: only the texts are measured
            longest = max((len(p[i]) for p in params if isinstance(p[i], str)), default=0)
        if longest > limit:
            raise ValidationError(rules.too_long(name, longest, limit))


def _comparable(value: Any) -> Any:
    return to_json_value(value)
