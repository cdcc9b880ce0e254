"""Profile of the one-record round A -> HQ -> B, devices and HQ in one process (prints figures;
not a test).

The served bench (`bench/sync_bench.py --only ab`) gives the wall clock and the CPU of each
side; this one says where the CPU goes: HQ's app runs in-process behind httpx's ASGI transport
(no socket, no uvicorn), so one cProfile sees A's round (outbox read, push, pull, commit), HQ's
push and pulls, and B's round. The store work of the devices and HQ's push and pull run on
worker threads: each such call runs under a profile of its own, all summed.

    .venv/bin/python bench/round_profile.py [--records 100000] [--rounds 50] [--top 30]
        [--out FILE.prof]
"""

import argparse
import cProfile
import os
import pstats
import statistics
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

from bench.push_profile import PROFILES, _profiled  # noqa: E402
from bench.sync_bench_setup import seed_forms_at_hq, seed_reference_at_hq  # noqa: E402
from models.records import Evaluation  # noqa: E402
from sync.client import engine as client_engine  # noqa: E402
from sync.server import routes  # noqa: E402
from tests.sync.helpers import Hq, form  # noqa: E402


def _profile_threads() -> None:
    routes.push_batch = _profiled(routes.push_batch)
    routes.pull_page = _profiled(routes.pull_page)
    db = client_engine.SyncEngine._db

    async def _db(self, fn, *args):
        return await db(self, _profiled(fn), *args)
    client_engine.SyncEngine._db = _db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fi-round-prof-") as tmp:
        tmp = Path(tmp)
        os.environ["FIELDINSPECT_BLOB_DIR"] = str(tmp / "blobs")
        url = f"sqlite:///{tmp / 'hq-server'}"
        hq = Hq.start(url, tmp)
        try:
            ids = seed_reference_at_hq(url, tmp)
            seed_forms_at_hq(url, tmp, ids, args.records)
            a, b = hq.device("hq"), hq.device("hq")
            for dev in (a, b, a, b):  # first pulls, tokens
                dev.sync()
            _profile_threads()
            walls, cpus = [], []
            for i in range(args.rounds):
                with a.write() as w:
                    w.create(Evaluation, form({**ids, "window": ids["unit"]}, f"AB{i}"))
                profile = cProfile.Profile()
                PROFILES.append(profile)
                c0, t0 = time.process_time(), time.perf_counter()
                profile.enable()
                pushed, got = a.sync(), b.sync()
                profile.disable()
                walls.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
                assert pushed.pushed == 1 and got.pulled == 1
        finally:
            hq.close()
    print(f"A -> HQ -> B, {args.records:,} held, in-process (no sockets), profiled: median "
          f"{statistics.median(walls) * 1000:.1f} ms wall, {statistics.median(cpus) * 1000:.1f}"
          f" ms CPU; load average {os.getloadavg()[0]:.2f}")
    stats = pstats.Stats(*PROFILES)
    if args.out:
        stats.dump_stats(args.out)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
