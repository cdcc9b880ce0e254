"""Row values as HQ receives them: checking and converting pushed fields, writing HQ's own rows.

Pushed values are checked column by column against the model (type, length, closed vocabulary)
with precompiled checkers: a pydantic model per row would cost several times more on a
26,000-form push. Domain rules then run through `models.services.record_problems`.
"""

import datetime as dt
import enum
import functools
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import is_, itemgetter
from typing import Any

import orjson
import sqlalchemy as sa

from models import rules
from models.base import META_COLUMNS, UTCDateTime
from models.tables import SYNCED_TABLES
from models.timeutil import utcnow
from sync.server.db import on_driver
from sync.server.pg_copy import copy_columns, copy_rows, copy_supported

Checker = Callable[[Any], Any]


class BadValue(ValueError):
    """A pushed value HQ refuses; `code` is the entry's refusal code, `field` names it."""

    def __init__(self, message: str, *, code: str = "invalid", field: str = "") -> None:
        super().__init__(message)
        self.code, self.field = code, field


# Timestamps HQ takes, in UTC: converting anything outside to a local time (the window, the
# documents) could overflow a datetime (9999-12-31T23:59:59-14:00 did, as a 500 that blocked
# the device's queue); such an entry is refused alone with `out_of_range`.
EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(3000, 1, 1, tzinfo=dt.UTC)  # exclusive


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type
    table: sa.Table
    checkers: dict[str, Checker]
    defaults: dict[str, Callable[[], Any]]
    required: frozenset[str]
    nullable: frozenset[str]
    # column -> (checker, memo of text values already checked or None, nullable): one lookup
    # per field (check_fields skips the META columns before looking).
    columns: dict[str, tuple[Checker, dict | None, bool]]


def _enum_of(annotation: Any) -> type[enum.Enum] | None:
    args = typing.get_args(annotation) if isinstance(annotation, types.UnionType) or \
        typing.get_origin(annotation) is typing.Union else (annotation,)
    for arg in args:
        if isinstance(arg, type) and issubclass(arg, enum.Enum):
            return arg
    return None


# checker -> a test of a whole column that passes exactly the values the checker returns
# unchanged (`check_columns`); a value it does not pass goes through the checker itself.
_PASSES: dict[Checker, Callable[[list], list[int]]] = {}

_NONE = type(None)


def _plain(values: list, kind: type) -> tuple[set, list[int]] | None:
    """A column's distinct values other than None and the positions of its Nones, when every
    value is of type `kind` or None (found in C: no Python step per value); None otherwise.
    The column tests below judge the distinct values as a whole and fall back to their
    per-value comprehension when any is in doubt, so the positions they give are the same."""
    found = set(map(type, values))
    if not found <= {kind, _NONE}:
        return None
    seen = set(values)
    if _NONE not in found:
        return seen, []
    seen.discard(None)
    return seen, list(compress(count(), map(is_, values, repeat(None))))


def _str_checker(length: int | None, allowed: frozenset[str] | None) -> Checker:
    def passes(values: list) -> list[int]:
        """The positions of the values the checker would not return as they are."""
        plain = _plain(values, str)
        if plain is not None:  # the usual column: every text fits, one test over the set
            seen, nones = plain
            if (allowed is None or allowed.issuperset(seen)) and \
                    (length is None or not seen or max(map(len, seen)) <= length) and \
                    "\x00" not in "".join(seen):
                return nones
        if allowed is not None:
            return [j for j, v in enumerate(values) if type(v) is not str or v not in allowed
                    or (length is not None and len(v) > length) or "\x00" in v]
        if length is None:
            return [j for j, v in enumerate(values) if type(v) is not str or "\x00" in v]
        return [j for j, v in enumerate(values)
                if type(v) is not str or len(v) > length or "\x00" in v]

    def check(v: Any) -> Any:
        if isinstance(v, enum.Enum):
            v = v.value
        if not isinstance(v, str):
            raise BadValue("must be text")
        if allowed is not None and v not in allowed:
            raise BadValue(f"'{v}' is not one of {', '.join(sorted(allowed))}")
        if length is not None and len(v) > length:
            # `too_long`: the device keeps the record and sends it again once shortened.
            raise BadValue(f"is longer than {length} characters", code="too_long")
        if "\x00" in v:  # PostgreSQL text cannot hold it; refuse it everywhere alike
            raise BadValue("contains a NUL character")
        return v
    _PASSES[check] = passes
    return check


def _check_int(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise BadValue("must be a whole number")
    if abs(v) > 2**62:
        raise BadValue("is out of range")
    return v


def _int_passes(values: list) -> list[int]:
    plain = _plain(values, int)  # bool is not int here: a true/false goes one by one
    if plain is not None:
        seen, nones = plain
        if not seen or (min(seen) >= -2**62 and max(seen) <= 2**62):
            return nones
    return [j for j, v in enumerate(values) if type(v) is not int or not -2**62 <= v <= 2**62]


_PASSES[_check_int] = _int_passes


def _check_float(v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise BadValue("must be a number")
    return float(v)


def _check_bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise BadValue("must be true or false")
    return v


def _bool_passes(values: list) -> list[int]:
    plain = _plain(values, bool)
    if plain is not None:
        return plain[1]
    return [j for j, v in enumerate(values) if type(v) is not bool]


_PASSES[_check_bool] = _bool_passes


def _check_date(v: Any) -> dt.date:
    if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
        return v
    try:
        return dt.date.fromisoformat(v) if isinstance(v, str) and len(v) == 10 else _bad()
    except ValueError:
        raise BadValue(f"'{v}' is not a date YYYY-MM-DD") from None


def _check_datetime(v: Any) -> dt.datetime:
    try:
        value = v if isinstance(v, dt.datetime) else dt.datetime.fromisoformat(v)
    except (TypeError, ValueError):
        raise BadValue(f"'{v}' is not a timestamp") from None
    try:
        value = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else \
            value.astimezone(dt.UTC)
    except OverflowError:
        value = None
    if value is None or not EARLIEST <= value < LATEST:
        raise BadValue(f"'{v}' is out of range (years {EARLIEST.year} to {LATEST.year - 1})",
                       code="out_of_range")
    return value


def _check_json_list(v: Any) -> list:
    if not isinstance(v, list) or not all(isinstance(x, str) and len(x) <= 64 for x in v):
        raise BadValue("must be a list of ids")
    return v


def _bad() -> Any:
    raise ValueError


def _checker(column: sa.Column, annotation: Any, limit: int | None) -> Checker:
    col_type = column.type
    if isinstance(col_type, UTCDateTime):
        base = _check_datetime
    elif isinstance(col_type, sa.Date):
        base = _check_date
    elif isinstance(col_type, sa.Boolean):
        base = _check_bool
    elif isinstance(col_type, sa.Integer):
        base = _check_int
    elif isinstance(col_type, sa.Float):
        base = _check_float
    elif isinstance(col_type, sa.JSON):
        base = _check_json_list
    else:
        enum_cls = _enum_of(annotation)
        allowed = frozenset(m.value for m in enum_cls) if enum_cls else None
        # The field's limit (models.rules), which a TEXT column's type does not carry.
        base = _str_checker(limit or getattr(col_type, "length", None), allowed)
    return base  # None for a nullable column is let through by check_fields itself


def _spec(name: str, model: type) -> TableSpec:
    table: sa.Table = model.__table__
    checkers, defaults, required = {}, {}, set()
    limits = rules.text_limits(model)
    for column in table.columns:
        info = model.model_fields.get(column.name)
        checkers[column.name] = _checker(column, info.annotation if info else None,
                                         limits.get(column.name))
        if column.name in META_COLUMNS or info is None:
            continue
        if info.default_factory is not None:
            defaults[column.name] = info.default_factory
        elif info.is_required():
            required.add(column.name)
        else:
            defaults[column.name] = lambda d=info.default: d
    nullable = frozenset(c.name for c in table.columns if c.nullable)
    # A nullable column's memo holds None from the start (a form's unset scores: a whole
    # column of None, taken in one lookup each).
    columns = {c.name: (checkers[c.name], ({None: None} if c.name in nullable else {})
                        if _memoizable(c, model) else None, c.name in nullable)
               for c in table.columns}
    return TableSpec(name, model, table, checkers, defaults, frozenset(required), nullable,
                     columns)


# A push repeats few distinct values in most columns (vocabulary codes, dates, the ids of a
# handful of units and campaigns): each distinct text is checked once and its converted value
# remembered. Only values the checker accepted are kept, only `str` keys (True == 1 == 1.0
# would mix up the number checks), and at most _MEMO_LIMIT per column; a refused value goes
# through the checker every time, so refusals and their messages are unchanged.
_MEMO_LIMIT = 4096
_MISS = object()


def _memoizable(column: sa.Column, model: type) -> bool:
    """Columns whose values repeat: dates, timestamps, codes and short texts (ids)."""
    col_type = column.type
    if isinstance(col_type, UTCDateTime | sa.Date):
        return True
    if isinstance(col_type, sa.Boolean | sa.Integer | sa.Float | sa.JSON):
        return False
    length = getattr(col_type, "length", None)
    info = model.model_fields.get(column.name)
    return _enum_of(info.annotation if info else None) is not None or \
        (length is not None and length <= 64)


SPECS: dict[str, TableSpec] = {name: _spec(name, model) for name, model in SYNCED_TABLES.items()}


def check_fields(spec: TableSpec, fields: dict[str, Any], *, full: bool) -> dict[str, Any]:
    """Converted values of the data fields in `fields` (meta columns dropped); BadValue names
    the first wrong field. `full`: an insert, so required fields must be there."""
    out = {}
    columns = spec.columns
    for name, value in fields.items():
        if name in META_COLUMNS:
            continue
        column = columns.get(name)
        if column is None:
            raise BadValue(f"{name}: no such field in {spec.name}")
        checker, memo, nullable = column
        if value is None and nullable:
            out[name] = None
            continue
        text = memo is not None and type(value) is str
        if text:
            hit = memo.get(value, _MISS)
            if hit is not _MISS:
                out[name] = hit
                continue
        try:
            converted = checker(value)
        except BadValue as exc:
            raise BadValue(f"{name}: {exc}", code=exc.code, field=name) from None
        if text and len(memo) < _MEMO_LIMIT:
            memo[value] = converted
        out[name] = converted
    if full:
        missing = spec.required - out.keys()
        if missing:
            raise BadValue(f"{', '.join(sorted(missing))}: missing")
        for name, make in spec.defaults.items():
            if name not in out:
                out[name] = make()
    return out


def check_columns(spec: TableSpec, rows: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """`check_fields(spec, fields, full=True)` of many inserts at once, column by column: each
    column's values go through one comprehension (a memo lookup for the columns whose values
    repeat, the checker once per distinct value) rather than a Python loop per field per row.
    A row any column refuses (or whose fields are unknown or incomplete) comes back as None:
    the caller checks it alone with `check_fields`, so its refusal and message are unchanged.
    The values given for the others are exactly those `check_fields` gives."""
    out: list[dict[str, Any] | None] = [None] * len(rows)
    groups: dict[tuple, list[int]] = {}
    for k, fields in enumerate(rows):  # rows with the same fields, in the same order
        groups.setdefault(tuple(fields), []).append(k)
    for names, at in groups.items():
        checked = _check_group(spec, names, [rows[k] for k in at])
        if checked is None:
            continue  # refused alone, with check_fields' message
        data, converted, failed = checked
        rebuilt = list(map(dict, map(zip, repeat(data), zip(*converted)))) if converted \
            else [{} for _ in at]
        for j, values in enumerate(rebuilt):
            if j not in failed:
                out[at[j]] = values
    return out


def check_column_lists(spec: TableSpec,
                       rows: list[dict[str, Any]]) -> tuple[list[str], list[list], set[int]] | None:
    """`check_columns` for a batch whose rows all carry the same fields in the same order (a
    device's inserts of one table), given as columns: (names, their converted values column by
    column, positions of the rows a column refused). No dict is built per row. None when the
    rows differ in their fields, or when those are unknown or incomplete (`check_columns`
    then)."""
    if not rows:
        return None
    keys = rows[0].keys()  # the same names, in whatever order (columns are taken by name)
    if not all(map(keys.__eq__, map(dict.keys, rows))):
        return None
    return _check_group(spec, tuple(keys), rows)


def _check_group(spec: TableSpec, names: tuple, group: list[dict[str, Any]]
                 ) -> tuple[list[str], list[list], set[int]] | None:
    """The rows of one key order checked column by column, the missing columns' defaults
    made per row: (names, columns, refused positions); None when a field is unknown or a
    required one missing."""
    columns = spec.columns
    data = [n for n in names if n not in META_COLUMNS]
    if any(n not in columns for n in data) or spec.required - set(data):
        return None
    given: list = []  # the group's values column by column, transposed in C
    if data:
        take = itemgetter(*data)
        given = list(zip(*map(take, group))) if len(data) > 1 else [list(map(take, group))]
    failed: set[int] = set()
    converted = [_check_column(columns[name], values, failed)
                 for name, values in zip(data, given, strict=True)]
    for name, make in spec.defaults.items():
        if name not in data:
            data.append(name)
            converted.append([make() for _ in group])
    return data, converted, failed


def _check_column(column: tuple, values: list, failed: set[int]) -> list:
    """One column's converted values; the positions of refused ones are added to `failed`."""
    checker, memo, nullable = column
    passes = _PASSES.get(checker)
    # A column test (text, whole numbers, true/false) judges the whole column in C, so the
    # memo is for the others (dates, timestamps): a text the memo holds is the text itself.
    if memo is not None and passes is None:
        try:  # memo keys are str only: no other value can match one
            found = list(map(memo.get, values, repeat(_MISS, len(values))))
        except TypeError:  # an unhashable value (a list where text belongs): one by one
            found = [_MISS] * len(values)
        if _MISS not in found:
            return found
        missing = [j for j, f in enumerate(found) if f is _MISS]
        for j in missing:
            v = values[j]
            if v is None and nullable:
                found[j] = None
                continue
            try:
                found[j] = hit = checker(v)
            except BadValue:
                failed.add(j)
                continue
            if type(v) is str and len(memo) < _MEMO_LIMIT:
                memo[v] = hit
        return found
    out = list(values)
    for j in passes(values) if passes is not None else range(len(values)):
        v = values[j]
        if v is None and nullable:
            continue
        try:
            out[j] = checker(v)
        except BadValue:
            failed.add(j)
    return out


# The store's own timestamp text (UTC, naive), as a device sends `created_at`.
_STORAGE_TEXT = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\Z", re.ASCII).match


_KEPT_YEARS = (f"{EARLIEST.year:04d}", f"{LATEST.year - 1:04d}")


def _created(value: Any) -> dt.datetime:
    try:
        return _check_datetime(value)
    except BadValue as exc:
        raise BadValue(str(exc), code=exc.code, field="created_at") from None


def stamp_insert(values: dict[str, Any], row_id: str, device: str, profile: str,
                 version: int, created_at: Any = None, *,
                 keep_text: bool = False, now: dt.datetime | None = None) -> dict[str, Any]:
    """The row to insert. `keep_text` (SQLite, driver-level insert): a `created_at` already in
    storage form is checked and kept as that text, which is exactly what parsing it and
    formatting it again for SQLite would give. `now`: the push's time (one per batch, so the
    insert formats it once)."""
    now = now or utcnow()
    return {**values, "id": row_id, "created_at": created_value(created_at, keep_text, now),
            "updated_at": now, "created_device": device, "created_by": profile,
            "updated_device": device, "updated_by": profile, "deleted_at": None,
            "server_version": version}


def created_column(values: list, keep_text: bool) -> list | None:
    """`created_value` of a whole column at once, when every value is the store's own text
    (a device's new rows on SQLite): the values themselves, checked by one pattern over the
    column, its first and last years, and a parse of each in C. None when any value is
    otherwise: each then goes through `created_value`, with its own refusal."""
    if not keep_text or not values or set(map(type, values)) != {str}:
        return None
    text = "\n".join(values)
    if text.count("\n") != len(values) - 1 or not _STORAGE_COLUMN(text) or not \
            _KEPT_YEARS[0] <= min(values)[:4] <= max(values)[:4] <= _KEPT_YEARS[1]:
        return None
    try:
        list(map(dt.datetime.fromisoformat, values))  # each a real date and time
    except ValueError:
        return None
    return values


_STORAGE_COLUMN = re.compile(
    r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}(?:\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6})*\Z",
    re.ASCII).match


def created_value(created_at: Any, keep_text: bool, now: dt.datetime) -> Any:
    """A new row's `created_at` as `stamp_insert` writes it (BadValue names the field)."""
    if not created_at:
        return now
    if keep_text and type(created_at) is str and _STORAGE_TEXT(created_at) and \
            _KEPT_YEARS[0] <= created_at[:4] <= _KEPT_YEARS[1]:
        try:
            dt.datetime.fromisoformat(created_at)  # a real date and time
            return created_at
        except ValueError:
            pass  # the same refusal as below
    return _created(created_at)


def server_insert(conn: sa.Connection, clock, table: sa.Table, values: dict[str, Any],
                  device: str, profile: str = "hq") -> None:
    """A row HQ itself creates (a team named at enrollment); it flows down like any other."""
    spec = SPECS[table.name]
    row = check_fields(spec, values, full=True)
    conn.execute(table.insert().values(
        **stamp_insert(row, values["id"], device, profile, clock.next())))


def upsert(conn: sa.Connection, table: sa.Table, rows: list[dict], keys: list[str],
           update: list[str]) -> None:
    """INSERT ... ON CONFLICT DO UPDATE on SQLite and PostgreSQL alike."""
    if not rows:
        return
    conn.execute(_upsert_statement(conn.dialect.name, table, tuple(keys), tuple(update)), rows)


@functools.lru_cache(maxsize=64)
def _upsert_statement(dialect: str, table: sa.Table, keys: tuple[str, ...],
                      update: tuple[str, ...]) -> sa.Insert:
    """`upsert`'s statement, built once per shape: built per call (an edit's field versions)
    it cost ~0.3 ms of HQ's CPU in construction and cache keying (issue 18 §3)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(table)
    return stmt.on_conflict_do_update(
        index_elements=list(keys), set_={c: stmt.excluded[c] for c in update})


def insert_ignore(conn: sa.Connection, table: sa.Table):
    """INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL alike."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing()


# --- driver-level statements for a push batch ----------------------------------------------------
# On SQLite, SQLAlchemy Core spends a fifth of a 5,000-row executemany building and
# type-processing one parameter dict per row; the same bind processors applied here in a tight
# loop, and tuples handed to the driver, write exactly the same values. On PostgreSQL, Core's
# own batching (insertmanyvalues) measured faster than a hand-built multi-row VALUES (psycopg
# spends more parsing a 25,000-parameter statement); a COPY beats both (`sync.server.pg_copy`).
_INSERT_PLANS: dict[str, tuple] = {}


def _insert_plan(dialect, table: sa.Table) -> tuple:
    plan = _INSERT_PLANS.get(table.name)
    if plan is None:
        names = [c.name for c in table.columns]
        compiled = table.insert().compile(dialect=dialect, column_keys=names)
        order = list(compiled.positiontup or [])
        by_name = {c.name: c for c in table.columns}
        procs = tuple((k, _fast_bind(by_name[n].type, p)) for k, n in enumerate(order)
                      if (p := by_name[n].type._cached_bind_processor(dialect)) is not None)
        ok = sorted(order) == sorted(names) and len(order) > 1
        plan = (names, itemgetter(*order), procs, compiled.string, order) if ok else (None,)
        _INSERT_PLANS[table.name] = plan
    return plan


def bulk_insert(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    """INSERT of many full rows (every column present): at driver level on SQLite, one COPY
    on PostgreSQL (psycopg), through Core otherwise (and for anything unusual)."""
    if not rows:
        return
    if conn.dialect.paramstyle != "qmark":
        if copy_supported(conn) and all(len(r) == len(table.columns) for r in rows) and \
                all(c.name in rows[0] for c in table.columns):
            copy_rows(conn, table, rows)
        else:
            conn.execute(table.insert(), rows)
        return
    plan = _insert_plan(conn.dialect, table)
    names = plan[0]
    if names is None or any(len(r) != len(names) for r in rows) or \
            any(n not in rows[0] for n in names):
        conn.execute(table.insert(), rows)
        return
    getter, procs, sql = plan[1:4]
    columns = list(zip(*map(getter, rows)))  # the statement's values, column by column
    _bind_columns(columns, procs, len(rows))
    on_driver(conn, sql, list(zip(*columns)))


def insert_columns(conn: sa.Connection, table: sa.Table, columns: dict[str, list],
                   n: int) -> None:
    """`bulk_insert` of `n` full rows given column by column (`columns`: every column of the
    table -> its values): the statement's parameters are made from the columns as they are,
    with no dict per row. The same values reach the driver as `bulk_insert` gives it."""
    if not n:
        return
    if conn.dialect.paramstyle == "qmark":
        plan = _insert_plan(conn.dialect, table)
        if plan[0] is not None and len(columns) == len(plan[0]):
            procs, sql, order = plan[2:]
            values = [columns[name] for name in order]
            _bind_columns(values, procs, n)
            on_driver(conn, sql, list(zip(*values)))
            return
    elif copy_supported(conn) and len(columns) == len(table.columns):
        copy_columns(conn, table, columns)
        return
    names = list(columns)
    bulk_insert(conn, table, [dict(zip(names, row)) for row in zip(*columns.values())])


def _bind_columns(columns: list, procs: tuple, n: int) -> None:
    """The bind processors applied column by column, in place."""
    for k, p in procs:
        values = columns[k]
        first = values[0]
        # A column of one value (the batch's `now`, no deletion time, not voided) is
        # converted once: equal values of one type bind alike (list.count and set(map(type))
        # run in C, and an identical object compares without a call).
        same = values.count(first) == n and len(set(map(type, values))) == 1
        columns[k] = [p(first)] * n if same else list(map(p, values))


def _fast_bind(col_type: Any, process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """SQLite bind processors without the per-value round trips, giving the same text:
    timestamps already in storage form (a `created_at` kept by stamp_insert) pass as they are,
    UTC datetimes are formatted in one step (no astimezone/replace), and dates, which repeat,
    are formatted once per distinct value."""
    if isinstance(col_type, UTCDateTime):
        utc, datetime = dt.UTC, dt.datetime
        # The last datetime formatted (a batch's `now`) and its text, as one tuple: threads
        # share the plan, and each reads a whole pair.
        last: list[tuple[Any, Any]] = [(None, None)]

        def timestamp(v: Any) -> Any:
            if v is None:
                return None
            held = last[0]
            if v is held[0]:
                return held[1]
            if type(v) is datetime and v.tzinfo is utc:
                text = (f"{v.year:04d}-{v.month:02d}-{v.day:02d} {v.hour:02d}:{v.minute:02d}:"
                        f"{v.second:02d}.{v.microsecond:06d}")
                last[0] = (v, text)
                return text
            if type(v) is str and _STORAGE_TEXT(v):
                return v
            return process(v)
        return timestamp
    if isinstance(col_type, sa.Date) and not isinstance(col_type, sa.DateTime):
        memo: dict[dt.date, Any] = {}
        date = dt.date

        def day(v: Any) -> Any:
            if type(v) is not date:
                return process(v)
            text = memo.get(v)
            if text is None:
                text = process(v)
                if len(memo) < _MEMO_LIMIT:
                    memo[v] = text
            return text
        return day
    return process


def existing_ids(conn: sa.Connection, table: str, ids: list[str]) -> set[str]:
    """Which of `ids` are rows of `table`: one driver-level query on SQLite (up to 500 ids as
    parameters, more as one JSON array), one on PostgreSQL (the ids as one array: a round
    trip per batch, not ten)."""
    if conn.dialect.paramstyle != "qmark":
        return {r[0] for r in conn.exec_driver_sql(*existing_ids_statement(table, ids))}
    if len(ids) > 500:  # the ids as one JSON parameter: one statement, not one per 500
        return {r[0] for r in on_driver(conn,
            f'SELECT id FROM "{table}" WHERE id IN (SELECT value FROM json_each(?))',
            (orjson.dumps(ids).decode(),))}
    marks = ", ".join("?" * len(ids))
    return {r[0] for r in on_driver(
        conn, f'SELECT id FROM "{table}" WHERE id IN ({marks})', tuple(ids))}


def existing_ids_statement(table: str, ids: list[str]) -> tuple[str, tuple]:
    """`existing_ids`'s statement on PostgreSQL (driver SQL, parameters)."""
    return f'SELECT id FROM "{table}" WHERE id = ANY(%s::varchar[])', (list(ids),)
