"""Reading many rows from the encrypted store while another Python thread is busy (prints
figures; not a test).

sqlcipher3 lets go of the GIL for every `sqlite3_step`, so a `fetchall` of N rows takes the GIL
back N times; while another thread of the process runs Python, each take waits for that
thread's switch interval. This prints, for a push's outbox read of N forms
(`sync.client.outbox.read_batch_in`, row by row) and for the same forms read as ONE row that
SQLite builds (`json_group_array(json_object(...))`, parsed by orjson), the wall clock and the
reading thread's CPU, alone and beside a busy thread, at three switch intervals.

    .venv/bin/python bench/gil_fetch.py [--forms 4300]
"""

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ["FIELDINSPECT_KEYRING"] = "0"
os.environ.setdefault("FIELDINSPECT_KEY_DIR", tempfile.mkdtemp(prefix="fi-bench-keys-"))

import orjson  # noqa: E402

from models.records import Evaluation  # noqa: E402
from models.store.store import Store  # noqa: E402
from sync.client.outbox import _NOT_PUSHED, read_batch_in  # noqa: E402
from tests.sync.helpers import form, seed_reference  # noqa: E402


class _Writer:
    def __init__(self, store: Store):
        self.store = store

    def write(self):
        return self.store.write("bench")


def _busy(stop: threading.Event) -> None:
    x = 0
    while not stop.is_set():
        for i in range(1000):
            x += i


def _as_one_row(conn, forms: int) -> list:
    raw = conn.connection.driver_connection
    columns = [c.name for c in Evaluation.__table__.columns if c.name not in _NOT_PUSHED]
    obj = ", ".join(f"'{c}', \"{c}\"" for c in columns)
    ids = [r[0] for r in raw.execute("SELECT row_id FROM outbox WHERE table_name = "
                                     "'evaluation' ORDER BY seq LIMIT ?", (forms,))]
    out = []
    for at in range(0, len(ids), 500):
        chunk = ids[at:at + 500]
        text = raw.execute(f"SELECT json_group_array(json_object({obj})) FROM evaluation "
                           f"WHERE id IN ({', '.join('?' * len(chunk))})", chunk).fetchone()[0]
        out.extend(orjson.loads(text))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=4300, help="rows read (a push batch)")
    args = parser.parse_args()
    where = Path(tempfile.mkdtemp(prefix="fi-gil-"))
    store = Store.open(where, "bench")
    try:
        ids = seed_reference(_Writer(store))
        with store.write("bench") as w:
            w.create_many(Evaluation, [form(ids, f"G{i}") for i in range(args.forms)])
        print(f"{args.forms:,} forms read; load average {os.getloadavg()[0]:.2f}")
        ways = {"row by row (read_batch_in)": lambda c: read_batch_in(c, args.forms, 1 << 30)[0],
                "one row (json_group_array)": lambda c: _as_one_row(c, args.forms)}
        for interval in (0.005, 0.001, 0.0002):
            sys.setswitchinterval(interval)
            for name, read in ways.items():
                for busy in (False, True):
                    stop = threading.Event()
                    other = threading.Thread(target=_busy, args=(stop,)) if busy else None
                    if other:
                        other.start()
                    with store.read() as conn:
                        w0, c0 = time.perf_counter(), time.thread_time()
                        got = read(conn)
                        w1, c1 = time.perf_counter(), time.thread_time()
                    stop.set()
                    if other:
                        other.join()
                    print(f"switch {interval * 1000:4.1f} ms  {name:28s} "
                          f"{'beside a busy thread' if busy else 'alone':20s} wall "
                          f"{(w1 - w0) * 1000:7.1f} ms, CPU {(c1 - c0) * 1000:6.1f} ms "
                          f"({len(got):,} rows)")
    finally:
        store.close()
        shutil.rmtree(where, ignore_errors=True)


if __name__ == "__main__":
    main()
