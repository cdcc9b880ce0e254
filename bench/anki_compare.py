"""FieldInspect's sync and import beside Anki's sync server, in one run (issue 18 §4).

Anki (`python -m anki.syncserver`, the `anki` package) is the most used open-source
offline-first desktop sync; issue 18's table sets FieldInspect's targets against it. This script
refreshes that table on the machine it runs on: it measures Anki on the same numbers of records
(a new device's full download of --records notes, a normal sync pushing --forms new notes, one
new note from device A to device B with --records held, a CSV import of --records notes), then
FieldInspect's matching figures by calling `bench/sync_bench.py`'s functions, and prints both
side by side with the target and the load average.

    pip install -e '.[bench-anki]'        # the optional extra with the anki package
    .venv/bin/python bench/anki_compare.py [--records 100000] [--forms 26300] [--pg URL]

A quick run: `--records 5000 --forms 2000`. Without `anki` it says how to install it and exits 2.
"""

import argparse
import importlib.util
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INSTALL = ("anki_compare: the `anki` package is not installed; install the optional extra "
           "with `.venv/bin/pip install -e '.[bench-anki]'` (or `.venv/bin/pip install anki`)")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000,
                        help="records held: first pull, Anki's round and CSV import")
    parser.add_argument("--forms", type=int, default=26_300, help="forms (notes) pushed")
    parser.add_argument("--rounds", type=int, default=20, help="one-record rounds timed")
    parser.add_argument("--pg", default=os.environ.get("FIELDINSPECT_TEST_PG_URL"),
                        help="PostgreSQL URL for the PostgreSQL HQ push (skipped without one)")
    return parser.parse_args(argv)


def fieldinspect_figures(tmp: Path, args: argparse.Namespace) -> dict:
    """FieldInspect's figures from sync_bench (which also prints its own detail lines)."""
    sys.path.insert(0, str(ROOT))
    from bench import sync_bench

    os.environ["FIELDINSPECT_BLOB_DIR"] = str(tmp / "hq-blobs")
    pull = sync_bench.bench_pull(tmp, args.records)
    push = sync_bench.bench_push(tmp, args.forms, args.pg)
    return {"first_pull": pull["snapshot, built"], "first_pull_cached": pull["snapshot, cached"],
            "first_pull_ahead": pull["snapshot, built at its code"],
            "push": push.get("SQLite HQ"), "push_pg": push.get("PostgreSQL HQ"),
            "round_own": sync_bench.bench_round(tmp, args.rounds),
            "round": sync_bench.bench_a_to_b(tmp, args.records, args.rounds),
            "import": sync_bench.bench_import(tmp)}


def _s(seconds: float | None, ms: bool = False) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.1f} ms" if ms else f"{seconds:.2f} s"


def rows(fi: dict, anki: dict, args: argparse.Namespace, import_forms: int) -> list[tuple]:
    """The issue's table: (figure, FieldInspect, Anki, target, met)."""
    pg_target = 1.3 * fi["push"] if fi["push_pg"] is not None else None
    push_target = 0.6 * args.forms / 26_300  # the 0.6 s is for 26,300 forms
    return [
        (f"a new device's first pull of {args.records:,} records: its code made (HQ builds "
         f"its scope's snapshot then, and keeps it fresh while the code is out), then its "
         f"first sync",
         f"{_s(fi['first_pull_ahead'])} (a scope already cached: "
         f"{_s(fi['first_pull_cached'])})",
         f"{_s(anki['first_pull'])} (full download)", "<= Anki's in the same run",
         fi["first_pull_ahead"] <= anki["first_pull"]),
        ("the same when HQ must build the snapshot at that first sync (the scope changed "
         "after the code was made, or HQ's database was restored from a backup)",
         _s(fi["first_pull"]), f"{_s(anki['first_pull'])} (full download)", "—", None),
        (f"one device pushes {args.forms:,} forms, SQLite HQ", _s(fi["push"]),
         f"{_s(anki['push'])} (normal sync)",
         f"<= {push_target:.2f} s (0.6 s a 26,300)", fi["push"] <= push_target),
        ("the same, PostgreSQL HQ", _s(fi["push_pg"]), "—", "<= 1.3 x SQLite HQ",
         None if pg_target is None else fi["push_pg"] <= pg_target),
        (f"one new record from device A to device B through HQ, {args.records:,} held: A's "
         f"sync then B's (FieldInspect's own round, one device pushing and pulling its change: "
         f"{_s(fi['round_own'], ms=True)})",
         _s(fi["round"], ms=True), _s(anki["round"], ms=True), "<= 10 ms", fi["round"] <= 0.010),
        (f"import: FieldInspect {import_forms:,} forms (whole command), Anki "
         f"{args.records:,} notes' CSV", _s(fi["import"]), _s(anki["csv_import"]), "<= 1 s",
         fi["import"] <= 1.0),
    ]


def print_table(table: list[tuple], load_before: float) -> None:
    print(f"\ncores: {os.cpu_count()}, load average (1 min) at start {load_before:.2f}, "
          f"at end {os.getloadavg()[0]:.2f}")
    print("| figure | FieldInspect | Anki | target | met |\n|---|---|---|---|---|")
    for figure, ours, theirs, target, met in table:
        mark = "—" if met is None else ("yes" if met else "no")
        print(f"| {figure} | {ours} | {theirs} | {target} | {mark} |")


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if importlib.util.find_spec("anki") is None:
        print(INSTALL, file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from bench import anki_side
    from bench.import_bench import FORMS

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="fi-anki-compare-") as tmp:
        tmp = Path(tmp)
        (tmp / "anki").mkdir()
        print(f"Anki {anki_version()}: measuring ...", flush=True)
        anki = anki_side.measure(tmp / "anki", args.records, args.forms, args.rounds)
        print("Anki: " + ", ".join(f"{k} {v:.3f} s" for k, v in anki.items()), flush=True)
        fi = fieldinspect_figures(tmp, args)
    print_table(rows(fi, anki, args, FORMS), load_before)
    return 0


def anki_version() -> str:
    from anki.buildinfo import version

    return version


if __name__ == "__main__":
    sys.exit(main())
