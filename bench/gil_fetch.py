"""Reading many rows from the encrypted store while another Python thread is busy (prints
figures; not a test).

sqlcipher3 lets go of the GIL for every `sqlite3_step`, so a `fetchall` of N rows takes the GIL
back N times; while another thread of the process runs Python, each take waits for that
thread's switch interval. This prints, for a push's outbox read of N forms
row by row (as `sync.client.outbox.read_batch_in` read them before) and as it reads them now
(ONE row per query that SQLite builds, `json_group_array(...)`, parsed by orjson), the wall
clock and the reading thread's CPU, alone and beside a busy thread, at three switch
intervals.

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
from bench.key_dir import throwaway_key_dir  # noqa: E402

throwaway_key_dir()

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


def _row_by_row(conn, forms: int) -> list:
    """The outbox read as it was before it came back as one JSON row: the entries and then
    the forms' columns row by row (500 ids per query), booleans fixed in Python."""
    raw = conn.connection.driver_connection
    columns = [c.name for c in Evaluation.__table__.columns if c.name not in _NOT_PUSHED]
    names = ", ".join(f'"{c}"' for c in columns)
    entries = raw.execute("SELECT seq, table_name, row_id, op, fields, base_version, profile, "
                          "length(CAST(fields AS BLOB)) FROM outbox WHERE table_name = "
                          "'evaluation' ORDER BY seq LIMIT ?", (forms,)).fetchall()
    ids = [r[2] for r in entries]
    out = []
    for at in range(0, len(ids), 500):
        chunk = ids[at:at + 500]
        for row in raw.execute(f"SELECT {names} FROM evaluation WHERE id IN "
                               f"({', '.join('?' * len(chunk))})", chunk):
            values = dict(zip(columns, row, strict=True))
            values["voided"] = bool(values["voided"])
            out.append(values)
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
        ways = {"row by row (before)": lambda c: _row_by_row(c, args.forms),
                "read_batch_in (JSON rows)": lambda c: read_batch_in(c, args.forms, 1 << 30)[0]}
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
