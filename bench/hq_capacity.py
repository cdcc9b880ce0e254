"""HQ's capacity measured apart from the clients (prints figures; not a test). Issue 18 §3.

`bench/sync_bench.py --only many` runs fifty sync engines in one Python process next to the
server, so on two cores it mostly measures the clients. Here the clients do nothing but send:
every device is enrolled through HQ's own API (real one-time codes, real credentials, real
access tokens), its one-record push bodies are built before the clock starts (one new form per
round, contiguous sequence numbers, every row checked by HQ's rules as any push is), and
separate processes (`--procs`, one keep-alive HTTP/1.1 connection per device on asyncio's
streams: real requests with the device's token, lighter than httpx) replay one-record rounds
as a device sends them (the push with its first pull page riding on it; `--separate`: the push,
then a pull from the device's cursor) against `fieldinspect serve` on PostgreSQL with
`--workers` processes, for a bounded time. Printed: rounds/s, median and p95 of a round,
errors, the load average, and the CPU seconds per round of the server's processes, of
PostgreSQL's backends serving it and of the load generator, read from /proc over the measured
seconds (on a shared 2-core machine rounds/s follows the other users' load; CPU per round does
much less).

    .venv/bin/python bench/hq_capacity.py --pg postgresql+psycopg://... [--devices 50]
        [--enrolled 500] [--seconds 20] [--procs 2] [--workers 2]

`--enrolled` devices are enrolled at HQ (default: as many as `--devices`); the first
`--devices` of them send rounds. Run it once with 50 and once with `--enrolled 500`.
"""

import argparse
import asyncio
import collections
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


def push_bodies(ids: dict, rounds: int, device: int) -> list[tuple[bytes, bytes]]:
    """One new form per round, sequence numbers 1, 2, ...: what a device's outbox would send,
    as the body's two halves, so the round's pull cursor can ride between them."""
    bodies = []
    for seq in range(1, rounds + 1):
        row_id = new_id()
        fields = {"id": row_id, "campaign_id": ids["campaign"], "unit_id": ids["unit"],
                  "group": "citizen", "level": "satisfied", "evaluated_on": "2026-03-01",
                  "form_no": f"L{device}-{seq}", "source": "paper", "voided": False,
                  "reason": "", "suggestion": "", "void_reason": "",
                  "created_at": "2026-03-01 09:00:00.000000"}
        body = orjson.dumps({"entries": [{
            "seq": seq, "table": "evaluation", "row_id": row_id, "op": "insert",
            "fields": fields, "base_version": None, "profile": "load"}]})
        bodies.append((body[:-1], body[-1:]))
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


class Connection:
    """One device's keep-alive HTTP/1.1 connection to HQ, written on asyncio's streams: real
    requests (method, path, headers, the device's bearer token, a JSON body) and real answers
    (status line, headers, Content-Length or chunked body), without httpx's per-request CPU
    (~2.5 ms per request here, more than HQ's own share of a round; issue 18 §3)."""

    def __init__(self, host: str, port: int, token: str) -> None:
        self.host, self.port = host, port
        self.head = (f"Host: {host}:{port}\r\n{SCHEMA_HEADER}: {SCHEMA_VERSION}\r\n"
                     f"Authorization: Bearer {token}\r\n").encode()
        self.reader = self.writer = None
        self.timing: bytes | None = None  # the last answer's x-hq-timing (sync/server/timing)
        self.closed_by_hq = 0

    async def request(self, method: str, path: str, body: bytes | None = None
                      ) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        lines = [f"{method} {path} HTTP/1.1\r\n".encode(), self.head]
        if body is not None:
            lines.append(b"Content-Type: application/json\r\nContent-Length: %d\r\n"
                         % len(body))
        lines.append(b"\r\n")
        if body is not None:
            lines.append(body)
        self.writer.write(b"".join(lines))
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head[:-4].split(b"\r\n")
        status = int(status_line.split(b" ", 2)[1])
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip()
        if b"content-length" in headers:
            content = await self.reader.readexactly(int(headers[b"content-length"]))
        elif headers.get(b"transfer-encoding", b"").lower() == b"chunked":
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n"))[:-2].split(b";")[0], 16)
                parts.append(await self.reader.readexactly(size + 2))
                if size == 0:
                    break
            content = b"".join(p[:-2] for p in parts)
        else:
            raise ConnectionError("an answer without Content-Length or chunked body")
        self.timing = headers.get(b"x-hq-timing")
        if headers.get(b"connection", b"").lower() == b"close":
            self.close()  # HQ evening out its workers (sync/server/workers.Balancer)
            self.closed_by_hq += 1
        return status, content

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def _device_loop(conn: Connection, bodies: list[tuple[bytes, bytes]], stop_at: float,
                       out: dict, separate: bool) -> None:
    """Rounds of one device until the time is up. A round is what a device's one-record sync
    sends: the push with its first pull page riding on it (`PushBatch.pull`, one request), or
    with `separate` the push, then a GET /v1/pull from the device's cursor (two requests)."""
    cursor = 0
    for head, tail in bodies:
        if time.perf_counter() >= stop_at:
            break
        t0 = time.perf_counter()
        try:
            if separate:
                status, content = await conn.request("POST", "/v1/push", head + tail)
                pulled = await conn.request("GET", f"/v1/pull?cursor={cursor}")
                if status != 200 or pulled[0] != 200:
                    bad = ("POST /v1/push", status, content) if status != 200 else \
                        ("GET /v1/pull", *pulled)
                    _error(out, f"{bad[0]} {bad[1]} {_code(bad[2])}")
                    continue
                page = orjson.loads(pulled[1])
            else:
                status, content = await conn.request(
                    "POST", "/v1/push", b"%s,\"pull\":{\"cursor\":%d}%s" % (head, cursor, tail))
                if status != 200:
                    _error(out, f"POST /v1/push {status} {_code(content)}")
                    continue
            pushed = orjson.loads(content)
            # A refused form (an outcome listed) is an error too: every round must apply.
            if pushed["outcomes"]:
                _error(out, f"POST /v1/push 200 {pushed['outcomes'][0].get('code', '')}")
                continue
            if not separate:
                page = pushed.get("page")
                if page is None:
                    _error(out, "POST /v1/push 200 without the page asked for")
                    continue
            cursor = page["cursor"]
            seen = time.perf_counter() - t0
            out["latencies"].append(seen)
            if conn.timing:  # pid, µs in the app, collector pauses, requests already inside
                pid, took, gcs, gc_us, inside = conn.timing.split()
                out["server"].append((int(pid), int(took) / 1e6, int(inside), seen,
                                      time.perf_counter()))
                seen = (int(gcs), int(gc_us) / 1e6)
                out["gc"].setdefault(int(pid), [seen, seen])[1] = seen
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                ValueError) as exc:
            conn.close()
            _error(out, type(exc).__name__)
    conn.close()


def _code(content: bytes) -> str:
    """The refusal's code."""
    try:
        return str(orjson.loads(content).get("code", "?"))
    except (orjson.JSONDecodeError, AttributeError):
        return "?"


def _error(out: dict, kind: str) -> None:
    out["errors"] += 1
    out["kinds"][kind] = out["kinds"].get(kind, 0) + 1


def _replay(url: str, work: list[tuple[str, list[tuple[bytes, bytes]]]], start_at: float,
            seconds: float, separate: bool) -> dict:
    """One client process: its devices' rounds, all concurrently, until the time is up."""
    host, port = url.removeprefix("http://").rsplit(":", 1)

    async def run() -> dict:
        out = {"latencies": [], "errors": 0, "cpu": 0.0, "kinds": {}, "server": [], "gc": {},
               "lag": []}
        conns = [Connection(host, int(port), token) for token, _ in work]
        await asyncio.sleep(max(0.0, start_at - time.time()))
        stop_at = time.perf_counter() + seconds
        cpu = time.process_time()

        async def lag() -> None:
            # how late this process's loop wakes: the generator's own share of a round's time
            while time.perf_counter() < stop_at:
                t = time.perf_counter()
                await asyncio.sleep(0.005)
                out["lag"].append(time.perf_counter() - t - 0.005)
        probe = asyncio.ensure_future(lag())
        await asyncio.gather(*(_device_loop(conn, bodies, stop_at, out, separate)
                               for conn, (_, bodies) in zip(conns, work)))
        await probe
        out["reconnects"] = sum(conn.closed_by_hq for conn in conns)
        out["cpu"] = time.process_time() - cpu
        return out
    return asyncio.run(run())


def measure(server, devices: list[dict], ids: dict, seconds: float, procs: int,
            rounds_cap: int, cpu: dict | None = None, separate: bool = False
            ) -> tuple[int, list[float], int]:
    """`cpu`, when given, receives the CPU seconds of "server", "postgres" and "clients"."""
    work = [(d["token"], push_bodies(ids, rounds_cap, i)) for i, d in enumerate(devices)]
    shares = [work[k::procs] for k in range(procs)]
    start_at = time.time() + 2.0  # every process starts sending at the same moment
    meter = CpuMeter(server, server.db_url) if cpu is not None else None
    with multiprocessing.get_context("spawn").Pool(procs) as pool:
        pending = pool.starmap_async(_replay, [(server.url, share, start_at, seconds,
                                                separate)
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
        cpu["timing"] = {"server": [t for r in results for t in r["server"]],
                         "lag": [t for r in results for t in r["lag"]], "gc": {},
                         "reconnects": sum(r["reconnects"] for r in results)}
        for r in results:
            for pid, (first, last) in r["gc"].items():
                was = cpu["timing"]["gc"].get(pid, (first, last))
                cpu["timing"]["gc"][pid] = (min(was[0], first), max(was[1], last))
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


def _p(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))] * 1000 if values else float("nan")


def timing_lines(timing: dict) -> list[str]:
    """Where the round's time went: HQ's own time per request (ASGI call to the answer, from
    the x-hq-timing header, sync/server/timing.py) against what the clients saw, per worker,
    with the collector's pauses and the load generator's own loop delay."""
    rows = timing["server"]
    if not rows:
        return ["(no x-hq-timing header: the server's own times are unknown)"]
    lines = [f"the server's own time per round: median {_p([r[1] for r in rows], .5):.0f} ms, "
             f"p95 {_p([r[1] for r in rows], .95):.0f} ms (the clients saw median "
             f"{_p([r[3] for r in rows], .5):.0f} ms, p95 {_p([r[3] for r in rows], .95):.0f} "
             f"ms); load generator's loop late by median {_p(timing['lag'], .5):.1f} ms, p95 "
             f"{_p(timing['lag'], .95):.1f} ms; {timing['reconnects']} devices asked to "
             f"reconnect"]
    # The pace over the run: rounds done per half second, both workers together. A pace that
    # swings while the same devices keep sending is the machine's CPU coming and going (every
    # round in hand waits through a slow half second), not one request held up.
    start = min(r[4] for r in rows)
    windows = collections.Counter(int((r[4] - start) / 0.5) for r in rows)
    paces = sorted(n for w, n in windows.items() if 0 < w < max(windows))  # whole ones
    if paces:
        lines.append(f"rounds done per half second: least {paces[0]}, median "
                     f"{statistics.median(paces):.0f}, most {paces[-1]}")
    for pid in sorted({r[0] for r in rows}):
        mine = [r for r in rows if r[0] == pid]
        (n0, t0), (n1, t1) = timing["gc"].get(pid, ((0, 0.0), (0, 0.0)))
        lines.append(
            f"worker {pid}: {len(mine)} rounds, server median {_p([r[1] for r in mine], .5):.0f}"
            f" / p95 {_p([r[1] for r in mine], .95):.0f} ms, clients median "
            f"{_p([r[3] for r in mine], .5):.0f} / p95 {_p([r[3] for r in mine], .95):.0f} ms, "
            f"requests already inside median {statistics.median(r[2] for r in mine):.0f}, "
            f"collector {n1 - n0} pauses, {(t1 - t0) * 1000:.0f} ms in all")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", default=os.environ.get("FIELDINSPECT_TEST_PG_URL"))
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--enrolled", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds-cap", type=int, default=400, help="bodies built per device")
    parser.add_argument("--separate", action="store_true",
                        help="the pull as a request of its own (two requests per round)")
    parser.add_argument("--profile", type=Path, default=None, metavar="FOLDER",
                        help="each worker writes a cProfile of its threads to FOLDER "
                             "(sync/server/profiling.py; slows HQ: figures are not comparable)")
    args = parser.parse_args()
    if not args.pg:
        sys.exit("give --pg postgresql+psycopg://... (or FIELDINSPECT_TEST_PG_URL)")
    from bench.sync_bench_setup import Server, seed_reference_at_hq, throw_away_pg

    if args.profile is not None:
        args.profile.mkdir(parents=True, exist_ok=True)
        os.environ["FIELDINSPECT_HQ_PROFILE"] = str(args.profile.resolve())
    os.environ.setdefault("FIELDINSPECT_HQ_TIMING", "1")  # HQ's own times (sync/server/timing); 0: off
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
                                                args.seconds, args.procs, args.rounds_cap, cpu,
                                                args.separate)
        finally:
            server.stop()
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95)] * 1000 if latencies else float("nan")
    median = statistics.median(latencies) * 1000 if latencies else float("nan")
    print(f"HQ capacity, PostgreSQL, {args.workers} server workers, {args.devices} devices "
          f"sending ({len(enrolled)} enrolled) from {args.procs} client processes, "
          f"{args.seconds:.0f} s: {rounds / args.seconds:,.1f} one-record rounds/s ("
          f"{'push, then pull' if args.separate else 'push with its pull riding'}), "
          f"median {median:.0f} ms, p95 {p95:.0f} ms, {errors} errors; load average "
          f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after "
          f"(target >= 300/s, p95 <= 200 ms, 0 errors)")
    kinds = cpu.pop("error_kinds", {})
    timing = cpu.pop("timing")
    if os.environ.get("HQ_CAPACITY_DUMP"):  # every round's timing, for a closer look
        Path(os.environ["HQ_CAPACITY_DUMP"]).write_bytes(orjson.dumps(timing["server"]))
    print("  " + cpu_line(cpu, rounds, args.seconds))
    for line in timing_lines(timing):
        print("  " + line)
    if kinds:
        print("  errors: " + "; ".join(f"{n} × {k}" for k, n in sorted(kinds.items())))
    if args.profile is not None:
        written = sorted(str(p) for p in args.profile.glob("hq-*.prof"))
        print(f"  profiles (pstats, one per worker): {', '.join(written)}")


if __name__ == "__main__":
    main()
