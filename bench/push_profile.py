"""Profile of the 26,300-form push, device and HQ in one process (prints figures; not a test).

The served bench (`bench/sync_bench.py --only push`) gives the wall clock; this one says where
the CPU goes: HQ's app runs in-process behind httpx's ASGI transport, so one cProfile sees the
device reading its outbox, the HTTP body both ways, HQ's checks and inserts, and the settle.

    .venv/bin/python bench/push_profile.py [--pg postgresql+psycopg://...] [--forms 26300]
        [--top 25] [--out FILE.prof]
"""

import argparse
import asyncio
import contextlib
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ["FIELDINSPECT_KEYRING"] = "0"
from bench.key_dir import throwaway_key_dir  # noqa: E402

throwaway_key_dir()  # the stores' key parts (and HQ's data) in folders removed at exit
os.environ["FIELDINSPECT_PASSPHRASE"] = "correct horse"

from bench.sync_bench_setup import BenchDevice, throw_away_pg  # noqa: E402
from models.records import Evaluation  # noqa: E402
from sync.client import engine as client_engine  # noqa: E402
from sync.server import routes  # noqa: E402
from tests.sync.helpers import Hq, form, seed_reference  # noqa: E402

PROFILES: list[cProfile.Profile] = []


def _profiled(fn):
    """`fn` run under a profile of its own: cProfile sees one thread, and the device's store
    work and HQ's apply run on worker threads."""
    def run(*args, **kw):
        profile = cProfile.Profile()
        PROFILES.append(profile)
        profile.enable()
        try:
            return fn(*args, **kw)
        finally:
            profile.disable()
    return run


def _profile_threads() -> None:
    routes.push_batch = _profiled(routes.push_batch)
    db = client_engine.SyncEngine._db

    async def _db(self, fn, *args):
        return await db(self, _profiled(fn), *args)
    client_engine.SyncEngine._db = _db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg")
    parser.add_argument("--forms", type=int, default=26_300)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fi-push-prof-") as tmp, \
            contextlib.ExitStack() as stack:
        tmp = Path(tmp)
        os.environ["FIELDINSPECT_BLOB_DIR"] = str(tmp / "blobs")
        url = stack.enter_context(throw_away_pg(args.pg)) if args.pg else f"sqlite:///{tmp / 'hq-server'}"
        hq = Hq.start(url, tmp)
        try:
            dev = hq.device("hq")
            ids = seed_reference(dev)
            asyncio.run(dev.engine.sync())
            with dev.write() as w:
                w.create_many(Evaluation, [form(ids, f"P{i}") for i in range(args.forms)])
            bench = BenchDevice(dev.store, dev.engine)
            _profile_threads()
            profile = cProfile.Profile()
            PROFILES.append(profile)
            t0 = time.perf_counter()
            profile.enable()
            asyncio.run(bench.push_only())
            profile.disable()
            elapsed = time.perf_counter() - t0
        finally:
            hq.close()
    print(f"push of {args.forms:,} forms ({'PostgreSQL' if args.pg else 'SQLite'} HQ, "
          f"in-process, profiled): {elapsed:.2f} s; load average {os.getloadavg()[0]:.2f}")
    stats = pstats.Stats(*PROFILES)
    if args.out:
        stats.dump_stats(args.out)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
