"""Small builders for model tests."""

import csv
from pathlib import Path

UNITS = [
    ("余庆县", "county", ""),
    ("白泥镇", "乡镇", "余庆县"),
    ("龙溪镇", "township", "余庆县"),
    ("第一小学", "学校", "白泥镇"),
    ("第一小学", "school", "余庆县/龙溪镇"),
    ("卫生院", "hospital", "白泥镇"),
    ("县社保中心", "department", "余庆县"),
]

FORM_HEADER = ["form_no", "campaign", "group", "unit", "level", "reason", "suggestion", "date"]


def write_csv(path: Path, header, rows, *, bom=False) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        out.writerows(rows)
    return path


def load_units(store, tmp_path: Path) -> None:
    from models.imports import run_import

    run_import(store, "units", write_csv(tmp_path / "units.csv", ["name", "kind", "parent"],
                                         UNITS), profile="clerk")


def count(store, table: str) -> int:
    with store.read() as conn:
        return conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar()


def snapshot(store) -> dict[str, int]:
    from models.tables import SYNCED_TABLES

    return {name: count(store, name) for name in [*SYNCED_TABLES, "outbox"]}
