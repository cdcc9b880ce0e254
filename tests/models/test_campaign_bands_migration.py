"""A store upgraded to migration 0016 keeps its campaigns, each with the default bands and
points (先进 10 %, 末位 3, 10 points for 100), and ranks its units within categories at once
(issue 15 §2)."""

import sqlalchemy as sa
from alembic import command

from models.rankings import band_settings
from models.store.schema import HEAD, alembic_config
from models.store.store import Store
from tests.conftest import PASSPHRASE

_ROW = ("id, created_at, updated_at, created_device, created_by, updated_device, updated_by")
_STAMP = "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 'd', 'c', 'd', 'c'"


def test_a_0011_store_upgrades_with_the_default_bands(data_dir):
    fresh = Store.open(data_dir, PASSPHRASE)
    with fresh.engine.begin() as conn:
        for name in sa.inspect(conn).get_table_names():
            conn.exec_driver_sql(f'DROP TABLE "{name}"')
    with fresh.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0011")
        assert "band_top_percent" not in {c["name"] for c in
                                          sa.inspect(conn).get_columns("campaign")}
        conn.exec_driver_sql(
            f"INSERT INTO campaign ({_ROW}, name, year, weight_satisfied, "
            "weight_fairly_satisfied, weight_basically_satisfied, weight_dissatisfied, "
            f"min_sample, is_open) VALUES ('c1', {_STAMP}, '2025年万民评议', 2025, 100, 80, 60, "
            "0, 30, 1)")
    fresh.close()
    upgraded = Store.open(data_dir, PASSPHRASE)
    with upgraded.read() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        assert band_settings(conn, "c1") == {"band_top_percent": 10.0, "band_bottom_count": 3,
                                             "appraisal_points": 10.0}
    upgraded.close()
