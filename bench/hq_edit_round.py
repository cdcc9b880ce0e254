"""HQ's CPU for the 50-engine bench's round, in process (prints figures; not a test).

`bench/sync_bench.py --only many` runs fifty engines beside a served HQ, where the engines'
process decides the figure. Here HQ's app runs behind httpx's ASGI transport in the same
process, and each round is one device's: it edits its own form (`many`, the 50-engine bench's
round: an edit with the audit head report riding on the push and a page of the other devices'
edits) or makes a new form (`new`), then syncs. Printed: the thread CPU of `push_batch` and of
`pull_page` (the page riding on the push), their sum a round, and the CPU of the PostgreSQL
backends serving the throw-away database (from /proc), with the load average.

    .venv/bin/python bench/hq_edit_round.py --pg URL [--mode many|new] [--devices 50]
        [--rounds 300]
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
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ["FIELDINSPECT_KEYRING"] = "0"
os.environ["FIELDINSPECT_PASSPHRASE"] = "correct horse"

import sqlalchemy as sa  # noqa: E402

from bench.sync_bench_setup import seed_reference_at_hq, throw_away_pg  # noqa: E402
from models.records import Evaluation  # noqa: E402
from sync.server import routes  # noqa: E402
from tests.sync.helpers import Hq, form  # noqa: E402

SPENT: dict[str, list[float]] = {"push": [], "pull": []}


def _timed(name: str, fn):
    def run(*args, **kw):
        t0 = time.thread_time()
        try:
            return fn(*args, **kw)
        finally:
            SPENT[name].append(time.thread_time() - t0)
    return run


def _backends_cpu(database: str) -> float:
    """utime + stime of the PostgreSQL backends whose title names `database`."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                if database.encode() not in f.read():
                    continue
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", default=os.environ.get("FIELDINSPECT_TEST_PG_URL"))
    parser.add_argument("--mode", choices=("many", "new"), default="many")
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fi-edit-round-") as tmp, \
            throw_away_pg(args.pg) as url:
        tmp = Path(tmp)
        os.environ["FIELDINSPECT_KEY_DIR"] = str(tmp / "keys")
        os.environ["FIELDINSPECT_BLOB_DIR"] = str(tmp / "blobs")
        hq = Hq.start(url, tmp)
        try:
            ids = {**seed_reference_at_hq(url, tmp)}
            ids["window"] = ids["unit"]
            devices = [hq.device("hq") for _ in range(args.devices)]
            forms = []
            for i, dev in enumerate(devices):
                with dev.write() as w:
                    forms.append(w.create(Evaluation, form(ids, f"M{i}")))
            for dev in devices + devices:  # tokens, first pulls, everyone's forms
                dev.sync()
            routes.push_batch = _timed("push", routes.push_batch)
            routes.pull_page = _timed("pull", routes.pull_page)
            database = sa.engine.make_url(url).database
            pg0 = _backends_cpu(database)
            for i in range(args.rounds):
                k = i % len(devices)
                with devices[k].write() as w:
                    if args.mode == "many":
                        w.update(Evaluation, forms[k], {"suggestion": f"round {i}"})
                    else:
                        w.create(Evaluation, form(ids, f"N{i}"))
                devices[k].sync()
            pg = _backends_cpu(database) - pg0
        finally:
            hq.close()
    push, pull = SPENT["push"], SPENT["pull"]
    print(f"{args.mode}, {args.devices} devices, {args.rounds} rounds: push median "
          f"{statistics.median(push) * 1e6:.0f} µs, riding page median "
          f"{statistics.median(pull) * 1e6:.0f} µs; HQ's thread CPU a round "
          f"{(sum(push) + sum(pull)) / args.rounds * 1000:.2f} ms, PostgreSQL's "
          f"{pg / args.rounds * 1000:.2f} ms; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
