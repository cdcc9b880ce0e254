"""1,000 paper forms typed through the entry screen by synthetic key events.

    QT_QPA_PLATFORM=offscreen python bench/entry_bench.py [N]

Prints the median and p95 save time (the transaction on the DB worker: validation, duplicate
check, form, opinion, outbox, audit) and the keystrokes per common form (next number proposed,
one level key, Enter)."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(n: int = 1000) -> None:
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.entry.page import EntryPage
    from desktop.session import Session
    from desktop.worker import DbWorker
    from models.reference import Campaign, Unit
    from models.store.store import Store

    app = QApplication.instance() or QApplication([])
    store = Store.open(Path(tempfile.mkdtemp()) / "data", "bench passphrase")
    with store.write("admin") as w:
        w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
        w.create(Unit, {"name": "县社保中心", "kind": "department"})
    worker = DbWorker()
    session = Session(store=store, worker=worker, profile="clerk", profile_role="clerk",
                      device_role="office")
    session.refresh_reference_blocking()
    page = EntryPage(session)
    page.show()
    header, screen = page.keying.header, page.keying.screen
    header.unit.setCurrentIndex(0)
    header.cover.setValue(n)
    header.start.click()
    while page.keying.stack.currentWidget() is not screen:
        app.processEvents()
    screen.form.form_no.setText("000001")
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_3]
    strokes = 0
    round_trip = []
    started = time.perf_counter()
    for i in range(n):
        level = screen.form.level
        QTest.keyClick(level, keys[i % len(keys)])
        t0 = time.perf_counter()
        QTest.keyClick(level, Qt.Key.Key_Return)
        strokes += 2
        while len(screen.forms) <= i:  # the screen is ready for the next form
            # Wait as the window's event loop does (blocked, not spinning): a busy loop here
            # would hold the GIL against the DB worker and inflate its save times.
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if screen.form.message.property("error"):
                raise SystemExit(f"form {i} refused: {screen.form.message.text()}")
        round_trip.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - started
    saves = screen.controller.save_ms

    def p95(values):
        return sorted(values)[int(len(values) * 0.95) - 1]

    print(f"forms typed: {n} in {total:.1f} s ({n / total:.0f} forms/s through the widget)")
    print(f"save time (DB worker transaction): median {statistics.median(saves):.2f} ms, "
          f"p95 {p95(saves):.2f} ms, max {max(saves):.2f} ms")
    print(f"Enter → next form on screen: median {statistics.median(round_trip):.2f} ms, "
          f"p95 {p95(round_trip):.2f} ms")
    print(f"keystrokes per common form: {strokes / n:.1f} (level key + Enter; number proposed)")
    worker.shutdown()
    store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
