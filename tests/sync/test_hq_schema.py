"""HQ's database holds the record tables without what only a device needs (HQ migration
s0009): no counting triggers or tallies on a SQLite HQ, and on the forms only the indexes HQ
reads by. An HQ made before keeps its forms, loses the counts at its next open, and pushes
and its statistics work as before."""

import time

import sqlalchemy as sa
from alembic import command

from models.records import Evaluation
from models.stats import Filters, county_stats, duplicate_form_numbers
from models.store.store import Store
from sync.server import checkpoint
from sync.server import db as server_db
from tests.sync.helpers import PASSPHRASE, Hq, form, run, seed_reference

HQ_FORM_INDEXES = {"ix_evaluation_form_no", "ix_evaluation_server_version"}


def _form_indexes(conn: sa.Connection) -> set[str]:
    return {i["name"] for i in sa.inspect(conn).get_indexes("evaluation")}


def _triggers(conn: sa.Connection) -> list[str]:
    return [r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")]


def test_hq_keeps_no_device_counts_and_only_the_form_indexes_it_reads_by(hq):
    with hq.db.engine.connect() as conn:
        assert _form_indexes(conn) == HQ_FORM_INDEXES
        if hq.db.is_sqlite:
            assert _triggers(conn) == []
            assert not sa.inspect(conn).has_table("form_tally")
            assert not sa.inspect(conn).has_table("duplicate_form_no")
    # A device's store keeps both (its figures read them).
    dev = hq.device("hq")
    with dev.store.read() as conn:
        assert _form_indexes(conn) > HQ_FORM_INDEXES
        assert "evaluation_tally_insert" in _triggers(conn)


def test_an_hq_made_before_loses_the_counts_and_pushes_on(tmp_path):
    old = tmp_path / "hq-server"
    # As HQ's SQLite store was made before s0009: the models' chain run as a device's.
    store = Store.open(old, PASSPHRASE)
    with store.engine.begin() as conn:
        command.upgrade(server_db.alembic_config(conn), "s0008")
    store.close()
    hq = Hq.start(f"sqlite:///{old}", tmp_path)
    try:
        with hq.db.engine.connect() as conn:
            assert _triggers(conn) == []
            assert _form_indexes(conn) == HQ_FORM_INDEXES
        dev = hq.device("hq")
        ids = seed_reference(dev)
        with dev.write() as w:
            w.create_many(Evaluation, [form(ids, f"N{i}") for i in range(100)]
                          + [form(ids, "N7"), form(ids, "N8", level="dissatisfied",
                                                   reason="slow")])
        run(dev.engine.sync())
        assert len(hq.rows("evaluation")) == 102
        # The statistics still answer on HQ's database, from the forms.
        with hq.db.engine.connect() as conn:
            figures = county_stats(conn, campaign_id=ids["campaign"])["evaluations"]
            assert figures["total"] == 102
            assert duplicate_form_numbers(conn, Filters(campaign_id=ids["campaign"])) == 2
    finally:
        hq.close()


def test_a_sqlite_hq_checkpoints_its_wal_off_the_pushing_request(tmp_path):
    """The request's commit does not copy the WAL into the database (its automatic checkpoint
    is off); HQ's checkpointer does it after the push, and every form is there after HQ is
    closed and opened again."""
    hq = Hq.start(f"sqlite:///{tmp_path / 'hq-server'}", tmp_path)
    try:
        with hq.db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        dev = hq.device("hq")
        ids = seed_reference(dev)
        with dev.write() as w:
            w.create_many(Evaluation, [form(ids, f"W{i}") for i in range(2000)])
        before = hq.db.checkpointer.done
        run(dev.engine.sync())
        deadline = time.monotonic() + 30
        while hq.db.checkpointer.done == before and time.monotonic() < deadline:
            time.sleep(0.02)
        assert hq.db.checkpointer.done > before
        with hq.db.engine.connect() as conn:  # nothing left to copy: the checkpointer did it
            _busy, logged, copied = conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
            assert logged == copied
    finally:
        hq.close()
    again = Hq.start(f"sqlite:///{tmp_path / 'hq-server'}", tmp_path)
    try:
        assert len(again.rows("evaluation")) == 2000
    finally:
        again.close()


def test_small_writes_wait_for_company_and_a_push_batch_is_checkpointed_at_once(
        tmp_path, monkeypatch):
    monkeypatch.setattr(checkpoint, "IDLE", 60.0)
    store = Store.open(tmp_path / "store", PASSPHRASE)
    checkpointer = checkpoint.Checkpointer(store.engine)
    try:
        checkpointer.committed(1)  # a one-record round
        time.sleep(0.3)
        assert checkpointer.done == 0
        checkpointer.committed(checkpoint.BIG)  # a push batch
        deadline = time.monotonic() + 30
        while checkpointer.done == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert checkpointer.done == 1
    finally:
        checkpointer.close()
        store.close()
