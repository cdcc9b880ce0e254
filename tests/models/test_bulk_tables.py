"""The tables `import evaluations` writes without their SQLModel classes
(models/store/bulk_tables.py) are the classes' own, column for column."""

import pytest

from models.records import Evaluation, Opinion
from models.reference import Campaign
from models.store import bulk_tables
from models.store.writes import bulk_table


@pytest.mark.parametrize(("spelled", "model"), [
    (bulk_tables.EVALUATION, Evaluation),
    (bulk_tables.OPINION, Opinion),
    (bulk_tables.CAMPAIGN, Campaign),
])
def test_spelled_out_table_is_its_class(spelled, model):
    assert spelled == bulk_table(model)


def test_a_batch_binds_no_column_that_is_null_in_every_row(store):
    """`create_many` writes a column that is None in every row as the NULL literal (the
    driver binds a None ~1.2 µs dearer than a value, and an import's forms hold seven or more
    each), and still binds a column that is None in some rows only: every row reads back as
    given, the Nones as NULL."""
    import sqlalchemy as sa

    from models.store.bulk_tables import CAMPAIGN, OPINION

    seen: list = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith('INSERT INTO "opinion"'):
            seen.append((statement, parameters))

    sa.event.listen(store.engine, "before_cursor_execute", capture)
    try:
        with store.write("clerk") as w:
            w.create(CAMPAIGN, {"id": "c1", "name": "c1", "year": 2026})
            ids = w.create_many(OPINION, [
                {"text": f"意见{i}", "campaign_id": "c1" if i % 2 else None}
                for i in range(4)])
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", capture)
    [(statement, rows)] = seen
    assert all(len(row) == statement.count("?") for row in rows)
    # unit_id, source_id, category, received_on, deleted_at, server_version: never bound
    assert statement.count("NULL") == 6
    assert sum(value is None for row in rows for value in row) == 2  # the mixed column's
    with store.read() as conn:
        stored = {r[0]: tuple(r[1:]) for r in conn.exec_driver_sql(
            "SELECT id, text, campaign_id, unit_id, category, deleted_at FROM opinion")}
    assert stored == {ids[i]: (f"意见{i}", "c1" if i % 2 else None, None, None, None)
                      for i in range(4)}
