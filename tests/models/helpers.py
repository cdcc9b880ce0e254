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


# Problems past their deadline in two units (issue 14 §3): 卫生院 has three overdue in the
# campaign, 县社保中心 one; neither the rectified-late nor the not-yet-due one is overdue.
CHASE_CAMPAIGN = "2026年万民评议"
CHASE_PROBLEMS = [  # (unit, description, days from today to the deadline, status)
    ("卫生院", "挂号窗口推诿", -10, "open"),
    ("卫生院", "收费未公示", -5, "investigating"),
    ("卫生院", "药房态度生硬", -1, "rectifying"),
    ("卫生院", "厕所脏乱", -30, "rectified"),
    ("卫生院", "夜间无人值守", 3, "open"),
    ("县社保中心", "办事要跑多次", -20, "rectifying"),
]


def seed_overdue(store, tmp_path: Path) -> dict:
    """Units, a campaign and `CHASE_PROBLEMS` (deadlines relative to today); the ids."""
    from datetime import timedelta

    from models import services
    from models.records import Problem
    from models.reference import Campaign
    from models.timeutil import local_today

    load_units(store, tmp_path)
    with store.read() as conn:
        units = dict(conn.exec_driver_sql("SELECT name, id FROM unit").fetchall())
    today = local_today()
    with store.write("supervisor") as w:
        campaign = services.create_record(w, Campaign, {"name": CHASE_CAMPAIGN, "year": 2026})
        for unit, text, days, status in CHASE_PROBLEMS:
            services.create_record(w, Problem, {
                "description": text, "unit_id": units[unit], "campaign_id": campaign,
                "status": status, "reported_on": today - timedelta(days=60),
                "deadline": today + timedelta(days=days)})
    return {"campaign": campaign, "units": units, "today": today}
