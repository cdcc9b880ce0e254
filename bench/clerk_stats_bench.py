"""The clerks' figures over N forms keyed twice (issue 15 §4, performance), against a raw scan
of the same keying rows in the same run: `python bench/clerk_stats_bench.py 100000`.
Rows are written with one executemany per table (500 forms a batch, 10 clerks, every form
agreeing); then every batch's figures kept, as a verification keeps them, and read again; then
kept at once as a pull's last page keeps them (HQ, sync.client.apply), and read again.
A figure to print, not a test."""

import os
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from models import clerk_stats
from models.batches import BatchKeying, EntryBatch
from models.records import Evaluation
from models.reference import Campaign, Unit
from models.store.store import Store

PER_BATCH = 500
T0 = datetime(2026, 5, 4, tzinfo=UTC)
LEVELS = dict(level="satisfied", discipline=None, law=None, service=None, integrity=None,
              efficiency=None, reason="", suggestion="")


def _row(row_id: str, at: datetime, by: str, **values) -> dict:
    return dict(id=row_id, created_at=at, updated_at=at, created_by=by, created_device="",
                updated_device="", updated_by="", deleted_at=None, server_version=None,
                **values)


def _rows(n: int, campaign: str, unit: str) -> tuple[list, list, list]:
    batches, forms, keyings = [], [], []
    for b in range(n // PER_BATCH):
        batch, clerk, second = str(uuid.uuid4()), f"clerk{b % 10}", f"clerk{(b + 1) % 10}"
        batches.append(_row(batch, T0, clerk, campaign_id=campaign, group="citizen",
                            unit_id=unit, evaluated_on=date(2026, 5, 4), cover_count=PER_BATCH,
                            closed_at=T0, closed_by=clerk, verify_forms=[], verified_at=T0,
                            verified_by=second))
        for i in range(PER_BATCH):
            form, number, at = str(uuid.uuid4()), f"{b}-{i}", T0 + timedelta(seconds=30 * i)
            forms.append(_row(form, at, clerk, campaign_id=campaign, group="citizen",
                              unit_id=unit, form_no=number, evaluated_on=date(2026, 5, 4),
                              source="paper", voided=False, void_reason="", **LEVELS))
            keys = dict(batch_id=batch, form_no=number, resolution="", settled_by="",
                        settled_at=None, **LEVELS)
            keyings.append(_row(str(uuid.uuid4()), at, clerk, pass_no=1, evaluation_id=form,
                                **keys))
            keyings.append(_row(str(uuid.uuid4()), at + timedelta(hours=1), second, pass_no=2,
                                evaluation_id=None, **keys))
    return batches, forms, keyings


def main(n: int) -> None:
    store = Store.open(Path(tempfile.mkdtemp()) / "data", "bench passphrase")
    with store.write("admin") as w:
        campaign = w.create(Campaign, {"name": "c", "year": 2026})
        unit = w.create(Unit, {"name": "u", "kind": "department"})
    tables = (EntryBatch.__table__, Evaluation.__table__, BatchKeying.__table__)
    with store.write("admin") as w:
        for table, rows in zip(tables, _rows(n, campaign, unit), strict=True):
            w.conn.execute(sa.insert(table), rows)
    with store.read() as conn:
        for _ in range(3):
            started = time.perf_counter()
            report = clerk_stats.clerk_report(conn, "boss", "supervisor")
            print(f"clerk_report, {n} forms: {(time.perf_counter() - started) * 1000:.0f} ms "
                  f"({len(report.batches)} rows)")
        started = time.perf_counter()
        scanned = len(conn.execute(sa.select(BatchKeying.__table__)).all())
        print(f"raw scan of {scanned} keying rows: {(time.perf_counter() - started) * 1000:.0f} ms")
    started = time.perf_counter()
    with store.write("admin") as w:  # as each batch's verification does (models.batches)
        for batch in w.conn.execute(sa.select(EntryBatch.__table__.c.id)).scalars().all():
            clerk_stats.keep_batch_figures(w.conn, batch)
    print(f"keeping every batch's figures: {(time.perf_counter() - started) * 1000:.0f} ms")
    with store.read() as conn:
        for _ in range(3):
            started = time.perf_counter()
            kept = clerk_stats.clerk_report(conn, "boss", "supervisor")
            print(f"clerk_report, every batch kept: {(time.perf_counter() - started) * 1000:.1f}"
                  f" ms ({len(kept.batches)} rows, same as computed: {kept == report})")
    with store.write("admin") as w:  # as a pull's upserts forget them at HQ
        w.conn.exec_driver_sql("DELETE FROM clerk_batch_kept")
        started = time.perf_counter()
        clerk_stats.keep_verified_batches(w.conn)  # as a pull's last page keeps them
    print(f"a pull's last page keeping every verified batch at once: "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")
    with store.read() as conn:
        started = time.perf_counter()
        pulled = clerk_stats.clerk_report(conn, "boss", "supervisor")
        print(f"clerk_report at HQ after that pull: {(time.perf_counter() - started) * 1000:.1f}"
              f" ms (same as computed: {pulled == report})")
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
