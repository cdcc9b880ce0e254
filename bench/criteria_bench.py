"""Criteria benchmark (issue 15 §1, "Performance"; prints figures, not a test).

Fills an encrypted store with the demo county and copies of its forms (criteria included) up to
100,000, then times, warm and best of several runs, the read every criteria figure comes from
(the counts kept on write, models.form_tally), each figure set built from it, the whole
`evaluations.criteria` of `stats --json`, the same for periods (whole months and days at the
ends: migration 0027), and the same from the forms' scan as before migrations 0024 and 0027;
the baseline is the raw scan of the same rows (the criteria of every valid form fetched), in
the same run. Target: each figure <= 50 ms.

    .venv/bin/python bench/criteria_bench.py [--forms 100000] [--runs 5] [--store DIR]
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PASSPHRASE = "bench"
CRITERIA = ("discipline", "law", "service", "integrity", "efficiency")


def build_store(data_dir: Path, forms: int) -> None:
    from models.demo import load_demo_data
    from models.ids import new_id
    from models.records import Evaluation
    from models.store.store import Store

    store = Store.open(data_dir, PASSPHRASE)
    load_demo_data(store)
    with store.read() as conn:
        rows = [dict(r) for r in conn.exec_driver_sql(
            'SELECT campaign_id, "group", unit_id, level, reason, evaluated_on, source, '
            + ", ".join(CRITERIA) + " FROM evaluation").mappings()]
    extra, i = [], 0
    while len(rows) + len(extra) < forms:
        row = dict(rows[i % len(rows)])
        row.update(id=new_id(), form_no=f"X{i:06d}")
        extra.append(row)
        i += 1
    with store.write("bench") as w:
        w.create_many(Evaluation, extra)
    store.close()


def best_ms(fn, runs: int) -> tuple[float, float]:
    """The best wall-clock and CPU (this process) times of `runs` calls, in ms. On a shared
    machine the CPU time is the steadier figure: the wall clock adds the other processes."""
    fn()  # SQLCipher decrypts the pages once
    wall, cpu = [], []
    for _ in range(runs):
        started, used = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
    return min(wall) * 1000, min(cpu) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", help="the store to use (built there if it does not exist)")
    args = parser.parse_args()
    from models import criteria
    from models.stats import Filters, campaign_weights, county_stats_and_ranking, form_counts
    from models.store.store import Store

    data_dir = Path(args.store) if args.store else (
        Path(tempfile.mkdtemp(prefix="fieldinspect-criteria-")) / "data")
    if not (data_dir / "fieldinspect.db").exists():
        started = time.perf_counter()
        build_store(data_dir, args.forms)
        print(f"store with {args.forms:,} forms built in {time.perf_counter() - started:.1f} s")
    store = Store.open(data_dir, PASSPHRASE)
    f = Filters()
    mid_month = Filters(date_from=date(2000, 1, 2))  # every form, but not whole months
    raw = ("SELECT unit_id, campaign_id, " + ", ".join(CRITERIA) + " FROM evaluation "
           "WHERE deleted_at IS NULL AND voided = 0")
    with store.read() as conn:
        n = conn.exec_driver_sql("SELECT count(*) FROM evaluation").scalar()
        year = date.fromisoformat(conn.exec_driver_sql(
            "SELECT min(evaluated_on) FROM evaluation").scalar()).year
        # half a year from mid-month to mid-month inside the forms' dates (migration 0027: five
        # whole months from the month counts, 31 days from the day counts)
        period = {"date_from": date(year, 3, 15), "date_to": date(year, 9, 14)}
        mid = Filters(**period)
        weights = campaign_weights(conn)
        counts = criteria.tallied_counts(conn, f)
        figures = criteria.criteria_stats(conn, f)
        base = best_ms(lambda: conn.exec_driver_sql(raw).fetchall(), args.runs)
        timed = {
            "county (counts kept on write + sum)": lambda: criteria.figures_of(
                criteria.tallied_counts(conn, f).values(), weights),
            "every figure: county, categories, townships, units (criteria_stats)":
                lambda: criteria.criteria_stats(conn, f),
            "overall form counts (stats.form_counts)": lambda: form_counts(conn, f),
            "dashboard figures and ranking (county_stats_and_ranking)":
                lambda: county_stats_and_ranking(conn),
            "before 0024: the grouped scan of the forms (criteria_scan)":
                lambda: criteria.criteria_scan(conn, f),
            "before 0024: every figure from the scan":
                lambda: criteria.criteria_stats(conn, f, criteria.criteria_scan(conn, f)),
            "every figure, a period from 2 Jan 2000 (every form; month counts)":
                lambda: criteria.criteria_stats(conn, mid_month),
            "every figure, 15 Mar-14 Sep (day and month counts)":
                lambda: criteria.criteria_stats(conn, mid),
            "dashboard figures and ranking, 15 Mar-14 Sep":
                lambda: county_stats_and_ranking(conn, **period),
            "before 0027: every figure, 15 Mar-14 Sep from the scan":
                lambda: criteria.criteria_stats(conn, mid, criteria.criteria_scan(conn, mid)),
        }
        results = {label: best_ms(fn, args.runs) for label, fn in timed.items()}
    store.close()
    print(f"{n:,} forms; {len(counts)} units, {len(figures['by_category'])} categories, "
          f"{len(figures['by_township'])} townships")
    print(f"load average {os.getloadavg()[0]:.1f}; wall-clock ms (CPU ms)")
    print(f"{'baseline: raw scan of the same rows (criteria of every valid form)':<70} "
          f"{base[0]:7.1f} ({base[1]:6.1f})")
    for label, (wall, cpu) in results.items():
        print(f"{label:<70} {wall:7.1f} ({cpu:6.1f})  ratio {wall / base[0]:.2f}x raw "
              f"({cpu / base[1]:.2f}x CPU); target <= 50 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
