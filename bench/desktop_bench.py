"""Desktop benchmark (prints figures; not a test).

- cold start to the dashboard's figures drawn on a store of 100,000 forms, against a bare
  PySide6 window started the same way in the same run: once right after the data changed
  (the figures are computed: one grouped scan), and as a restarted window usually starts
  (nothing changed since the last run: the figures kept in the store are drawn);
- resident memory of the window with that store open;
- open and filter times of the evaluations list at 100,000 rows.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/desktop_bench.py [--forms 100000]
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PASSPHRASE = "bench"

BARE = """
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([]); w = QWidget(); w.resize(1366, 768); w.show(); app.processEvents()
print(time.perf_counter() - t0)
"""


def build_store(data_dir: Path, forms: int) -> None:
    from models.demo import load_demo_data
    from models.ids import new_id
    from models.records import Evaluation
    from models.store.store import Store

    store = Store.open(data_dir, PASSPHRASE)
    load_demo_data(store)
    with store.read() as conn:
        rows = [dict(r) for r in conn.exec_driver_sql(
            'SELECT campaign_id, "group", unit_id, level, reason, evaluated_on, source, '
            "discipline, law, service, integrity, efficiency FROM evaluation").mappings()]
    extra, i = [], 0
    while len(rows) + len(extra) < forms:
        row = dict(rows[i % len(rows)])
        row.update(id=new_id(), form_no=f"X{i:06d}")
        extra.append(row)
        i += 1
    with store.write("bench") as w:
        w.create_many(Evaluation, extra)
    store.close()


def prepared_store(data_dir: Path | None, forms: int) -> Path:
    """`data_dir` (a new temporary one if None), with a store of `forms` forms built there
    when it holds none: a --store naming a missing folder was benched as an empty store."""
    data_dir = data_dir or Path(tempfile.mkdtemp(prefix="fieldinspect-bench-")) / "data"
    if not (data_dir / "fieldinspect.db").exists():
        started = time.perf_counter()
        build_store(data_dir, forms)
        print(f"store with {forms:,} forms built in {time.perf_counter() - started:.1f} s")
    return data_dir


def child_startup(data_dir: str) -> None:
    """One cold start as `fieldinspect` starts the window (desktop.app.run: the passphrase
    from FIELDINSPECT_PASSPHRASE, the warm-up imports beside the store's opening, the one
    profile chosen without a dialog), timed until the dashboard's figures are drawn."""
    t0 = time.perf_counter()
    import asyncio

    from PySide6.QtCore import QTimer
    from qasync import QEventLoop

    from desktop import app as desktop_app

    os.environ["FIELDINSPECT_PASSPHRASE"] = PASSPHRASE
    qt_app = desktop_app.make_application()
    desktop_app.collect_on_the_gui_thread(qt_app)
    loop = QEventLoop(qt_app)
    asyncio.set_event_loop(loop)
    started = desktop_app.DesktopApp(qt_app, data_dir, None)
    show_window = started.show_window

    def show_and_time(geometry=None):
        show_window(geometry)
        asyncio.ensure_future(drawn(started.window))

    async def drawn(window):
        page = window.page("dashboard")
        while not page.is_ready():
            await asyncio.sleep(0.005)
        # Painted from a plain Qt callback: processEvents inside this task would run other
        # tasks' wake-ups inside it (asyncio's "Cannot enter into task").
        QTimer.singleShot(0, lambda: finish(window, page))

    def finish(window, page):
        qt_app.processEvents()
        print(f"{time.perf_counter() - t0} {time.process_time()} {peak_rss_mb()} "
              f"{int(page.from_cache)}", flush=True)
        window.close()

    started.show_window = show_and_time
    with loop:
        loop.run_until_complete(started.main())


def peak_rss_mb() -> float:
    """This process's own peak RSS. Linux's ru_maxrss keeps the peak of the process that
    forked us across exec (here: the 100,000-form store builder), so read VmHWM instead."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def list_times(data_dir: Path) -> dict:
    import asyncio

    from qasync import QEventLoop

    from desktop.app import make_application
    from desktop.data import lists
    from desktop.widgets.record_model import RecordTableModel
    from desktop.worker import DbWorker
    from models.store.store import Store

    app = make_application()
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    worker = DbWorker()
    store = Store.open(data_dir, PASSPHRASE)
    model = RecordTableModel(worker, store, lists.spec("evaluations"))
    out = {}

    async def timed(label, filters):
        started = time.perf_counter()
        model.set_filters(filters)
        while model.loading:
            await asyncio.sleep(0.001)
        model.data(model.index(0, 0))
        shown = (time.perf_counter() - started) * 1000  # the first rows are on screen
        while not model.all_fetched():
            await asyncio.sleep(0.001)
        out[label] = (shown, (time.perf_counter() - started) * 1000, model.rowCount())

    async def go():
        await timed("open (all rows)", {})
        await timed("filter level=dissatisfied", {"level": "dissatisfied"})
        unit = store.engine.connect().exec_driver_sql(
            "SELECT unit_id FROM evaluation GROUP BY unit_id ORDER BY count(*) DESC").scalar()
        await timed("filter by unit", {"unit_id": unit})
        await timed("search form number", {"search": "X0123"})
        await timed("back to all rows", {})

    with loop:
        loop.run_until_complete(go())
    worker.shutdown()
    store.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=100_000)
    parser.add_argument("--child-startup")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--store", help="the store to use (built there if it does not exist)")
    args = parser.parse_args()
    if args.child_startup:
        child_startup(args.child_startup)
        return 0
    data_dir = prepared_store(Path(args.store) if args.store else None, args.forms)
    from bench.import_bench import compile_sources

    compile_sources()  # the project's bytecode, as an installed program has it
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    bare = min(float(subprocess.run([sys.executable, "-c", BARE], capture_output=True,
                                    text=True, env=env, check=True).stdout)
               for _ in range(args.runs))
    starts = {0: [], 1: []}  # figures computed / kept from the last run
    for run in range(args.runs + 1):
        if run % 2 == 0:
            forget_figures(data_dir)
        out = subprocess.run([sys.executable, __file__, "--child-startup", str(data_dir)],
                             capture_output=True, text=True, env=env, check=True).stdout
        elapsed, cpu, rss, cached = out.split()[-4:]
        starts[int(cached)].append((float(elapsed), float(cpu), float(rss)))
    print(f"bare PySide6 window:            {bare * 1000:7.0f} ms")
    for cached, label in ((1, "restart, figures kept"), (0, "after a change, computed")):
        if starts[cached]:
            best = min(starts[cached])
            print(f"cold start to dashboard drawn ({label}): {best[0] * 1000:5.0f} ms, "
                  f"CPU {best[1] * 1000:5.0f} ms  (ratio {best[0] / bare:.1f}x bare; "
                  f"target <= 600 ms); max RSS {best[2]:.0f} MB (target <= 300 MB)")
    for label, (shown, ms, rows) in list_times(data_dir).items():
        print(f"evaluations list, {label:<26} first rows {shown:5.0f} ms, all {rows:,} rows "
              f"counted {ms:5.0f} ms")
    return 0


def forget_figures(data_dir: Path) -> None:
    """Drop the dashboard's kept figures, as any change to the data would."""
    from desktop.data.dashboard import CACHE_KEY
    from models.profiles import acting_profile
    from models.store.store import Store

    store = Store.open(data_dir, PASSPHRASE)
    acting_profile(store, None)  # the device's one profile (made on first use), no dialog
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM store_meta WHERE key = ?", (CACHE_KEY,))
    store.close()


if __name__ == "__main__":
    raise SystemExit(main())
