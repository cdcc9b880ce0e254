"""Benchmark: import of 26,300 paper forms, and statistics over 100,000 forms.

Prints figures (not a test). Baseline: a raw `executemany` of the same rows into an empty
store of the same schema, measured in the same run.

    .venv/bin/python bench/import_bench.py
"""

import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("FIELDINSPECT_PASSPHRASE", "bench")

from models.demo import LEVEL_WEIGHTS, REASONS, SUGGESTIONS, build_units  # noqa: E402

FORMS = 26_300
CAMPAIGN = "2026年万民评议"


def write_files(folder: Path) -> tuple[Path, Path]:
    rng = random.Random(7)
    units = build_units()
    by_id = {u["id"]: u for u in units}
    units_csv, forms_csv = folder / "units.csv", folder / "forms.csv"
    with units_csv.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["name", "kind", "parent"])
        for u in units:
            out.writerow([u["name"], u["kind"].value,
                          by_id[u["parent_id"]]["_path"] if u["parent_id"] else ""])
    levels, weights = zip(*LEVEL_WEIGHTS)
    with forms_csv.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["form_no", "campaign", "group", "unit", "level", "reason", "suggestion",
                      "date"])
        for i in range(FORMS):
            level = rng.choices(levels, weights)[0].value
            out.writerow([f"{i:06d}", CAMPAIGN, "citizen", rng.choice(units)["_path"], level,
                          rng.choice(REASONS) if level == "dissatisfied" else "",
                          rng.choice(SUGGESTIONS) if rng.random() < 0.07 else "",
                          f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"])
    return units_csv, forms_csv


def compile_sources() -> None:
    """The project's bytecode, as an installed program has it (pip compiles a wheel on install;
    the packaged program ships .pyc). Without it, a checkout run with PYTHONDONTWRITEBYTECODE
    set (as the sessions' shells are) compiles the ~80 project modules a command loads on
    every start: ~0.1-0.2 s of each timed command, not the program's cost. Written beside the
    sources (`__pycache__/`, ignored by git)."""
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "compileall", "-q",
                    *(str(root / d) for d in ("desktop", "models", "sync", "reports"))],
                   check=True, stdout=subprocess.DEVNULL)


def cli(data_dir: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *args],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def raw_insert_seconds(source_dir: Path, folder: Path) -> float:
    """executemany of the very rows the import made, into an empty store of the same schema."""
    from models.store.store import Store

    src = Store.open(source_dir, os.environ["FIELDINSPECT_PASSPHRASE"])
    with src.read() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM evaluation").fetchall()
        names = list(conn.exec_driver_sql("SELECT * FROM evaluation LIMIT 0").keys())
    src.close()
    dst = Store.open(folder / "raw", os.environ["FIELDINSPECT_PASSPHRASE"])
    quoted = ", ".join(f'"{n}"' for n in names)
    sql = f"INSERT INTO evaluation ({quoted}) VALUES ({', '.join('?' for _ in names)})"
    raw = dst.engine.raw_connection()
    start = time.perf_counter()
    cur = raw.cursor()
    cur.execute("BEGIN IMMEDIATE")
    cur.executemany(sql, [tuple(r) for r in rows])
    cur.execute("COMMIT")
    elapsed = time.perf_counter() - start
    raw.close()
    dst.close()
    return elapsed


def stats_ms(folder: Path) -> tuple[float, float]:
    """Query time of county_stats and unit_ranking over 100,000 forms (best of 5)."""
    from models.demo import load_demo_data
    from models.records import Evaluation
    from models.stats import county_stats, unit_ranking
    from models.store.store import Store

    store = Store.open(folder / "big", "bench")
    load_demo_data(store, seed=3)
    with store.read() as conn:
        forms = [dict(r) for r in conn.exec_driver_sql("SELECT * FROM evaluation").mappings()]
    extra = 100_000 - len(forms)
    with store.write("bench") as w:
        w.create_many(Evaluation, [
            {k: v for k, v in forms[i % len(forms)].items() if k not in ("id", "form_no")}
            for i in range(extra)])
    timings = []
    for fn in (county_stats, unit_ranking):
        best = float("inf")
        for _ in range(5):
            with store.read() as conn:
                start = time.perf_counter()
                fn(conn)
                best = min(best, time.perf_counter() - start)
        timings.append(best * 1000)
    store.close()
    return timings[0], timings[1]


def main() -> None:
    compile_sources()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        units_csv, forms_csv = write_files(folder)
        device = folder / "device"
        cli(device, "import", "units", str(units_csv))
        startup = cli(device, "stats", "--json")
        whole = cli(device, "import", "evaluations", str(forms_csv))
        raw = raw_insert_seconds(device, folder)
        county_ms, ranking_ms = stats_ms(folder)
    print(f"import evaluations (whole command, {FORMS} forms): {whole:.2f} s "
          f"= {FORMS / whole:,.0f} forms/s (target <= 1 s)")
    print(f"  command start-up alone (stats on an empty store): {startup:.2f} s")
    print(f"  raw executemany of the same rows: {raw:.2f} s = {FORMS / raw:,.0f} rows/s")
    print(f"  ratio whole command / raw insert: {whole / raw:.1f}x; "
          f"without start-up: {(whole - startup) / raw:.1f}x")
    print(f"county_stats over 100,000 forms: {county_ms:.0f} ms (target <= 200 ms)")
    print(f"unit_ranking over 100,000 forms: {ranking_ms:.0f} ms (target <= 200 ms)")


if __name__ == "__main__":
    main()
