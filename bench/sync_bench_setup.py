"""Set-up for bench/sync_bench.py: a real `fieldinspect serve` on loopback, devices, seed data."""

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import sqlalchemy as sa

from models.base import sqlite_timestamp
from models.ids import natural_id, new_id
from models.records import Evaluation
from models.store.database import write_transaction
from models.store.store import Store
from models.timeutil import utcnow
from sync.client.engine import SyncEngine
from sync.server import admin
from sync.server import tables as T
from sync.server.db import VersionClock, default_database_url, open_server_db
from sync.server.rows import server_insert

PASSPHRASE = os.environ["FIELDINSPECT_PASSPHRASE"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, data_dir: Path, pg_url: str | None, workers: int = 1):
        self.data_dir, self.pg_url, self.workers = data_dir, pg_url, workers
        self.port = _free_port()
        self.proc = None

    @property
    def db_url(self) -> str:
        return self.pg_url or default_database_url(self.data_dir)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def migrate(self) -> None:
        open_server_db(self.db_url, passphrase=PASSPHRASE).close()

    def start(self) -> None:
        args = ["--database-url", self.pg_url] if self.pg_url else []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "desktop.cli", "--data-dir", str(self.data_dir), "serve",
             "--port", str(self.port), "--workers", str(self.workers), *args],
            stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/docs", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def cpu_seconds(self) -> float:
        """CPU time used so far by the server and its worker processes (/proc, Linux): a
        figure of the work a round costs that the load of a shared machine hardly moves."""
        parents, ticks = {}, {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
            ticks[int(entry.name)] = int(fields[11]) + int(fields[12])
        tree, grew = {self.proc.pid}, True
        while grew:
            more = {p for p, parent in parents.items() if parent in tree} - tree
            tree |= more
            grew = bool(more)
        return sum(ticks.get(p, 0) for p in tree) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            self.proc.wait(timeout=30)


class BenchDevice:
    """A device as its window runs it: every round on the device's one event loop, with the
    engine keeping its HQ client between rounds (desktop/session.py)."""

    def __init__(self, store: Store, engine: SyncEngine):
        self.store, self.engine = store, engine
        self.loop = asyncio.new_event_loop()

    def write(self, profile: str = "bench"):
        return self.store.write(profile)

    def sync(self):
        return self.loop.run_until_complete(self.engine.sync())

    async def push_only(self):
        from sync.client.engine import SyncReport

        client = self.engine.client()
        try:
            await self.engine._push(client, SyncReport(), None)
            await self.engine._settle_left()  # the last answer, stored as before
        finally:
            await client.aclose()


def code_for(db_url: str, role: str, **kw) -> str:
    db = open_server_db(db_url, passphrase=PASSPHRASE)
    try:
        return admin.enroll_device(db, role=role, **kw)["code"]
    finally:
        db.close()


def enroll(server: Server, data_dir: Path, role: str, code: str | None = None) -> BenchDevice:
    code = code or code_for(server.db_url, role)
    store = Store.open(data_dir, PASSPHRASE)
    engine = SyncEngine(store, keep_connection=True)
    asyncio.run(engine.enroll(server.url, code, data_dir.name))
    return BenchDevice(store, engine)


def fresh_pg(url: str) -> str:
    name = f"fi_bench_{uuid.uuid4().hex[:8]}"
    admin_engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin_engine.dispose()
    return sa.engine.make_url(url).set(database=name).render_as_string(hide_password=False)


@contextlib.contextmanager
def throw_away_pg(url: str) -> Iterator[str]:
    """A fresh database on the server of `url`, dropped afterwards (its sessions ended first)."""
    made = fresh_pg(url)
    try:
        yield made
    finally:
        name = sa.engine.make_url(made).database
        admin_engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with admin_engine.connect() as conn:
            conn.exec_driver_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 "WHERE datname = %s", (name,))
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        admin_engine.dispose()


def seed_reference_at_hq(db_url: str, data_dir: Path) -> dict:
    db = open_server_db(db_url, passphrase=PASSPHRASE)
    ids = {"unit": natural_id("unit", "Bench Hall"), "campaign": natural_id("campaign", "Bench")}
    with db.write() as conn:
        clock = VersionClock(conn)
        from models.reference import Campaign, Unit

        server_insert(conn, clock, Unit.__table__, {"id": ids["unit"], "name": "Bench Hall"},
                      "hq")
        server_insert(conn, clock, Campaign.__table__, {"id": ids["campaign"], "name": "Bench",
                                                        "year": 2026}, "hq")
        clock.save()
    db.close()
    return ids


def seed_forms_at_hq(db_url: str, data_dir: Path, ids: dict, n: int) -> list[tuple]:
    """n forms written straight into HQ's table (set-up, not measured); returns them as the
    wire rows a device receives, for the raw-insert baseline."""
    db = open_server_db(db_url, passphrase=PASSPHRASE)
    t = Evaluation.__table__
    now = utcnow()
    with db.write() as conn:
        clock = VersionClock(conn)
        rows = [_form_row(ids, i, clock.next(), now) for i in range(n)]
        conn.execute(t.insert(), rows)
        clock.save()
    db.close()
    columns = [c.name for c in t.columns]
    stamp = sqlite_timestamp(now)
    return [tuple(stamp if isinstance(r[c], type(now)) else
                  (r[c].isoformat() if hasattr(r[c], "isoformat") else r[c]) for c in columns)
            for r in rows]


def seed_rows_for_baseline(n: int) -> list[tuple]:
    """n form rows in the store's storage form, for a raw insert timed beside a sync."""
    now = utcnow()
    ids = {"unit": natural_id("unit", "Bench Hall"), "campaign": natural_id("campaign", "Bench")}
    columns = [c.name for c in Evaluation.__table__.columns]
    rows = [_form_row(ids, i, i + 1, now) for i in range(n)]
    return [tuple(_stored(r[c]) for c in columns) for r in rows]


def _stored(value):
    if hasattr(value, "tzinfo"):
        return sqlite_timestamp(value)
    return value.isoformat() if hasattr(value, "isoformat") else value


def _form_row(ids: dict, i: int, version: int, now) -> dict:
    from datetime import date

    return {
        "id": new_id(), "created_at": now, "updated_at": now, "created_device": "bench",
        "created_by": "bench", "updated_device": "bench", "updated_by": "bench",
        "deleted_at": None, "server_version": version, "campaign_id": ids["campaign"],
        "group": ("parent", "patient", "citizen")[i % 3], "unit_id": ids["unit"],
        "level": ("satisfied", "fairly_satisfied", "basically_satisfied")[i % 3],
        "discipline": None, "law": None, "service": None, "integrity": None,
        "efficiency": None, "reason": "", "suggestion": "", "form_no": str(i),
        "evaluated_on": date(2026, 3, 1 + i % 28), "source": "paper", "voided": False,
        "void_reason": "",
    }


def raw_insert_rate(data_dir: Path, rows: list[tuple]) -> float:
    store = Store.open(data_dir, PASSPHRASE)
    columns = [c.name for c in Evaluation.__table__.columns]
    sql = (f'INSERT INTO evaluation ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
           f'VALUES ({", ".join("?" for _ in columns)})')
    with write_transaction(store.engine) as conn:
        t0 = time.perf_counter()
        conn.connection.driver_connection.executemany(sql, rows)
    elapsed = time.perf_counter() - t0
    store.close()
    return len(rows) / elapsed


def raw_one_row_ms(data_dir: Path, rounds: int) -> float:
    """Median of `rounds` single-row inserts, each committed (the disk's cost of one write)."""
    store = Store.open(data_dir, PASSPHRASE)
    columns = [c.name for c in Evaluation.__table__.columns]
    sql = (f'INSERT INTO evaluation ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
           f'VALUES ({", ".join("?" for _ in columns)})')
    times = []
    for row in seed_rows_for_baseline(rounds):
        t0 = time.perf_counter()
        with write_transaction(store.engine) as conn:
            conn.connection.driver_connection.execute(sql, row)
        times.append(time.perf_counter() - t0)
    store.close()
    times.sort()
    return times[len(times) // 2] * 1000


def many_devices(server: Server, tmp: Path, n: int, seconds: float):
    """n enrolled devices, each with one form; all loop (edit, sync) for `seconds`."""
    from tests.sync.helpers import form

    ids = seed_reference_at_hq(server.db_url, server.data_dir)
    devices = []
    for i in range(n):
        dev = enroll(server, tmp / f"many-{i}", "hq")
        with dev.write() as w:
            dev.form_id = w.create(Evaluation, form({**ids, "window": ids["unit"]}, f"M{i}"))
        devices.append(dev)
    return asyncio.run(_race(devices, seconds))


async def _race(devices: list, seconds: float):
    for d in devices:  # first rounds (tokens, initial pull) are not measured
        await d.engine.sync()
    latencies: list[float] = []
    errors = 0
    stop_at = time.perf_counter() + seconds

    async def loop(dev):
        nonlocal errors
        i = 0
        while time.perf_counter() < stop_at:
            i += 1
            await dev.engine._db(_edit, dev, i)
            t0 = time.perf_counter()
            try:
                await dev.engine.sync()
                latencies.append(time.perf_counter() - t0)
            except Exception:  # noqa: BLE001 - counted and reported
                errors += 1

    await asyncio.gather(*(loop(d) for d in devices))
    return len(latencies), latencies, errors


def _edit(dev, i: int) -> None:
    with dev.write() as w:
        w.update(Evaluation, dev.form_id, {"suggestion": f"round {i}"})


__all__ = ["T"]
