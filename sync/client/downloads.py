"""Attachments brought to the device after a sync, so that a photo taken in the field is seen
at HQ without anyone asking for it.

The pull brings attachment rows (hash, size, owner); the bytes stay at HQ until fetched. After a
round, every attachment row this device holds whose bytes are not here yet and whose size is
within the device's cap is fetched: the network on the loop (httpx), the sealing on the engine's
store thread. One failed download is logged and left for the next round; the rest go on.
Larger files are fetched only when someone opens them.
"""

import logging
from dataclasses import dataclass, field

import httpx
import sqlalchemy as sa

from models.errors import AppError
from models.records import Attachment
from models.security.attachment_store import BlobStore

log = logging.getLogger(__name__)


@dataclass
class DownloadReport:
    fetched: list[str] = field(default_factory=list)  # hashes now on this device
    failed: int = 0
    over_cap: int = 0  # left for opening on demand


def missing(conn: sa.Connection, blobs: BlobStore, max_bytes: int) -> tuple[list[str], int]:
    """Hashes of live attachments whose bytes are not here, within the cap (smallest first, so
    a slow link brings the most photos soonest), and how many are over the cap."""
    t = Attachment.__table__
    rows = conn.execute(
        sa.select(t.c.sha256, sa.func.max(t.c.size)).where(t.c.deleted_at.is_(None))
        .group_by(t.c.sha256).order_by(sa.func.max(t.c.size), t.c.sha256)).all()
    wanted, over = [], 0
    for sha256, size in rows:
        if blobs.has(sha256):
            continue
        if (size or 0) > max_bytes:
            over += 1
        else:
            wanted.append(sha256)
    return wanted, over


async def download_missing(engine, max_bytes: int) -> DownloadReport:
    """Fetch what `missing` names through `engine.fetch_attachment`; never raises for one file."""
    report = DownloadReport()
    if max_bytes <= 0:
        return report
    store = engine.store
    wanted, report.over_cap = await engine._db(
        lambda: _read(store, lambda conn: missing(conn, store.blobs, max_bytes)))
    for sha256 in wanted:
        engine._check_cancel()
        try:
            await engine.fetch_attachment(sha256)
        except (AppError, OSError, httpx.HTTPError) as exc:
            report.failed += 1
            log.warning("attachment %s… not downloaded (next round tries again): %s",
                        sha256[:8], getattr(exc, "code", type(exc).__name__))
        else:
            report.fetched.append(sha256)
    return report


def _read(store, fn):
    with store.engine.connect() as conn:
        return fn(conn)
