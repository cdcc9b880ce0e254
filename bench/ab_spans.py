"""Where the wall clock of a one-record round A -> HQ -> B goes, on both sides (prints figures;
not a test).

`bench/sync_bench.py --only ab` gives the whole round's wall clock and each side's CPU; this
one stamps the phases of each round on the devices AND in HQ's served process with the one
system-wide monotonic clock (CLOCK_MONOTONIC: comparable across processes), so the gaps between
them (a request on the wire, a hand-over to a thread, a wait for a core) show as well as the
work. HQ is a real `fieldinspect serve` on SQLite (its code patched with the stamps only);
100,000 forms held by default.

    .venv/bin/python bench/ab_spans.py [--records 100000] [--rounds 100]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _stamp(log: list, name: str) -> None:
    log.append((name, time.perf_counter_ns()))


def _serve_with_stamps(out: str, argv: list[str]) -> None:
    """HQ's `serve`, with stamps around its request, its push and its pull page (written to
    `out` as it stops)."""
    import atexit
    import json
    import signal

    import sqlalchemy as sa

    from sync.server import fast_path, routes

    log: list = []
    def write_out() -> None:
        if log:
            Path(out).write_text(json.dumps(log))
            log.clear()
    atexit.register(write_out)
    # uvicorn raises the stopping signal again once it has shut down (no exit handlers then)
    raise_signal = signal.raise_signal
    signal.raise_signal = lambda sig: (write_out(), raise_signal(sig))

    def around_request(serve, name):
        async def wrapped(app, scope, receive, send):
            _stamp(log, f"hq.{name}.in")

            async def sending(message):
                if message["type"] == "http.response.body":
                    _stamp(log, f"hq.{name}.send")
                await send(message)
            await serve(app, scope, receive, sending)
        return wrapped

    for key, serve in list(fast_path.FAST.items()):
        fast_path.FAST[key] = around_request(serve, key[1].rsplit("/", 1)[-1])

    def around(fn, name):
        def wrapped(*args, **kw):
            _stamp(log, f"hq.{name}.start")
            try:
                return fn(*args, **kw)
            finally:
                _stamp(log, f"hq.{name}.end")
        return wrapped

    routes.push_batch = around(routes.push_batch, "push_batch")
    routes.pull_page = around(routes.pull_page, "pull_page")
    sa.event.listen(sa.Engine, "commit", lambda conn: _stamp(log, "hq.commit"))
    from desktop.cli import main
    sys.exit(main(argv))


def _device_stamps(log: list) -> None:
    import sqlalchemy as sa

    from sync.client import engine as E
    from sync.client.hq_client import HqClient

    def around(fn, name):
        def wrapped(*args, **kw):
            _stamp(log, f"{name}.start")
            try:
                return fn(*args, **kw)
            finally:
                _stamp(log, f"{name}.end")
        return wrapped

    def around_async(fn, name):
        async def wrapped(*args, **kw):
            _stamp(log, f"{name}.send")
            try:
                return await fn(*args, **kw)
            finally:
                _stamp(log, f"{name}.back")
        return wrapped

    E.round_start = around(E.round_start, "round_start")
    E.apply_page = around(E.apply_page, "apply_page")
    HqClient.push = around_async(HqClient.push, "push")
    HqClient.pull = around_async(HqClient.pull, "pull")
    sa.event.listen(sa.Engine, "commit", lambda conn: _stamp(log, "dev.commit"))


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--serve-with-stamps":
        _serve_with_stamps(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
    os.environ["FIELDINSPECT_KEYRING"] = "0"
    from bench.key_dir import throwaway_key_dir

    throwaway_key_dir()
    os.environ["FIELDINSPECT_PASSPHRASE"] = "bench"
    import json
    import subprocess

    from bench import sync_bench_setup as setup
    from models.records import Evaluation
    from tests.sync.helpers import form

    log: list = []
    _device_stamps(log)
    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="fi-ab-spans-") as tmp:
        tmp = Path(tmp)
        hq_log = tmp / "hq-stamps.json"

        class StampedServer(setup.Server):
            def start(self) -> None:
                real = subprocess.Popen

                def popen(cmd, **kw):
                    assert cmd[1:3] == ["-m", "desktop.cli"]
                    return real([cmd[0], __file__, "--serve-with-stamps", str(hq_log),
                                 *cmd[3:]], **kw)
                subprocess.Popen = popen
                try:
                    super().start()
                finally:
                    subprocess.Popen = real

        server = StampedServer(tmp / "ab-hq", None)
        ids = setup.seed_reference_at_hq(server.db_url, server.data_dir)
        setup.seed_forms_at_hq(server.db_url, server.data_dir, ids, args.records)
        server.start()
        rounds = []
        try:
            a = setup.enroll(server, tmp / "ab-a", "hq")
            b = setup.enroll(server, tmp / "ab-b", "hq")
            for device in (a, b, a, b):
                device.sync()
            for i in range(args.rounds):
                with a.write() as w:
                    w.create(Evaluation, form({**ids, "window": ids["unit"]}, f"AB{i}"))
                log.clear()
                c0 = time.thread_time()
                _stamp(log, "a.start")
                a.sync()
                _stamp(log, "b.start")
                b.sync()
                _stamp(log, "b.end")
                rounds.append((list(log), time.thread_time() - c0))
        finally:
            server.stop()
        hq = json.loads(hq_log.read_text())
    _report(rounds, hq)


def _report(rounds: list, hq: list) -> None:
    """Per round, the phases in order (devices' and HQ's stamps merged by time), as spans
    between consecutive stamps; medians and p95 over the rounds."""
    hq.sort(key=lambda s: s[1])
    spans: dict[str, list[float]] = {}
    order: list[str] = []
    totals = []
    import bisect
    times = [s[1] for s in hq]
    for log, _cpu in rounds:
        lo, hi = log[0][1], log[-1][1]
        merged = sorted(log + hq[bisect.bisect_left(times, lo):bisect.bisect_right(times, hi)],
                        key=lambda s: s[1])
        totals.append((hi - lo) / 1e6)
        seen: dict[str, int] = {}
        for (n0, t0), (n1, t1) in zip(merged, merged[1:]):
            key = f"{n0} -> {n1}"
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                key += f" #{seen[key]}"
            if key not in spans:
                order.append(key)
            spans.setdefault(key, []).append((t1 - t0) / 1e6)
    n = len(rounds)
    totals.sort()
    print(f"A -> B wall: median {statistics.median(totals):.2f} ms, p95 "
          f"{totals[int(n * .95)]:.2f} ms over {n} rounds; the devices' event-loop thread's CPU "
          f"median {statistics.median(c for _l, c in rounds) * 1000:.2f} ms")
    for key in order:
        values = sorted(spans[key])
        if len(values) < n // 2:
            continue
        print(f"  {statistics.median(values):7.3f} ms  p95 {values[int(len(values) * .95)]:7.3f}"
              f"  ({len(values)}/{n})  {key}")


if __name__ == "__main__":
    main()
