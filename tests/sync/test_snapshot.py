"""A new device's first sync from HQ's snapshot (issue 18 §1): exactly the rows row-by-row
pulls give, cut or killed half-way without loss or doubles, never over rows still to push,
built once per scope and dropped on revocation."""

import contextlib
import os
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from models.errors import SyncError
from models.records import Evaluation, Finding, PersonnelCriticism, Visit
from models.store import snapshot_file, sqlcipher_pages
from models.tables import SYNCED_TABLES
from sync.client import engine as engine_module
from sync.client import snapshot as client_snapshot
from sync.server import admin
from sync.server import snapshot as server_snapshot
from sync.server import tables as T
from tests.sync.helpers import (
    FAST_RETRY,
    HQ_ON_SQLITE_ONLY,
    cut_at_a_random_byte,
    form,
    seed_reference,
)

SNAPSHOT = "/v1/snapshot"


def _asked(dev) -> int:
    return sum(1 for _, path in dev.transport.requests if path == SNAPSHOT)


def _hq_world(hq):
    """HQ with forms, a team's visits (one secret visit assigned to Li Wei, one not), their
    findings and criticisms, and another team's visit."""
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    li = hq.device("representative", representative="Li Wei", team="Team 1")
    other = hq.device("representative", representative="Wang Fang", team="Team 2")
    li.sync(), other.sync()
    rep, t1, t2 = (li.store.meta("representative_id"), li.store.meta("team_id"),
                   other.store.meta("team_id"))
    with boss.write() as w:
        w.create_many(Evaluation, [form(ids, f"S{i}") for i in range(30)])
        mine = w.create(Visit, {"kind": "secret", "team_id": t1, "status": "planned",
                                "representative_ids": [rep], "unit_id": ids["window"]})
        w.create(Visit, {"kind": "secret", "team_id": t1, "status": "planned",
                         "representative_ids": [], "unit_id": ids["window"]})
        done = w.create(Visit, {"kind": "open", "team_id": t1, "status": "done"})
        fid = w.create(Finding, {"visit_id": done, "description": "absent from post"})
        w.create(PersonnelCriticism, {"finding_id": fid, "person_name": "Zhang San",
                                      "unit_id": ids["window"]})
        away = w.create(Visit, {"kind": "open", "team_id": t2, "status": "done"})
        w.create(Finding, {"visit_id": away, "description": "fees charged twice"})
    boss.sync()
    return boss, ids, mine


def _nothing_cached(hq) -> None:
    """Drop the snapshots cached so far (Li Wei's laptop of `_hq_world` took one before HQ had
    its world, and a new laptop of his shares its scope): the next one is built."""
    with hq.db.write() as conn:
        conn.execute(T.snapshot.delete())


def _tables(dev) -> dict[str, dict]:
    return {name: dev.rows(name, live_only=False) for name in SYNCED_TABLES}


def test_a_representative_snapshot_holds_exactly_what_row_by_row_pulls_give(hq, monkeypatch):
    _hq_world(hq)
    by_snapshot = hq.device("representative", representative="Li Wei", team="Team 1")
    by_pulls = hq.device("representative", representative="Li Wei", team="Team 1")
    by_snapshot.sync()
    assert _asked(by_snapshot) == 1
    monkeypatch.setattr(engine_module, "wants_snapshot", lambda _store: False)
    by_pulls.engine.page_limit = 7
    by_pulls.sync()
    assert _asked(by_pulls) == 0
    got, expected = _tables(by_snapshot), _tables(by_pulls)
    for name in SYNCED_TABLES:
        assert got[name] == expected[name], name
    assert len(got["visit"]) == 2 and len(got["finding"]) == 1  # not the other secret visit
    assert by_snapshot.store.meta("sync_cursor") == by_pulls.store.meta("sync_cursor")


def test_a_secret_visit_given_by_a_snapshot_is_removed_when_it_leaves_scope(hq):
    boss, _ids, mine = _hq_world(hq)
    fresh = hq.device("representative", representative="Li Wei", team="Team 1")
    fresh.sync()
    assert _asked(fresh) == 1 and mine in fresh.rows("visit")
    with boss.write() as w:  # HQ takes Li Wei off the secret visit
        w.update(Visit, mine, {"representative_ids": []})
    boss.sync()
    report = fresh.sync()
    assert report.removed == 1
    assert mine not in fresh.rows("visit", live_only=False)


def test_a_device_with_a_pending_outbox_never_gets_a_snapshot(hq):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    with boss.write() as w:
        w.create_many(Evaluation, [form(ids, f"H{i}") for i in range(5)])
    boss.sync()
    clerk = hq.device("office")
    with clerk.write() as w:
        w.create(Evaluation, form(ids, "LOCAL1"))
    assert not client_snapshot.wants_snapshot(clerk.store)
    clerk.sync()
    assert _asked(clerk) == 0
    assert len(clerk.rows("evaluation")) == 6 and len(hq.rows("evaluation")) == 6


def test_hq_refuses_a_snapshot_to_a_device_that_pushed(hq):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    boss.sync()
    clerk = hq.device("office")
    with clerk.write() as w:
        w.create(Evaluation, form(ids, "LOCAL1"))
    clerk.sync()

    async def ask():
        async with clerk.engine.client() as client:
            await client.call("GET", SNAPSHOT)

    from sync.client.failures import HqRefused
    from tests.sync.helpers import run

    with pytest.raises(HqRefused) as refused:
        run(ask())
    assert refused.value.status == 409 and refused.value.hq_code == "snapshot_not_new"
    assert refused.value.code == "hq_snapshot_not_new"  # a sentence of its own, not raw text


def _world_of_forms(hq, n=40):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    with boss.write() as w:
        w.create_many(Evaluation, [form(ids, f"C{i}") for i in range(n)])
    boss.sync()
    return boss, ids


def _every_row_once(dev, hq) -> None:
    for name in ("evaluation", "unit", "campaign"):
        assert set(dev.rows(name)) == set(hq.rows(name)), name
    with dev.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM evaluation").scalar() == \
            len(hq.rows("evaluation"))


class _CutStream(httpx.AsyncBaseTransport):
    """Hands the snapshot's reply back cut at a random byte (the connection dropped), the
    first `times` times it is asked for."""

    def __init__(self, inner: httpx.AsyncBaseTransport, times: int):
        self.inner, self.left, self.cut_at = inner, times, []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if request.url.path != SNAPSHOT or not self.left:
            return response
        self.left -= 1
        cut, at = await cut_at_a_random_byte(response, request)
        self.cut_at.append(at)
        return cut


def test_a_snapshot_stream_cut_at_a_random_byte_then_the_next_sync_has_every_row_once(hq):
    _world_of_forms(hq)
    dev = hq.device("office")
    cutter = _CutStream(dev.transport.inner, times=FAST_RETRY.attempts)
    dev.transport.inner = cutter
    with pytest.raises(SyncError):
        dev.sync()  # every attempt of the round was cut
    assert dev.rows("evaluation") == {} and dev.store.meta("sync_cursor", "0") == "0"
    dev.sync()
    assert _asked(dev) == FAST_RETRY.attempts + 1, cutter.cut_at
    _every_row_once(dev, hq)


class PowerCut(Exception):
    pass


def test_a_device_switched_off_just_before_the_swap_finishes_at_the_next_sync(
        hq, monkeypatch):
    """The snapshot's file is whole, re-keyed and holds the store's own rows, and the power
    goes just before it is renamed over the store: the store is as it was."""
    _world_of_forms(hq)
    dev = hq.device("office")
    real_fsync = snapshot_file._fsync

    def off(path):
        if path.name.endswith(client_snapshot.PART_SUFFIX):
            raise PowerCut("the device was switched off before the rename")
        real_fsync(path)

    monkeypatch.setattr(snapshot_file, "_fsync", off)
    with pytest.raises(PowerCut):
        dev.sync()
    assert dev.rows("evaluation") == {} and dev.store.meta("sync_cursor", "0") == "0"
    monkeypatch.setattr(snapshot_file, "_fsync", real_fsync)
    dev.sync()
    assert _asked(dev) == 2
    _every_row_once(dev, hq)


def test_fifty_new_devices_of_one_scope_cost_hq_one_build(hq, monkeypatch):
    _world_of_forms(hq, 10)
    builds = []
    real_build = server_snapshot.build

    def counted(conn, db, scope):
        builds.append(scope.device.id)
        return real_build(conn, db, scope)

    monkeypatch.setattr(server_snapshot, "build", counted)
    laptops = [hq.device("office", name=f"laptop {i}") for i in range(50)]
    for laptop in laptops:
        laptop.sync()
    assert len(builds) == 1
    assert all(len(laptop.rows("evaluation")) == 10 for laptop in laptops)
    assert all(_asked(laptop) == 1 for laptop in laptops)


def test_revoking_a_device_drops_its_scope_cached_snapshot(hq, monkeypatch):
    _world_of_forms(hq, 5)
    first = hq.device("office", name="first")
    first.sync()
    assert hq.count(T.snapshot) == 1
    sealed = list((hq.db.blob_dir / server_snapshot.SNAPSHOT_DIR).rglob("*"))
    assert any(p.is_file() for p in sealed)
    admin.revoke_device(hq.db, "first")
    assert hq.count(T.snapshot) == 0
    assert not any(p.is_file() for p in (hq.db.blob_dir / server_snapshot.SNAPSHOT_DIR)
                   .rglob("*"))
    builds = []
    real_build = server_snapshot.build
    monkeypatch.setattr(server_snapshot, "build",
                        lambda conn, db, scope: builds.append(1) or real_build(conn, db, scope))
    hq.device("office", name="second").sync()
    assert builds == [1]


def test_nothing_of_a_snapshot_is_on_disk_in_the_clear(hq, tmp_path):
    """HQ's cached snapshot is sealed, the device writes it only into its encrypted store, and
    no temporary file holds it on either side."""
    boss, ids = _world_of_forms(hq, 5)
    marker = f"marker-{uuid.uuid4().hex}"
    with boss.write() as w:
        w.create(Evaluation, form(ids, "SEALED", suggestion=marker))
    boss.sync()
    started = time.time()
    dev = hq.device("office")
    dev.sync()
    assert _asked(dev) == 1 and any(r["suggestion"] == marker
                                    for r in dev.rows("evaluation").values())
    sealed = [p for p in (hq.db.blob_dir / server_snapshot.SNAPSHOT_DIR).rglob("*")
              if p.is_file()]
    assert sealed
    temp = [p for p in Path(tempfile.gettempdir()).iterdir()
            if p.is_file() and p.stat().st_mtime >= started]
    for path in [*tmp_path.rglob("*"), *temp]:
        if path.is_file():
            with contextlib.suppress(OSError):
                assert marker.encode() not in path.read_bytes(), path


def _files(tmp_path: Path) -> set[Path]:
    """Every file under the test's folder (HQ's and the device's), in /dev/shm, and SQLite's
    own temporary files (`etilqs_…`) in the temporary folder (shared with other tests)."""
    shm = Path("/dev/shm")
    return {*(p for p in tmp_path.rglob("*") if not p.is_dir()),
            *(shm.iterdir() if shm.is_dir() else ()),
            *Path(tempfile.gettempdir()).glob("etilqs_*")}


@HQ_ON_SQLITE_ONLY
def test_a_sqlite_hq_builds_the_image_in_memory_without_any_file(hq, tmp_path, monkeypatch):
    """On a SQLite HQ the image is built by SQLCipher's library in memory: from the build's
    start to the copy's end no file appears (HQ's folder, the device's, /dev/shm, SQLite's
    temporary files), a build folder an older version's crash left is removed, and the device gets
    every row (the form's text included)."""
    assert snapshot_file.memory_images()
    boss, ids = _world_of_forms(hq, 5)
    marker = f"marker-{uuid.uuid4().hex}"
    with boss.write() as w:
        w.create(Evaluation, form(ids, "BUILT", suggestion=marker))
    boss.sync()
    before, during = [], []
    real_every_row, real_count = server_snapshot.every_row, server_snapshot.count_every_form

    def every_row(*args, **kwargs):
        before.append(_files(tmp_path))
        return real_every_row(*args, **kwargs)

    def count_every_form(conn, pending):  # the rows copied, the indexes still to come
        during.append(_files(tmp_path))
        return real_count(conn, pending)

    monkeypatch.setattr(server_snapshot, "every_row", every_row)
    monkeypatch.setattr(server_snapshot, "count_every_form", count_every_form)
    left = tmp_path / "hq-server" / f"{server_snapshot.BUILD_FOLDER}cut-short"
    left.mkdir(mode=0o700)  # what an older version's build cut short by a crash leaves
    (left / "image.db").write_bytes(os.urandom(4096))
    dev = hq.device("office")
    dev.sync()
    assert _asked(dev) == 1 and any(r["suggestion"] == marker
                                    for r in dev.rows("evaluation").values())
    assert before and during
    assert during[0] - before[0] == set()
    assert not list(tmp_path.rglob(".snapshot-build-*"))


@HQ_ON_SQLITE_ONLY
def test_the_image_a_sqlite_hq_builds_in_sqlcipher_is_never_in_the_clear(hq, tmp_path,
                                                                         monkeypatch):
    """Where SQLCipher's library cannot hand a database's bytes out of memory, a SQLite HQ
    builds the image as a file: while it exists it is in a folder only HQ's user may open,
    and under a key of its own (no SQLite header, no form's text); once the build ends it is
    gone, and so is one a build cut short left."""
    monkeypatch.setattr(server_snapshot, "memory_images", lambda: False)
    boss, ids = _world_of_forms(hq, 5)
    marker = f"marker-{uuid.uuid4().hex}"
    with boss.write() as w:
        w.create(Evaluation, form(ids, "BUILT", suggestion=marker))
    boss.sync()
    seen = []
    real = sqlcipher_pages.decrypt_image

    def looked_at(data, key):
        for folder in tmp_path.rglob(".snapshot-build-*"):
            assert folder.stat().st_mode & 0o077 == 0
            for path in folder.iterdir():
                held = path.read_bytes()
                assert not held.startswith(b"SQLite format 3") and marker.encode() not in held
                seen.append(path)
        return real(data, key)

    monkeypatch.setattr(sqlcipher_pages, "decrypt_image", looked_at)
    left = tmp_path / "hq-server" / f"{server_snapshot.BUILD_FOLDER}cut-short"
    left.mkdir(mode=0o700)  # what a build cut short by a crash leaves
    (left / "image.db").write_bytes(os.urandom(4096))
    dev = hq.device("office")
    dev.sync()
    assert _asked(dev) == 1 and any(r["suggestion"] == marker
                                    for r in dev.rows("evaluation").values())
    assert seen and not any(p.exists() for p in seen)
    assert not list(tmp_path.rglob(".snapshot-build-*"))


def test_a_cached_snapshot_given_again_is_recorded_for_its_new_device(hq, monkeypatch):
    """Two kiosks of one window share a scope: the second gets the first's snapshot, and HQ
    records its units for it, so a unit that leaves its scope is removed there too."""
    _world_of_forms(hq, 5)
    builds = []
    real_build = server_snapshot.build
    monkeypatch.setattr(server_snapshot, "build",
                        lambda conn, db, scope: builds.append(1) or real_build(conn, db, scope))
    first = hq.device("kiosk", unit="County Hall/Window 1")
    second = hq.device("kiosk", unit="County Hall/Window 1")
    first.sync(), second.sync()
    assert builds == [1] and _asked(second) == 1
    held = []
    for dev in (first, second):
        with hq.db.engine.connect() as conn:
            held.append(set(conn.execute(sa.select(T.device_row.c.row_id).where(
                T.device_row.c.device_id == hq.identity(dev).id,
                T.device_row.c.table_name == "unit")).scalars()))
    assert held[0] == held[1] == set(second.rows("unit")) and held[1]


def test_every_table_of_a_store_is_either_synced_derived_or_local(tmp_path):
    """A swap keeps the device's own rows by name (`LOCAL_TABLES`) and takes the rest from
    the snapshot: a table a migration adds must be named in one list, or a swap loses it."""
    from models.store.store import Store

    store = Store.open(tmp_path / "store", "a passphrase")
    try:
        with store.read() as conn:
            names = set(conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%'").scalars())
    finally:
        store.close()
    kinds = [set(SYNCED_TABLES), set(snapshot_file.DERIVED_TABLES),
             set(snapshot_file.LOCAL_TABLES), {"alembic_version"}]
    assert sum(len(k) for k in kinds) == len(set().union(*kinds))  # each named once
    assert names == set().union(*kinds)


def test_a_store_held_open_elsewhere_is_not_swapped_and_the_pulls_bring_every_row(hq):
    """Another connection (a second window, a backup) has the new store open while the
    snapshot arrives: the swap would pull the file from under it, so it is refused and the
    ordinary pulls bring the same rows."""
    _world_of_forms(hq, 30)
    dev = hq.device("office")
    with dev.store.engine.connect() as elsewhere:
        elsewhere.exec_driver_sql("SELECT count(*) FROM evaluation").scalar()
        elsewhere.commit()
        dev.sync()
        # the other connection sees the rows: they went into the file it has open
        assert elsewhere.exec_driver_sql("SELECT count(*) FROM evaluation").scalar() == 30
        elsewhere.commit()
    assert _asked(dev) == 1
    assert not client_snapshot.part_path(dev.store).exists()
    _every_row_once(dev, hq)
    dev.sync()
    _every_row_once(dev, hq)


def test_a_file_left_by_a_killed_try_goes_once_the_store_no_longer_wants_a_snapshot(
        hq, monkeypatch):
    """Killed before the rename, then a record typed before the next sync: that sync pushes
    and pulls row by row, and the snapshot's file left beside the store goes."""
    boss, ids = _world_of_forms(hq, 10)
    dev = hq.device("office")
    real_fsync = snapshot_file._fsync

    def off(path):
        if path.name.endswith(client_snapshot.PART_SUFFIX):
            real_fsync(path)
            import shutil
            shutil.copy(path, f"{path}.kept")  # as a kill would leave it
            raise PowerCut("switched off before the rename")
        real_fsync(path)

    monkeypatch.setattr(snapshot_file, "_fsync", off)
    with pytest.raises(PowerCut):
        dev.sync()
    monkeypatch.setattr(snapshot_file, "_fsync", real_fsync)
    part = client_snapshot.part_path(dev.store)
    Path(f"{part}.kept").rename(part)
    with dev.write() as w:
        w.create(Evaluation, form(ids, "TYPED1"))
    dev.sync()
    assert not part.exists()
    assert len(dev.rows("evaluation")) == 11 == len(hq.rows("evaluation"))


def test_a_snapshot_store_shows_the_same_counts_as_row_by_row_pulls(hq, monkeypatch):
    """The figures a new laptop shows (tallies by unit, day and month; form numbers keyed
    twice) come out of a snapshot as out of ordinary pulls, with enough forms for the bulk
    path (not the triggers) to count them."""
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    days = ["2026-03-01", "2026-03-17", "2026-04-02"]
    with boss.write() as w:
        w.create_many(Evaluation, [
            form(ids, "D1" if i % 40 == 0 else "D2" if i % 55 == 1 else f"N{i}",
                 evaluated_on=days[i % 3]) for i in range(150)])
    boss.sync()
    by_snapshot = hq.device("hq", name="laptop 1")
    by_pulls = hq.device("hq", name="laptop 2")
    by_snapshot.sync()
    assert _asked(by_snapshot) == 1
    monkeypatch.setattr(engine_module, "wants_snapshot", lambda _store: False)
    by_pulls.engine.page_limit = 40
    by_pulls.sync()

    got, expected = _derived(by_snapshot), _derived(by_pulls)
    assert got == expected
    assert sorted(r[1:] for r in got["duplicate_form_no"]) == [("D1", 4), ("D2", 3)]
    assert sum(r[-1] for r in got["form_tally"]) == 150


def test_a_form_typed_on_a_laptop_after_its_snapshot_is_counted_as_after_row_by_row_pulls(
        hq, monkeypatch):
    """A form entered on the new laptop after its first sync shows in its figures (tallies,
    a form number keyed twice) as on a laptop that pulled row by row: the snapshot's store
    keeps counting its own new forms."""
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    with boss.write() as w:
        w.create_many(Evaluation, [form(ids, "D1" if i == 0 else f"N{i}") for i in range(120)])
    boss.sync()
    by_snapshot = hq.device("hq", name="laptop 1")
    by_pulls = hq.device("hq", name="laptop 2")
    by_snapshot.sync()
    assert _asked(by_snapshot) == 1
    monkeypatch.setattr(engine_module, "wants_snapshot", lambda _store: False)
    by_pulls.sync()
    for dev in (by_snapshot, by_pulls):
        with dev.write() as w:
            w.create(Evaluation, form(ids, "D1"))

    got, expected = _derived(by_snapshot), _derived(by_pulls)
    assert sum(r[-1] for r in got["form_tally"]) == 121
    assert [r[1:] for r in got["duplicate_form_no"]] == [("D1", 2)]
    assert got == expected


@HQ_ON_SQLITE_ONLY
@pytest.mark.parametrize("spare", [True, False])
def test_a_sqlite_hq_reads_the_forms_tallies_from_its_file_beside_the_build(hq, monkeypatch,
                                                                           spare):
    """A SQLite HQ with a core to spare takes the forms' tallies by one grouped read of its
    own file on a second connection and thread, while the image's forms are copied and
    indexed (the build's wall time on two cores); a busy one reads them from the image. The
    counts are those of row-by-row pulls either way, forms voided or deleted excepted."""
    monkeypatch.setattr(server_snapshot, "spare_core", lambda: spare)
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    days = ["2026-03-01", "2026-04-02"]
    with boss.write() as w:
        made = w.create_many(Evaluation, [
            form(ids, "D1" if i % 30 == 0 else f"N{i}", evaluated_on=days[i % 2],
                 voided=i % 17 == 0, void_reason="typo" if i % 17 == 0 else "",
                 discipline="satisfied" if i % 3 else None) for i in range(90)])
    boss.sync()
    with boss.write() as w:
        w.delete(Evaluation, made[5])
    boss.sync()
    reads = []
    real_read = server_snapshot.read_source
    monkeypatch.setattr(server_snapshot, "read_source", lambda *args: reads.append(
        threading.current_thread().name) or real_read(*args))
    by_snapshot = hq.device("hq", name="laptop 1")
    by_pulls = hq.device("hq", name="laptop 2")
    by_snapshot.sync()
    assert _asked(by_snapshot) == 1
    assert reads == [] if not spare else len(reads) == 1 and reads[0].startswith("fi-tallies")
    monkeypatch.setattr(engine_module, "wants_snapshot", lambda _store: False)
    by_pulls.sync()
    got = _derived(by_snapshot)
    assert got == _derived(by_pulls)
    assert sum(r[-1] for r in got["form_tally"]) == 90 - 6 - 1  # 6 voided, 1 deleted


@HQ_ON_SQLITE_ONLY
def test_a_body_deflated_partly_beside_the_indexes_build_installs_as_row_by_row_pulls(
        hq, monkeypatch):
    """The image's row pages deflated while its indexes are built (from its bytes written
    out part-way), the rest from its own buffer at the end: the device installs one whole
    image and holds what row-by-row pulls give, its counts too (pieces cut small here so a
    small world has many)."""
    from concurrent.futures import wait

    monkeypatch.setattr(server_snapshot, "spare_core", lambda: True)
    monkeypatch.setattr(server_snapshot, "CHUNK", 16 << 10)
    monkeypatch.setattr(server_snapshot, "PIECE", 16 << 10)
    found = []
    real_taken = server_snapshot.Ahead.taken

    def taken(self, image, cuts):
        wait(self.pieces)
        pieces = real_taken(self, image, cuts)
        found.append((len(pieces), len(cuts) - 1))
        return pieces

    monkeypatch.setattr(server_snapshot.Ahead, "taken", taken)
    boss, _ids = _world_of_forms(hq, 400)
    by_snapshot = hq.device("hq", name="laptop 1")
    by_pulls = hq.device("hq", name="laptop 2")
    by_snapshot.sync()
    assert _asked(by_snapshot) == 1
    assert len(found) == 1 and 0 < found[0][0] < found[0][1]
    monkeypatch.setattr(engine_module, "wants_snapshot", lambda _store: False)
    by_pulls.sync()
    assert _tables(by_snapshot) == _tables(by_pulls)
    assert _derived(by_snapshot) == _derived(by_pulls)


def _derived(dev) -> dict[str, list]:
    """The counts a store keeps (tallies, duplicate form numbers), every row sorted."""
    with dev.store.read() as conn:
        return {name: sorted(map(tuple, conn.exec_driver_sql(f'SELECT * FROM "{name}"')),
                             key=repr) for name in snapshot_file.DERIVED_TABLES}


def _counting_builds(monkeypatch) -> list:
    builds = []
    real_build = server_snapshot.build
    monkeypatch.setattr(server_snapshot, "build",
                        lambda conn, db, scope: builds.append(1) or real_build(conn, db, scope))
    return builds


def test_a_snapshot_built_before_later_writes_is_given_and_the_pulls_bring_the_rest(
        hq, monkeypatch):
    """Office laptops enrolled through a morning of pushes: the second gets the first's
    snapshot, built before forms were added, edited and deleted at HQ, and its pulls bring
    those changes; it ends with exactly what row-by-row pulls give, at the same cursor."""
    boss, ids = _world_of_forms(hq, 12)
    builds = _counting_builds(monkeypatch)
    hq.device("office", name="first").sync()
    some = sorted(boss.rows("evaluation"))
    with boss.write() as w:
        w.create_many(Evaluation, [form(ids, f"LATER{i}") for i in range(3)])
        w.update(Evaluation, some[0], {"suggestion": "edited after the build"})
        w.delete(Evaluation, some[1])
    boss.sync()
    second = hq.device("office", name="second")
    by_pulls = hq.device("office", name="by pulls")
    second.sync()
    assert builds == [1] and _asked(second) == 1
    monkeypatch.setattr(engine_module, "wants_snapshot", lambda _store: False)
    by_pulls.sync()
    got, expected = _tables(second), _tables(by_pulls)
    for name in SYNCED_TABLES:
        assert got[name] == expected[name], name
    assert len(second.rows("evaluation")) == 14
    assert second.rows("evaluation")[some[0]]["suggestion"] == "edited after the build"
    assert second.store.meta("sync_cursor") == by_pulls.store.meta("sync_cursor")


def test_a_secret_visit_that_left_scope_after_the_build_is_gone_from_a_later_given_snapshot(
        hq, monkeypatch):
    """Li Wei's new laptop: its first snapshot is built and cached, the answer is cut, HQ
    takes him off a secret visit the snapshot holds, and the next sync is given the cached
    snapshot: the visit is removed by the pull after it, never left on the laptop."""
    boss, _ids, mine = _hq_world(hq)
    _nothing_cached(hq)
    builds = _counting_builds(monkeypatch)
    fresh = hq.device("representative", representative="Li Wei", team="Team 1")
    fresh.transport.inner = _CutStream(fresh.transport.inner, times=FAST_RETRY.attempts)
    with pytest.raises(SyncError):
        fresh.sync()
    with boss.write() as w:
        w.update(Visit, mine, {"representative_ids": []})
    boss.sync()
    fresh.sync()
    assert builds == [1] and _asked(fresh) == FAST_RETRY.attempts + 1
    assert mine not in fresh.rows("visit", live_only=False)
    assert len(fresh.rows("visit")) == 1 and len(fresh.rows("finding")) == 1


def test_a_snapshot_far_behind_hq_is_built_again(hq, monkeypatch):
    """Past a quarter of its rows changed since (and the floor), the pulls after it would cost
    more than a build: the next new device gets a fresh one, and its cursor is HQ's."""
    monkeypatch.setattr(server_snapshot, "STALE_FLOOR", 2)
    boss, ids = _world_of_forms(hq, 8)
    builds = _counting_builds(monkeypatch)
    hq.device("office", name="first").sync()
    with boss.write() as w:
        w.create_many(Evaluation, [form(ids, f"MORE{i}") for i in range(2)])
    boss.sync()
    near = hq.device("office", name="near")
    near.sync()
    assert builds == [1] and len(near.rows("evaluation")) == 10  # 2 behind: given
    with boss.write() as w:
        w.create_many(Evaluation, [form(ids, f"FAR{i}") for i in range(3)])
    boss.sync()
    far = hq.device("office", name="far")
    far.sync()
    assert builds == [1, 1] and len(far.rows("evaluation")) == 13  # 5 behind 8 rows: built


def test_a_visit_moved_to_another_team_after_the_build_leaves_with_its_finding(
        hq, monkeypatch):
    """The cached snapshot holds a visit of Li Wei's team with its finding and criticism; HQ
    moves the visit to another team before the laptop's next try: the laptop ends with none
    of the three, exactly as a laptop of his that pulled row by row."""
    boss, _ids, _mine = _hq_world(hq)
    visits = boss.rows("visit")
    t1 = next(v["team_id"] for v in visits.values() if v["kind"] == "secret")
    done = next(i for i, v in visits.items() if v["kind"] == "open" and v["team_id"] == t1)
    t2 = next(v["team_id"] for v in visits.values() if v["team_id"] != t1)
    _nothing_cached(hq)
    builds = _counting_builds(monkeypatch)
    fresh = hq.device("representative", representative="Li Wei", team="Team 1")
    fresh.transport.inner = _CutStream(fresh.transport.inner, times=FAST_RETRY.attempts)
    with pytest.raises(SyncError):
        fresh.sync()  # built and cached, never installed
    with boss.write() as w:
        w.update(Visit, done, {"team_id": t2})
    boss.sync()
    fresh.sync()
    assert builds == [1]
    assert done not in fresh.rows("visit", live_only=False)
    assert fresh.rows("finding", live_only=False) == {}
    assert fresh.rows("personnel_criticism", live_only=False) == {}
    by_pulls = hq.device("representative", representative="Li Wei", team="Team 1")
    monkeypatch.setattr(engine_module, "wants_snapshot", lambda _store: False)
    by_pulls.sync()
    for name in ("visit", "finding", "personnel_criticism", "evaluation"):
        assert set(fresh.rows(name)) == set(by_pulls.rows(name)), name


def test_a_representatives_first_sync_takes_the_snapshot_built_when_his_code_was_made(
        hq, monkeypatch):
    """HQ builds a device's snapshot once its code is made, so the representative's laptop,
    enrolled later, gets its first sync from the cache; it holds exactly what row-by-row
    pulls give, without the findings and criticisms Li Wei's other laptop made itself."""
    _boss, ids, _mine = _hq_world(hq)
    li = hq.devices[1]  # Li Wei's laptop of `_hq_world`
    with li.write() as w:  # his own laptop's finding and criticism, seen by that laptop only
        mine = w.create(Finding, {"description": "queue not called"})
        w.create(PersonnelCriticism, {"person_name": "Zhao Liu", "unit_id": ids["window"]})
    li.sync()
    assert mine in hq.rows("finding")
    _nothing_cached(hq)
    builds = _counting_builds(monkeypatch)
    made = []
    real_enroll = admin.enroll_device

    def enroll_and_build_ahead(db, **kw):  # what the admin route and `hq enroll-device` do
        granted = real_enroll(db, **kw)
        made.append(admin.prepare_first_sync(db, granted["hq_device_id"]))
        return granted

    monkeypatch.setattr(admin, "enroll_device", enroll_and_build_ahead)
    laptop = hq.device("representative", representative="Li Wei", team="Team 1")
    assert made == [True] and builds == [1]  # built when the code was made
    laptop.sync()
    assert builds == [1] and _asked(laptop) == 1  # the first sync took it from the cache
    monkeypatch.setattr(admin, "enroll_device", real_enroll)
    monkeypatch.setattr(engine_module, "wants_snapshot", lambda _store: False)
    by_pulls = hq.device("representative", representative="Li Wei", team="Team 1")
    by_pulls.sync()
    got, expected = _tables(laptop), _tables(by_pulls)
    for name in SYNCED_TABLES:
        assert got[name] == expected[name], name
    assert mine not in got["finding"] and len(got["visit"]) == 2
    assert laptop.store.meta("sync_cursor") == by_pulls.store.meta("sync_cursor")


def test_a_code_made_through_hqs_admin_route_has_its_snapshot_built_before_the_first_sync(
        hq, monkeypatch):
    """An HQ-role laptop makes an office laptop's code: HQ builds that scope's snapshot after
    answering, and the office laptop's first sync takes it without a build."""
    from sync.client.hq_client import HqClient
    from sync.protocol import EnrollDeviceRequest
    from tests.sync.helpers import run

    boss, _ids = _world_of_forms(hq, 6)
    _nothing_cached(hq)
    builds = _counting_builds(monkeypatch)

    async def make_code() -> str:
        async with HqClient("http://hq.test", credential=boss.engine.credentials.load,
                            transport=boss.transport, retry=FAST_RETRY) as client:
            return (await client.enroll_device(EnrollDeviceRequest(role="office"))).code

    code = run(make_code())
    assert builds == [1] and hq.count(T.snapshot) == 1
    monkeypatch.setattr(admin, "enroll_device", lambda _db, **_kw: {"code": code})
    laptop = hq.device("office", name="office laptop")
    laptop.sync()
    assert builds == [1] and _asked(laptop) == 1 and len(laptop.rows("evaluation")) == 6


def test_the_codes_of_many_office_laptops_cost_hq_one_build(hq, monkeypatch):
    _world_of_forms(hq, 4)
    _nothing_cached(hq)
    builds = _counting_builds(monkeypatch)
    made = [admin.prepare_first_sync(hq.db, admin.enroll_device(
        hq.db, role="office")["hq_device_id"]) for _ in range(5)]
    assert made == [True, False, False, False, False] and builds == [1]


def test_a_failed_build_at_the_command_line_prints_nothing_english(hq, monkeypatch, caplog):
    """`hq enroll-device` builds the snapshot after printing the code; if that build fails the
    code still stands, and no English warning or traceback reaches the clerk's screen (the
    command configures no logging: Python's last resort prints a WARNING and above)."""
    import logging

    from sync.server import admin

    def broken(db, device_id):
        raise RuntimeError("disk full")

    monkeypatch.setattr(admin, "build_ahead", broken)
    granted = admin.enroll_device(hq.db, role="office", team=None, representative=None,
                                  unit=None, label="office laptop")
    caplog.set_level(logging.DEBUG)
    assert admin.prepare_first_sync(hq.db, granted["hq_device_id"], quiet=True) is False
    assert [r.levelno for r in caplog.records if "not built ahead" in r.getMessage()] == [
        logging.DEBUG]


def _stale_after(monkeypatch, versions: int) -> None:
    """A cached snapshot is given while at most `versions` versions behind HQ."""
    monkeypatch.setattr(server_snapshot, "worth_giving", lambda _rows, behind: behind <= versions)


def _code_out(hq, monkeypatch, **kw) -> str:
    """An office laptop's code made as the admin route makes it (its snapshot built ahead);
    the next `hq.device(...)` redeems it."""
    granted = admin.enroll_device(hq.db, role="office", **kw)
    admin.prepare_first_sync(hq.db, granted["hq_device_id"])
    monkeypatch.setattr(admin, "enroll_device", lambda _db, **_kw: {"code": granted["code"]})
    return granted["hq_device_id"]


def _more_forms(boss, ids, n: int, tag: str) -> None:
    with boss.write() as w:
        w.create_many(Evaluation, [form(ids, f"{tag}{i}") for i in range(n)])
    boss.sync()


def test_a_codes_snapshot_half_way_to_stale_is_built_again_before_its_device_comes(
        hq, monkeypatch):
    """An office laptop's code is made, then HQ takes forms for days: HQ builds that scope's
    snapshot again once it is half-way to too old to give, so the laptop, coming after more
    forms still, gets its first sync from the cache with every form, and no build waits."""
    from sync.server.snapshot_ahead import refresh_ahead

    _stale_after(monkeypatch, 4)
    boss, ids = _world_of_forms(hq, 8)
    _nothing_cached(hq)
    builds = _counting_builds(monkeypatch)
    _code_out(hq, monkeypatch)
    assert builds == [1] and refresh_ahead(hq.db) == 0  # fresh: left as it is
    _more_forms(boss, ids, 3, "MONDAY")  # 3 behind: still given, but half-way to stale
    assert refresh_ahead(hq.db) == 1 and builds == [1, 1]
    assert refresh_ahead(hq.db) == 0
    _more_forms(boss, ids, 2, "TUESDAY")  # 5 behind the first build, 2 behind the second
    laptop = hq.device("office", name="office laptop")
    laptop.sync()
    assert builds == [1, 1] and _asked(laptop) == 1  # from the cache, built before it came
    assert len(laptop.rows("evaluation")) == 13
    assert laptop.store.meta("sync_cursor") == boss.store.meta("sync_cursor")


def test_only_codes_still_out_have_their_snapshots_kept_fresh(hq, monkeypatch):
    """A code already redeemed, or expired, is nobody's next first sync: its stale snapshot is
    not built again."""
    from datetime import timedelta

    from sync.server.snapshot_ahead import refresh_ahead

    _stale_after(monkeypatch, 4)
    boss, ids = _world_of_forms(hq, 8)
    _nothing_cached(hq)
    builds = _counting_builds(monkeypatch)
    _code_out(hq, monkeypatch)
    hq.device("office", name="redeemed").sync()
    monkeypatch.undo()
    _stale_after(monkeypatch, 4)
    builds = _counting_builds(monkeypatch)
    expired = admin.enroll_device(hq.db, role="kiosk", unit=ids["unit"],
                                  ttl=timedelta(seconds=-1))
    assert admin.prepare_first_sync(hq.db, expired["hq_device_id"]) and builds == [1]
    _more_forms(boss, ids, 4, "LATER")
    assert refresh_ahead(hq.db) == 0 and builds == [1]


def test_hq_keeps_the_snapshots_of_codes_out_fresh_while_it_serves(hq, monkeypatch):
    """The refresh runs by itself in a serving HQ (the app's lifespan), every few seconds here."""
    import asyncio

    from sync.server import snapshot_ahead

    monkeypatch.setattr(snapshot_ahead, "REFRESH_EVERY", 0.05)
    _stale_after(monkeypatch, 4)
    boss, ids = _world_of_forms(hq, 8)
    _nothing_cached(hq)
    builds = _counting_builds(monkeypatch)
    _code_out(hq, monkeypatch)
    _more_forms(boss, ids, 3, "LATER")

    async def serve_a_while() -> None:
        async with hq.app.router.lifespan_context(hq.app):
            deadline = time.monotonic() + 20
            while builds == [1] and time.monotonic() < deadline:
                await asyncio.sleep(0.05)

    asyncio.run(serve_a_while())
    assert builds == [1, 1]


def test_a_refresh_that_fails_says_nothing_on_the_operators_console(hq, monkeypatch, caplog):
    """`fieldinspect serve` configures no logging: a warning would reach the (Chinese) console
    in English, with its traceback, every minute. A failed refresh is logged at DEBUG only
    and tried again; the device's first sync builds what is missing."""
    import asyncio
    import logging

    from sync.server import snapshot_ahead

    tries = []

    def broken(_db):
        tries.append(1)
        raise RuntimeError("disk full")

    monkeypatch.setattr(snapshot_ahead, "refresh_ahead", broken)
    caplog.set_level(logging.DEBUG)

    async def serve_a_while() -> None:
        refreshing = asyncio.create_task(snapshot_ahead.keep_ready(hq.db, every=0.01))
        while len(tries) < 3:
            await asyncio.sleep(0.01)
        refreshing.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await refreshing

    asyncio.run(serve_a_while())
    said = [r for r in caplog.records if r.name == snapshot_ahead.log.name]
    assert len(said) >= 3 and {r.levelno for r in said} == {logging.DEBUG}


# PostgreSQL only: a SQLite HQ's builds hold its write lock, one at a time by themselves.
@pytest.mark.parametrize("database_url", [pytest.param("pg", marks=pytest.mark.pg)],
                         indirect=True)
def test_a_scope_another_worker_is_building_is_left_to_it(hq, monkeypatch):
    """Two PostgreSQL workers (a code made on one, the minute's refresh on the other) never
    build one scope at once: a worker finding the scope's build lock taken leaves it, and
    builds it at a later turn if it is still wanted."""
    from sync.server.auth import _identity
    from sync.server.scope import load_scope
    from sync.server.snapshot_ahead import refresh_ahead

    _world_of_forms(hq, 4)
    _nothing_cached(hq)
    device_id = admin.enroll_device(hq.db, role="office")["hq_device_id"]
    builds = _counting_builds(monkeypatch)
    with hq.db.read() as conn:
        row = conn.execute(sa.select(T.device).where(T.device.c.id == device_id)).first()
        key = server_snapshot.scope_key(conn, load_scope(conn, _identity(row)))
    with hq.db.engine.connect() as other:  # the other worker, building this scope
        other.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"),
                      {"k": server_snapshot.building_lock(key)})
        assert refresh_ahead(hq.db) == 0 and builds == []
        assert admin.prepare_first_sync(hq.db, device_id) is False and builds == []
        other.rollback()
    assert refresh_ahead(hq.db) == 1 and builds == [1]
