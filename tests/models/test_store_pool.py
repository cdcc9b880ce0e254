"""The store lends every use a connection of its own: a long read (a report being built) goes
on reading while other threads come and go (issue 11 §1). The store's old default pool, a
SingletonThreadPool of five, closed the connection of another thread each time a sixth thread
connected: by the third to fifth notice numbered at HQ from a thread of its own, the report
reader's connection was gone."""

import threading

import sqlalchemy as sa

from models.reference import Unit
from models.store.database import write_transaction


def test_a_report_reader_keeps_its_connection_while_other_threads_use_the_store(store):
    with store.write("clerk") as w:
        w.create_many(Unit, [{"name": f"镇 {i}", "kind": "township"} for i in range(3)])
    count = sa.select(sa.func.count()).select_from(Unit.__table__)
    with store.read() as reader:
        assert reader.execute(count).scalar() == 3
        for _ in range(40):  # e.g. one short-lived thread per notice numbered at HQ
            other = threading.Thread(target=store.meta, args=("demo",))
            other.start()
            other.join()
        assert reader.execute(count).scalar() == 3


def test_a_transaction_after_a_write_gets_the_connection_that_wrote_with_its_cache(store):
    """A connection whose page cache another connection's commit made stale reads (and
    SQLCipher decrypts) every page again: the store hands out the connection used last, so a
    sync round's read after its write, or the window's next read, starts warm."""
    held = [store.engine.connect() for _ in range(3)]  # the window's lanes, a report, a sync
    for conn in held:
        conn.exec_driver_sql("SELECT 1")
    for conn in held:
        conn.close()
    with write_transaction(store.engine) as conn:
        conn.exec_driver_sql("INSERT INTO store_meta (key, value) VALUES ('pool', '1')")
        wrote = conn.connection.driver_connection
    for _ in range(3):
        with store.read() as conn:
            assert conn.connection.driver_connection is wrote
