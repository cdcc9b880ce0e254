"""The raw executemany of N forms into an encrypted store under store settings to compare
(prints figures; not a test). Each variant runs in a fresh process: SQLCipher's
`cipher_memory_security` is the whole process's once a connection sets it.

    .venv/bin/python bench/insert_variants.py [--forms 26300] VARIANT [VARIANT ...]

A variant is parts joined by "+": `base` (the device store as it opens), `paused` (the counting
triggers paused, as HQ has none), `cacheN` (PRAGMA cache_size=-N, KiB), `memsec` / `nomemsec`
(cipher_memory_security ON / OFF), `sorted` (rows in key order), `drop-NAME` (DROP INDEX
ix_evaluation_NAME), `none-default` (None bound through sqlcipher3's default path, without
the store's adapter for None). Printed: the executemany's and the commit's wall and thread CPU.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ["FIELDINSPECT_PASSPHRASE"] = "bench"


def run_variant(variant: str, forms: int, where: Path) -> str:
    from bench.sync_bench_setup import seed_rows_for_baseline
    from models.records import Evaluation
    from models.store.database import write_transaction
    from models.store.store import Store

    rows = seed_rows_for_baseline(forms)
    columns = [c.name for c in Evaluation.__table__.columns]
    sql = (f'INSERT INTO evaluation ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
           f'VALUES ({", ".join("?" for _ in columns)})')
    shutil.rmtree(where, ignore_errors=True)
    store = Store.open(where, "bench")
    parts = variant.split("+")
    if "none-default" in parts:
        import sqlcipher3

        del sqlcipher3.adapters[(type(None), sqlcipher3.PrepareProtocol)]
    with write_transaction(store.engine) as conn:
        raw = conn.connection.driver_connection
        for part in parts:
            if part.startswith("cache"):
                raw.execute(f"PRAGMA cache_size = -{int(part[5:])}")
            elif part in ("memsec", "nomemsec"):
                raw.execute(f"PRAGMA cipher_memory_security = {'ON' if part == 'memsec' else 'OFF'}")
            elif part == "paused":
                raw.execute("INSERT INTO tally_paused (paused) VALUES (1)")
            elif part.startswith("drop-"):
                raw.execute(f'DROP INDEX "ix_evaluation_{part[5:]}"')
        if "sorted" in parts:
            rows.sort(key=lambda r: r[0])
        t0, c0 = time.perf_counter(), time.thread_time()
        raw.executemany(sql, rows)
        t1, c1 = time.perf_counter(), time.thread_time()
    t2, c2 = time.perf_counter(), time.thread_time()
    store.close()
    return (f"{variant:45s} executemany {t1 - t0:.3f} s (CPU {c1 - c0:.3f}), commit "
            f"{t2 - t1:.3f} s (CPU {c2 - c1:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=26_300)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    parser.add_argument("variants", nargs="*", default=["base"])
    args = parser.parse_args()
    if args.one:
        print(run_variant(args.one, args.forms, Path(args.dir)))
        return
    print(f"raw executemany of {args.forms:,} forms; load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="fi-insert-") as tmp:
        for k, variant in enumerate(args.variants):
            subprocess.run([sys.executable, __file__, "--forms", str(args.forms), "--one",
                            variant, "--dir", str(Path(tmp) / str(k))], check=True)
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
