"""Where a new device's first pull by snapshot spends its time (prints figures; not a test).

Seeds an HQ with N forms, starts `fieldinspect serve`, lets a first device's sync build the
scope's snapshot, then times K more new devices taking the cached one, phase by phase on the
device (the answer's download, the file written, opened, re-keyed, the store's own rows copied,
fsync, rename, the rest of the round) with the raw `executemany` of the same rows into an
encrypted store measured in the same run.

    .venv/bin/python bench/snapshot_profile.py [--records 100000] [--devices 3] [--cprofile]
"""

import argparse
import cProfile
import functools
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ["FIELDINSPECT_KEYRING"] = "0"
from bench.key_dir import throwaway_key_dir  # noqa: E402

throwaway_key_dir()
os.environ["FIELDINSPECT_PASSPHRASE"] = "bench"

from bench.sync_bench_setup import (  # noqa: E402
    Server,
    enroll,
    raw_insert_rate,
    seed_forms_at_hq,
    seed_reference_at_hq,
)

SPENT: dict[str, list[float]] = defaultdict(list)


def timed(owner, name: str, label: str | None = None) -> None:
    """Wrap owner.name (sync or async) so each call's wall time is kept under `label`."""
    import inspect

    original = getattr(owner, name)
    label = label or name
    if inspect.iscoroutinefunction(original):
        @functools.wraps(original)
        async def wrapper(*a, **kw):
            t0 = time.perf_counter()
            try:
                return await original(*a, **kw)
            finally:
                SPENT[label].append(time.perf_counter() - t0)
    else:
        @functools.wraps(original)
        def wrapper(*a, **kw):
            t0 = time.perf_counter()
            try:
                return original(*a, **kw)
            finally:
                SPENT[label].append(time.perf_counter() - t0)
    setattr(owner, name, wrapper)


def instrument() -> None:
    from models.store import snapshot_file
    from sync.client import engine, snapshot
    from sync.client.hq_client import HqClient

    for owner, name in ((snapshot, "take_snapshot"), (snapshot, "install"),
                        (snapshot, "wants_snapshot"), (snapshot, "write_image"),
                        (snapshot_file, "swap_in"), (snapshot_file, "_raw"),
                        (snapshot_file, "_hold_old"), (snapshot_file, "_old_holds_anything"),
                        (snapshot_file, "_copy_local"), (snapshot_file, "_fsync"),
                        (engine, "apply_page"), (engine, "round_start")):
        timed(owner, name)
    for name in ("pull", "push", "call"):
        timed(HqClient, name, f"HqClient.{name}")
    engine.take_snapshot = snapshot.take_snapshot  # imported by name
    original_db = engine.SyncEngine._db

    async def db(self, fn, *args):  # every store step of the round, by the function's name
        t0 = time.perf_counter()
        try:
            return await original_db(self, fn, *args)
        finally:
            SPENT[f"_db {getattr(fn, '__name__', fn)}"].append(time.perf_counter() - t0)
    engine.SyncEngine._db = db
    snapshot.swap_in = snapshot_file.swap_in


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--devices", type=int, default=3)
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument("--keep", type=Path, help="copy a pulled store and its key here")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="fi-snap-prof-") as tmp:
        tmp = Path(tmp)
        os.environ["FIELDINSPECT_BLOB_DIR"] = str(tmp / "hq-blobs")
        server = Server(tmp / "hq", None)
        ids = seed_reference_at_hq(server.db_url, server.data_dir)
        rows = seed_forms_at_hq(server.db_url, server.data_dir, ids, args.records)
        server.start()
        try:
            first = enroll(server, tmp / "dev-built", "hq")
            cpu0 = server.cpu_seconds()
            t0 = time.perf_counter()
            first.sync()
            print(f"built: {time.perf_counter() - t0:.2f} s (HQ CPU "
                  f"{server.cpu_seconds() - cpu0:.2f} s)", flush=True)
            instrument()
            for i in range(args.devices):
                device = enroll(server, tmp / f"dev-{i}", "hq")
                SPENT.clear()
                cpu0 = server.cpu_seconds()
                profile = cProfile.Profile() if args.cprofile and i == args.devices - 1 else None
                t0, c0 = time.perf_counter(), time.process_time()
                if profile:
                    profile.enable()
                report = device.sync()
                if profile:
                    profile.disable()
                total, cpu = time.perf_counter() - t0, time.process_time() - c0
                print(f"cached #{i}: {report.pulled:,} rows in {total:.3f} s (device CPU "
                      f"{cpu:.3f} s, HQ CPU {server.cpu_seconds() - cpu0:.3f} s)")
                for label, times in SPENT.items():
                    print(f"    {label:<24} {sum(times) * 1000:8.1f} ms  x{len(times)}")
                if args.keep and i == 0:
                    import shutil

                    from models.store.database import DB_FILE

                    args.keep.mkdir(parents=True, exist_ok=True)
                    device.store.engine.dispose()
                    shutil.copy(device.store.data_dir / DB_FILE, args.keep / DB_FILE)
                    (args.keep / "key.hex").write_text(device.store.data_key.hex())
                device.store.close()
        finally:
            server.stop()
        raw = raw_insert_rate(tmp / "raw", rows)
        print(f"raw executemany of the same rows: {len(rows) / raw:.2f} s; "
              f"load average at end: {os.getloadavg()}")
        if args.cprofile and profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(35)


if __name__ == "__main__":
    main()
