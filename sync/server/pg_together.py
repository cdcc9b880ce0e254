"""Statements sent to PostgreSQL together, in one round trip (psycopg 3's pipeline mode).

Each round trip a request waits on costs HQ's worker a thread switch and a fresh turn at the
GIL beside the other requests' threads, and PostgreSQL a message exchange; a push holds the
version counter's row lock (an edit: the writers' gate) across whatever round trips lie between
its first locking statement and its COMMIT (issue 18 §3). psycopg sends a transaction's BEGIN
as an exchange of its own before the first statement; in pipeline mode it goes along with it.

Also tried: the statements bound on HQ's side and sent as one string (PostgreSQL's simple
query protocol, several statements per message). It costs HQ's process less CPU than the
pipeline (~80 against ~175 µs for a transaction of two trips, measured at load ~13), but the
statements are then parsed and planned on every use where psycopg prepares the ones a
connection runs often: PostgreSQL's CPU per round rose from 2.1-2.2 to 3.1-3.3 ms and
`bench/hq_capacity.py` fell from 274-288 to 161-223 rounds/s (alternating, load 11-16).
"""

import sqlalchemy as sa


class Rows(list):
    """One statement's rows, read as from a cursor."""

    def fetchone(self):
        return self[0] if self else None

    def fetchall(self) -> list:
        return list(self)


def together(conn: sa.Connection, statements: list[tuple[str, object]], *,
             commit: bool = False, named: bool | tuple[bool, ...] = False) -> list[Rows]:
    """`statements` (driver SQL in psycopg's style, parameters) sent in ONE round trip, each
    one's rows returned (`named`: as named tuples; a tuple of flags: per statement), with the
    transaction's BEGIN when none is open yet; `commit`: the COMMIT goes along too
    (SQLAlchemy's own commit then finds nothing to do).

    The server runs the statements in order; one failing, the rest (and the COMMIT) are not
    run and the error is raised as SQLAlchemy raises a driver's error (a lock timeout still
    answers 503 `busy`, a refused row 422); the transaction is then rolled back."""
    import psycopg  # a PostgreSQL HQ's driver: not loaded by a SQLite HQ or the CLI
    from psycopg.pq import ExecStatus
    from psycopg.rows import namedtuple_row, tuple_row

    TUPLES_OK = ExecStatus.TUPLES_OK

    driver = conn.connection.driver_connection
    flags = named if isinstance(named, tuple) else (named,) * len(statements)
    cursors = [driver.cursor(row_factory=namedtuple_row if n else tuple_row) for n in flags]
    try:
        with driver.pipeline():
            for cursor, (sql, params) in zip(cursors, statements, strict=True):
                cursor.execute(sql, params)
            if commit:  # queued as a statement: psycopg's commit() would sync on its own
                driver.cursor().execute("COMMIT")
        # rows where the statement gave some (a result's status, not `description`: that
        # builds a column object per column, ~25 for a page of forms)
        return [Rows(c.fetchall() if c.pgresult is not None and
                     c.pgresult.status == TUPLES_OK else ()) for c in cursors]
    except psycopg.Error as exc:
        raise sa.exc.DBAPIError.instance(
            statements[0][0] if statements else "COMMIT", None, exc, psycopg.Error,
            connection_invalidated=driver.closed) from exc
    finally:
        for cursor in cursors:
            cursor.close()
