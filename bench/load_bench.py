"""Load benchmark (prints figures; not a test): many devices syncing at once against one HQ.

Issue 11 §1: with six or more requests at the database at once the SQLite HQ died with SIGSEGV.
D devices (default 40), each a real data directory enrolled with a real `fieldinspect serve` on
loopback and running on its own thread, write two new forms and sync, again and again for S
seconds (default 60); then each syncs once more. Printed: rounds/s, round latency, failed
rounds, forms written, forms at HQ, lost, doubled, forms some device lacks, and whether HQ is
still alive. The exit status is 1 when anything failed, was lost or doubled, or HQ died.

    .venv/bin/python bench/load_bench.py [--devices 40] [--seconds 60]
        [--pg postgresql+psycopg://postgres@127.0.0.1:55432/fi_main] [--workers 1]

Without --pg HQ runs on its encrypted SQLite store; with it, on a throw-away database made on
that server and dropped afterwards. The same machinery, smaller, is the CI test
tests/security/test_hq_load.py.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
# No keyring: sync credentials in the store, device key parts in a temp folder.
os.environ["FIELDINSPECT_KEYRING"] = "0"
from bench.key_dir import throwaway_key_dir  # noqa: E402

throwaway_key_dir()
os.environ["FIELDINSPECT_PASSPHRASE"] = PASSPHRASE = "bench"

from bench.sync_bench_setup import throw_away_pg  # noqa: E402
from sync.server.db import DB_THREADS  # noqa: E402
from tests.sync.load import FORMS_PER_ROUND, HqProcess, LoadRun, Tally, enroll_fleet, race, tally  # noqa: E402


def run_load(tmp: Path, devices: int, seconds: float, pg_url: str | None,
             workers: int) -> tuple[LoadRun, Tally, HqProcess, bool]:
    hq = HqProcess(tmp / "hq", PASSPHRASE, pg_url, workers=workers)
    codes = hq.codes(devices, "office")
    hq.start()
    fleet = []
    try:
        fleet = enroll_fleet(hq, tmp, codes)
        print(f"{devices} devices enrolled; racing for {seconds:g} s ...", flush=True)
        run = race(fleet, seconds)
        alive = hq.alive()
        hq.stop()
        counts = tally(hq, fleet)
    finally:
        hq.stop()
        for dev in fleet:
            dev.close()
    return run, counts, hq, alive


def report(label: str, run: LoadRun, counts: Tally, hq: HqProcess, alive: bool) -> bool:
    ms = 1000
    print(f"{run.devices} devices × {run.seconds:.0f} s against the {label} "
          f"({DB_THREADS} database threads and connections per server process), "
          f"{FORMS_PER_ROUND} new forms per round:")
    print(f"  rounds: {run.rounds:,} = {run.rounds / max(run.seconds, 1e-9):,.1f} rounds/s; "
          f"round latency p50 {run.percentile(0.5) * ms:,.0f} ms, "
          f"p95 {run.percentile(0.95) * ms:,.0f} ms, max {run.percentile(1.0) * ms:,.0f} ms")
    print(f"  errors (failed rounds): {len(run.errors)}; entries refused or in conflict: "
          f"{run.refused}")
    for line in run.errors[:5]:
        print(f"    {line}")
    print(f"  forms written: {counts.written:,}; at HQ: {counts.at_hq:,}; lost: {counts.lost}; "
          f"doubled: {counts.doubled}; missing on devices after their last pull: "
          f"{counts.missing_on_devices}")
    print(f"  requests HQ's database refused (503 busy, retried by the devices, or 422): "
          f"{hq.refusals_logged()}")
    print(f"  HQ process: {'alive' if alive else f'DIED (exit {hq.proc.returncode})'}")
    if not alive:
        print(hq.stderr_tail())
    return alive and not run.errors and not run.refused and not (
        counts.lost or counts.doubled or counts.missing_on_devices)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--devices", type=int, default=40)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--pg", default=None, metavar="URL",
                        help="run HQ on PostgreSQL (a throw-away database on this server)")
    parser.add_argument("--workers", type=int, default=1,
                        help="HQ worker processes (PostgreSQL only)")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="fi-load-bench-") as tmp:
        tmp = Path(tmp)
        if args.pg:
            with throw_away_pg(args.pg) as url:
                figures = run_load(tmp, args.devices, args.seconds, url, args.workers)
            label = f"PostgreSQL HQ ({args.workers} worker process(es))"
        else:
            figures = run_load(tmp, args.devices, args.seconds, None, 1)
            label = "SQLite HQ"
    ok = report(label, *figures)
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
