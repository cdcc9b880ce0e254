"""A store's connection keeps its statements prepared after it has run hundreds of others.

sqlcipher3's statement cache (128 by default) throws out, once full, the statement added last:
a save or a sync round that came after a few hundred other queries then parsed each of its
statements again on every run (~1.5 ms more CPU a sync round: one record from device A to
device B 10.3 ms instead of 8.4, issue 18). `models.store.database.STATEMENT_CACHE` keeps
enough of them, and a new store's migrations leave no connection holding theirs."""

import ctypes

from models.reference import Unit
from models.store.snapshot_file import _library

SQLITE_STMTSTATUS_RUN = 6
OTHER_QUERIES = 300
SAVES = 10


def _runs_by_statement(raw) -> dict[str, int]:
    """Every statement `raw` holds prepared (by its SQL) and how often it has run (the most,
    where the same SQL is held twice)."""
    library = _library()
    lib = library.lib
    lib.sqlite3_next_stmt.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    lib.sqlite3_next_stmt.restype = ctypes.c_void_p
    lib.sqlite3_sql.argtypes = [ctypes.c_void_p]
    lib.sqlite3_sql.restype = ctypes.c_char_p
    lib.sqlite3_stmt_status.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
    lib.sqlite3_stmt_status.restype = ctypes.c_int
    handle, statement, runs = library.handle(raw), None, {}
    while statement := lib.sqlite3_next_stmt(handle, statement):
        sql = lib.sqlite3_sql(statement).decode()
        runs[sql] = max(runs.get(sql, 0), lib.sqlite3_stmt_status(
            statement, SQLITE_STMTSTATUS_RUN, 0))
    return runs


def test_a_new_store_does_not_keep_its_migrations_statements(tmp_path, monkeypatch):
    from models.store import schema
    from models.store.store import Store
    from tests import schema_template
    from tests.conftest import PASSPHRASE

    if "upgrade" in schema_template.REAL:  # the real chain, not the tests' replayed template
        monkeypatch.setattr(schema, "upgrade", schema_template.REAL["upgrade"])
    store = Store.open(tmp_path / "device", PASSPHRASE)
    try:
        with store.engine.connect() as conn:
            held = _runs_by_statement(conn.connection.driver_connection)
    finally:
        store.close()
    # A new store's migrations run a few hundred statements once each: a connection that
    # kept them in its cache would start with a cache full of statements never run again.
    assert not [sql for sql in held if sql.startswith(("CREATE ", "DROP ", "ALTER "))]


def test_a_save_after_hundreds_of_other_queries_keeps_its_statements_prepared(store):
    with store.write("clerk") as w:
        uid = w.create(Unit, {"name": "第一中学"})
    assert store.engine.pool.checkedin() == 1  # one connection: the one every checkout gets
    with store.engine.connect() as conn:  # a window that has run many different queries
        for k in range(OTHER_QUERIES):
            conn.exec_driver_sql(f"SELECT {k} + count(*) FROM unit").scalar()
    for i in range(SAVES):
        with store.write("clerk") as w:
            w.update(Unit, uid, {"name": f"第一中学{i}"})
    assert store.engine.pool.checkedin() == 1
    with store.engine.connect() as conn:
        runs = _runs_by_statement(conn.connection.driver_connection)
    updates = {sql: n for sql, n in runs.items() if sql.startswith("UPDATE unit ")}
    assert updates, sorted(runs)
    # Each save ran its UPDATE on the statement prepared at the first: none was parsed again.
    assert max(updates.values()) >= SAVES, updates
