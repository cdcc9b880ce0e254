"""Keeping the counts of migrations 0024 and 0027 on the bulk paths with one grouped read per
batch instead of the per-row triggers (issue 15, "Performance": the counts may add ≤ 10 % to an
import or a pull).

The triggers cost ~36 µs a form inserted (bench/tally_write_bench.py): 2.6x a bare
executemany. The import's executemany (WriteSession.create_many) and the sync apply's upsert of
a page (sync.client.apply) therefore pause them (a row in `tally_paused`, which every counting
trigger's WHEN checks), write, and merge the difference the batch made: the batch's forms
grouped by the tallies' keys after the write, less the same before it (nothing before an
insert). The duplicated form numbers (`duplicate_form_no`) of the numbers the batch held before
or holds after are counted again through the form-number index. Everything else (the window's
edits, removals, settles, small batches) keeps the triggers. tests/models/test_form_tally.py
checks both against a full scan.

A caller writing one file in several batches inside one transaction (the import's chunks) may
gather the batches' differences in a `Pending` and merge them once at the end (`merge_pending`):
a tally key the chunks share is upserted once (26,300 forms in 7 chunks: 46,631 upserted day
and month keys became 33,793), and the form numbers are counted again in one pass.

Inside such a block the counting insert triggers are also set aside (dropped in the
transaction, created again from their own text before it ends): a paused trigger still costs
each inserted row its call and its WHEN, and any AFTER INSERT trigger at all made the forms'
insert ~20 % dearer (measured: 26,300 forms, thread CPU 0.47-0.56 s with the three, 0.47-0.51 s
with one, 0.38-0.40 s with none). DDL is part of SQLite's transaction: a failure or a crash
rolls it back with the forms, and no other connection can write meanwhile (the import holds
the write lock); the block counts every chunk itself, small ones included.

When the block is told it will insert at least as many forms as the table holds (an import
into a new or small store), the forms' secondary indexes are set aside the same way and built
again from their text after the last chunk: SQLite sorts the keys and writes each index in
order instead of inserting every form into four B-trees at random places (26,300 forms into
an empty table: the insert 0.41 s -> 0.29 s of thread CPU, the four builds 0.06 s).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING

import orjson

if TYPE_CHECKING:
    import sqlalchemy as sa

SMALL = 64  # fewer rows than this: the triggers (no grouped read to pay)
CRITERIA = ("discipline", "law", "service", "integrity", "efficiency")
_IDS = "SELECT value FROM json_each(?)"
_GROUPED = ('SELECT unit_id, campaign_id, "group", level, source, evaluated_on, '
            + ", ".join(CRITERIA) + f", count(*) FROM evaluation WHERE id IN ({_IDS}) "
            "AND voided = 0 AND deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11")
_NUMBERS = f"SELECT DISTINCT form_no, campaign_id FROM evaluation WHERE id IN ({_IDS})"
_KEYS = ("SELECT DISTINCT json_extract(value, '$[0]') AS form_no, "
         "json_extract(value, '$[1]') AS campaign_id FROM json_each(?)")
_RECOUNT = (
    f"DELETE FROM duplicate_form_no WHERE (form_no, campaign_id) IN ({_KEYS})",
    # An IN list, not a join: through the form-number index where there is one, and one scan
    # of the forms where there is none yet (a snapshot file builds its indexes after the rows;
    # the join probed the whole table once per number there).
    "INSERT INTO duplicate_form_no (campaign_id, form_no, forms) "
    "SELECT campaign_id, form_no, count(*) FROM evaluation WHERE voided = 0 "
    "AND deleted_at IS NULL AND (form_no, campaign_id) IN "
    f"(SELECT form_no, campaign_id FROM ({_KEYS})) GROUP BY campaign_id, form_no "
    "HAVING count(*) > 1")
NEEDED = frozenset(("id", "unit_id", "campaign_id", "group", "level", "source", "evaluated_on",
                    "voided", "deleted_at", "form_no", *CRITERIA))
_MERGE = {
    "form_tally": ("unit_id", "campaign_id", '"group"', "level"),
    "month_tally": ("month", "campaign_id", "level", "source"),
    "criterion_tally": ("unit_id", "campaign_id", "criterion", "level"),
    "dated_tally": ("span", "unit_id", "campaign_id", '"group"', "level", "source"),
    "dated_criterion_tally": ("span", "unit_id", "campaign_id", "criterion", "level"),
}


# The counting triggers that fire on each inserted form (0024, 0027): all pause on tally_paused.
_INSERT_TRIGGERS = ("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                    "AND tbl_name = 'evaluation' AND sql LIKE '%AFTER INSERT ON evaluation%' "
                    "AND sql LIKE '%tally_paused%' ORDER BY rowid")
_CREATE_TRIGGER = re.compile(r"^\s*CREATE\s+TRIGGER\s+", re.IGNORECASE)
# The forms' secondary indexes (not the key's, which SQLite makes and names itself; no unique
# one: a set-aside index never refuses a row the table would have taken).
_INDEXES = ("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'evaluation' "
            "AND sql IS NOT NULL AND sql NOT LIKE '%UNIQUE%' ORDER BY rowid")
_CREATE_INDEX = re.compile(r"^\s*CREATE\s+INDEX\s+", re.IGNORECASE)
_ROWID_CEILING = 1 << 62

# The tallies of the forms above a rowid, as the insert triggers of 0024 and 0027 count each
# form (the same filters, keys and spans), each an upsert adding to what a tally holds.
_LIVE = "evaluation.rowid > ? AND voided = 0 AND deleted_at IS NULL"
_CRITERION_LEVEL = ("CASE c.criterion " + " ".join(f"WHEN '{c}' THEN {c}" for c in CRITERIA)
                    + " END")
_CRITERIA_ROWS = " UNION ALL ".join(f"SELECT '{c}' AS criterion" for c in CRITERIA)
_BY_CRITERION = (f"SELECT evaluated_on, unit_id, campaign_id, c.criterion AS criterion, "
                 f"{_CRITERION_LEVEL} AS level FROM evaluation NOT INDEXED, ({_CRITERIA_ROWS}) AS c "
                 f"WHERE {_LIVE}")


def _days_and_months(rest: str, source: str) -> str:
    """The rows of a dated tally (span, *rest, forms): the forms of `source` grouped by day in
    one pass, and the months summed from those day groups, not from a second pass over the
    forms (26,300 imported forms: one grouping of the forms less, ~10-20 ms)."""
    width = rest.count(",") + 2
    groups = ", ".join(str(i) for i in range(1, width + 1))
    return (f"WITH d (span, {rest}, forms) AS MATERIALIZED "
            f"(SELECT evaluated_on, {rest}, count(*) {source} GROUP BY {groups}) "
            f"SELECT span, {rest}, forms FROM d UNION ALL "
            f"SELECT substr(span, 1, 7), {rest}, sum(forms) FROM d GROUP BY {groups}")


# The month tally's columns are all in the forms' day index (migration 0015): read there, the
# new forms' entries are a quarter of their rows' bytes (26,300 forms: 18-25 -> 10-13 ms). The index is
# rebuilt before the counts; a store without it is read through the rowid range.
_DAY_INDEX = "ix_evaluation_evaluated_on"
_MONTHS = ("SELECT substr(evaluated_on, 1, 7), campaign_id, level, source, count(*) "
           f"FROM evaluation {{}} WHERE {_LIVE} GROUP BY 1, 2, 3, 4")


_ABOVE = {
    "form_tally": 'SELECT unit_id, campaign_id, "group", level, count(*) FROM evaluation '
                  f"WHERE {_LIVE} GROUP BY 1, 2, 3, 4",
    "month_tally": _MONTHS.format(f"INDEXED BY {_DAY_INDEX}"),
    "criterion_tally": "SELECT unit_id, campaign_id, criterion, level, count(*) "
                       f"FROM ({_BY_CRITERION}) WHERE level IS NOT NULL GROUP BY 1, 2, 3, 4",
    "dated_tally": _days_and_months(
        'unit_id, campaign_id, "group", level, source',
        f"FROM evaluation NOT INDEXED WHERE {_LIVE}"),
    "dated_criterion_tally": _days_and_months(
        "unit_id, campaign_id, criterion, level",
        f"FROM ({_BY_CRITERION}) WHERE level IS NOT NULL"),
}


@dataclass
class Pending:
    """What batches written with the triggers paused changed and is not merged yet: per tally,
    the forms per key; the form numbers to count again; the insert triggers set aside."""
    counts: dict[str, Counter] = field(default_factory=dict)
    numbers: set[tuple] = field(default_factory=set)
    set_aside: list[tuple[str, str]] | None = None  # (name, sql); None: not looked for yet
    # The forms the block is about to insert in all (0: not said): when they are at least as
    # many as the table holds, its secondary indexes are set aside too (`indexes`).
    expected: int = 0
    indexes: list[tuple[str, str]] = field(default_factory=list)  # (name, sql) set aside
    rebuilt: bool = False  # the indexes were set aside: the numbers are counted in one pass
    # With `rebuilt`: the table's max(rowid) before the block's first form. SQLite numbers a
    # new row max(rowid) + 1, so the block's forms are the rows above it, and their tallies
    # are counted there by SQL at the block's end (`_count_above`), not key by key in Python.
    floor: int | None = None
    criteria: bool = False  # with `floor`: a form of the block has a criterion's level
    # `count_every_form`'s grouped read, taken elsewhere (a snapshot's build reads it from
    # HQ's file on a connection of its own, `EVERY_GROUPED_AT_HQ`, while the image's forms
    # are copied and indexed); None: read from the block's own table.
    grouped: Sequence[tuple] | None = None


def restore_triggers(conn: sa.Connection, pending: Pending) -> None:
    """Create again the indexes and insert triggers `write_counted` set aside for `pending`'s
    block, from their own text (sqlite_master then holds the same rows); the indexes first
    (the form numbers' recount reads through one). IF NOT EXISTS: after a failure SQLite may
    have rolled the transaction, and the drop with it, back already."""
    set_aside, pending.set_aside = pending.set_aside or [], None
    indexes, pending.indexes = pending.indexes, []
    for _, sql in indexes:
        conn.exec_driver_sql(_CREATE_INDEX.sub("CREATE INDEX IF NOT EXISTS ", sql, 1))
    for _, sql in set_aside:
        conn.exec_driver_sql(_CREATE_TRIGGER.sub("CREATE TRIGGER IF NOT EXISTS ", sql, 1))


def _set_aside_insert_triggers(conn: sa.Connection, pending: Pending) -> None:
    if pending.set_aside is None:
        pending.set_aside = [tuple(r) for r in conn.exec_driver_sql(_INSERT_TRIGGERS)]
        for name, _ in pending.set_aside:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
        held = conn.exec_driver_sql("SELECT max(rowid) FROM evaluation").scalar() or 0
        if pending.expected >= max(held, 1):  # max(rowid): never fewer than the rows held
            pending.indexes = [tuple(r) for r in conn.exec_driver_sql(_INDEXES)]
            pending.rebuilt = True
            # Past 2**62 SQLite could one day pick rowids at random (never reached in practice):
            # then the keys are counted in Python as for any other batch.
            pending.floor = held if held < _ROWID_CEILING else None
            for name, _ in pending.indexes:
                conn.exec_driver_sql(f'DROP INDEX "{name}"')


def merge_pending(conn: sa.Connection, pending: Pending) -> None:
    """Merge what `pending` gathered, in the same transaction as the writes it came from."""
    if pending.rebuilt:  # the file held at least as many forms as the table: one pass
        merge_into_empty(conn, pending)
        return
    counts, numbers = pending.counts, pending.numbers
    pending.counts, pending.numbers = {}, set()
    if counts:
        _merge(conn, counts)
    if numbers:
        _recount(conn, numbers)


def merge_into_empty(conn: sa.Connection, pending: Pending) -> None:
    """Merge what `pending` gathered into a store whose counts were empty before those writes
    (a snapshot's image, built from nothing), or whose forms are at most as many as the
    batches wrote (an import that rebuilt the indexes): the form numbers are counted again in
    one pass over the forms' number index, not through a list of every number the batches
    held (100,000 forms: 0.6 s of a snapshot's build went to that list; 26,300 imported
    forms: 82 -> ~20 ms)."""
    counts, pending.counts, pending.numbers = pending.counts, {}, set()
    floor, pending.floor = pending.floor, None
    criteria, pending.criteria = pending.criteria, False
    pending.rebuilt = False
    if floor is not None:
        _count_above(conn, floor, criteria)
    if counts:
        _merge(conn, counts)
    conn.exec_driver_sql("DELETE FROM duplicate_form_no")
    conn.exec_driver_sql(
        "INSERT INTO duplicate_form_no (campaign_id, form_no, forms) "
        "SELECT campaign_id, form_no, count(*) FROM evaluation WHERE voided = 0 "
        "AND deleted_at IS NULL AND form_no IS NOT NULL AND form_no != '' "
        "GROUP BY form_no, campaign_id HAVING count(*) > 1")


def count_every_form(conn: sa.Connection, pending: Pending) -> None:
    """For a block whose forms are every form of the table (a snapshot's image, built from
    nothing: `pending.floor` 0): their tallies gathered in `pending` by ONE grouped read of the
    table (or `pending.grouped`, that read's rows taken elsewhere), its few groups then keyed
    in Python (`_keys`), instead of `_count_above`'s statement per tally, each its own sort of
    every form (100,000 forms: ~0.2 s of CPU against ~0.6-0.9 s); `merge_into_empty` then
    merges them. Anything else is left to it."""
    if pending.floor != 0:
        return
    pending.floor = None
    grouped, pending.grouped = pending.grouped, None
    if grouped is None:
        grouped = conn.exec_driver_sql(_EVERY_GROUPED).fetchall()
    for table, counts in _keys(grouped).items():
        pending.counts.setdefault(table, Counter()).update(counts)


_EVERY_GROUPED = ('SELECT unit_id, campaign_id, "group", level, source, evaluated_on, '
                  + ", ".join(CRITERIA) + ", count(*) FROM evaluation "
                  "WHERE voided = 0 AND deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11")
# The same read of HQ's own table: the forms a pull gives (`server_version > 0`), which are
# the forms a snapshot's image copies from it.
EVERY_GROUPED_AT_HQ = _EVERY_GROUPED.replace(" WHERE ", " WHERE server_version > 0 AND ", 1)


_COUNTED = "fieldinspect_tally_counted"  # in the pooled connection's `info`: it was seen


def counted(conn: sa.Connection) -> bool:
    """Whether this database keeps the counts (a device store; not HQ's server database).
    A store that has the counts keeps them (migrations only add; an open store is never
    downgraded), so a yes is remembered with the driver connection: a pull page asked twice
    per page, two of a one-record round's ~18 statements on the device (issue 18 §2). A no is
    asked again (a store may be upgraded meanwhile)."""
    if conn.dialect.name != "sqlite":
        return False
    info = conn.connection.info
    if info.get(_COUNTED):
        return True
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tally_paused'"
    ).first() is not None
    if found:
        info[_COUNTED] = True
    return found


def write_counted(conn: sa.Connection, names: Sequence[str], rows: Sequence[Sequence],
                  write: Callable[[], None], *, inserted: bool,
                  pending: Pending | None = None) -> None:
    """Run `write`, which inserts or upserts `rows` (each a whole form, columns `names`, in the
    store's storage form), with the triggers paused, then merge what it changed into the
    tallies: the rows' keys (counted here, no read) less, unless `inserted` (none of the rows
    existed before), the keys of the same forms as they were. With `pending`, the difference
    is added there instead, for the caller's `merge_pending` before its transaction ends."""
    if not NEEDED.issubset(names) or not counted(conn):
        write()  # the triggers count it (HQ's database keeps no counts)
        return
    at = {n: list(names).index(n) for n in NEEDED}
    if inserted and pending is not None:
        _set_aside_insert_triggers(conn, pending)  # counted here from now on, small or not
        if pending.floor is not None:  # counted by SQL over the new rows at the block's end
            if not pending.criteria:  # one pass in C: a form with any criterion's level
                levels = itemgetter(*(at[c] for c in CRITERIA))
                pending.criteria = set(map(levels, rows)) != {(None,) * len(CRITERIA)}
            write()
            return
    elif len(rows) < SMALL:
        write()  # the triggers count it
        return
    ids_json = orjson.dumps([r[at["id"]] for r in rows]).decode()
    numbers = {(r[at["form_no"]], r[at["campaign_id"]]) for r in rows if r[at["form_no"]]}
    if inserted:
        before: dict[str, Counter] = {}
    else:
        before = _stored_keys(conn, ids_json)
        numbers.update(tuple(k) for k in conn.exec_driver_sql(_NUMBERS, (ids_json,)) if k[0])
    conn.exec_driver_sql("INSERT INTO tally_paused (paused) VALUES (1)")
    try:
        write()
    finally:
        conn.exec_driver_sql("DELETE FROM tally_paused")
    after = _row_keys(at, rows)
    for table, counts in before.items():
        after[table].subtract(counts)
    if pending is not None:
        for table, counts in after.items():
            if table in pending.counts:
                pending.counts[table].update(counts)  # adds, negative counts included
            else:
                pending.counts[table] = counts
        pending.numbers |= numbers
        return
    _merge(conn, after)
    if numbers:
        _recount(conn, numbers)


def _count_above(conn: sa.Connection, floor: int, criteria: bool) -> None:
    """Add the forms above rowid `floor` to each tally, counted by SQL in one statement per
    tally. 26,300 imported forms: ~85 ms against ~30 ms of keys counted in Python and ~80 ms
    upserting them one by one for `dated_tally` alone; one step each, so the driver holds
    no Python lock while SQLite counts (other threads of the process run meanwhile). The
    criteria's tallies only when a form has a criterion's level (`criteria`)."""
    for table, key in _MERGE.items():
        if not criteria and "criterion" in key:
            continue
        select = _ABOVE[table]
        if table == "month_tally" and not _has_index(conn, _DAY_INDEX):
            select = _MONTHS.format("NOT INDEXED")
        conn.exec_driver_sql(
            f"INSERT INTO {table} ({', '.join(key)}, forms) SELECT * FROM ({select}) WHERE true "
            "ON CONFLICT DO UPDATE SET forms = forms + excluded.forms",
            (floor,) * select.count("?"))


def _has_index(conn: sa.Connection, name: str) -> bool:
    return conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).first() is not None


def _recount(conn: sa.Connection, numbers: set[tuple]) -> None:
    keys = orjson.dumps(sorted(numbers, key=str)).decode()
    for statement in _RECOUNT:
        conn.exec_driver_sql(statement, (keys,))


def _row_keys(at: dict[str, int], rows: Sequence[Sequence]) -> dict[str, Counter]:
    """Per tally, the forms per key of `rows` (whole forms in storage form), as `_keys` gives
    them. Each tally of single forms is one `Counter` over an `itemgetter` (counted in C);
    only the month keys, from the day keys, and the criteria's names take a Python loop
    (26,300 forms: ~70 ms -> ~30 ms). Rows with dates not yet in text go the general way."""
    day_at = at["evaluated_on"]
    if set(map(type, map(itemgetter(day_at), rows))) == {str}:
        return _text_day_keys(at, rows)
    grouped: Counter = Counter()
    keys = itemgetter(*(at[n] for n in (
        "unit_id", "campaign_id", "group", "level", "source", "evaluated_on", *CRITERIA)))
    voided, deleted = at["voided"], at["deleted_at"]
    for row in rows:
        if not row[voided] and row[deleted] is None:
            grouped[keys(row)] += 1
    return _keys((*k[:5], str(k[5]), *k[6:], n) for k, n in grouped.items())


def _text_day_keys(at: dict[str, int], rows: Sequence[Sequence]) -> dict[str, Counter]:
    voided, deleted = itemgetter(at["voided"]), itemgetter(at["deleted_at"])
    if any(map(voided, rows)) or set(map(deleted, rows)) != {None}:
        rows = [r for r in rows if not r[at["voided"]] and r[at["deleted_at"]] is None]
    unit, campaign, group, level, source, day = (at[n] for n in (
        "unit_id", "campaign_id", "group", "level", "source", "evaluated_on"))
    forms = Counter(map(itemgetter(unit, campaign, group, level), rows))
    days = Counter(map(itemgetter(day, unit, campaign, group, level, source), rows))
    dated, months = Counter(days), Counter()
    for (d, u, c, g, lv, src), n in days.items():
        month = d[:7]
        dated[month, u, c, g, lv, src] += n
        months[month, c, lv, src] += n
    criteria, dated_criteria = Counter(), Counter()
    present = [(c, at[c]) for c in CRITERIA  # the criteria the rows hold (a file may have none)
               if set(map(itemgetter(at[c]), rows)) - {None}]
    named = [c for c, _ in present]
    by_day = Counter(map(itemgetter(day, unit, campaign, *(i for _, i in present)), rows)
                     ) if present else Counter()
    for (d, u, c, *values), n in by_day.items():
        month = d[:7]
        for criterion, value in zip(named, values):
            if value is not None:
                criteria[u, c, criterion, value] += n
                dated_criteria[d, u, c, criterion, value] += n
                dated_criteria[month, u, c, criterion, value] += n
    return {"form_tally": forms, "month_tally": months, "criterion_tally": criteria,
            "dated_tally": dated, "dated_criterion_tally": dated_criteria}


def _stored_keys(conn: sa.Connection, ids_json: str) -> dict[str, Counter]:
    return _keys(conn.exec_driver_sql(_GROUPED, (ids_json,)))


def _keys(grouped: Iterable[tuple]) -> dict[str, Counter]:
    """Per tally, the forms per key of the grouped rows (unit, campaign, group, level, source,
    day, the five criteria's levels, forms)."""
    forms, months, criteria = Counter(), Counter(), Counter()
    dated, dated_criteria = Counter(), Counter()
    for unit, campaign, group, level, source, day, *levels, n in grouped:
        month = day[:7]
        forms[unit, campaign, group, level] += n
        months[month, campaign, level, source] += n
        dated[day, unit, campaign, group, level, source] += n
        dated[month, unit, campaign, group, level, source] += n
        for criterion, value in zip(CRITERIA, levels, strict=True):
            if value is not None:
                criteria[unit, campaign, criterion, value] += n
                dated_criteria[day, unit, campaign, criterion, value] += n
                dated_criteria[month, unit, campaign, criterion, value] += n
    return {"form_tally": forms, "month_tally": months, "criterion_tally": criteria,
            "dated_tally": dated, "dated_criterion_tally": dated_criteria}


def _merge(conn: sa.Connection, delta: dict[str, Counter]) -> None:
    for table, key in _MERGE.items():
        rows = [(*k, n) for k, n in delta[table].items() if n]
        if not rows:
            continue
        marks = ", ".join("?" * (len(key) + 1))
        conn.exec_driver_sql(
            f"INSERT INTO {table} ({', '.join(key)}, forms) VALUES ({marks}) "
            f"ON CONFLICT DO UPDATE SET forms = forms + excluded.forms", rows)
        emptied = [tuple(k) for *k, n in rows if n < 0]  # keys that may have lost their last form
        if emptied:  # by key: the whole table's scan cost ~60 ms a page at 100,000 forms
            match = " AND ".join(f"{c} = ?" for c in key)
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE {match} AND forms <= 0", emptied)
