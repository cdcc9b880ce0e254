"""HQ's capacity measured apart from the clients (prints figures; not a test). Issue 18 §3.

`bench/sync_bench.py --only many` runs fifty sync engines in one Python process next to the
server, so on two cores it mostly measures the clients. Here the clients do nothing but send:
every device is enrolled through HQ's own API (real one-time codes, real credentials, real
access tokens), its one-record push bodies are built before the clock starts (one new form per
round, contiguous sequence numbers, every row checked by HQ's rules as any push is), and
separate processes (`--procs`, asyncio + httpx) replay "push one record, then pull from my
cursor" rounds against `fieldinspect serve` on PostgreSQL with `--workers` processes, for a
bounded time. Printed: rounds/s, median and p95 of a round, errors, the load average, and
the CPU seconds per round of the server's processes, of PostgreSQL's backends serving it and of
the load generator, read from /proc over the measured seconds (on a shared 2-core machine
rounds/s follows the other users' load; CPU per round does much less).

    .venv/bin/python bench/hq_capacity.py --pg postgresql+psycopg://... [--devices 50]
        [--enrolled 500] [--seconds 20] [--procs 2] [--workers 2]

`--enrolled` devices are enrolled at HQ (default: as many as `--devices`); the first
`--devices` of them send rounds. Run it once with 50 and once with `--enrolled 500`.
"""

import argparse
import asyncio
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ["FIELDINSPECT_KEYRING"] = "0"
os.environ["FIELDINSPECT_PASSPHRASE"] = "bench"

import httpx  # noqa: E402
import orjson  # noqa: E402

from models.ids import new_id  # noqa: E402
from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION  # noqa: E402

HEADERS = {SCHEMA_HEADER: str(SCHEMA_VERSION)}


def enroll_devices(server, count: int) -> list[dict]:
    """`count` HQ devices enrolled over HTTP, each with a fresh access token."""
    from sync.server import admin
    from sync.server.db import open_server_db

    db = open_server_db(server.db_url, passphrase=os.environ["FIELDINSPECT_PASSPHRASE"])
    try:
        codes = [admin.enroll_device(db, role="hq")["code"] for _ in range(count)]
    finally:
        db.close()
    devices = []
    with httpx.Client(base_url=server.url, headers=HEADERS, timeout=60) as http:
        for i, code in enumerate(codes):
            granted = http.post("/v1/enroll", json={
                "code": code, "device_id": new_id(), "label": f"load-{i}"})
            granted.raise_for_status()
            token = http.post("/v1/token", headers={
                "Authorization": f"Device {granted.json()['credential']}"})
            token.raise_for_status()
            devices.append({"token": token.json()["access_token"]})
    return devices


def push_bodies(ids: dict, rounds: int, device: int) -> list[bytes]:
    """One new form per round, sequence numbers 1, 2, ...: what a device's outbox would send."""
    bodies = []
    for seq in range(1, rounds + 1):
        row_id = new_id()
        fields = {"id": row_id, "campaign_id": ids["campaign"], "unit_id": ids["unit"],
                  "group": "citizen", "level": "satisfied", "evaluated_on": "2026-03-01",
                  "form_no": f"L{device}-{seq}", "source": "paper", "voided": False,
                  "reason": "", "suggestion": "", "void_reason": "",
                  "created_at": "2026-03-01 09:00:00.000000"}
        bodies.append(orjson.dumps({"entries": [{
            "seq": seq, "table": "evaluation", "row_id": row_id, "op": "insert",
            "fields": fields, "base_version": None, "profile": "load"}]}))
    return bodies


def _cpu_seconds(pids) -> float:
    """utime + stime of these processes (those still running), from /proc."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _process_tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _pg_backends(admin_url: str, database: str) -> list[int]:
    import sqlalchemy as sa

    engine = sa.create_engine(admin_url)
    try:
        with engine.connect() as conn:
            return list(conn.exec_driver_sql(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> "
                "pg_backend_pid()", (database,)).scalars())
    finally:
        engine.dispose()


class CpuMeter:
    """CPU seconds of the server's process tree and of the PostgreSQL backends serving it
    (processes that started during the run count from zero)."""

    def __init__(self, server, db_url: str) -> None:
        import sqlalchemy as sa

        self.server, self.db_url = server, db_url
        self.database = sa.engine.make_url(db_url).database

    def _now(self) -> dict[str, dict[int, float]]:
        return {"server": {p: _cpu_seconds([p]) for p in _process_tree(self.server.proc.pid)},
                "postgres": {p: _cpu_seconds([p])
                             for p in _pg_backends(self.db_url, self.database)}}

    def start(self) -> None:
        self.before = self._now()

    def stop(self) -> dict[str, float]:
        after = self._now()
        return {k: sum(v - self.before[k].get(p, 0.0) for p, v in after[k].items())
                for k in after}


async def _device_loop(http: httpx.AsyncClient, token: str, bodies: list[bytes],
                       stop_at: float, out: dict) -> None:
    auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    cursor = 0
    for body in bodies:
        if time.perf_counter() >= stop_at:
            return
        t0 = time.perf_counter()
        try:
            pushed = await http.post("/v1/push", content=body, headers=auth)
            pulled = await http.get("/v1/pull", params={"cursor": cursor}, headers=auth)
            # A refused form (an outcome listed) is an error too: every round must apply.
            if pushed.status_code != 200 or pulled.status_code != 200 or \
                    orjson.loads(pushed.content)["outcomes"]:
                out["errors"] += 1
                bad = pushed if pushed.status_code != 200 or pulled.status_code == 200 else pulled
                _count(out, f"{bad.request.method} {bad.request.url.path} {bad.status_code} "
                            f"{_code(bad)}")
                continue
            cursor = orjson.loads(pulled.content)["cursor"]
            out["latencies"].append(time.perf_counter() - t0)
        except httpx.HTTPError as exc:
            out["errors"] += 1
            _count(out, type(exc).__name__)


def _code(response: httpx.Response) -> str:
    """The refusal's code, or the first outcome's code of a push answered 200."""
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return "?"
    if response.status_code == 200:
        return ",".join(o.get("code", "") for o in body.get("outcomes", [])[:1])
    return str(body.get("code", "?"))


def _count(out: dict, kind: str) -> None:
    out["kinds"][kind] = out["kinds"].get(kind, 0) + 1


def _replay(url: str, work: list[tuple[str, list[bytes]]], start_at: float,
            seconds: float) -> dict:
    """One client process: its devices' rounds, all concurrently, until the time is up."""
    async def run() -> dict:
        out = {"latencies": [], "errors": 0, "cpu": 0.0, "kinds": {}}
        limits = httpx.Limits(max_connections=len(work), max_keepalive_connections=len(work))
        async with httpx.AsyncClient(base_url=url, headers=HEADERS, timeout=60,
                                     limits=limits) as http:
            await asyncio.sleep(max(0.0, start_at - time.time()))
            stop_at = time.perf_counter() + seconds
            cpu = time.process_time()
            await asyncio.gather(*(_device_loop(http, token, bodies, stop_at, out)
                                   for token, bodies in work))
            out["cpu"] = time.process_time() - cpu
        return out
    return asyncio.run(run())


def measure(server, devices: list[dict], ids: dict, seconds: float, procs: int,
            rounds_cap: int, cpu: dict | None = None) -> tuple[int, list[float], int]:
    """`cpu`, when given, receives the CPU seconds of "server", "postgres" and "clients"."""
    work = [(d["token"], push_bodies(ids, rounds_cap, i)) for i, d in enumerate(devices)]
    shares = [work[k::procs] for k in range(procs)]
    start_at = time.time() + 2.0  # every process starts sending at the same moment
    meter = CpuMeter(server, server.db_url) if cpu is not None else None
    with multiprocessing.get_context("spawn").Pool(procs) as pool:
        pending = pool.starmap_async(_replay, [(server.url, share, start_at, seconds)
                                               for share in shares if share])
        if meter:
            time.sleep(max(0.0, start_at - time.time()))
            meter.start()
        results = pending.get()
        if meter:
            cpu.update(meter.stop())
    if cpu is not None:
        cpu["clients"] = sum(r["cpu"] for r in results)
    latencies = [t for r in results for t in r["latencies"]]
    if cpu is not None:  # what the errors were (`cpu` is the caller's out-parameter)
        cpu["error_kinds"] = {}
        for r in results:
            for kind, n in r["kinds"].items():
                cpu["error_kinds"][kind] = cpu["error_kinds"].get(kind, 0) + n
    return len(latencies), latencies, sum(r["errors"] for r in results)


def cpu_line(cpu: dict, rounds: int, seconds: float) -> str:
    per = {k: v / max(rounds, 1) * 1000 for k, v in cpu.items()}
    return (f"CPU per round: server {per['server']:.1f} ms, PostgreSQL {per['postgres']:.1f} "
            f"ms, load generator {per['clients']:.1f} ms (cores busy: server "
            f"{cpu['server'] / seconds:.2f}, PostgreSQL {cpu['postgres'] / seconds:.2f}, "
            f"clients {cpu['clients'] / seconds:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", default=os.environ.get("FIELDINSPECT_TEST_PG_URL"))
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--enrolled", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds-cap", type=int, default=400, help="bodies built per device")
    args = parser.parse_args()
    if not args.pg:
        sys.exit("give --pg postgresql+psycopg://... (or FIELDINSPECT_TEST_PG_URL)")
    from bench.sync_bench_setup import Server, seed_reference_at_hq, throw_away_pg

    with tempfile.TemporaryDirectory(prefix="fi-hq-capacity-") as tmp, \
            throw_away_pg(args.pg) as url:
        os.environ["FIELDINSPECT_BLOB_DIR"] = str(Path(tmp) / "hq-blobs")
        server = Server(Path(tmp) / "hq", url, workers=args.workers)
        server.migrate()
        ids = seed_reference_at_hq(server.db_url, server.data_dir)
        server.start()
        try:
            enrolled = enroll_devices(server, max(args.enrolled, args.devices))
            load_before = os.getloadavg()[0]
            cpu: dict = {}
            rounds, latencies, errors = measure(server, enrolled[:args.devices], ids,
                                                args.seconds, args.procs, args.rounds_cap, cpu)
        finally:
            server.stop()
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95)] * 1000 if latencies else float("nan")
    median = statistics.median(latencies) * 1000 if latencies else float("nan")
    print(f"HQ capacity, PostgreSQL, {args.workers} server workers, {args.devices} devices "
          f"sending ({len(enrolled)} enrolled) from {args.procs} client processes, "
          f"{args.seconds:.0f} s: {rounds / args.seconds:,.1f} one-record rounds/s (push + "
          f"pull), median {median:.0f} ms, p95 {p95:.0f} ms, {errors} errors; load average "
          f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after "
          f"(target >= 300/s, p95 <= 200 ms, 0 errors)")
    kinds = cpu.pop("error_kinds", {})
    print("  " + cpu_line(cpu, rounds, args.seconds))
    if kinds:
        print("  errors: " + "; ".join(f"{n} × {k}" for k, n in sorted(kinds.items())))


if __name__ == "__main__":
    main()
