"""Many devices syncing at once against a real HQ process, and the tally of what reached HQ.

Shared by the load test (tests/security/test_hq_load.py) and the load bench
(bench/load_bench.py). HQ is a real `fieldinspect serve` on a loopback port, so a crash of the
server process (issue 11: SIGSEGV once more than five threads reached the SQLite store) is seen
as what devices see: a dead HQ. Each device is a real data directory enrolled with a one-time
code; each runs on its own thread (its own event loop and sync engine) and writes new forms
before every round. The tally compares what the devices wrote with what HQ holds.
"""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import sqlalchemy as sa

from models.records import Evaluation
from models.store.store import Store
from sync.client.engine import SyncEngine
from sync.server import admin
from sync.server.db import PG_BLOB_DIR, default_database_url, open_server_db
from tests.sync.helpers import form, seed_reference

FORMS_PER_ROUND = 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class HqProcess:
    """`fieldinspect serve` in a process of its own (SQLite in `data_dir`, or `pg_url`)."""

    def __init__(self, data_dir: Path, passphrase: str, pg_url: str | None = None,
                 workers: int = 1):
        self.data_dir, self.passphrase, self.pg_url = Path(data_dir), passphrase, pg_url
        self.workers = workers  # worker processes (PostgreSQL only)
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.stderr_path = self.data_dir.with_name(f"{self.data_dir.name}.stderr")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db_url(self) -> str:
        return self.pg_url or default_database_url(self.data_dir)

    @property
    def blob_dir(self) -> Path | None:
        return self.data_dir / PG_BLOB_DIR if self.pg_url else None

    def open_db(self):
        return open_server_db(self.db_url, blob_dir=self.blob_dir, passphrase=self.passphrase)

    def codes(self, n: int, role: str) -> list[str]:
        """n one-time enrollment codes (this also makes and migrates HQ's database)."""
        db = self.open_db()
        try:
            return [admin.enroll_device(db, role=role, label=f"load-{i}")["code"]
                    for i in range(n)]
        finally:
            db.close()

    def start(self) -> "HqProcess":
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "FIELDINSPECT_PASSPHRASE": self.passphrase}
        if self.blob_dir:
            env["FIELDINSPECT_BLOB_DIR"] = str(self.blob_dir)
        db_args = (["--database-url", self.pg_url, "--workers", str(self.workers)]
                   if self.pg_url else [])
        with self.stderr_path.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "desktop.cli", "--data-dir", str(self.data_dir), "serve",
                 "--port", str(self.port), *db_args], env=env, stdout=subprocess.DEVNULL,
                stderr=err, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.alive():
            try:
                httpx.get(f"{self.url}/docs", timeout=1)
                return self
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError(f"HQ did not start: {self.stderr_tail()}")

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stderr_tail(self, chars: int = 2000) -> str:
        try:
            return self.stderr_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def refusals_logged(self) -> int:
        """Requests HQ logged as refused by its database (a 503 `busy`, which devices retry, or
        a 422 `invalid_data`)."""
        return self.stderr_tail(chars=10**9).count("database refused a request")

    def stop(self) -> None:
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@dataclass
class LoadDevice:
    name: str
    store: Store
    engine: SyncEngine
    ids: dict[str, str] = field(default_factory=dict)  # the unit and campaign its forms name
    written: dict[str, str] = field(default_factory=dict)  # form id -> form number

    def write(self, profile: str = "load"):
        return self.store.write(profile)

    def close(self) -> None:
        self.engine.close()
        self.store.close()


def enroll_fleet(hq: HqProcess, root: Path, codes: list[str]) -> list[LoadDevice]:
    """One enrolled office device per code; the first makes the unit and campaign, and every
    device has pulled them before the load starts."""
    devices = []
    for i, code in enumerate(codes):
        store = Store.open(root / f"device-{i}", hq.passphrase)
        engine = SyncEngine(store)
        asyncio.run(engine.enroll(hq.url, code, f"load-{i}"))
        devices.append(LoadDevice(f"device-{i}", store, engine))
    devices[0].ids = seed_reference(devices[0])
    for dev in devices:
        asyncio.run(dev.engine.sync())
        dev.ids = devices[0].ids
    return devices


@dataclass
class LoadRun:
    devices: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # one per successful round
    errors: list[str] = field(default_factory=list)  # one per failed round: device, error
    refused: int = 0  # entries HQ rejected or sent back as conflicts
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def rounds(self) -> int:
        return len(self.latencies)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else float("nan")


def race(devices: list[LoadDevice], seconds: float) -> LoadRun:
    """Every device, on its own thread, writes FORMS_PER_ROUND new forms then syncs, until
    `seconds` have passed; then each syncs once more so that everything it wrote is pushed
    and everything the others wrote is pulled."""
    run = LoadRun(devices=len(devices))
    stop_at = time.monotonic() + seconds
    started = time.monotonic()
    threads = [threading.Thread(target=_device_loop, args=(dev, stop_at, run),
                                name=dev.name, daemon=True) for dev in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    run.seconds = time.monotonic() - started
    for dev in devices:
        _round(dev, run, timed=False)
    return run


def _device_loop(dev: LoadDevice, stop_at: float, run: LoadRun) -> None:
    n = 0
    while time.monotonic() < stop_at:
        n += 1
        numbers = [f"{dev.name}-{n}-{k}" for k in range(FORMS_PER_ROUND)]
        with dev.write() as w:
            made = w.create_many(Evaluation, [form(dev.ids, no) for no in numbers])
        dev.written.update(zip(made, numbers, strict=True))
        _round(dev, run, timed=True)


def _round(dev: LoadDevice, run: LoadRun, *, timed: bool) -> None:
    t0 = time.perf_counter()
    try:
        report = asyncio.run(dev.engine.sync())
    except Exception as exc:  # noqa: BLE001 - every failed round is counted and shown
        with run.lock:
            run.errors.append(f"{dev.name}: {type(exc).__name__} "
                              f"{getattr(exc, 'code', '')}: {exc}"[:300])
        return
    with run.lock:
        run.refused += report.rejected + report.conflicts
        if timed:
            run.latencies.append(time.perf_counter() - t0)


@dataclass
class Tally:
    written: int
    at_hq: int  # of the written forms, how many HQ holds (each counted once)
    lost: int  # written, not at HQ (or at HQ under another id)
    doubled: int  # extra copies at HQ of a written form
    missing_on_devices: int  # forms some device does not hold after its last pull


def tally(hq: HqProcess, devices: list[LoadDevice]) -> Tally:
    """What the devices wrote against what HQ holds (read once HQ has stopped)."""
    written = {fid: no for dev in devices for fid, no in dev.written.items()}
    db = hq.open_db()
    try:
        t = Evaluation.__table__
        with db.read() as conn:
            rows = conn.execute(sa.select(t.c.id, t.c.form_no).where(
                t.c.deleted_at.is_(None))).all()
    finally:
        db.close()
    per_number = Counter(no for _id, no in rows if no in set(written.values()))
    at_hq = {fid for fid, no in rows if written.get(fid) == no}
    missing = sum(len(written) - _held(dev, written) for dev in devices)
    return Tally(written=len(written), at_hq=len(at_hq), lost=len(written) - len(at_hq),
                 doubled=sum(c - 1 for c in per_number.values() if c > 1),
                 missing_on_devices=missing)


def _held(dev: LoadDevice, written: dict[str, str]) -> int:
    t = Evaluation.__table__
    with dev.store.read() as conn:
        ids = {r[0] for r in conn.execute(sa.select(t.c.id))}
    return len(ids & written.keys())
