"""What a large push costs HQ beyond the insert (issue 18 §2), with every check still made."""

import gc
import threading

from models.records import Evaluation
from sync.server import collector, push
from sync.server.collector import collector_paused
from tests.sync.helpers import form, seed_reference


def test_a_push_batch_is_applied_without_cycle_collections(hq, monkeypatch):
    """The batch's thousands of rows set off no collection while HQ applies them (they walked
    every live object again, a quarter of HQ's CPU), and the collector is on again after."""
    laptop = hq.device("office")
    ids = seed_reference(laptop)
    laptop.sync()
    with laptop.write() as w:
        w.create_many(Evaluation, [form(ids, f"G-{i}") for i in range(3000)])
    runs, applying = [], []
    apply_entries = push.apply_entries

    def watched(*args):
        applying.append(True)
        try:
            return apply_entries(*args)
        finally:
            applying.pop()

    def seen(phase, _info):
        if phase == "start" and applying:
            runs.append(threading.current_thread().name)

    monkeypatch.setattr(push, "apply_entries", watched)

    gc.collect()
    gc.callbacks.append(seen)
    try:
        laptop.sync()
    finally:
        gc.callbacks.remove(seen)
    assert len(hq.rows("evaluation")) == 3000
    assert runs == [] and gc.isenabled()


def test_the_pause_is_counted_and_keeps_a_collector_left_off(monkeypatch):
    monkeypatch.setattr(collector, "_holders", 0)
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # another batch is still being applied
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()
