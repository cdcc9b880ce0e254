"""Writes: the one write transaction, and the hooks a store attaches where it is built.

A write must take SQLite's write lock when it begins (a second writer waits, it does not fail
half-way), and every write of a device store must leave its outbox entry (or sync loses it) and
its audit entry (or the chain has a hole), whichever modules happened to be imported first.
"""

import os
import subprocess
import sys
import textwrap

import pytest
import sqlcipher3

from models.reference import Campaign, Unit
from models.store.database import write_transaction
from models.store.writes import WriteSession


def _count(store, sql: str) -> int:
    with store.read() as conn:
        return conn.exec_driver_sql(sql).scalar()


def test_a_fresh_program_that_only_opens_the_store_records_outbox_and_audit(tmp_path):
    # Nothing imports the outbox or the audit module first: the store attaches them itself.
    code = textwrap.dedent(f"""
        from models.store.store import Store
        from models.reference import Unit
        store = Store.open(r"{tmp_path / 'dev'}", "pw")
        with store.write("clerk") as w:
            w.create(Unit, {{"name": "龙溪镇", "kind": "township"}})
        with store.read() as conn:
            print(conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar(),
                  conn.exec_driver_sql(
                      "SELECT count(*) FROM audit_log WHERE table_name = 'unit'").scalar())
        store.close()
    """)
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env)
    assert out.stdout.split() == ["1", "1"]


def test_the_store_runs_outbox_then_audit_whatever_the_import_order(store):
    from models.security.audit import append_to_audit
    from models.store.outbox import append_to_outbox

    assert store.write_hooks == (append_to_outbox, append_to_audit)


def test_importing_the_hook_modules_attaches_nothing(store):
    import models.security.audit  # noqa: F401
    import models.store.outbox  # noqa: F401

    audited = _count(store, "SELECT count(*) FROM audit_log")
    with write_transaction(store.engine) as conn:
        session = WriteSession(conn=conn, device_id=store.device_id, profile="clerk")
        session.create(Unit, {"name": "not through the store", "kind": "other"})
        session.run_hooks()
    assert _count(store, "SELECT count(*) FROM unit") == 1
    assert _count(store, "SELECT count(*) FROM outbox") == 0
    assert _count(store, "SELECT count(*) FROM audit_log") == audited


def test_a_write_transaction_holds_the_write_lock_from_its_start(store):
    other = store.engine.raw_connection()
    cursor = other.driver_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 50")
    try:
        # Nothing written yet in the block, and still a second writer cannot begin.
        with write_transaction(store.engine), pytest.raises(
                sqlcipher3.dbapi2.OperationalError, match="locked"):
            cursor.execute("BEGIN IMMEDIATE")
        cursor.execute("BEGIN IMMEDIATE")  # free again once the block ends
        cursor.execute("ROLLBACK")
    finally:
        cursor.execute("PRAGMA busy_timeout = 10000")
        cursor.close()
        other.close()


def test_a_write_transaction_commits_at_the_end_and_rolls_back_on_failure(store):
    with write_transaction(store.engine) as conn:
        conn.exec_driver_sql("INSERT INTO store_meta (key, value) VALUES ('kept', '1')")
    with pytest.raises(RuntimeError), write_transaction(store.engine) as conn:
        conn.exec_driver_sql("INSERT INTO store_meta (key, value) VALUES ('lost', '1')")
        raise RuntimeError("the action failed half-way")
    assert store.meta("kept") == "1"
    assert store.meta("lost") is None


def test_a_write_made_outside_store_write_is_still_noticed_by_the_window(store):
    seen = []
    store.changes.listen(seen.append)
    with store.write("clerk") as w:
        w.create(Unit, {"name": "龙溪镇", "kind": "township"})
    assert seen == [frozenset({"unit"})]  # the tables a store write changed, announced
    store.changes.changed_elsewhere()  # the baseline
    with write_transaction(store.engine) as conn:
        conn.exec_driver_sql("INSERT INTO store_meta (key, value) VALUES ('x', '1')")
    assert store.changes.changed_elsewhere()


def test_creations_of_several_tables_are_entered_in_their_order_without_binding_each(store):
    """An action creating rows of several tables (an import: its campaign, forms, opinions)
    leaves one entry per row, numbered on in the order of the creations, each table's run
    written by one statement (no executemany binding row by row)."""
    import sqlalchemy as sa

    seen: list[tuple[str, bool]] = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO outbox"):
            seen.append((statement, executemany))

    sa.event.listen(store.engine, "before_cursor_execute", listener)
    try:
        with store.write("clerk") as w:
            first = w.create_many(Unit, [{"name": f"甲{i}", "kind": "other"} for i in range(3)])
            campaigns = w.create_many(Campaign, [{"name": f"{y}年万民评议", "year": y}
                                                 for y in (2025, 2026)])
            last = w.create_many(Unit, [{"name": f"乙{i}", "kind": "other"} for i in range(2)])
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", listener)
    assert len(seen) == 3 and not any(many for _, many in seen)
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT seq, table_name, row_id, op, fields, base_version, profile FROM outbox "
            "ORDER BY seq").all()[-7:]
    seqs = [r[0] for r in rows]
    assert seqs == list(range(seqs[0], seqs[0] + 7))
    assert [tuple(r[1:]) for r in rows] == [
        (table, row_id, "insert", "", None, "clerk")
        for table, ids in (("unit", first), ("campaign", campaigns), ("unit", last))
        for row_id in ids]


def test_a_batch_of_creations_leaves_one_outbox_entry_each_in_order(store):
    """Creations only (an import's batch): one entry per row, numbered on, no base version
    (written as the NULL literal, not bound row by row), the same as entries bound one by
    one; a later edit still carries its base version."""
    import sqlalchemy as sa

    statements: list[str] = []
    listener = lambda conn, cursor, statement, *_: statements.append(statement)  # noqa: E731
    sa.event.listen(store.engine, "before_cursor_execute", listener)
    try:
        with store.write("clerk") as w:
            ids = w.create_many(Unit, [{"name": f"第{i}组", "kind": "other"} for i in range(5)])
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", listener)
    assert any(s.startswith("INSERT INTO outbox") and "NULL" in s for s in statements)
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT seq, table_name, row_id, op, fields, base_version, profile FROM outbox "
            "ORDER BY seq").all()
    seqs = [r[0] for r in rows]
    assert seqs == list(range(seqs[0], seqs[0] + len(rows)))
    assert [tuple(r[1:]) for r in rows[-5:]] == [
        ("unit", i, "insert", "", None, "clerk") for i in ids]
    with store.write("clerk") as w:
        w.update(Unit, ids[0], {"name": "改名"})
    with store.read() as conn:
        assert conn.exec_driver_sql(
            "SELECT op, fields FROM outbox ORDER BY seq DESC LIMIT 1").one() == (
            "update", '{"name":"改名"}')
