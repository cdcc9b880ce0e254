"""The tests' fresh stores (tests/schema_template.py replays the first one's migrated schema)
have exactly the schema the real migration chains make, on a device and at a SQLite HQ."""

from models.store import schema
from models.store.store import Store
from sync.server import db as server_db
from tests.schema_template import REAL, snapshot


def _open_twice(tmp_path, name, opener):
    """The second fresh store of the process is certainly a replayed one."""
    opener(tmp_path / f"{name}-1").close()
    return opener(tmp_path / f"{name}-2")


# Tables whose rows a migration writes (the revision, the shipped checklists); the others hold
# what opening a store writes (its audit chain, its identity), different in every store.
SHIPPED = ("alembic_version", "sync_alembic_version", "checklist_template", "checklist_item")


def _shipped(engine):
    rows = dict(snapshot(engine).rows)
    assert rows.get("checklist_item"), "the shipped checklists are in every new store"
    return {name: sorted(rows.get(name, ())) for name in SHIPPED}


def _hq(path):
    return server_db.open_server_db(f"sqlite:///{path}", blob_dir=path / "blobs",
                                    passphrase="pw")


def test_a_replayed_device_store_has_the_schema_of_the_migration_chain(tmp_path, monkeypatch):
    replayed = _open_twice(tmp_path, "replayed", lambda d: Store.open(d, "pw"))
    monkeypatch.setattr(schema, "upgrade", REAL["upgrade"])
    migrated = Store.open(tmp_path / "migrated", "pw")
    try:
        assert sorted(snapshot(replayed.engine).objects) == sorted(snapshot(migrated.engine).objects)
        # The rows a migration writes (the shipped checklists) are there too.
        assert _shipped(replayed.engine) == _shipped(migrated.engine)
        with replayed.read() as a, migrated.read() as b:
            assert schema.current_revision(a) == schema.current_revision(b) == schema.HEAD
    finally:
        replayed.close()
        migrated.close()


def test_a_replayed_sqlite_hq_has_the_schema_of_both_chains(tmp_path, monkeypatch):
    replayed = _open_twice(tmp_path, "replayed", _hq)
    monkeypatch.setattr(schema, "upgrade", REAL["upgrade"])
    monkeypatch.setattr(server_db, "_migrate_both", REAL["migrate_both"])
    migrated = _hq(tmp_path / "migrated")
    try:
        assert sorted(snapshot(replayed.engine).objects) == sorted(snapshot(migrated.engine).objects)
        assert _shipped(replayed.engine) == _shipped(migrated.engine)
        with replayed.engine.connect() as a, migrated.engine.connect() as b:
            version = "SELECT version_num FROM sync_alembic_version"
            assert a.exec_driver_sql(version).scalar() == b.exec_driver_sql(version).scalar()
    finally:
        replayed.close()
        migrated.close()
