"""Benchmark: the cost of encryption and of the audit chain (issue 6).

Prints figures (not a test). For the same workloads, WITH (SQLCipher + the audit chain, as
shipped) and WITHOUT (the same SQLite build with no key, so the file is plain, and no audit
hook), best of 3 with the modes taking turns, each run in a fresh temporary directory, and the
ratio, by wall clock and by this process's CPU time (target: within 1.5x):

- `fieldinspect import evaluations` of 26,300 forms (bench/import_bench.py's files), run
  in-process: the importer alone on an open store, and the whole command (which unlocks the
  store with the passphrase in both columns);
- sync with an in-process SQLite HQ (tests/sync/helpers.py's `Hq`): push of those 26,300 forms
  from one device, then a first pull of them by a second device;
- the single write path alone with the outbox only, then with outbox + audit chain;
- attachment put/get throughput against plain file writes/reads.

"Without" is made here, never in the product: `models.store.database._connect_factory` is
swapped for one that skips `PRAGMA key` (the real `open_engine` still builds the engine, with its
pragmas and event hooks, for device stores and the SQLite HQ alike), and `append_to_audit` is
taken out of the hooks a store is built with (`models.store.store.DEVICE_WRITE_HOOKS`), for the
duration of the run. Both are checked before measuring.

    .venv/bin/python bench/security_bench.py [--only import,sync,write,blobs]
"""

import argparse
import asyncio
import contextlib
import datetime as dt
import hashlib
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

# No keyring: device key parts in a temp folder, sync credentials in the store.
os.environ["FIELDINSPECT_KEYRING"] = "0"
os.environ.setdefault("FIELDINSPECT_PASSPHRASE", "bench")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.key_dir import throwaway_key_dir  # noqa: E402

throwaway_key_dir()

import sqlcipher3  # noqa: E402

from bench.import_bench import write_files  # noqa: E402
from bench.sync_bench_setup import BenchDevice  # noqa: E402
from desktop.cli import main as cli_main  # noqa: E402
from models.imports import run_import  # noqa: E402
from models.profiles import acting_profile  # noqa: E402
from models.records import Evaluation  # noqa: E402
from models.security.audit import append_to_audit  # noqa: E402
from models.store import database  # noqa: E402
from models.store import store as store_module  # noqa: E402
from models.store.store import Store  # noqa: E402
from tests.sync.helpers import Hq, form, seed_reference  # noqa: E402

PASSPHRASE = os.environ["FIELDINSPECT_PASSPHRASE"]
RUNS = 3
# What database._connect_factory sets after the key; checked against a real store on start.
PRAGMAS = ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
           "PRAGMA busy_timeout = 10000", "PRAGMA cache_size = -65536",
           "PRAGMA temp_store = MEMORY")
PLAIN_HEADER = b"SQLite format 3\x00"


def _plain_factory(path: Path, _key: bytes):
    def connect():
        conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False,
                                         isolation_level=None)
        for pragma in PRAGMAS:
            conn.execute(pragma)
        return conn

    return connect


@contextlib.contextmanager
def shipped() -> Iterator[None]:
    yield


@contextlib.contextmanager
def plain() -> Iterator[None]:
    """No SQLCipher key (a plain file, same SQLite build) and no audit hook, for the block."""
    real_factory, hooks = database._connect_factory, store_module.DEVICE_WRITE_HOOKS
    database._connect_factory = _plain_factory
    store_module.DEVICE_WRITE_HOOKS = tuple(h for h in hooks if h is not append_to_audit)
    try:
        yield
    finally:
        database._connect_factory = real_factory
        store_module.DEVICE_WRITE_HOOKS = hooks


MODES: tuple[tuple[str, Callable], ...] = (("with", shipped), ("without", plain))


def _check_modes() -> None:
    """Both modes make the same connections; only the key and the audit hook differ."""
    names = [p.split()[1] for p in PRAGMAS]
    seen = {}
    for label, mode in MODES:
        with tempfile.TemporaryDirectory(prefix="fi-sec-check-") as tmp, mode():
            store = Store.open(Path(tmp) / "dev", PASSPHRASE)
            with store.read() as conn:
                seen[label] = [conn.exec_driver_sql(f"PRAGMA {n}").scalar() for n in names]
            audited = append_to_audit in store.write_hooks
            store.close()
            header = (Path(tmp) / "dev" / database.DB_FILE).read_bytes()[:16]
        assert (header == PLAIN_HEADER) == (label == "without"), (label, header)
        assert audited == (label == "with"), label
    assert seen["with"] == seen["without"], seen
    print(f"checked: same pragmas in both modes ({dict(zip(names, seen['with']))}); "
          "'with' file encrypted, 'without' file plain; audit hook only in 'with'")


Timing = tuple[float, float]  # (wall seconds, CPU seconds of this process, all threads)


@contextlib.contextmanager
def _timed(out: list[Timing]) -> Iterator[None]:
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    out.append((time.perf_counter() - wall, time.process_time() - cpu))


def _compare(fn: Callable[[Path], list[Timing]]) -> dict[str, list[Timing]]:
    """Each figure fn returns, best of RUNS per mode (wall and CPU each at its minimum). The
    modes alternate run by run (with, without; without, with; ...) so that the load of a
    shared machine falls on both alike; each run has a fresh temporary directory."""
    best: dict[str, list[Timing]] = {}
    for i in range(RUNS):
        for label, mode in MODES if i % 2 == 0 else MODES[::-1]:
            with tempfile.TemporaryDirectory(prefix="fi-sec-bench-") as tmp, mode():
                got = fn(Path(tmp))
            old = best.get(label, got)
            best[label] = [(min(o[0], g[0]), min(o[1], g[1])) for o, g in zip(old, got)]
    return best


def _ratio_line(what: str, best: dict[str, list[Timing]], k: int = 0) -> str:
    (w, cw), (wo, cwo) = best["with"][k], best["without"][k]
    return (f"{what}: with {w:.2f} s, without {wo:.2f} s, ratio {w / wo:.2f}x "
            f"(CPU {cw:.2f} vs {cwo:.2f} s, {cw / cwo:.2f}x)")


# --- the foundation's import ---------------------------------------------------------------------
def _cli(data_dir: Path, *args: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli_main(["--data-dir", str(data_dir), *args])
    assert code == 0, (args, code)


def _import_runs(files: tuple[Path, Path]) -> Callable[[Path], list[Timing]]:
    """[importer alone on an open store, whole `import evaluations` command in-process]."""
    units_csv, forms_csv = files

    def run(tmp: Path) -> list[Timing]:
        out: list[Timing] = []
        store = Store.open(tmp / "alone", PASSPHRASE)
        try:
            profile = acting_profile(store, None)
            run_import(store, "units", units_csv, profile=profile)
            with _timed(out):
                report = run_import(store, "evaluations", forms_csv, profile=profile)
        finally:
            store.close()
        assert report.imported == FORMS, report.summary()
        _cli(tmp / "command", "import", "units", str(units_csv))
        with _timed(out):
            _cli(tmp / "command", "import", "evaluations", str(forms_csv))
        return out

    return run


def _unlock_seconds() -> float:
    with tempfile.TemporaryDirectory(prefix="fi-sec-unlock-") as tmp:
        Store.open(Path(tmp), PASSPHRASE).close()
        runs = []
        for _ in range(RUNS):
            start = time.perf_counter()
            Store.open(Path(tmp), PASSPHRASE).close()
            runs.append(time.perf_counter() - start)
    return min(runs)


def bench_import() -> None:
    with tempfile.TemporaryDirectory(prefix="fi-sec-files-") as tmp:
        best = _compare(_import_runs(write_files(Path(tmp))))
    print(_ratio_line(f"import evaluations, importer alone ({FORMS:,} forms)", best, 0))
    print(_ratio_line("import evaluations, whole command in-process", best, 1)
          + f"; both include the passphrase unlock ({_unlock_seconds():.2f} s as shipped)")


# --- sync ----------------------------------------------------------------------------------------
def _sync_run(tmp: Path) -> list[Timing]:
    """[push of FORMS forms by one device, first sync of a second device pulling them]."""
    out: list[Timing] = []
    hq = Hq.start(f"sqlite:///{tmp / 'hq-server'}", tmp)
    try:
        sender = hq.device("hq", name="sender")
        ids = seed_reference(sender)
        sender.sync()
        with sender.write() as w:
            w.create_many(Evaluation, [form(ids, f"P{i}") for i in range(FORMS)])
        with _timed(out):
            asyncio.run(BenchDevice(sender.store, sender.engine).push_only())
        receiver = hq.device("hq", name="receiver")
        with _timed(out):
            report = receiver.sync()
    finally:
        hq.close()
    assert report.pulled >= FORMS, report
    return out


def bench_sync() -> None:
    best = _compare(_sync_run)
    print(_ratio_line(f"sync push of {FORMS:,} forms to an in-process SQLite HQ", best, 0))
    print(_ratio_line("sync first pull of them by a second device (a whole round)", best, 1))


# --- the write path and attachments ---------------------------------------------------------------
FORMS = 26_300


def _forms() -> list[dict]:
    return [{"campaign_id": "c", "group": "citizen", "unit_id": f"u{i % 500}",
             "level": "satisfied", "reason": "", "suggestion": "", "form_no": f"N{i}",
             "evaluated_on": dt.date(2026, 3, 1)} for i in range(FORMS)]


def _write_once(hook_names: set[str]) -> float:
    saved = store_module.DEVICE_WRITE_HOOKS
    store_module.DEVICE_WRITE_HOOKS = tuple(h for h in saved if h.__name__ in hook_names)
    store = Store.open(Path(tempfile.mkdtemp()) / "dev", "bench")
    rows = _forms()
    try:
        start = time.perf_counter()
        with store.write("clerk") as w:
            w.create_many(Evaluation, rows)
        return time.perf_counter() - start
    finally:
        store_module.DEVICE_WRITE_HOOKS = saved
        store.close()


def _blobs() -> tuple[float, float, float, float]:
    store = Store.open(Path(tempfile.mkdtemp()) / "dev", "bench")
    photos = [os.urandom(2 << 20) + bytes([i]) for i in range(20)]  # 20 photos of 2 MB
    plain = Path(tempfile.mkdtemp())
    t = time.perf_counter()
    shas = [store.blobs.put(p) for p in photos]
    put = time.perf_counter() - t
    t = time.perf_counter()
    for s in shas:
        store.blobs.get(s)
    get = time.perf_counter() - t
    t = time.perf_counter()
    for p in photos:
        path = plain / hashlib.sha256(p).hexdigest()
        with path.open("wb") as fh:
            fh.write(p)
            fh.flush()
            os.fsync(fh.fileno())
    plain_put = time.perf_counter() - t
    t = time.perf_counter()
    for p in photos:
        (plain / hashlib.sha256(p).hexdigest()).read_bytes()
    plain_get = time.perf_counter() - t
    store.close()
    return put, get, plain_put, plain_get


def bench_write() -> None:
    base = min(_write_once({"append_to_outbox"}) for _ in range(RUNS))
    full = min(_write_once({"append_to_outbox", "append_to_audit"}) for _ in range(RUNS))
    print(f"write path alone, {FORMS:,} forms in one transaction (encrypted store): outbox only "
          f"{base:.2f} s, outbox + audit chain {full:.2f} s, ratio {full / base:.2f}x")


def bench_blobs() -> None:
    put, get, plain_put, plain_get = _blobs()
    mb = 40
    print(f"attachments (20 x 2 MB): encrypted put {mb / put:.0f} MB/s vs plain {mb / plain_put:.0f}"
          f" MB/s; encrypted get {mb / get:.0f} MB/s vs plain {mb / plain_get:.0f} MB/s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="import,sync,write,blobs")
    only = set(parser.parse_args().only.split(","))
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}; best of {RUNS}; "
          f"with = SQLCipher + audit chain (as shipped), without = plain SQLite, no audit hook")
    _check_modes()
    for name, bench in (("import", bench_import), ("sync", bench_sync), ("write", bench_write),
                        ("blobs", bench_blobs)):
        if name in only:
            bench()
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
