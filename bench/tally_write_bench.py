"""What keeping the counts costs a write (migrations 0024 and 0027; issue 15, "Performance"): a figure
to print, not a test.

Inserts the same 26,300 forms (the import's size; criteria scored on most) with one driver
executemany into fresh encrypted stores: with the counting triggers dropped (no counts), with
the triggers, and through the bulk paths' merge (models/tally_bulk.py: triggers paused, one
grouped read of the batch), alternately, best of `--runs`; then the same for an update of every
form's level (as the sync apply's upsert of changed rows). Prints CPU ms of the process
(steadier than the wall clock on the shared machine), the added µs per row and the ratio, with
the load average.

    .venv/bin/python bench/tally_write_bench.py [--forms 26300] [--runs 3]
"""

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ["FIELDINSPECT_KEYRING"] = "0"
from bench.key_dir import throwaway_key_dir  # noqa: E402

throwaway_key_dir()
LEVELS = ("satisfied", "fairly_satisfied", "basically_satisfied", "dissatisfied")
COLUMNS = ("id", "created_at", "updated_at", "created_device", "created_by", "updated_device",
           "updated_by", "campaign_id", "group", "unit_id", "level", "discipline", "law",
           "service", "integrity", "efficiency", "reason", "suggestion", "form_no",
           "evaluated_on", "source", "voided", "void_reason", "deleted_at")


def _rows(n: int) -> list[tuple]:
    rng = random.Random(7)
    units = [str(uuid.uuid4()) for _ in range(350)]
    stamp = "2026-05-04 01:00:00.000000"
    out = []
    for i in range(n):
        crit = [rng.choice(LEVELS) if rng.random() < 0.8 else None for _ in range(5)]
        out.append((str(uuid.uuid4()), stamp, stamp, "d", "c", "d", "c", "camp", "citizen",
                    rng.choice(units), rng.choice(LEVELS), *crit, "", "", f"{i:06d}",
                    f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}", "paper", 0, "",
                    None))
    return out


def _timed(store, sql: str, rows, bulk: bool) -> float:
    """CPU ms of the executemany in one transaction; `ids`: through the bulk path's merge."""
    from models.tally_bulk import write_counted

    with store.engine.begin() as conn:
        driver = conn.connection.driver_connection
        used = time.process_time()
        if not bulk:
            driver.executemany(sql, rows)
        else:
            write_counted(conn, COLUMNS, rows, lambda: driver.executemany(sql, rows),
                          inserted=True)
        return (time.process_time() - used) * 1000


def _run(mode: str, rows: list[tuple]) -> tuple[float, float]:
    from models.store.store import Store

    store = Store.open(Path(tempfile.mkdtemp()) / "data", "bench")
    if mode == "none":
        with store.engine.begin() as conn:
            for (name,) in conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                    "(name LIKE 'evaluation_tally_%' OR name LIKE 'evaluation_dated_%' "
                    "OR name LIKE 'evaluation_number_%')").all():  # 0024 and 0027's counts
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
    names = ", ".join(f'"{c}"' for c in COLUMNS)
    bulk = mode == "bulk"
    insert = _timed(store, f"INSERT INTO evaluation ({names}) VALUES "
                           f"({', '.join('?' for _ in COLUMNS)})", rows, bulk)
    # every form again with another level, as a pulled page of changed forms: an upsert
    changed = [(*r[:10], LEVELS[(LEVELS.index(r[10]) + 1) % 4], *r[11:]) for r in rows]
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in COLUMNS if c != "id")
    upsert = (f"INSERT INTO evaluation ({names}) VALUES ({', '.join('?' for _ in COLUMNS)}) "
              f"ON CONFLICT(id) DO UPDATE SET {updates}")
    with store.engine.begin() as conn:
        from models.tally_bulk import write_counted

        driver = conn.connection.driver_connection
        used = time.process_time()
        if bulk:
            write_counted(conn, COLUMNS, changed, lambda: driver.executemany(upsert, changed),
                          inserted=False)
        else:
            driver.executemany(upsert, changed)
        update = (time.process_time() - used) * 1000
    store.close()
    return insert, update


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=26_300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows = _rows(args.forms)
    modes = ("none", "triggers", "bulk")
    best = {m: [float("inf")] * 2 for m in modes}
    for _ in range(args.runs):
        for mode in modes:
            best[mode] = [min(a, b) for a, b in zip(best[mode], _run(mode, rows), strict=True)]
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores); {args.forms:,} forms; CPU ms, "
          f"best of {args.runs}")
    for i, what in enumerate(("insert (executemany)", "pulled page upsert, every level changed")):
        plain = best["none"][i]
        print(f"{what:36} without counts {plain:8.1f}")
        for mode in modes[1:]:
            cost = best[mode][i]
            print(f"{'':36} {mode:>14} {cost:8.1f}  +{(cost - plain) * 1000 / args.forms:5.1f}"
                  f" µs/row  ratio {cost / plain:.2f}")

if __name__ == "__main__":
    main()
