"""Work off the window's thread (desktop/operations.py): while the feedback of every unit of a
county is written, the window still unlocks at once and a 100,000-row list still scrolls; a
failure reaches the one error display; Cancel leaves nothing half-written; the progress panel
shows only once work lasts."""

import asyncio
import time
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView, QWidget

from tests.desktop.conftest import make_session, until

PIN = "2468"
LIST_ROWS = 100_000
RENDER_S = 0.008  # a cheap stand-in for a unit's PDF (a real one takes ~90 ms)


def _add_findings(store, n: int) -> None:
    """`n` findings copied from a demo one, in one statement (the write path, with its outbox
    and audit per row, would take the test 20 s)."""
    with store.engine.begin() as conn:
        cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(finding)")]
        picked = ", ".join("printf('f%08d', n.i)" if c == "id" else
                           "t.description || n.i" if c == "description" else f"t.{c}"
                           for c in cols)
        conn.exec_driver_sql(
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) "
            f"INSERT INTO finding ({', '.join(cols)}) "
            f"SELECT {picked} FROM n, (SELECT * FROM finding LIMIT 1) t")


@pytest.fixture
def county(store, worker):
    """The demo county (354 units with forms) with 100,000 findings, and a PIN to unlock."""
    from models.demo import load_demo_data
    from models.enums import ProfileRole
    from models.profiles import create_profile

    load_demo_data(store)
    _add_findings(store, LIST_ROWS - 90)
    create_profile(store, "tester", ProfileRole.SUPERVISOR, pin=PIN)
    return make_session(store, worker, role="hq", device_role="hq")


def _cheap_pdf(monkeypatch):
    import reports.document as document

    def render(blocks, path, *, doc_title, wide=False):
        end = time.perf_counter() + RENDER_S
        while time.perf_counter() < end:  # holds the GIL as a real renderer does
            pass
        path.write_bytes(b"%PDF-1.4\n%%EOF\n")
        return path

    monkeypatch.setattr(document, "to_pdf", render)


class Lateness:
    """How late a 20 ms timer of the GUI thread fires: what a person feels as a stall."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last - 0.020)
        self._last = now


def test_while_every_units_feedback_is_written_the_window_unlocks_and_a_big_list_scrolls(
        county, qtbot, run, tmp_path, monkeypatch):
    from desktop.data import lists
    from desktop.main_window import MainWindow
    from desktop.pages.reports import ReportsPage
    from desktop.widgets.record_model import RecordTableModel

    _cheap_pdf(monkeypatch)
    window = MainWindow(county, "en")
    qtbot.addWidget(window)
    window.show()
    model = RecordTableModel(county.worker, county.store, lists.spec("findings"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_filters({})
    qtbot.waitUntil(lambda: model.complete, timeout=60_000)
    assert model.rowCount() == LIST_ROWS
    page = ReportsPage(county)
    qtbot.addWidget(page)

    async def scenario():
        await until(lambda: all(p.is_ready() for p in window.pages.values()), 30)
        lateness = Lateness()
        out = tmp_path / "feedback"
        writing = asyncio.ensure_future(page.generate("unit-feedback", out))
        await until(lambda: any(out.glob("*.pdf")), 30)  # the run is rendering

        started = time.perf_counter()
        window.idle.set_timeout_ms(0)
        await until(lambda: window.locked and window.lock_screen.secret.isEnabled(), 30)
        locking = time.perf_counter() - started
        assert locking < 1.0, f"the lock screen took {locking:.2f} s to ask for the PIN"
        window.idle.set_timeout_ms(10 * 60_000)
        window.lock_screen.secret.setText(PIN)
        started = time.perf_counter()
        QTest.keyClick(window.lock_screen.secret, Qt.Key.Key_Return)
        await until(lambda: not window.locked, 30)
        unlocking = time.perf_counter() - started
        assert unlocking < 1.0, f"the unlock took {unlocking:.2f} s"
        assert not writing.done(), "the run ended before the unlock: make it longer"

        view.show()
        started = time.perf_counter()
        for row in range(0, LIST_ROWS, 5_000):  # a drag of the scroll bar, top to bottom
            view.scrollTo(model.index(row, 0))
            await asyncio.sleep(0.01)
        view.scrollTo(model.index(LIST_ROWS - 1, 0))
        await until(lambda: model.data(model.index(LIST_ROWS - 1, 0)) not in ("…", None), 30)
        scrolled = time.perf_counter() - started
        assert scrolled < 2.5, f"the list took {scrolled:.2f} s to show its last rows"
        assert not writing.done(), "the run ended before the scroll: make it longer"

        paths = await writing
        lateness.timer.stop()
        return locking, unlocking, scrolled, lateness.worst, paths

    locking, unlocking, scrolled, worst, paths = run(scenario(), timeout=120)
    print(f"lock {locking:.2f} s, unlock {unlocking:.2f} s, scroll {scrolled:.2f} s, "
          f"worst lateness {worst * 1000:.0f} ms")
    assert len(paths) == 354
    # 54–138 ms on a quiet machine, 421 ms once with two benchmarks and three test runs on its
    # 2 cores; the old code stalled for 6 s. The bound is the issue's: nothing waits a second.
    assert worst < 1.0, f"the window stalled for {worst * 1000:.0f} ms"


# --- the helper itself -------------------------------------------------------------------------
@pytest.fixture
def host(qtbot):
    widget = QWidget()
    widget.resize(640, 400)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_an_error_in_an_op_reaches_the_one_error_display(session, host, run, monkeypatch):
    import desktop.operations as operations
    from models.errors import DomainError

    shown = []
    monkeypatch.setattr(operations, "show_error", lambda parent, exc: shown.append((parent, exc)))

    def refuse(w):
        raise DomainError("Only HQ changes a visit's team and representatives.",
                          code="visit_assignment_hq_only")

    succeeded = []
    ok = run(operations.store_op(host, session, refuse, write=True,
                                 success=succeeded.append).run())
    assert ok is False and not succeeded
    assert shown and shown[0][0] is host and shown[0][1].code == "visit_assignment_hq_only"

    handled = []  # a caller that handles its failure itself: nothing else is shown
    shown.clear()
    run(operations.background_op(host, session, lambda: 1 / 0, failure=handled.append).run())
    assert isinstance(handled[0], ZeroDivisionError) and not shown


def test_the_real_error_display_shows_a_translated_title_and_no_traceback(session, host, run):
    from desktop.operations import store_op

    def broken(conn):
        raise RuntimeError("sqlite3.OperationalError: near SELEKT")

    run(store_op(host, session, broken).run())
    box = host.findChild(QWidget, "errorDialog")
    assert box is not None and box.isVisible()
    assert "SELEKT" not in box.text() and "Nothing half-finished was saved" in box.text()


def test_a_cancelled_long_op_stops_and_leaves_nothing_half_written(session, store, host, run):
    from desktop.operations import Op, OpCancelled
    from models.records import Opinion

    def count():
        with store.read() as conn:
            return conn.exec_driver_sql(
                "SELECT count(*) FROM opinion WHERE text LIKE '批量%'").scalar()

    async def work(ticket):
        def write_all(w):
            for i in range(200):
                if i == 50:
                    ticket.cancel()  # as if Cancel was pressed half-way
                ticket.check()
                w.create(Opinion, {"text": f"批量意见{i}", "source": "hotline",
                                   "received_on": date.today()})
        await ticket.write(write_all)
        return await ticket.background(lambda: "never reached")

    failures = []
    op = Op(host, session, work, failure=failures.append, label="Importing…")
    assert run(op.run()) is False
    assert isinstance(failures[0], OpCancelled)
    assert count() == 0  # the 50 written before Cancel were rolled back with the rest
    assert host.findChild(QWidget, "opProgress") is None

    # Cancelled between two steps: the step done is kept whole, the next never starts.
    async def steps(ticket):
        await ticket.write(lambda w: w.create(Opinion, {
            "text": "批量意见一", "source": "hotline", "received_on": date.today()}))
        ticket.cancel()
        await ticket.write(lambda w: w.create(Opinion, {
            "text": "批量意见二", "source": "hotline", "received_on": date.today()}))

    assert run(Op(host, session, steps).run()) is False
    assert count() == 1


def test_progress_shows_only_after_the_delay_and_cancel_stops_the_work(session, host, run):
    from desktop.operations import PROGRESS_DELAY_MS, Op

    def panel():
        return host.findChild(QWidget, "opProgress")

    quick = Op(host, session, lambda t: t.background(time.sleep, 0.05), label="Saving…")
    assert run(quick.run()) is True
    assert quick.panel is None and panel() is None  # done before the delay: never flashed

    async def long_work(ticket):
        for i in range(400):
            ticket.check()
            ticket.report(i, 400, f"unit {i}")
            await ticket.background(time.sleep, 0.01)

    long = Op(host, session, long_work, label="Writing unit feedback…")

    async def watch():
        started = time.perf_counter()
        task = long.run()
        await until(lambda: panel() is not None and panel().isVisible(), 10)
        appeared = time.perf_counter() - started
        await until(lambda: panel().bar.maximum() == 400, 5)
        panel().cancel_button.click()
        ok = await task
        return appeared, ok, long.ticket.progress[0]

    appeared, ok, reached = run(watch())
    assert PROGRESS_DELAY_MS / 1000 - 0.05 <= appeared < PROGRESS_DELAY_MS / 1000 + 0.5
    assert ok is False and reached < 399  # stopped at the next step, not at the end
    assert panel() is None
