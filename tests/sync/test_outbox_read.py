"""The device reads a push batch's new rows as ONE JSON row that SQLite builds per table
(`sync.client.outbox.inserted_rows`): every value reaches HQ with the type the row-by-row read
gave it (a boolean stored 0/1 as true/false, a JSON column as its list, NULL as None, text with
any character, whole numbers, floats to the last bit), and the same weight, for every column
type of every synced table. A push batch takes them in wire form (`inserted_texts`: each row's
JSON text as SQLite writes it, never decoded on the device): what the body carries decodes to
those same values."""

import datetime as dt
import itertools

import orjson
import sqlalchemy as sa
import sqlcipher3

from models.coltypes import UTCDateTime
from models.tables import SYNCED_TABLES
from sync.client.outbox import _NOT_PUSHED, inserted_rows, inserted_texts

TEXTS = ["plain", "é😀 \"quoted\" \\ back\nline\ttab", "x\x00y", "a\x1eb", "", "0", "1.5", "null"]
FLOATS = [0.1 + 0.2, 1 / 3, 1e-7, 2.0, 1e300, 5e-324, 123456789.123456789, 0.0]
INTS = [0, -5, 2**62, 7]
JSONS = [["a", "b"], [], ["é😀", "x\x00y"]]
TIMES = [dt.datetime(2026, 3, 1, 9, 0, 0, 1, tzinfo=dt.UTC), dt.datetime(1900, 1, 1, tzinfo=dt.UTC)]
DATES = [dt.date(2026, 3, 1), dt.date(1999, 12, 31)]


def _values(column: sa.Column) -> list:
    kind = column.type
    if isinstance(kind, sa.Boolean):
        found = [True, False]
    elif isinstance(kind, sa.Integer):
        found = INTS
    elif isinstance(kind, sa.Float):
        found = FLOATS
    elif isinstance(kind, sa.JSON):
        found = JSONS
    elif isinstance(kind, UTCDateTime):
        found = TIMES
    elif isinstance(kind, sa.Date):
        found = DATES
    else:
        text = kind.impl if isinstance(kind, sa.TypeDecorator) else kind
        assert isinstance(text, sa.String), f"{column.table.name}.{column.name}: {kind!r}"
        found = TEXTS
    return [*found, None] if column.nullable else found


def _row_by_row(cursor, table: str, ids: list[str]) -> dict:
    """The reader before this one: the columns row by row, booleans and JSON fixed in Python."""
    columns = [c for c in SYNCED_TABLES[table].__table__.columns if c.name not in _NOT_PUSHED]
    fixes = {sa.Boolean: bool, sa.JSON: orjson.loads}
    names = ", ".join(f'"{c.name}"' for c in columns)
    weight = " + ".join(f'coalesce(length(CAST("{c.name}" AS BLOB)), 0)' for c in columns)
    out = {}
    for row_id, *row, size in cursor.execute(
            f'SELECT id, {names}, {weight} FROM "{table}" WHERE id IN '
            f'({", ".join("?" for _ in ids)})', ids):
        values = {c.name: v if v is None or type(c.type) not in fixes else
                  fixes[type(c.type)](v) for c, v in zip(columns, row, strict=True)}
        out[(table, row_id)] = (values, size)
    return out


def _typed(found: dict) -> dict:
    return {key: ([(k, type(v).__name__, v) for k, v in values.items()], size)
            for key, (values, size) in found.items()}


def _every_value_of_every_table(conn) -> dict[str, list[str]]:
    """Every synced table made and filled with every value of every column; {table: ids}."""
    made = {}
    for table, model in SYNCED_TABLES.items():
        t = model.__table__
        t.create(conn)
        choices = {c.name: _values(c) for c in t.columns}
        rows = []
        for k in range(max(map(len, choices.values()))):  # every value of every column
            row = {name: values[k % len(values)] for name, values in choices.items()}
            row["id"] = f"{table}-{k}"
            rows.append(row)
        conn.execute(t.insert(), rows)
        made[table] = [r["id"] for r in rows]
    return made


def test_new_rows_read_in_wire_form_reach_hq_with_every_type_and_weight():
    """The body a batch's new rows go in decodes to the values, types, key order and weights
    the row-by-row read gave, for every column type of every synced table; a row asked for
    and gone is simply not there."""
    engine = sa.create_engine("sqlite://", module=sqlcipher3)
    with engine.begin() as conn:
        made = _every_value_of_every_table(conn)
        raw = conn.connection.driver_connection.cursor()
        checked = 0
        for table, ids in made.items():
            texts: dict = {}
            weights: dict = {}
            inserted_texts(raw, [(table, i) for i in ids] + [(table, "gone")], texts, weights)
            assert "gone" not in texts[table]
            body = orjson.dumps({"entries": [texts[table][i] for i in ids]})
            sent = orjson.loads(body)["entries"]
            got = {(table, i): (values, weights[table][i]) for i, values in zip(ids, sent)}
            want = _row_by_row(raw, table, ids)
            assert _typed(got) == _typed(want), table
            assert all(list(v) == list(want[k][0]) for k, (v, _) in got.items()), table
            checked += len(got)
        assert checked >= len(SYNCED_TABLES) * 3


def test_new_rows_read_as_one_json_row_keep_every_type_and_weight():
    engine = sa.create_engine("sqlite://", module=sqlcipher3)
    checked = 0
    with engine.begin() as conn:
        raw = conn.connection.driver_connection.cursor()
        for table, ids in _every_value_of_every_table(conn).items():
            got = inserted_rows(raw, [(table, i) for i in ids])
            want = _row_by_row(raw, table, ids)
            assert _typed(got) == _typed(want), table
            assert list(got) and all(list(v) == list(want[k][0]) for k, (v, _) in got.items())
            checked += len(got)
    assert checked >= len(SYNCED_TABLES) * 3
    # floats to the last bit, booleans as booleans: the values that a loose == would pass
    kinds = set(itertools.chain.from_iterable(
        (type(v) for v in values.values()) for values, _ in got.values()))
    assert str in kinds
