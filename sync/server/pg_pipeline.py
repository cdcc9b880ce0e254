"""Statements sent to PostgreSQL together, in one round trip (psycopg 3's pipeline mode).

Each round trip a request waits on costs HQ's worker a thread switch and a fresh turn at the
GIL beside the other requests' threads, and PostgreSQL a message exchange; a push holds the
version counter's row lock across whatever round trips lie between its stamping statement and
its COMMIT (issue 18 §3). psycopg sends a transaction's BEGIN lazily, as an exchange of its
own before the first statement; a first statement sent here takes its BEGIN along instead.
"""

import sqlalchemy as sa


def pipelined(conn: sa.Connection, statements: list[tuple[str, object]], *,
              commit: bool = False, named: bool = False) -> list:
    """`statements` (driver SQL, parameters) sent in ONE round trip, their cursors returned
    with the results in hand (`named`: rows as named tuples); `commit`: the transaction's
    COMMIT sent in the same round trip (SQLAlchemy's own commit then finds nothing to do).

    The server runs the statements in order; one failing, the rest (and the COMMIT) are
    skipped and the first error is raised as SQLAlchemy raises a driver's error (a lock
    timeout still answers 503 `busy`, a refused row 422), the transaction rolled back."""
    import psycopg  # a PostgreSQL HQ's driver: not loaded by a SQLite HQ or the CLI
    from psycopg.rows import namedtuple_row, tuple_row

    driver = conn.connection.driver_connection
    factory = namedtuple_row if named else tuple_row
    cursors = [driver.cursor(row_factory=factory) for _ in statements]
    try:
        with driver.pipeline():
            for cursor, (sql, params) in zip(cursors, statements, strict=True):
                cursor.execute(sql, params)
            if commit:
                driver.cursor().execute("COMMIT")
    except psycopg.Error as exc:
        raise sa.exc.DBAPIError.instance(
            statements[0][0], statements[0][1], exc, psycopg.Error,
            connection_invalidated=driver.closed) from exc
    return cursors
