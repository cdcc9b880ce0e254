"""A store upgraded to migration 0008 gains the office settings (issue 14 §5), keeps what it
held, and reads the defaults until HQ's record arrives."""

import sqlalchemy as sa
from alembic import command

from models.office_settings import read_office_settings, save_office_settings
from models.store.schema import HEAD, alembic_config
from models.store.store import Store
from tests.conftest import PASSPHRASE


def test_a_0007_store_upgrades_and_reads_the_default_office_settings(data_dir):
    fresh = Store.open(data_dir, PASSPHRASE)
    with fresh.engine.begin() as conn:
        for name in sa.inspect(conn).get_table_names():
            conn.exec_driver_sql(f'DROP TABLE "{name}"')
    with fresh.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0007")
        assert "office_settings" not in sa.inspect(conn).get_table_names()
        conn.exec_driver_sql(
            "INSERT INTO unit (id, created_at, updated_at, created_device, created_by, "
            "updated_device, updated_by, name, kind) VALUES ('u1', '2026-01-01 00:00:00.000000',"
            " '2026-01-01 00:00:00.000000', 'd', 'c', 'd', 'c', '旧单位', 'other')")
    fresh.close()
    upgraded = Store.open(data_dir, PASSPHRASE)
    with upgraded.read() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        assert conn.exec_driver_sql("SELECT name FROM unit WHERE id='u1'").scalar() == "旧单位"
        settings = read_office_settings(conn)
    assert (settings["default_deadline_days"], settings["due_soon_days"],
            settings["accountability_threshold"], settings["prefix_criticism"]) == (30, 7, 3, "")
    with upgraded.write("hq") as w:  # never enrolled: a standalone office is its own HQ
        save_office_settings(w, {"issuer_name": "某某县纪委监委", "default_deadline_days": 20})
    with upgraded.read() as conn:
        assert read_office_settings(conn)["default_deadline_days"] == 20
        queued = conn.exec_driver_sql("SELECT table_name, op FROM outbox").all()
    assert [tuple(q) for q in queued] == [("office_settings", "insert")]
    upgraded.close()
