"""Statements sent to PostgreSQL together, in one round trip: one query string.

Each round trip a request waits on costs HQ's worker a thread switch and a fresh turn at the
GIL beside the other requests' threads, and PostgreSQL a message exchange; a push holds the
version counter's row lock (an edit: the writers' gate) across whatever round trips lie between
its first locking statement and its COMMIT (issue 18 §3). psycopg sends a transaction's BEGIN
as an exchange of its own before the first statement; `together` sends it in the same string.

How: the statements' parameters are bound on HQ's side (psycopg's `ClientCursor.mogrify`,
its own quoting of every value) and the string goes by PostgreSQL's simple query protocol,
which runs several statements in order and answers each. psycopg's pipeline mode was measured
first: the same two round trips per transaction cost ~175 µs of HQ's CPU against ~90 µs for
four plain ones (its machinery is Python), ~80 µs this way (load ~13, 3,000 transactions).
"""

import sqlalchemy as sa


class Rows(list):
    """One statement's rows, read as from a cursor."""

    def fetchone(self):
        return self[0] if self else None

    def fetchall(self) -> list:
        return list(self)


def together(conn: sa.Connection, statements: list[tuple[str, object]], *,
             commit: bool = False, named: bool = False) -> list[Rows]:
    """`statements` (driver SQL in psycopg's style, parameters) sent in ONE round trip, each
    one's rows returned (`named`: as named tuples). The transaction's BEGIN goes along when
    none is open yet (with the isolation level SQLAlchemy set on the connection); `commit`:
    the COMMIT goes along too (SQLAlchemy's own commit then finds nothing to do).

    The server runs the statements in order; one failing, the rest (and the COMMIT) are not
    run and the error is raised as SQLAlchemy raises a driver's error (a lock timeout still
    answers 503 `busy`, a refused row 422); the transaction is then rolled back."""
    import psycopg  # a PostgreSQL HQ's driver: not loaded by a SQLite HQ or the CLI
    from psycopg.rows import namedtuple_row, tuple_row

    driver = conn.connection.driver_connection
    cursor = psycopg.ClientCursor(driver, row_factory=namedtuple_row if named else tuple_row)
    opening = driver.pgconn.transaction_status == psycopg.pq.TransactionStatus.IDLE
    parts = [_begin(driver)] if opening else []
    parts.extend(cursor.mogrify(sql, params) for sql, params in statements)
    if commit:
        parts.append("COMMIT")
    try:
        if opening:  # the BEGIN is in the string: psycopg must not send one of its own
            driver.autocommit = True
        try:
            cursor.execute("; ".join(parts))
            answers = []
            while True:
                answers.append(Rows(cursor.fetchall() if cursor.description else ()))
                if not cursor.nextset():
                    break
        finally:
            psycopg_opens_transactions(driver)
    except psycopg.Error as exc:
        raise sa.exc.DBAPIError.instance(
            parts[0], None, exc, psycopg.Error,
            connection_invalidated=driver.closed) from exc
    finally:
        cursor.close()
    return answers[1 if opening else 0:len(answers) - (1 if commit else 0)]


def _begin(driver) -> str:
    level = driver.isolation_level
    return "BEGIN" if level is None else f"BEGIN ISOLATION LEVEL {level.name.replace('_', ' ')}"


def psycopg_opens_transactions(driver) -> None:
    """psycopg sends BEGIN itself again from the next transaction on. It refuses the switch
    inside a transaction: one that `together` opened and left open is finished by
    SQLAlchemy's commit or rollback, and SQLAlchemy's reset of the connection's isolation
    level when the request's connection goes back to the pool switches it (`db.py` makes
    sure of it at check-in as well)."""
    import psycopg

    if driver.autocommit and driver.pgconn.transaction_status == psycopg.pq.TransactionStatus.IDLE:
        driver.autocommit = False
