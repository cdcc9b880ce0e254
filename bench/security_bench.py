"""Benchmark: the cost of the audit chain and of attachment encryption (issue 6).

Prints figures (not a test): 26,300 forms written in one transaction through the single write
path with the outbox only, then with outbox + audit chain (best of 3 each, fresh store each run),
and the ratio; attachment put/get throughput against plain file writes/reads.

    .venv/bin/python bench/security_bench.py
"""

import datetime as dt
import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "14")
os.environ.setdefault("FIELDINSPECT_KEYRING", "0")
os.environ.setdefault("FIELDINSPECT_KEY_DIR", tempfile.mkdtemp(prefix="fi-bench-keys-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.records import Evaluation  # noqa: E402
from models.store import writes  # noqa: E402
from models.store.store import Store  # noqa: E402

FORMS = 26_300


def _forms() -> list[dict]:
    return [{"campaign_id": "c", "group": "citizen", "unit_id": f"u{i % 500}",
             "level": "satisfied", "reason": "", "suggestion": "", "form_no": f"N{i}",
             "evaluated_on": dt.date(2026, 3, 1)} for i in range(FORMS)]


def _write_once(hook_names: set[str]) -> float:
    saved = list(writes.WRITE_HOOKS)
    writes.WRITE_HOOKS[:] = [h for h in saved if h.__name__ in hook_names]
    store = Store.open(Path(tempfile.mkdtemp()) / "dev", "bench")
    rows = _forms()
    try:
        start = time.perf_counter()
        with store.write("clerk") as w:
            w.create_many(Evaluation, rows)
        return time.perf_counter() - start
    finally:
        writes.WRITE_HOOKS[:] = saved
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


def main() -> None:
    base = min(_write_once({"append_to_outbox"}) for _ in range(3))
    full = min(_write_once({"append_to_outbox", "append_to_audit"}) for _ in range(3))
    print(f"{FORMS:,} forms, one transaction: outbox only {base:.2f} s, "
          f"outbox + audit chain {full:.2f} s, ratio {full / base:.2f}x")
    put, get, plain_put, plain_get = _blobs()
    mb = 40
    print(f"attachments (20 x 2 MB): encrypted put {mb / put:.0f} MB/s vs plain {mb / plain_put:.0f}"
          f" MB/s; encrypted get {mb / get:.0f} MB/s vs plain {mb / plain_get:.0f} MB/s")


if __name__ == "__main__":
    main()
