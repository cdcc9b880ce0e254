"""A seeded random workout: three devices edit offline while requests are cut before and after
HQ commits. Once the network heals and every device syncs twice, all hold the same data, no
write is lost and nothing is doubled."""

import random

import pytest

from models.errors import SyncError
from models.records import Evaluation
from tests.sync.helpers import form, seed_reference

FIELDS = ("reason", "suggestion", "level", "void_reason")
LEVELS = ("satisfied", "fairly_satisfied", "basically_satisfied")


def _live(dev) -> dict:
    return {i: tuple(r[f] for f in FIELDS) for i, r in dev.rows("evaluation").items()}


def _step(rng: random.Random, dev, ids: dict, created: list, deleter: bool) -> None:
    live = list(dev.rows("evaluation"))
    roll = rng.random()
    if roll < 0.4 or not live:
        with dev.write() as w:
            created.append(w.create(Evaluation, form(ids, f"{rng.randrange(10**9)}")))
    elif roll < 0.85:
        field = rng.choice(FIELDS)
        value = rng.choice(LEVELS) if field == "level" else f"text {rng.randrange(5)}"
        with dev.write() as w:
            w.update(Evaluation, rng.choice(live), {field: value})
    elif deleter:
        with dev.write() as w:
            w.delete(Evaluation, rng.choice(live))


def _flaky_sync(rng: random.Random, dev) -> None:
    roll = rng.random()
    if roll < 0.2:
        dev.transport.down = True
    elif roll < 0.7:
        dev.transport.cut(rng.choice(["/v1/push", "/v1/pull", "/v1/token"]),
                          rng.choice(["before", "after"]), times=rng.randint(1, 4))
    try:
        dev.sync()
    except SyncError:
        pass  # HQ unreachable this time: the queue waits
    finally:
        dev.transport.down = False
        dev.transport.cuts.clear()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_offline_edits_with_cuts_converge(hq, seed):
    rng = random.Random(seed)
    devices = [hq.device("office"), hq.device("office"), hq.device("hq")]
    ids = seed_reference(devices[0])
    devices[0].sync()
    for d in devices[1:]:
        d.sync()
    created: list[str] = []
    for _ in range(60):
        dev = rng.choice(devices)
        if rng.random() < 0.25:
            _flaky_sync(rng, dev)
        else:
            _step(rng, dev, ids, created, deleter=dev is devices[2])
    for _ in range(2):
        for d in devices:
            d.sync()
    at_hq = hq.rows("evaluation", live_only=False)
    assert sorted(at_hq) == sorted(created)  # none lost, none doubled
    expected = _live(devices[2])
    assert {i: tuple(r[f] for f in FIELDS) for i, r in at_hq.items()
            if r["deleted_at"] is None} == expected
    for d in devices:
        assert _live(d) == expected
        with d.store.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0
