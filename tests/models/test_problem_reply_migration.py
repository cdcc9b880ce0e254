"""A store upgraded to migration 0009 keeps its problems, with no reply recorded, and HQ (or a
standalone office, its own HQ) can then record one (issue 14 §4)."""

from datetime import date

import sqlalchemy as sa
from alembic import command

from models import services
from models.enums import ComplainantView, ReplyMethod
from models.records import Problem
from models.store.schema import HEAD, alembic_config
from models.store.store import Store
from tests.conftest import PASSPHRASE

_ROW = ("id, created_at, updated_at, created_device, created_by, updated_device, updated_by")
_STAMP = "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 'd', 'c', 'd', 'c'"


def test_a_0008_store_upgrades_and_records_a_reply(data_dir):
    fresh = Store.open(data_dir, PASSPHRASE)
    with fresh.engine.begin() as conn:
        for name in sa.inspect(conn).get_table_names():
            conn.exec_driver_sql(f'DROP TABLE "{name}"')
    with fresh.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0008")
        assert "reply_method" not in {c["name"] for c in sa.inspect(conn).get_columns("problem")}
        conn.exec_driver_sql(f"INSERT INTO opinion ({_ROW}, text, source, contact) VALUES "
                             f"('o1', {_STAMP}, '来回跑', 'other', '138 0000 1111')")
        conn.exec_driver_sql(
            f"INSERT INTO problem ({_ROW}, source, source_id, description, reported_on, status, "
            "responsible_person, measures, progress_notes, verification, reopen_reason) "
            f"VALUES ('p1', {_STAMP}, 'opinion', 'o1', '旧问题', '2026-03-05', 'open', "
            "'', '', '', '', '')")
    fresh.close()
    upgraded = Store.open(data_dir, PASSPHRASE)
    with upgraded.read() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        row = conn.exec_driver_sql("SELECT description, reply_method, replied_by, "
                                   "complainant_view FROM problem WHERE id='p1'").one()
    assert tuple(row) == ("旧问题", None, "", None)
    with upgraded.write("hq") as w:
        services.update_record(w, Problem, "p1", {
            "reply_method": ReplyMethod.LETTER, "replied_on": date(2026, 4, 1),
            "replied_by": "李干事", "complainant_view": ComplainantView.SATISFIED})
    with upgraded.read() as conn:
        assert conn.exec_driver_sql(
            "SELECT complainant_view FROM problem WHERE id='p1'").scalar() == "satisfied"
    upgraded.close()
