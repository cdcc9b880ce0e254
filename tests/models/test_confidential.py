"""A store upgraded to migration 0007 judges the problems it already holds, so a problem from
a secret visit's finding is not published in full between the upgrade and the next sync."""

import sqlalchemy as sa
from alembic import command

from models.store.schema import alembic_config
from models.store.store import Store
from tests.conftest import PASSPHRASE

_ROW = ("created_at, updated_at, created_device, created_by, updated_device, updated_by",
        "'2026-03-05 00:00:00.000000', '2026-03-05 00:00:00.000000', 'd', 'c', 'd', 'c'")


def _insert(conn, table: str, columns: str, values: str) -> None:
    conn.exec_driver_sql(f"INSERT INTO {table} ({_ROW[0]}, {columns}) VALUES ({_ROW[1]}, "
                         f"{values})")


def test_an_upgraded_store_judges_the_problems_it_holds(data_dir):
    fresh = Store.open(data_dir, PASSPHRASE)
    with fresh.engine.begin() as conn:
        for name in sa.inspect(conn).get_table_names():
            conn.exec_driver_sql(f'DROP TABLE "{name}"')
    with fresh.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0005")
        _insert(conn, "visit", "id, kind, representative_ids, place, summary, status",
                "'v-secret', 'secret', '[]', '', '', 'done'")
        _insert(conn, "finding", "id, visit_id, category, description, severity",
                "'f-secret', 'v-secret', 'fees', '', 'minor'")
        for pid, source, link in (("p-linked", "finding", "'f-secret'"),
                                  ("p-unknown", "finding", "'f-elsewhere'"),
                                  ("p-plain", "other", "NULL")):
            _insert(conn, "problem", "id, source, source_id, description, responsible_person, "
                    "measures, reported_on, status, progress_notes, verification, "
                    "reopen_reason", f"'{pid}', '{source}', {link}, '', '', '', '2026-03-05', "
                    "'open', '', '', ''")
    fresh.close()
    upgraded = Store.open(data_dir, PASSPHRASE)
    with upgraded.read() as conn:
        rows = {r[0]: (bool(r[1]), r[2]) for r in conn.exec_driver_sql(
            "SELECT id, confidential_source, source_category FROM problem")}
    upgraded.close()
    assert rows == {"p-linked": (True, "fees"), "p-unknown": (True, None),
                    "p-plain": (False, None)}
