"""A store upgraded to migration 0008 gains the office settings (issue 14 §5), keeps what it
held, and reads the defaults until HQ's record arrives."""

import sqlalchemy as sa
from alembic import command

from models.office_settings import (
    OFFICE_SETTINGS_ID,
    read_office_settings,
    save_office_settings,
)
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


def test_a_0024_store_upgrades_keeping_its_office_settings_with_no_signer(data_dir):
    """Migration 0025: the signer (签发人) and the work report's prefix arrive empty, so the
    work report falls back as before; what HQ had set stays."""
    fresh = Store.open(data_dir, PASSPHRASE)
    with fresh.engine.begin() as conn:
        for name in sa.inspect(conn).get_table_names():
            conn.exec_driver_sql(f'DROP TABLE "{name}"')
    with fresh.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0024")
        columns = {c["name"] for c in sa.inspect(conn).get_columns("office_settings")}
        assert "signer" not in columns
        conn.exec_driver_sql(
            "INSERT INTO office_settings (id, created_at, updated_at, created_device, "
            "created_by, updated_device, updated_by, issuer_name, prefix_criticism, "
            "prefix_assignment, prefix_reminder, prefix_visit_round, prefix_exposure, hotline, "
            "email, default_deadline_days, due_soon_days, accountability_threshold) VALUES "
            f"('{OFFICE_SETTINGS_ID}', '2026-01-01 00:00:00.000000', "
            "'2026-01-01 00:00:00.000000', 'd', 'c', 'd', 'c', '某某县纪委监委', '某纪通', '', "
            "'', '', '', '12388', '', 20, 7, 3)")
    fresh.close()
    upgraded = Store.open(data_dir, PASSPHRASE)
    with upgraded.read() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        settings = read_office_settings(conn)
    assert (settings["signer"], settings["prefix_work_report"]) == ("", "")
    assert (settings["issuer_name"], settings["prefix_criticism"],
            settings["default_deadline_days"]) == ("某某县纪委监委", "某纪通", 20)
    with upgraded.write("hq") as w:
        save_office_settings(w, {"signer": "王五"})
    with upgraded.read() as conn:
        assert read_office_settings(conn)["signer"] == "王五"
    upgraded.close()
