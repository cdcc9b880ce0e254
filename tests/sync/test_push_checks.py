"""HQ's per-value shortcuts in a push (memo of checked values, SQLite timestamp text) change no
result: the same values, the same refusals with the same messages."""

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

from models.coltypes import UTCDateTime
from sync.server.rows import (
    SPECS,
    BadValue,
    _fast_bind,
    check_columns,
    check_fields,
    stamp_insert,
)

EV = SPECS["evaluation"]
FORM = {"campaign_id": "c1", "group": "citizen", "unit_id": "u1", "level": "satisfied",
        "evaluated_on": "2026-03-01", "form_no": "F1"}


def _refusal(spec, fields, full=True) -> str:
    with pytest.raises(BadValue) as info:
        check_fields(spec, fields, full=full)
    return str(info.value)


def test_remembered_values_give_the_same_rows_and_refusals():
    first = check_fields(EV, FORM, full=True)
    again = check_fields(EV, dict(FORM), full=True)
    assert first == again and again["evaluated_on"] == dt.date(2026, 3, 1)
    for _ in range(2):  # a refused value is never remembered
        assert _refusal(EV, {**FORM, "level": "great"}).startswith("level: 'great' is not one of")
        assert _refusal(EV, {**FORM, "evaluated_on": "2026-02-30"}) == \
            "evaluated_on: '2026-02-30' is not a date YYYY-MM-DD"
        assert _refusal(EV, {**FORM, "unit_id": "u\x00"}) == "unit_id: contains a NUL character"
        assert _refusal(EV, {**FORM, "unit_id": "u" * 37}) == \
            "unit_id: is longer than 36 characters"
        assert _refusal(EV, {**FORM, "unit_id": 1}) == "unit_id: must be text"
        assert _refusal(EV, {**FORM, "group": None}) == "group: must be text"
        assert _refusal(EV, {**FORM, "nope": "x"}) == "nope: no such field in evaluation"
    # the first wrong field in the entry's order is named, as before
    assert _refusal(EV, {**FORM, "level": "great", "unit_id": 1}).startswith("unit_id:")


def _alone(spec, fields):
    try:
        return check_fields(spec, fields, full=True)
    except BadValue:
        return None


def test_a_batch_checked_column_by_column_gives_each_row_what_a_check_alone_gives():
    """Good rows get the same values; a row any column refuses is left to the check alone
    (None here), whichever column and wherever it stands in the batch."""
    bad = [{**FORM, "level": "great"}, {**FORM, "evaluated_on": "2026-02-30"},
           {**FORM, "unit_id": "u\x00"}, {**FORM, "unit_id": ["u1"]}, {**FORM, "group": None},
           {**FORM, "nope": "x"}, {k: v for k, v in FORM.items() if k != "level"},
           {**FORM, "voided": 1}, {**FORM, "reason": {"a": 1}}, {**FORM, "form_no": 7}]
    good = [FORM, {**FORM, "form_no": "F2", "reason": "slow", "voided": False},
            {**FORM, "discipline": None, "evaluated_on": "2026-03-02"},
            dict(reversed(list(FORM.items()))), {"form_no": "F3", **FORM}]
    rows = [r for pair in zip(good * 2, bad, strict=False) for r in pair] + good
    got = check_columns(EV, rows)
    assert [g is None for g in got] == [_alone(EV, r) is None for r in rows]
    assert sum(g is None for g in got) == len(bad)
    for values, row in zip(got, rows, strict=True):
        if values is not None:
            alone = check_fields(EV, row, full=True)
            assert values == alone and list(values) == list(alone)
    campaign = SPECS["campaign"]  # numbers and booleans are never taken from a memo
    rows = [{"name": "drive", "year": 2026}, {"name": "drive", "year": True},
            {"name": "drive", "year": 2**63}, {"name": "drive", "year": 1}]
    assert check_columns(campaign, rows) == [_alone(campaign, r) for r in rows]
    assert [r and r["year"] for r in check_columns(campaign, rows)] == [2026, None, None, 1]


def test_numbers_are_never_taken_from_a_memo():
    campaign = SPECS["campaign"]
    values = {"name": "drive", "year": 2026}
    assert check_fields(campaign, values, full=True)["year"] == 2026
    assert check_fields(campaign, {**values, "year": 1}, full=True)["year"] == 1
    assert _refusal(campaign, {**values, "year": True}) == "year: must be a whole number"


@pytest.mark.parametrize("value", [
    None,
    dt.datetime(2026, 11, 25, 22, 10, 52, 895747, tzinfo=dt.UTC),
    dt.datetime(2026, 11, 25, 22, 10, 52, tzinfo=dt.UTC),  # microsecond 0
    dt.datetime(999, 1, 2, 3, 4, 5, 6, tzinfo=dt.UTC),
    dt.datetime(2026, 11, 25, 23, 10, 52, 1, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    "2026-11-25 22:10:52.895747",
    "2026-11-25T22:10:52+02:00",
    "2026-11-25 22:10:52.8+0000",
])
def test_sqlite_timestamp_text_is_what_sqlalchemy_writes(value):
    col_type = UTCDateTime()
    dialect = sqlite.dialect()
    process = col_type._cached_bind_processor(dialect)
    assert _fast_bind(col_type, process)(value) == process(value)


@pytest.mark.parametrize("value", [None, dt.date(2026, 3, 1), dt.date(12, 1, 1)])
def test_sqlite_date_text_is_what_sqlalchemy_writes(value):
    col_type = sa.Date()
    process = col_type._cached_bind_processor(sqlite.dialect())
    fast = _fast_bind(col_type, process)
    assert fast(value) == process(value) and fast(value) == process(value)


def test_created_at_in_storage_form_is_kept_as_text_only_when_valid():
    text = "2026-11-25 22:10:52.895747"
    row = stamp_insert({}, "r1", "dev", "p", 7, text, keep_text=True)
    assert row["created_at"] == text
    assert stamp_insert({}, "r1", "dev", "p", 7, text)["created_at"] == \
        dt.datetime(2026, 11, 25, 22, 10, 52, 895747, tzinfo=dt.UTC)
    for bad in ("2026-13-45 25:00:00.000000", "yesterday"):
        for keep_text in (True, False):
            with pytest.raises(BadValue) as info:
                stamp_insert({}, "r1", "dev", "p", 7, bad, keep_text=keep_text)
            assert str(info.value) == f"'{bad}' is not a timestamp"


def test_a_batch_inserted_at_driver_level_holds_what_core_writes():
    """bulk_insert converts a column of one value once (the batch's time, no deletion time):
    the stored rows are those SQLAlchemy Core writes, whatever the mix in a column."""
    from sync.server.rows import bulk_insert

    now = dt.datetime(2026, 3, 2, 1, 2, 3, 456789, tzinfo=dt.UTC)
    same_instant = dt.datetime(2026, 3, 2, 3, 2, 3, 456789,
                               tzinfo=dt.timezone(dt.timedelta(hours=2)))
    rows = []
    for i, created in enumerate([now, "2026-03-01 10:00:00.000001", same_instant, now]):
        values = check_fields(EV, {**FORM, "form_no": f"F{i}",
                                   "voided": i == 2, "evaluated_on": f"2026-03-0{1 + i % 2}"},
                              full=True)
        rows.append(stamp_insert(values, f"r{i}", "dev", "p", i + 1, created, keep_text=True,
                                 now=now if i else same_instant))
    stored = []
    for write in (bulk_insert, lambda conn, table, rows: conn.execute(table.insert(), rows)):
        engine = sa.create_engine("sqlite://")
        EV.table.create(engine)
        with engine.begin() as conn:
            write(conn, EV.table, rows)
            stored.append(conn.exec_driver_sql("SELECT * FROM evaluation ORDER BY id").all())
    assert stored[0] == stored[1] and len(stored[0]) == 4


def test_created_at_checked_as_a_column_keeps_only_what_each_check_alone_keeps():
    """`created_column` gives the column back only when `created_value` would keep every value
    as it is; one value otherwise sends each row to its own check (and refusal)."""
    from sync.server.rows import created_column, created_value

    now = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    good = ["2026-11-25 22:10:52.895747", "1900-01-01 00:00:00.000000",
            "2999-12-31 23:59:59.999999"]
    assert created_column(good, True) == good
    assert [created_value(v, True, now) for v in good] == good
    assert created_column(good, False) is None  # PostgreSQL parses each one
    for odd in ("2026-02-30 10:00:00.000000", "1899-12-31 23:59:59.999999",
                "3000-01-01 00:00:00.000000", "2026-11-25T22:10:52.895747",
                "2026-11-25 22:10:52.895747\n2026-11-25 22:10:52.895747", "", None, 7,
                "2026-11-25 22:10:52.89574", "٢٠٢٦-11-25 22:10:52.895747"):
        assert created_column([*good, odd], True) is None, odd
