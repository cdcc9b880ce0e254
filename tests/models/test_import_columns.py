"""`import evaluations` of a file where no row has a problem checks it column by column and
hands the forms to the driver as columns (models/imports/evaluations.py `_clean_columns`,
models/store/writes.py `Columns`): no dict per form. What it stores is exactly what the row
by row way stores; a file with a problem anywhere is checked row by row as before."""

import pytest

from models.imports import evaluations, run_import
from models.store.store import Store
from tests.models.helpers import FORM_HEADER, load_units, write_csv

HEADER = [*FORM_HEADER, "service", "law"]
FORMS = [
    [f"{i:04d}" if i % 7 else "", "2024年万民评议" if i % 5 else "2025年万民评议",
     ("parent", "家长", "citizen", "群众")[i % 4],
     ("白泥镇/第一小学", "龙溪镇/第一小学", "县社保中心", "卫生院")[i % 4] if i % 4 != 3 else
     "县社保中心",
     ("satisfied", "不满意", "fairly_satisfied", "基本满意")[i % 4],
     "乱收费" if i % 4 == 1 else "", "公开收费 " if i % 6 == 0 else "",
     ("2024-05-01", "2024/6/3", "2024年7月9日", "2025-01-31")[i % 4],
     ("满意", "", "basically_satisfied", "dissatisfied")[i % 4], "满意" if i % 3 else ""]
    for i in range(120)]

COMPARED = {  # table: the columns compared (ids of units and campaigns are natural ids)
    "evaluation": "form_no, campaign_id, \"group\", unit_id, level, discipline, law, service, "
                  "integrity, efficiency, reason, suggestion, evaluated_on, source, voided, "
                  "void_reason, deleted_at, server_version, created_by, updated_by",
    "opinion": "text, unit_id, campaign_id, source, contact, category, received_on, "
               "(SELECT form_no FROM evaluation e WHERE e.id = opinion.source_id)",
    "campaign": "id, name, year",
    "form_tally": "*", "month_tally": "*", "dated_tally": "*", "criterion_tally": "*",
    "dated_criterion_tally": "*", "duplicate_form_no": "*",
}


def _stored(store) -> dict[str, list]:
    with store.read() as conn:
        out = {table: sorted(map(tuple, conn.exec_driver_sql(
            f"SELECT {columns} FROM {table}").fetchall()), key=repr)
            for table, columns in COMPARED.items()}
        out["outbox"] = [tuple(r) for r in conn.exec_driver_sql(
            "SELECT table_name, op FROM outbox ORDER BY seq").fetchall()]
        out["audit"] = [tuple(r) for r in conn.exec_driver_sql(
            "SELECT event, table_name FROM audit_log WHERE event != 'unlock' ORDER BY seq")]
        out["forms_in_order"] = [r[0] for r in conn.exec_driver_sql(
            "SELECT form_no FROM evaluation ORDER BY rowid")]
    return out


@pytest.fixture
def two_stores(tmp_path):
    stores = []
    for name in ("columns", "rows"):
        (tmp_path / name).mkdir()
        store = Store.open(tmp_path / name / "dev", "pw")
        load_units(store, tmp_path / name)
        stores.append(store)
    yield stores
    for store in stores:
        store.close()


def test_a_clean_file_stores_the_same_as_row_by_row(two_stores, tmp_path, monkeypatch):
    by_columns, by_rows = two_stores
    path = write_csv(tmp_path / "forms.csv", HEADER, FORMS)
    parsed_rows: list = []
    real_parse_row = evaluations._parse_row
    monkeypatch.setattr(evaluations, "_parse_row",
                        lambda *a, **k: parsed_rows.append(1) or real_parse_row(*a, **k))
    report = run_import(by_columns, "evaluations", path, profile="clerk")
    assert report.imported == 120 and not parsed_rows  # no row dict was made
    assert report.created == [  # in the order the file names them, the earliest year
        ("import_created_campaign", {"name": "2025年万民评议", "year": 2024}),
        ("import_created_campaign", {"name": "2024年万民评议", "year": 2024})]

    monkeypatch.setattr(evaluations, "_clean_columns", lambda *a, **k: None)
    assert run_import(by_rows, "evaluations", path, profile="clerk").created == report.created
    assert parsed_rows  # this one went row by row
    columns, rows = _stored(by_columns), _stored(by_rows)
    assert columns == rows
    assert len(columns["opinion"]) == 20 and len(columns["evaluation"]) == 120
    assert columns["forms_in_order"] == [r[0] or None for r in FORMS]


@pytest.mark.parametrize("change", [
    (3, 4, "月球"),  # an unknown unit
    (5, 5, "不满意"),  # dissatisfied, no reason (row 5 has none)
    (8, 0, "0001"),  # a number repeated in the file
    (9, 1, " "),  # no campaign
    (10, 2, "patient"),  # a group that does not fit a school
])
def test_a_file_with_one_bad_row_is_checked_row_by_row(two_stores, tmp_path, change):
    store, _ = two_stores
    rows = [list(r) for r in FORMS]
    at, column, value = change
    rows[at][column] = value
    rows[at][5] = "" if value == "不满意" else rows[at][5]
    path = write_csv(tmp_path / "forms.csv", HEADER, rows)
    report = run_import(store, "evaluations", path, profile="clerk", skip_invalid=True)
    assert [number for number, _ in report.rejected_rows] == [at + 2]
    assert report.imported == 119
    assert all(p.row == at + 2 and p.source == str(path) for p in report.rejected)
