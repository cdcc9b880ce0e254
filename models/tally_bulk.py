"""Keeping the counts of migration 0024 on the bulk paths with one grouped read per batch
instead of the per-row triggers (issue 15, "Performance": the counts may add ≤ 10 % to an
import or a pull).

The triggers cost ~36 µs a form inserted (bench/tally_write_bench.py): 2.6x a bare
executemany. The import's executemany (WriteSession.create_many) and the sync apply's upsert of
a page (sync.client.apply) therefore pause them (a row in `tally_paused`, which every counting
trigger's WHEN checks), write, and merge the difference the batch made: the batch's forms
grouped by the tallies' keys after the write, less the same before it (nothing before an
insert). Everything else (the window's edits, removals, settles, small batches) keeps the
triggers. tests/models/test_form_tally.py checks both against a full scan.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter

import orjson
import sqlalchemy as sa

SMALL = 64  # fewer rows than this: the triggers (no grouped read to pay)
CRITERIA = ("discipline", "law", "service", "integrity", "efficiency")
_GROUPED = ('SELECT unit_id, campaign_id, "group", level, source, substr(evaluated_on, 1, 7), '
            + ", ".join(CRITERIA) + ", count(*) FROM evaluation WHERE id IN "
            "(SELECT value FROM json_each(?)) AND voided = 0 AND deleted_at IS NULL "
            "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11")
NEEDED = frozenset(("id", "unit_id", "campaign_id", "group", "level", "source", "evaluated_on",
                    "voided", "deleted_at", *CRITERIA))
_MERGE = {
    "form_tally": ("unit_id", "campaign_id", '"group"', "level"),
    "month_tally": ("month", "campaign_id", "level", "source"),
    "criterion_tally": ("unit_id", "campaign_id", "criterion", "level"),
}


def counted(conn: sa.Connection) -> bool:
    """Whether this database keeps the counts (a device store; not HQ's server database)."""
    return conn.dialect.name == "sqlite" and conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tally_paused'"
    ).first() is not None


def write_counted(conn: sa.Connection, names: Sequence[str], rows: Sequence[Sequence],
                  write: Callable[[], None], *, inserted: bool) -> None:
    """Run `write`, which inserts or upserts `rows` (each a whole form, columns `names`, in the
    store's storage form), with the triggers paused, then merge what it changed into the
    tallies: the rows' keys (counted here, no read) less, unless `inserted` (none of the rows
    existed before), the keys of the same forms as they were."""
    if len(rows) < SMALL or not NEEDED.issubset(names) or not counted(conn):
        write()  # the triggers count it
        return
    ids = [r[names.index("id")] for r in rows]
    before = Counter() if inserted else _stored_keys(conn, orjson.dumps(ids).decode())
    conn.exec_driver_sql("INSERT INTO tally_paused (paused) VALUES (1)")
    try:
        write()
    finally:
        conn.exec_driver_sql("DELETE FROM tally_paused")
    after = _row_keys(names, rows)
    after.subtract(before)
    _merge(conn, after)


def _row_keys(names: Sequence[str], rows: Sequence[Sequence]) -> Counter:
    """`_keys` of the rows themselves, each tally counted by one `Counter` over an
    `itemgetter` (C speed); only the distinct keys are visited in Python. Grouping a row at a
    time by all eleven columns first cost ~6 % of a 26,300-form import."""
    at = {n: list(names).index(n) for n in NEEDED}
    voided, deleted = at["voided"], at["deleted_at"]
    live = [row for row in rows if not row[voided] and row[deleted] is None]
    unit, campaign, level = at["unit_id"], at["campaign_id"], at["level"]
    out: Counter = Counter()
    for key, n in Counter(map(itemgetter(unit, campaign, at["group"], level), live)).items():
        out["form_tally", *key] += n
    by_day = Counter(map(itemgetter(at["evaluated_on"], campaign, level, at["source"]), live))
    for (day, *rest), n in by_day.items():
        out["month_tally", str(day)[:7], *rest] += n
    for criterion in CRITERIA:
        counts = Counter(map(itemgetter(unit, campaign, at[criterion]), live))
        for (unit_id, campaign_id, value), n in counts.items():
            if value is not None:
                out["criterion_tally", unit_id, campaign_id, criterion, value] += n
    return out


def _stored_keys(conn: sa.Connection, ids_json: str) -> Counter:
    return _keys(conn.exec_driver_sql(_GROUPED, (ids_json,)))


def _keys(grouped: Iterable[tuple]) -> Counter:
    """Per tally and key, the forms of the grouped rows (unit, campaign, group, level, source,
    month, the five criteria's levels, forms)."""
    out: Counter = Counter()
    for unit, campaign, group, level, source, month, *levels, n in grouped:
        out["form_tally", unit, campaign, group, level] += n
        out["month_tally", month, campaign, level, source] += n
        for criterion, value in zip(CRITERIA, levels, strict=True):
            if value is not None:
                out["criterion_tally", unit, campaign, criterion, value] += n
    return out


def _merge(conn: sa.Connection, delta: Counter) -> None:
    for table, key in _MERGE.items():
        rows = [(*k[1:], n) for k, n in delta.items() if k[0] == table and n]
        if not rows:
            continue
        conn.exec_driver_sql(
            f"INSERT INTO {table} ({', '.join(key)}, forms) VALUES (?, ?, ?, ?, ?) "
            f"ON CONFLICT DO UPDATE SET forms = forms + excluded.forms", rows)
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE forms <= 0")
