"""Where HQ's build of a snapshot spends its time (prints a cProfile; not a test).

Seeds an SQLite HQ with N forms, enrolls one HQ-role device through a real `fieldinspect
serve`, stops it, then builds that device's snapshot in this process under cProfile.

    .venv/bin/python bench/snapshot_build_profile.py [--records 100000] [--top 30]
"""

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ["FIELDINSPECT_KEYRING"] = "0"
from bench.key_dir import throwaway_key_dir  # noqa: E402

throwaway_key_dir()
os.environ["FIELDINSPECT_PASSPHRASE"] = "bench"

from bench.sync_bench_setup import (  # noqa: E402
    PASSPHRASE,
    Server,
    enroll,
    seed_forms_at_hq,
    seed_reference_at_hq,
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--file", action="store_true",
                        help="build the image as a file under a one-time key (the fallback)")
    args = parser.parse_args()
    import sqlalchemy as sa

    from models.store.schema import HEAD
    from models.store.sqlcipher_pages import IMAGE_FORM
    from sync.server import snapshot
    from sync.server import tables as T
    from sync.server.auth import _identity
    from sync.server.db import open_server_db

    with tempfile.TemporaryDirectory(prefix="fi-snap-build-") as tmp:
        tmp = Path(tmp)
        os.environ["FIELDINSPECT_BLOB_DIR"] = str(tmp / "hq-blobs")
        server = Server(tmp / "hq", None)
        ids = seed_reference_at_hq(server.db_url, server.data_dir)
        seed_forms_at_hq(server.db_url, server.data_dir, ids, args.records)
        server.start()
        try:
            enroll(server, tmp / "dev", "hq").store.close()
        finally:
            server.stop()
        db = open_server_db(server.db_url, passphrase=PASSPHRASE)
        try:
            with db.read() as conn:
                row = conn.execute(sa.select(T.device).where(T.device.c.role == "hq")).first()
            from models.store.snapshot_file import blank_image, device_schema

            device_schema(), blank_image()  # as `fieldinspect serve` does at its start
            if args.file:
                snapshot.memory_images = lambda: False
            profile = cProfile.Profile()
            print(f"load average: {os.getloadavg()}", flush=True)
            t0, c0 = time.perf_counter(), time.process_time()
            profile.enable()
            _header, body, _size = snapshot.snapshot_for(db, _identity(row), HEAD, IMAGE_FORM)
            profile.disable()
            print(f"built {args.records:,} records in {time.perf_counter() - t0:.2f} s "
                  f"(CPU {time.process_time() - c0:.2f} s), body {len(body):,} bytes")
        finally:
            db.close()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
