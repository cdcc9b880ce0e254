"""The clerks' figures are kept when a batch is verified (migration 0024), read back without
the keyings' scan, and forgotten the moment anything they were computed from changes: a
supervisor never sees stale figures (issue 15, "Performance")."""

import dataclasses

import sqlalchemy as sa

from models import batches, clerk_stats, services
from models.enums import ProfileRole
from models.profiles import create_profile
from models.store.store import Store
from sync.client.apply import apply_page
from sync.protocol import PulledPage
from tests.conftest import PASSPHRASE
from tests.models.test_clerk_stats import FULL, _batch, _key_all, ref  # noqa: F401 (fixture)


def _kept(store) -> set[str]:
    with store.read() as conn:
        return set(conn.exec_driver_sql("SELECT batch_id FROM clerk_batch_kept").scalars())


def _figures(store) -> list[tuple]:
    with store.read() as conn:
        report = clerk_stats.clerk_report(conn, "boss")
    return [(f.clerk, f.keying, f.forms, f.fields_compared, f.errors, f.pending)
            for f in report.batches]


def _verified_batch(store, ref):  # noqa: F811
    batch = _batch(store, ref, cover=10)
    _key_all(store, batch, [FULL] * 10, "clerkA")
    second = [dict(FULL) for _ in range(10)]
    second[4]["law"] = "fairly_satisfied"
    _key_all(store, batch, second, "clerkB")
    with store.write("clerkB") as w:
        found = batches.finish_verification(w, batch)
    with store.write("boss") as w:
        batches.settle(w, batch, found[0].keying_id, "second", actor_role=ProfileRole.SUPERVISOR)
    return batch


def test_a_verified_batch_keeps_its_figures_and_reads_them_back_unchanged(store, ref):  # noqa: F811
    batch = _verified_batch(store, ref)
    assert _kept(store) == {batch}
    kept = _figures(store)
    with store.write("boss") as w:  # forget them: the figures computed from the keyings
        w.conn.execute(sa.text("DELETE FROM clerk_batch_kept"))
    assert kept == _figures(store) == [("clerkA", "entry", 10, 80, 1, 0),
                                       ("clerkB", "verification", 10, 80, 0, 0)]


def test_a_form_voided_after_verification_is_no_longer_counted(store, ref):  # noqa: F811
    batch = _verified_batch(store, ref)
    with store.read() as conn:
        form = conn.exec_driver_sql("SELECT evaluation_id FROM batch_keying WHERE pass_no = 1 "
                                    "AND form_no = '0005'").scalar()
    with store.write("boss") as w:
        services.void_evaluation(w, form, "keyed twice")
    assert batch not in _kept(store)
    assert _figures(store) == [("clerkA", "entry", 10, 72, 0, 0),
                               ("clerkB", "verification", 10, 72, 0, 0)]


def _pulled(store, tables=("evaluation", "entry_batch", "batch_keying")) -> PulledPage:
    """Every row of the batch's tables as HQ sends them in a pull's last page."""
    out = {}
    with store.read() as conn:
        for table in tables:
            cur = conn.exec_driver_sql(f"SELECT * FROM {table}")
            out[table] = {"columns": [c[0] for c in cur.cursor.description],
                          "rows": [list(r) for r in cur]}
    return PulledPage(cursor=1, more=False, tables=out, removals=[], conflicts=[])


def test_a_batch_verified_elsewhere_arrives_at_hq_with_its_figures_kept(store, ref, tmp_path):  # noqa: F811
    """HQ reads the clerks' figures of a pulled batch from the kept rows, the same figures
    its keyings give, and so does the device that verified it once HQ sends it back."""
    batch = _verified_batch(store, ref)
    page = _pulled(store)
    hq = Store.open(tmp_path / "hq", PASSPHRASE)
    create_profile(hq, "boss", ProfileRole.SUPERVISOR)
    try:
        apply_page(hq, page)
        assert _kept(hq) == {batch}
        kept = _figures(hq)
        with hq.write("boss") as w:
            w.conn.execute(sa.text("DELETE FROM clerk_batch_kept"))
        assert kept == _figures(hq) == [("clerkA", "entry", 10, 80, 1, 0),
                                        ("clerkB", "verification", 10, 80, 0, 0)]
    finally:
        hq.close()
    apply_page(store, page)  # the echo from HQ: upserts that forget, then kept again
    assert _kept(store) == {batch}


def test_a_pull_with_more_pages_to_come_keeps_nothing_yet(store, ref, tmp_path):  # noqa: F811
    _verified_batch(store, ref)
    page = _pulled(store)
    hq = Store.open(tmp_path / "hq", PASSPHRASE)
    try:
        apply_page(hq, dataclasses.replace(page, more=True))
        assert _kept(hq) == set()
    finally:
        hq.close()
