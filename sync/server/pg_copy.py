"""A push batch's new rows into PostgreSQL with one COPY per table.

Core's executemany (insertmanyvalues) sends the rows as multi-row INSERTs that PostgreSQL parses
statement by statement; `COPY … FROM STDIN` (psycopg 3's `cursor.copy`) streams them in one
command. A push only inserts rows HQ checked it does not hold (under the version-counter lock,
`sync.server.context.ApplyContext.prefetch`), so the COPY goes straight into the table: a staging
table and `INSERT … ON CONFLICT` would only add a second pass for a conflict that cannot happen
(and should one happen, the unique key refuses the COPY as it refused the INSERT, and the
push's transaction rolls back whole). The values are those SQLAlchemy's bind processors give
(a JSON column's `Json` wrapper, a UTC timestamp, a boolean), so the row is the same as before.
"""

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

_PLANS: dict[str, tuple[str, tuple[str, ...], tuple[tuple[int, Callable[[Any], Any]], ...]]] = {}


def copy_supported(conn: sa.Connection) -> bool:
    return conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg"


def _plan(dialect, table: sa.Table) -> tuple:
    plan = _PLANS.get(table.name)
    if plan is None:
        names = tuple(c.name for c in table.columns)
        procs = tuple((k, p) for k, c in enumerate(table.columns)
                      if (p := c.type._cached_bind_processor(dialect)) is not None)
        columns = ", ".join(f'"{n}"' for n in names)
        plan = (f'COPY "{table.name}" ({columns}) FROM STDIN', names, procs)
        _PLANS[table.name] = plan
    return plan


# A push of at most this many new rows sends them as one INSERT riding with its closing
# statements (`insert_statement`, `db.DeferredClock.ride`) rather than a COPY of its own.
RIDING_MAX = 8
_INSERTS: dict[tuple[str, int], str] = {}


def insert_statement(dialect, table: sa.Table, columns: dict[str, list], n: int
                     ) -> tuple[str, list]:
    """`n` full rows given column by column as ONE multi-row INSERT (driver SQL and its
    parameters), the values converted as `copy_columns` converts them: the statement can
    go to PostgreSQL together with others (sync/server/pg_together.py), where a COPY is two
    round trips of its own (its start and its end)."""
    _sql, names, procs = _plan(dialect, table)
    sql = _INSERTS.get((table.name, n))
    if sql is None:
        row = "(" + ", ".join(["%s"] * len(names)) + ")"
        cols = ", ".join(f'"{c}"' for c in names)
        sql = _INSERTS[(table.name, n)] = (f'INSERT INTO "{table.name}" ({cols}) VALUES '
                                           + ", ".join([row] * n))
    values = [columns[c] for c in names]
    for k, p in procs:
        values[k] = list(map(p, values[k]))
    return sql, [v for row in zip(*values) for v in row]


def copy_rows(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    """COPY full rows (every column present) into `table` inside the caller's transaction."""
    sql, names, procs = _plan(conn.dialect, table)
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        with cursor.copy(sql) as copy:
            for r in rows:
                values = [r[n] for n in names]
                for k, p in procs:
                    values[k] = p(values[k])
                copy.write_row(values)
    finally:
        cursor.close()


def copy_columns(conn: sa.Connection, table: sa.Table, columns: dict[str, list]) -> None:
    """`copy_rows` of full rows given column by column (every column of `table` -> its
    values): the same values, converted a column at a time, no dict per row."""
    sql, names, procs = _plan(conn.dialect, table)
    values = [columns[n] for n in names]
    for k, p in procs:
        column = values[k]
        first = column[0]
        # A column of one value (the batch's time, no deletion time, not voided) converted
        # once, as `rows._bind_columns` does for SQLite: equal values of one type bind alike.
        # (Not a container: [1] == [True], and a JSON column would write them alike.)
        same = type(first) not in (dict, list) and column.count(first) == len(column) and \
            len(set(map(type, column))) == 1
        values[k] = [p(first)] * len(column) if same else list(map(p, column))
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        with cursor.copy(sql) as copy:
            for row in zip(*values):
                copy.write_row(row)
    finally:
        cursor.close()
