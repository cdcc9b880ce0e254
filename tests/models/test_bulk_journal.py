"""A bulk write (an import's file) through the driver commits through a rollback journal when
the store has no other connection open (models/store/driver.py `_rollback_journal`): its pages
are written once into the store instead of into the write-ahead log and again by its
checkpoint. It is as durable (synchronous EXTRA), nothing is written in the clear, and the
store is in WAL again after, whatever happened."""

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from models.errors import ValidationError
from models.store import database
from models.store.bulk_tables import CAMPAIGN
from models.store.store import Store

SECRET = "绝密评议甲乙丙丁" * 8  # text that must never reach the disk in the clear


def _campaign(name: str, cid: str | None = None) -> dict:
    return {"id": cid or f"c-{name[:20]}", "name": name, "year": 2026}


def _mode(conn) -> tuple[str, int]:
    return (conn.exec_driver_sql("PRAGMA journal_mode").scalar(),
            conn.exec_driver_sql("PRAGMA synchronous").scalar())


@pytest.fixture
def store(tmp_path):
    Store.open(tmp_path / "dev", "pw").close()  # made (and migrated) by an earlier command
    s = Store.open(tmp_path / "dev", "pw", driver_only=True)
    yield s
    s.close()


def test_a_bulk_write_alone_goes_through_a_rollback_journal_and_the_store_is_wal_after(store):
    with store.write("admin", bulk=True) as w:
        assert _mode(w.conn) == ("delete", 3)  # EXTRA: the folder synced after the journal
        w.create_many(CAMPAIGN, [_campaign(f"评议{i}") for i in range(50)])
    with store.read() as conn:
        assert _mode(conn) == ("wal", 2)  # the same connection, given back in WAL with FULL
        assert conn.exec_driver_sql("SELECT count(*) FROM campaign").scalar() == 50
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 50
    assert not (store.data_dir / "fieldinspect.db-journal").exists()
    with store.write("admin") as w:  # an ordinary write stays in WAL
        assert _mode(w.conn) == ("wal", 2)


def test_a_failed_bulk_write_leaves_nothing_and_the_store_in_wal(store):
    with pytest.raises(ValidationError), store.write("admin", bulk=True) as w:
        w.create(CAMPAIGN, _campaign("甲"))
        w.create(CAMPAIGN, _campaign("x" * 10_000))  # longer than a name holds
    with store.read() as conn:
        assert _mode(conn) == ("wal", 2)
        assert conn.exec_driver_sql("SELECT count(*) FROM campaign").scalar() == 0


def test_with_another_connection_open_a_bulk_write_stays_in_wal(store):
    other = database._connect_factory(store.data_dir / "fieldinspect.db", store.data_key)()
    try:
        other.execute("SELECT count(*) FROM campaign").fetchone()
        with store.write("admin", bulk=True) as w:
            assert _mode(w.conn) == ("wal", 2)
            w.create(CAMPAIGN, _campaign("甲"))
        assert other.execute("SELECT count(*) FROM campaign").fetchone()[0] == 1
    finally:
        other.close()


def test_the_journal_of_a_bulk_write_holds_nothing_in_the_clear(store):
    with store.write("admin") as w:  # a page holding the text, there before the bulk write
        w.create(CAMPAIGN, _campaign(SECRET, "c-secret"))
    journal = store.data_dir / "fieldinspect.db-journal"
    with store.write("admin", bulk=True) as w:
        # changing that page puts its old content in the journal, written before the store
        w.conn.exec_driver_sql("UPDATE campaign SET name = name || '改' WHERE id = 'c-secret'")
        w.create_many(CAMPAIGN, [_campaign(f"评议{i}") for i in range(200)])
        w.conn.exec_driver_sql("PRAGMA cache_spill = 1")
        w.conn.exec_driver_sql("PRAGMA shrink_memory")
        assert journal.exists() and journal.stat().st_size > 0
        held = journal.read_bytes()
        assert SECRET.encode() not in held and b"SQLite format 3" not in held
    assert SECRET.encode() not in (store.data_dir / "fieldinspect.db").read_bytes()


def test_a_store_opened_during_a_bulk_write_waits_and_opens_in_wal(store):
    opened: list = []

    def open_other() -> None:
        conn = database._connect_factory(store.data_dir / "fieldinspect.db", store.data_key)()
        opened.append(conn.execute("PRAGMA journal_mode").fetchone()[0])
        opened.append(conn.execute("SELECT count(*) FROM campaign").fetchone()[0])
        conn.close()

    with store.write("admin", bulk=True) as w:
        assert _mode(w.conn)[0] == "delete"
        w.create_many(CAMPAIGN, [_campaign(f"评议{i}") for i in range(20)])
        thread = threading.Thread(target=open_other)
        thread.start()
        thread.join(0.3)
        assert thread.is_alive()  # held off until the import is done, not failed
    thread.join(10)
    assert opened == ["wal", 20]


def test_a_process_killed_inside_a_bulk_write_leaves_the_store_as_it_was(tmp_path):
    data = tmp_path / "dev"
    Store.open(data, "pw", driver_only=True).close()
    child = textwrap.dedent(f"""
        import os
        from models.store.bulk_tables import CAMPAIGN
        from models.store.store import Store
        store = Store.open({str(data)!r}, "pw", driver_only=True)
        with store.write("admin", bulk=True) as w:
            w.create_many(CAMPAIGN, [{{"id": f"c-{{i}}", "name": f"评议{{i}}", "year": 2026}}
                                     for i in range(3000)])
            w.conn.exec_driver_sql("PRAGMA cache_size = 10")  # pages spilled into the store
            w.conn.exec_driver_sql("UPDATE campaign SET year = 2027")
            assert os.path.exists({str(data / "fieldinspect.db-journal")!r})
            os._exit(9)
    """)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", child], cwd=root, env=dict(os.environ),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 9, done.stderr
    store = Store.open(data, "pw", driver_only=True)
    try:
        with store.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM campaign").scalar() == 0
            assert _mode(conn) == ("wal", 2)
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        store.close()
    assert not (data / "fieldinspect.db-journal").exists()
