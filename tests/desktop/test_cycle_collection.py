"""Qt objects caught in reference cycles are freed on the GUI thread only, never by a cycle
collection that happens to start on the DB worker (Qt crashes when its objects are destroyed
off their thread: a test worker died importing a file in the window)."""

import gc
import threading

from PySide6.QtCore import QObject, Qt


def _garbage_cycle_holding_a_qt_object(freed_on: list) -> None:
    obj = QObject()
    obj.destroyed.connect(lambda: freed_on.append(threading.current_thread().name),
                          Qt.ConnectionType.DirectConnection)
    cycle = {"obj": obj}
    cycle["self"] = cycle  # garbage once this returns: only a cycle collection frees it


def _allocate_on_a_worker_thread() -> None:
    """What an import on the DB worker does to the collector: thousands of fresh containers,
    each burst past the threshold that starts an automatic collection."""
    def allocate():
        for _ in range(50):
            [[i] for i in range(2_000)]

    worker = threading.Thread(target=allocate, name="fieldinspect-db")
    worker.start()
    worker.join()


def test_a_qt_object_in_a_cycle_is_freed_on_the_gui_thread_not_the_worker(qapp):
    freed_on: list[str] = []
    _garbage_cycle_holding_a_qt_object(freed_on)
    _allocate_on_a_worker_thread()
    assert freed_on == []  # no collection started on the worker
    gc.collect()  # the window's timer (desktop.app.collect_on_the_gui_thread), on this thread
    assert freed_on == [threading.main_thread().name]


def test_the_window_runs_without_automatic_collection(qapp):
    from desktop.app import collect_on_the_gui_thread

    was = gc.isenabled()
    gc.enable()
    try:
        timer = collect_on_the_gui_thread(qapp, interval_ms=60_000)
        assert not gc.isenabled() and timer.isActive()
        timer.stop()
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()
