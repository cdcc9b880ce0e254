import sqlite3

import pytest
import sqlalchemy as sa

from models.errors import StoreLockedError, StoreTooNewError
from models.reference import Unit
from models.store.schema import HEAD, alembic_config, upgrade
from models.store.store import Store
from tests.conftest import PASSPHRASE


def test_store_is_encrypted_at_rest(store, data_dir):
    with store.write("clerk") as w:
        w.create(Unit, {"name": "白泥镇-canary-unit", "kind": "township"})
    store.close()
    raw = (data_dir / "fieldinspect.db").read_bytes()
    assert b"canary" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(data_dir / "fieldinspect.db").execute("SELECT * FROM unit").fetchall()


def test_wrong_passphrase_is_a_clear_message(store, data_dir):
    store.close()
    with pytest.raises(StoreLockedError, match="Wrong passphrase"):
        Store.open(data_dir, "not it")
    with pytest.raises(StoreLockedError, match="locked"):
        Store.open(data_dir, None)


def test_reopen_keeps_records_and_device_id(store, data_dir):
    with store.write("clerk") as w:
        unit_id = w.create(Unit, {"name": "县社保中心", "kind": "department"})
    device_id = store.device_id
    store.close()
    again = Store.open(data_dir, PASSPHRASE)
    with again.read() as conn:
        assert conn.execute(sa.text("SELECT name FROM unit WHERE id=:i"), {"i": unit_id}).scalar()
    assert again.device_id == device_id
    again.close()


def test_every_change_goes_to_the_outbox_in_the_same_transaction(store):
    with store.write("clerk") as w:
        unit_id = w.create(Unit, {"name": "龙溪镇", "kind": "township"})
        w.update(Unit, unit_id, {"name": "龙溪镇人民政府"})
        w.update(Unit, unit_id, {"name": "龙溪镇人民政府"})  # no change, no entry
    with pytest.raises(RuntimeError), store.write("clerk") as w:
        w.create(Unit, {"name": "rolled back", "kind": "other"})
        raise RuntimeError("the action failed half-way")
    with store.write("clerk") as w:
        w.delete(Unit, unit_id)
    with store.read() as conn:
        entries = conn.exec_driver_sql(
            "SELECT seq, op, fields, profile FROM outbox ORDER BY seq").all()
        names = conn.exec_driver_sql("SELECT name, deleted_at FROM unit").all()
    assert [(e.seq, e.op) for e in entries] == [(1, "insert"), (2, "update"), (3, "delete")]
    assert '"name":"龙溪镇人民政府"' in entries[1].fields
    assert entries[0].profile == "clerk"
    assert len(names) == 1 and names[0].deleted_at is not None  # a tombstone, not a delete


def test_old_store_is_migrated_in_place(data_dir):
    """A store made at the first migration opens with the current app and keeps its records."""
    fresh = Store.open(data_dir, PASSPHRASE)
    from alembic import command

    with fresh.engine.begin() as conn:
        for name in sa.inspect(conn).get_table_names():
            conn.exec_driver_sql(f'DROP TABLE "{name}"')
    with fresh.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
    with fresh.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO unit (id, created_at, updated_at, created_device, created_by, "
            "updated_device, updated_by, name, kind) VALUES ('u1', '2024-01-01 00:00:00.000000',"
            " '2024-01-01 00:00:00.000000', 'd', 'c', 'd', 'c', '旧单位', 'other')")
    fresh.close()
    reopened = Store.open(data_dir, PASSPHRASE)
    with reopened.read() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        assert conn.exec_driver_sql("SELECT name FROM unit WHERE id='u1'").scalar() == "旧单位"
    reopened.close()


def test_store_newer_than_the_app_is_refused(store, data_dir):
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    store.close()
    with pytest.raises(StoreTooNewError, match="newer FieldInspect"):
        Store.open(data_dir, PASSPHRASE)


def test_head_matches_alembic():
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD
    assert upgrade  # the in-place upgrade entry point exists


def test_write_path_meta_columns_are_the_synced_row_fields():
    """models.coltypes spells out SyncedRow's fields so the store opens without SQLModel."""
    from models.base import SyncedRow
    from models.coltypes import META_COLUMNS

    assert frozenset(SyncedRow.model_fields) == META_COLUMNS


def test_store_opens_without_sqlmodel(store, data_dir):
    """What the window does before its first page (open the store, list the profiles, ask
    how the idle lock unlocks) imports no SQLModel, pydantic or ORM: ~0.3 s of a cold start."""
    import os
    import subprocess
    import sys

    from models.profiles import acting_profile

    acting_profile(store, None)  # the first profile is made (that write imports the tables)
    store.close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from models.profiles import acting_profile, list_profiles\n"
        "from models.security.relock import unlock_secret_kind\n"
        "from models.store.store import Store\n"
        f"store = Store.open(Path({str(data_dir)!r}), {PASSPHRASE!r})\n"
        "unlock_secret_kind(store, acting_profile(store, None))\n"
        "list_profiles(store)\n"
        "print(sorted(m for m in ('sqlmodel', 'pydantic', 'sqlalchemy.orm') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=os.environ, check=True).stdout
    assert out.strip() == "[]"



def test_absent_values_are_stored_as_null(store):
    """None is bound through an adapter of its own (models/store/database.py, for speed): what
    is stored is still NULL, never text or zero, in a bulk insert and a single one."""
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("CREATE TEMP TABLE absent (a, b, c)")
        raw.executemany("INSERT INTO absent VALUES (?, ?, ?)", [(i, None, None) for i in range(500)])
        raw.execute("INSERT INTO absent VALUES (?, ?, ?)", (500, None, 0))
        kinds = raw.execute("SELECT typeof(b), typeof(c), count(*) FROM absent GROUP BY 1, 2 "
                            "ORDER BY 3").fetchall()
    assert kinds == [("null", "integer", 1), ("null", "null", 500)]
