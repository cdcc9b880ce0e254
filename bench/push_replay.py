"""HQ alone on the 26,300-form push: the device's bodies built first, then replayed (prints
figures; not a test).

`bench/push_profile.py` profiles device and HQ in one process, where they share the GIL and
each one's waits land in the other's figures. Here the device reads its whole outbox into push
bodies first (`read_batch`, as `SyncEngine._push` reads them; the read's thread CPU printed),
and only then does HQ take them one after another in this thread, with nothing else running in
the process: decode (`form_batch.parse_push_body`, msgspec), `push_batch` (checks, apply, insert, commit)
and the answer's JSON, each stage's thread CPU (`time.thread_time`) summed over the batches.
`--profile` runs HQ's part under cProfile (its figures are then cProfile's, inflated).

    .venv/bin/python bench/push_replay.py [--pg URL] [--forms 26300] [--repeat 3]
        [--profile cpu|wall] [--top 30] [--stages]
"""

import argparse
import atexit
import contextlib
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ["FIELDINSPECT_KEYRING"] = "0"
if "FIELDINSPECT_KEY_DIR" not in os.environ:  # the throw-away stores' key parts, removed after
    os.environ["FIELDINSPECT_KEY_DIR"] = tempfile.mkdtemp(prefix="fi-replay-keys-")
    atexit.register(shutil.rmtree, os.environ["FIELDINSPECT_KEY_DIR"], True)
os.environ["FIELDINSPECT_PASSPHRASE"] = "correct horse"

import orjson  # noqa: E402

from bench.sync_bench_setup import throw_away_pg  # noqa: E402
from models.records import Evaluation  # noqa: E402
from sync.client.engine import BATCH_BYTES  # noqa: E402
from sync.client.outbox import read_batch  # noqa: E402
from sync.protocol import MAX_BATCH_ENTRIES  # noqa: E402
from sync.server.collector import collector_paused, pause_during_pushes  # noqa: E402
from sync.server.form_batch import parse_push_body  # noqa: E402
from sync.server.push import push_batch  # noqa: E402
from tests.sync.helpers import Hq, form, run, seed_reference  # noqa: E402

STAGES: dict[str, float] = {}


WALLS: dict[str, float] = {}


def _timed(name: str, fn):
    def run(*args, **kw):
        t0, w0 = time.thread_time(), time.perf_counter()
        try:
            return fn(*args, **kw)
        finally:
            STAGES[name] = STAGES.get(name, 0.0) + time.thread_time() - t0
            WALLS[name] = WALLS.get(name, 0.0) + time.perf_counter() - w0
    return run


def time_stages() -> None:
    """Thread CPU of HQ's stages of a batch (each called a few times per batch, so the timing
    costs nothing measurable); the indented ones are part of the stage above them."""
    from sync.server import context, merge, push, replays, rows
    stages = [
        (push, "_prefetch", "prefetch (ids, form numbers)"),
        (push, "prefetch_numbers", "  form numbers"),
        (push, "apply_entries", "apply_entries"),
        (merge, "check_columns", "  check_columns"),
        (merge, "check_column_lists", "  check_column_lists"),
        (merge, "insert_columns", "  insert_columns (parameters + executemany)"),
        (context.ApplyContext, "flush", "flush (buffered inserts)"),
        (replays, "keep_digests", "keep_digests"),
    ]
    for owner, attr, label in stages:
        if hasattr(owner, attr):
            STAGES[label] = 0.0
            setattr(owner, attr, _timed(label, getattr(owner, attr)))
    driver = rows.sa.Connection.exec_driver_sql
    STAGES["  of which executemany (driver)"] = 0.0

    def exec_driver_sql(self, sql, params=None, *a, **kw):
        if isinstance(params, list) and len(params) > 1:
            return _timed("  of which executemany (driver)", driver)(self, sql, params, *a, **kw)
        return driver(self, sql, params, *a, **kw)
    rows.sa.Connection.exec_driver_sql = exec_driver_sql


def one_run(url: str, tmp: Path, forms: int, profile: cProfile.Profile | None) -> dict:
    hq = Hq.start(url, tmp)
    try:
        dev = hq.device("hq")
        ids = seed_reference(dev)
        run(dev.engine.sync())
        with dev.write() as w:
            w.create_many(Evaluation, [form(ids, f"P{i}") for i in range(forms)])
        who = hq.identity(dev)
        bodies, sent, t0 = [], None, time.thread_time()
        while True:  # the device's reads, as its push loop makes them
            entries, _ = read_batch(dev.store, MAX_BATCH_ENTRIES, BATCH_BYTES, sent)
            if not entries:
                break
            bodies.append(orjson.dumps({"entries": entries}))
            sent = entries[-1]["seq"]
        read_cpu = time.thread_time() - t0
        cpu = {"decode": 0.0, "push_batch": 0.0, "answer": 0.0}
        STAGES.update(dict.fromkeys(STAGES, 0.0))  # the device's own writes above not counted
        WALLS.update(dict.fromkeys(STAGES, 0.0))
        wall = time.perf_counter()
        for body in bodies:
            if profile is not None:
                profile.enable()
            t0 = time.thread_time()
            with collector_paused():  # as sync/server/routes.py decodes it
                batch = parse_push_body(body)
            t1 = time.thread_time()
            result = push_batch(hq.db, who, batch.entries, None)
            t2 = time.thread_time()
            result.model_dump_json(exclude={"audit", "page"}).encode()
            t3 = time.thread_time()
            if profile is not None:
                profile.disable()
            cpu["decode"] += t1 - t0
            cpu["push_batch"] += t2 - t1
            cpu["answer"] += t3 - t2
        wall = time.perf_counter() - wall
        assert len(hq.rows("evaluation")) == forms
        return {"batches": len(bodies), "read": read_cpu, "wall": wall, **cpu}
    finally:
        hq.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg")
    parser.add_argument("--forms", type=int, default=26_300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", choices=("cpu", "wall"),
                        help="cProfile HQ's part, timed by thread CPU or by the wall clock")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--stages", action="store_true", help="thread CPU per stage of HQ")
    args = parser.parse_args()
    profile = None if not args.profile else cProfile.Profile(time.thread_time) \
        if args.profile == "cpu" else cProfile.Profile()
    pause_during_pushes()  # as `fieldinspect serve` runs HQ (sync/server/collector.py)
    if args.stages:
        time_stages()
    for k in range(args.repeat):
        STAGES.update(dict.fromkeys(STAGES, 0.0))
        with tempfile.TemporaryDirectory(prefix="fi-push-replay-") as tmp, \
                contextlib.ExitStack() as stack:
            tmp = Path(tmp)
            os.environ["FIELDINSPECT_BLOB_DIR"] = str(tmp / "blobs")
            url = stack.enter_context(throw_away_pg(args.pg)) if args.pg else \
                f"sqlite:///{tmp / 'hq-server'}"
            load = os.getloadavg()[0]
            f = one_run(url, tmp, args.forms, profile)
        hq_cpu = f["decode"] + f["push_batch"] + f["answer"]
        print(f"run {k + 1} ({'PostgreSQL' if args.pg else 'SQLite'} HQ, load {load:.2f}): "
              f"{args.forms:,} forms in {f['batches']} batches; device read CPU "
              f"{f['read']:.3f} s; HQ alone wall {f['wall']:.3f} s, CPU {hq_cpu:.3f} s = decode "
              f"{f['decode']:.3f} + push_batch {f['push_batch']:.3f} + answer "
              f"{f['answer']:.3f}", flush=True)
        for name, cpu in STAGES.items():
            print(f"    {name}: CPU {cpu:.3f} s, wall {WALLS.get(name, 0.0):.3f} s")
    if profile is not None:
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
