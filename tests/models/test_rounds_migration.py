"""Migration 0023 (issue 16 §1): a representative's free-text township becomes a reference to
its township unit where exactly one live township has that name; the text stays readable."""

import sqlalchemy as sa
from alembic import command

from models.store.schema import HEAD, alembic_config
from models.store.store import Store
from tests.conftest import PASSPHRASE

_ROW = "id, created_at, updated_at, created_device, created_by, updated_device, updated_by"
_STAMP = "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 'd', 'c', 'd', 'c'"


def test_a_0017_store_maps_each_representatives_township_by_name(data_dir):
    fresh = Store.open(data_dir, PASSPHRASE)
    with fresh.engine.begin() as conn:
        for name in sa.inspect(conn).get_table_names():
            conn.exec_driver_sql(f'DROP TABLE "{name}"')
    with fresh.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0017")
        for uid, name, kind in [("t1", "白泥镇", "township"), ("t2", "龙溪镇", "township"),
                                ("t3", "龙溪镇", "township"), ("s1", "白泥镇", "school")]:
            conn.exec_driver_sql(f"INSERT INTO unit ({_ROW}, name, kind) "
                                 f"VALUES ('{uid}', {_STAMP}, '{name}', '{kind}')")
        for rid, township in [("r1", "白泥镇"), ("r2", "龙溪镇"), ("r3", "敖溪镇"), ("r4", "")]:
            conn.exec_driver_sql(f"INSERT INTO representative ({_ROW}, name, kind, township, "
                                 f"phone) VALUES ('{rid}', {_STAMP}, '代表', 'deputy', "
                                 f"'{township}', '')")
    fresh.close()
    upgraded = Store.open(data_dir, PASSPHRASE)
    with upgraded.read() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        rows = dict(conn.exec_driver_sql(
            "SELECT id, township_unit_id FROM representative").all())
        kept = conn.exec_driver_sql("SELECT township FROM representative WHERE id = 'r2'")
        assert kept.scalar() == "龙溪镇"
    upgraded.close()
    # 白泥镇: one township (the school of that name is not one); 龙溪镇: two, left for HQ
    assert rows == {"r1": "t1", "r2": None, "r3": None, "r4": None}
