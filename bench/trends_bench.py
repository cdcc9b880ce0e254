"""Breakdowns and comparison benchmark (issue 15 §3; prints figures, not a test).

Each figure of `models.trends.breakdowns` and `models.comparison.comparison` over a store of
100,000 valid forms in two campaigns (the demo's 2026 campaign and a 2025 one made of copies of
its forms a year earlier, with mixed sources), against the raw scan of the same rows in the same
run: the columns the figure reads, fetched row by row into Python with no grouping.

    .venv/bin/python bench/trends_bench.py [--forms 100000] [--repeat 5]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PASSPHRASE = "bench"
SOURCES = ("paper", "kiosk", "online", "interview")


def build_store(data_dir: Path, forms: int):
    from models.demo import load_demo_data
    from models.ids import natural_id, new_id
    from models.records import Evaluation
    from models.reference import Campaign
    from models.store.store import Store

    store = Store.open(data_dir, PASSPHRASE)
    load_demo_data(store)
    earlier = natural_id("campaign", "2025年万民评议")
    with store.read() as conn:
        rows = [dict(r) for r in conn.exec_driver_sql(
            'SELECT "group", unit_id, level, reason, evaluated_on FROM evaluation').mappings()]
    extra = []
    for i in range(forms - len(rows)):
        row = dict(rows[i % len(rows)])
        row.update(id=new_id(), form_no=f"X{i:06d}", campaign_id=earlier,
                   source=SOURCES[i % len(SOURCES)],
                   evaluated_on=date.fromisoformat(row["evaluated_on"]) - timedelta(days=365))
        extra.append(row)
    with store.write("bench") as w:
        w.create(Campaign, {"id": earlier, "name": "2025年万民评议", "year": 2025})
        w.create_many(Evaluation, extra)
    return store


def open_or_build(data_dir: Path, forms: int):
    from models.store.store import Store

    if (data_dir / "bench-built").exists():
        return Store.open(data_dir, PASSPHRASE)
    store = build_store(data_dir, forms)
    (data_dir / "bench-built").write_text(str(forms))
    return store


def timed(fn, repeat: int) -> tuple[float, float]:
    """The median wall-clock and CPU (this process) times of `repeat` runs, in ms: on a shared
    machine the CPU time is the steadier figure."""
    runs, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(runs), statistics.median(cpu)


def raw_scan(conn, columns: str, table: str = "evaluation", where: str = "NOT voided"):
    def scan():
        for _row in conn.exec_driver_sql(
                f"SELECT {columns} FROM {table} WHERE deleted_at IS NULL AND {where}"):
            pass
    return scan


def figures(conn):
    from models import comparison as cmp
    from models import trends
    from models.stats import Filters

    f = Filters()
    year = date.fromisoformat(conn.exec_driver_sql(
        "SELECT max(evaluated_on) FROM evaluation").scalar()).year
    # half a year from mid-month to mid-month inside the forms' dates: five whole months and
    # 31 days at the ends (migration 0027)
    mid = Filters(date_from=date(year, 3, 15), date_to=date(year, 9, 14))
    return {
        "breakdown month": (lambda: trends.forms_by_month(conn, f),
                            raw_scan(conn, "campaign_id, level, evaluated_on")),
        "breakdowns month+source (one scan)": (
            lambda: (lambda d: (trends.forms_by_month(conn, f, d),
                                trends.forms_by_source(conn, f, d)))(trends.day_counts(conn, f)),
            raw_scan(conn, "campaign_id, level, evaluated_on, source")),
        "breakdown township": (lambda: trends.forms_by_township(conn, f),
                               raw_scan(conn, "unit_id, campaign_id, level")),
        "breakdown source": (lambda: trends.forms_by_source(conn, f),
                             raw_scan(conn, "source, campaign_id, level")),
        "breakdown finding category": (lambda: trends.findings_by_category(conn, f),
                                       raw_scan(conn, "category", "finding", "1=1")),
        "breakdown opinion category+source": (
            lambda: (trends.opinions_by_category(conn, f), trends.opinions_by_source(conn, f)),
            raw_scan(conn, "category, source", "opinion", "1=1")),
        "all breakdowns (stats --json)": (lambda: trends.breakdowns(conn, f),
                                          raw_scan(conn, "unit_id, campaign_id, level, "
                                                         "evaluated_on, source")),
        "all breakdowns, a period inside a month": (
            lambda: trends.breakdowns(conn, Filters(date_from=date(2000, 1, 2))),
            raw_scan(conn, "unit_id, campaign_id, level, evaluated_on, source")),
        "all breakdowns, 15 Mar-14 Sep (0027)": (
            lambda: trends.breakdowns(conn, mid),
            raw_scan(conn, "unit_id, campaign_id, level, evaluated_on, source")),
        "comparison (both campaigns, people)": (
            lambda: cmp.comparison(conn, with_people=True),
            raw_scan(conn, "unit_id, campaign_id, level")),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--store", metavar="DIR", help="keep the store there (reused if there)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = open_or_build(Path(args.store or tmp), args.forms)
        with store.read() as conn:
            n = conn.exec_driver_sql("SELECT count(*) FROM evaluation WHERE NOT voided").scalar()
            print(f"store: {n} valid forms in two campaigns "
                  f"(built in {time.perf_counter() - t0:.1f} s)")
            print(f"load average {os.getloadavg()[0]:.1f} (2 cores)")
            print(f"{'figure':40} {'figure ms (CPU)':>17} {'raw scan ms (CPU)':>19}")
            for name, (figure, baseline) in figures(conn).items():
                figure()  # warm the page cache for both
                (wall, cpu), (raw, raw_cpu) = timed(figure, args.repeat), timed(baseline,
                                                                              args.repeat)
                print(f"{name:40} {wall:9.1f} ({cpu:5.1f}) {raw:11.1f} ({raw_cpu:5.1f})")
        store.close()


if __name__ == "__main__":
    main()
