"""Sync benchmark (prints figures; not a test). Issue 3 §7, on loopback with a real server.

- first pull of N records (default 100,000) into an empty device, with the raw `executemany`
  insert of the same rows into an encrypted store timed in the same run as the baseline;
- push of 26,300 forms from one device, against the SQLite HQ (and PostgreSQL when a URL is
  given);
- one changed record pushed and pulled (median and p95 of a full round);
- one new record from device A to device B through HQ, N records held by HQ and B (A's sync
  then B's, as Anki's A-then-B round);
- D devices (default 50) syncing one-record rounds at once against PostgreSQL;
- HQ's capacity apart from the clients (`bench/hq_capacity.py`: pre-built one-record rounds
  from separate processes, PostgreSQL, 2 workers);
- `import evaluations` of 26,300 forms, the whole command (`bench/import_bench.py`).
Each figure is printed with the raw insert of the same rows (or, for a one-record round, of
one row with its commit) measured in the same run.

    .venv/bin/python bench/sync_bench.py [--pg postgresql+psycopg://...] [--records 100000]
        [--forms 26300] [--devices 50] [--seconds 20]
        [--only pull,push,round,ab,many,capacity,import] [--rounds 50]
(`round` prints both one-record figures; `ab` only the A-then-B one, the issue's.)
"""

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
# No keyring: sync credentials in the store, device key parts in a temp folder.
os.environ["FIELDINSPECT_KEYRING"] = "0"
from bench.key_dir import throwaway_key_dir  # noqa: E402

throwaway_key_dir()
os.environ["FIELDINSPECT_PASSPHRASE"] = PASSPHRASE = "bench"

from bench.sync_bench_setup import (  # noqa: E402
    Server,
    enroll,
    raw_insert_rate,
    raw_one_row_ms,
    seed_forms_at_hq,
    seed_reference_at_hq,
    seed_rows_for_baseline,
    throw_away_pg,
)
from models.records import Evaluation  # noqa: E402


def bench_pull(tmp: Path, records: int) -> dict:
    """A new device's first sync: by snapshot as HQ builds it at that sync, by the snapshot HQ
    cached for the scope, by the snapshot HQ built when the device's code was made (as the
    admin route and `hq enroll-device` do; the cache emptied first, so that build is this
    device's own), and row by row (pull pages), each into a fresh store. Returns
    {label: seconds}; "HQ's build when the code was made" is the time that build took at HQ
    before the device enrolled (not part of the first sync)."""
    from sync.client import engine as engine_module
    from sync.server import admin
    from sync.server import tables as T
    from sync.server.db import open_server_db

    server = Server(tmp / "pull-hq", None)
    ids = seed_reference_at_hq(server.db_url, server.data_dir)
    rows = seed_forms_at_hq(server.db_url, server.data_dir, ids, records)
    server.start()
    figures, ahead = {}, None
    wants_snapshot = engine_module.wants_snapshot
    try:
        for label in ("snapshot, built", "snapshot, cached", "snapshot, built at its code",
                      "row-by-row pulls"):
            code = None
            if label.startswith("row"):
                engine_module.wants_snapshot = lambda _store: False
            if label.endswith("at its code"):
                db = open_server_db(server.db_url, passphrase=PASSPHRASE)
                try:
                    with db.write() as conn:  # nothing cached: the build is this device's
                        conn.execute(T.snapshot.delete())
                    granted = admin.enroll_device(db, role="hq")
                    t0 = time.perf_counter()
                    assert admin.prepare_first_sync(db, granted["hq_device_id"])
                    ahead = time.perf_counter() - t0
                    code = granted["code"]
                finally:
                    db.close()
            device = enroll(server, tmp / f"pull-dev-{len(figures)}", "hq", code)
            t0 = time.perf_counter()
            report = device.sync()
            figures[label] = (report.pulled, time.perf_counter() - t0)
    finally:
        # the row-by-row run's switch undone: the benches after this one in the same process
        # (anki_compare's A->B) start their devices from snapshots, as a new device does
        engine_module.wants_snapshot = wants_snapshot
        server.stop()
    raw = raw_insert_rate(tmp / "raw", rows)
    print(f"first pull of {records:,} records; raw executemany into an encrypted store in the "
          f"same run: {records / raw:.2f} s ({raw:,.0f} rows/s)")
    for label, (pulled, elapsed) in figures.items():
        print(f"  {label}: {pulled:,} rows in {elapsed:.2f} s = {pulled / elapsed:,.0f} rows/s; "
              f"{elapsed / (records / raw):.2f} x the raw insert (target <= Anki's 0.41 s)")
    out = {label: elapsed for label, (_pulled, elapsed) in figures.items()}
    if ahead is not None:
        print(f"  (HQ's build when that code was made, before the device enrolled: "
              f"{ahead:.2f} s)")
        out["HQ's build when the code was made"] = ahead
    return out


def bench_push(tmp: Path, forms: int, pg_url: str | None) -> dict:
    """One device pushes `forms` new forms, to a SQLite HQ and a PostgreSQL one when a URL is
    given. Returns {HQ label: seconds}."""
    figures = {}
    stack = contextlib.ExitStack()  # the throw-away PostgreSQL databases, dropped at the end
    for label, url in (("SQLite HQ", None), ("PostgreSQL HQ", pg_url)):
        if label.startswith("Postgre") and not url:
            continue
        pg = stack.enter_context(throw_away_pg(url)) if url else None
        server = Server(tmp / f"push-hq-{uuid.uuid4().hex[:6]}", pg)
        server.migrate()
        server.start()
        try:
            boss = enroll(server, tmp / f"push-boss-{label[:2]}", "hq")
            from tests.sync.helpers import form, seed_reference

            ids = seed_reference(boss)
            boss.sync()
            with boss.write() as w:
                w.create_many(Evaluation, [form(ids, f"P{i}") for i in range(forms)])
            hq_cpu0, dev_cpu0 = _tree_cpu(server.proc.pid), time.process_time()
            t0 = time.perf_counter()
            asyncio.run(boss.push_only())
            elapsed = figures[label] = time.perf_counter() - t0
            hq_cpu = _tree_cpu(server.proc.pid) - hq_cpu0
            dev_cpu = time.process_time() - dev_cpu0
        finally:
            server.stop()
        print(f"push of {forms:,} forms, {label}: {elapsed:.2f} s = {forms / elapsed:,.0f} "
              f"forms/s (target <= 0.6 s on SQLite, PostgreSQL <= 1.3 x SQLite); CPU: HQ's "
              f"process {hq_cpu:.2f} s, the device {dev_cpu:.2f} s")
    stack.close()
    rows = seed_rows_for_baseline(forms)
    raw = raw_insert_rate(tmp / "push-raw", rows)
    print(f"  baseline in the same run: raw executemany of {forms:,} forms into an encrypted "
          f"store {raw:,.0f} rows/s ({forms / raw:.2f} s)")
    return figures


def _tree_cpu(pid: int) -> float:
    """CPU seconds of a process and its children (Linux /proc; nan elsewhere): what the served
    HQ spent, a figure the machine's load does not inflate as it does the wall clock."""
    def own(p: int) -> float:
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    try:
        pids = [pid] + [int(p) for p in os.listdir("/proc") if p.isdigit() and _parent(p) == pid]
        return sum(own(p) for p in pids)
    except (OSError, ValueError, IndexError):
        return float("nan")


def _parent(pid: str) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def bench_round(tmp: Path, rounds: int = 50) -> float:
    """One changed record pushed and pulled in a full round; returns the median seconds."""
    server = Server(tmp / "round-hq", None)
    server.migrate()
    server.start()
    try:
        a = enroll(server, tmp / "round-a", "hq")
        from tests.sync.helpers import form, seed_reference

        ids = seed_reference(a)
        with a.write() as w:
            fid = w.create(Evaluation, form(ids, "R1"))
        a.sync()
        times, cpu = [], [0.0, 0.0]
        for i in range(rounds):
            with a.write() as w:
                w.update(Evaluation, fid, {"suggestion": f"round {i}"})
            # HQ's CPU read first: the read walks /proc (~4 ms of this process's CPU), which
            # is the bench's, not the devices'
            s0 = server.cpu_seconds()
            c0 = time.process_time()
            t0 = time.perf_counter()
            report = a.sync()
            times.append(time.perf_counter() - t0)
            cpu[0] += time.process_time() - c0
            cpu[1] += server.cpu_seconds() - s0
            assert report.pushed == 1 and report.pulled == 1
    finally:
        server.stop()
    times.sort()
    print(f"one changed record pushed and pulled (a full sync round incl. token): median "
          f"{statistics.median(times) * 1000:.1f} ms, p95 {times[int(len(times) * .95)] * 1000:.1f}"
          f" ms (target <= 10 ms); CPU per round: device {cpu[0] / rounds * 1000:.1f} ms, "
          f"HQ {cpu[1] / rounds * 1000:.1f} ms")
    print(f"  baseline in the same run: raw insert of one form and its commit into an encrypted "
          f"store, median {raw_one_row_ms(tmp / 'round-raw', rounds):.1f} ms")
    return statistics.median(times)


def bench_a_to_b(tmp: Path, records: int, rounds: int = 50) -> float:
    """One new record from device A to device B through HQ, with `records` forms held by HQ
    and by both devices (issue 18's figure): A saves a form (not timed, as Anki's side does not
    time adding the note), then A's sync and B's sync are timed; B must have the form. Returns
    the median seconds."""
    from tests.sync.helpers import form

    server = Server(tmp / "ab-hq", None)
    ids = seed_reference_at_hq(server.db_url, server.data_dir)
    seed_forms_at_hq(server.db_url, server.data_dir, ids, records)
    server.start()
    try:
        a = enroll(server, tmp / "ab-a", "hq")
        b = enroll(server, tmp / "ab-b", "hq")
        for device in (a, b, a, b):  # the first pulls (snapshots), tokens
            device.sync()
        times, each, cpu = [], [], [0.0, 0.0]
        for i in range(rounds):
            with a.write() as w:
                fid = w.create(Evaluation, form({**ids, "window": ids["unit"]}, f"AB{i}"))
            # HQ's CPU read first: the read walks /proc (~4 ms of this process's CPU), which
            # is the bench's, not the devices'
            s0 = server.cpu_seconds()
            c0 = time.process_time()
            t0 = time.perf_counter()
            pushed = a.sync()
            t1 = time.perf_counter()
            got = b.sync()
            t2 = time.perf_counter()
            cpu[0] += time.process_time() - c0
            cpu[1] += server.cpu_seconds() - s0
            assert pushed.pushed == 1 and got.pulled == 1
            times.append(t2 - t0)
            each.append((t1 - t0, t2 - t1))
        with b.store.read() as conn:
            held = conn.exec_driver_sql("SELECT count(*) FROM evaluation").scalar()
            assert conn.exec_driver_sql("SELECT 1 FROM evaluation WHERE id = ?",
                                        (fid,)).scalar() == 1
    finally:
        server.stop()
    times.sort()
    print(f"one new record from device A to device B through HQ ({held:,} forms held by HQ "
          f"and B): A's sync then B's, median {statistics.median(times) * 1000:.1f} ms, p95 "
          f"{times[int(len(times) * .95)] * 1000:.1f} ms (target <= 10 ms); of which A's "
          f"sync {statistics.median(e[0] for e in each) * 1000:.1f} ms, B's "
          f"{statistics.median(e[1] for e in each) * 1000:.1f} ms; CPU per round: devices "
          f"{cpu[0] / rounds * 1000:.1f} ms, HQ {cpu[1] / rounds * 1000:.1f} ms")
    print(f"  baseline in the same run: raw insert of one form and its commit into an encrypted "
          f"store, median {raw_one_row_ms(tmp / 'ab-raw', rounds):.1f} ms")
    return statistics.median(times)


def bench_many(tmp: Path, pg_url: str | None, devices: int, seconds: float) -> None:
    from bench.sync_bench_setup import many_devices

    if not pg_url:
        print("many devices: skipped (give --pg URL)")
        return
    stack = contextlib.ExitStack()
    server = Server(tmp / "many-hq", stack.enter_context(throw_away_pg(pg_url)), workers=2)
    server.migrate()
    server.start()
    try:
        rounds, latencies, errors = many_devices(server, tmp, devices, seconds)
    finally:
        server.stop()
        stack.close()  # the throw-away database dropped
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95)] * 1000 if latencies else float("nan")
    print(f"{devices} devices at once against PostgreSQL (2 server workers): "
          f"{rounds / seconds:,.0f} one-record rounds/s, p95 {p95:.0f} ms, {errors} errors "
          f"(target >= 300/s, p95 <= 200 ms)")


def bench_capacity(tmp: Path, pg_url: str | None, devices: int, seconds: float) -> None:
    from bench.hq_capacity import enroll_devices, measure

    if not pg_url:
        print("HQ capacity: skipped (give --pg URL)")
        return
    stack = contextlib.ExitStack()
    server = Server(tmp / "capacity-hq", stack.enter_context(throw_away_pg(pg_url)), workers=2)
    server.migrate()
    ids = seed_reference_at_hq(server.db_url, server.data_dir)
    server.start()
    try:
        rounds, latencies, errors = measure(server, enroll_devices(server, devices), ids,
                                            seconds, 2, 400)
    finally:
        server.stop()
        stack.close()  # the throw-away database dropped
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95)] * 1000 if latencies else float("nan")
    print(f"HQ capacity ({devices} devices from 2 client processes, PostgreSQL, 2 workers): "
          f"{rounds / seconds:,.1f} rounds/s, p95 {p95:.0f} ms, {errors} errors "
          f"(target >= 300/s, p95 <= 200 ms)")


def bench_import(tmp: Path) -> float:
    """`import evaluations` of the import bench's forms, the whole command; returns seconds."""
    from bench.import_bench import FORMS, cli, compile_sources, raw_insert_seconds, write_files

    compile_sources()
    folder = tmp / "import"
    folder.mkdir()
    units_csv, forms_csv = write_files(folder)
    device = folder / "device"
    cli(device, "import", "units", str(units_csv))
    whole = cli(device, "import", "evaluations", str(forms_csv))
    raw = raw_insert_seconds(device, folder)
    print(f"import evaluations of {FORMS:,} forms, whole command: {whole:.2f} s (target <= 1 s)"
          f"\n  baseline in the same run: raw executemany of the same rows {raw:.2f} s")
    return whole


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", default=os.environ.get("FIELDINSPECT_TEST_PG_URL"))
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--forms", type=int, default=26_300)
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--only", default="pull,push,round,many,capacity,import")
    parser.add_argument("--rounds", type=int, default=50, help="one-record rounds timed")
    args = parser.parse_args()
    only = set(args.only.split(","))
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="fi-sync-bench-") as tmp:
        tmp = Path(tmp)
        # PostgreSQL HQs seal their attachments in a blob directory: one in the temp folder,
        # shared by the set-up code and the served workers (not the real data directory).
        os.environ["FIELDINSPECT_BLOB_DIR"] = str(tmp / "hq-blobs")
        if "pull" in only:
            bench_pull(tmp, args.records)
        if "push" in only:
            bench_push(tmp, args.forms, args.pg)
        if "round" in only:
            bench_round(tmp, args.rounds)
        if only & {"round", "ab"}:
            bench_a_to_b(tmp, args.records, args.rounds)
        if "many" in only:
            bench_many(tmp, args.pg, args.devices, args.seconds)
        if "capacity" in only:
            bench_capacity(tmp, args.pg, args.devices, args.seconds)
        if "import" in only:
            bench_import(tmp)


if __name__ == "__main__":
    main()
