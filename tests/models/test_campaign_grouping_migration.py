"""A store upgraded to migration 0021 keeps its campaigns ranked within their appraisal
categories, as they were before the switch existed (issue 15 §2)."""

import sqlalchemy as sa
from alembic import command

from models.rankings import grouped_by_category
from models.store.schema import HEAD, alembic_config
from models.store.store import Store
from tests.conftest import PASSPHRASE
from tests.models.test_campaign_bands_migration import _ROW, _STAMP


def test_a_0017_store_upgrades_with_its_campaigns_grouped_by_category(data_dir):
    fresh = Store.open(data_dir, PASSPHRASE)
    with fresh.engine.begin() as conn:
        for name in sa.inspect(conn).get_table_names():
            conn.exec_driver_sql(f'DROP TABLE "{name}"')
    with fresh.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0017")
        assert "rank_by_category" not in {c["name"] for c in
                                          sa.inspect(conn).get_columns("campaign")}
        conn.exec_driver_sql(
            f"INSERT INTO campaign ({_ROW}, name, year, weight_satisfied, "
            "weight_fairly_satisfied, weight_basically_satisfied, weight_dissatisfied, "
            "min_sample, band_top_percent, band_bottom_count, appraisal_points, is_open) "
            f"VALUES ('c1', {_STAMP}, '2025年万民评议', 2025, 100, 80, 60, 0, 30, 10, 3, 10, 1)")
    fresh.close()
    upgraded = Store.open(data_dir, PASSPHRASE)
    with upgraded.read() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        assert grouped_by_category(conn, "c1") is True
    upgraded.close()
