"""Snapshots kept ready for the devices whose enrolment codes are out (issue 18 §1).

A device's snapshot is built when its code is made (`snapshot.build_ahead`), so its first sync
takes it from HQ's cache. The device may come days later, and HQ takes writes meanwhile: past
`snapshot.worth_giving` (a quarter of its rows, or STALE_FLOOR versions) the entry is no
longer given and that first sync would wait for a build (~1 s for 100,000 forms on two
cores). So while HQ serves, every REFRESH_EVERY seconds it looks at the devices whose code is
out (pending, the code unused and unexpired) and builds again each scope whose entry is
half-way to that bound (`half_fresh`): the device finds one ready whenever it comes, and no
scope is built more than once per half of its bound.

Every worker looks; a scope is built by one at a time (on PostgreSQL an advisory lock per
scope, `snapshot.building_lock`: a worker that finds it taken leaves that scope to the other;
a SQLite HQ's builds hold its write lock, as a build at a sync does). A failed refresh is
logged (at DEBUG) and tried again at the next turn; the device's first sync builds what is
missing, as before.
"""

import asyncio
import logging

import anyio.to_thread
import sqlalchemy as sa

from models.timeutil import utcnow
from sync.server import snapshot
from sync.server import tables as T
from sync.server.db import ServerDB

log = logging.getLogger("fieldinspect.sync.snapshot")

REFRESH_EVERY = 60.0  # seconds between two looks at the codes that are out


def half_fresh(rows: int, behind: int) -> bool:
    """Whether an entry of `rows` rows `behind` versions behind is still less than half-way
    to the bound past which it is no longer given (`worth_giving`)."""
    return snapshot.worth_giving(rows, 2 * behind)


def refresh_ahead(db: ServerDB) -> int:
    """Build again the snapshot of each scope whose code is out and whose entry is half-way
    to stale (or missing); how many were built."""
    with db.read() as conn:
        waiting = list(conn.execute(_codes_out()).scalars())
    # One scope shared by many codes is built once: the others then find it fresh. A scope
    # another worker is building meanwhile is left to it (`snapshot.building_lock`).
    return sum(snapshot.build_ahead(db, device_id, fresh_enough=half_fresh)
               for device_id in waiting)


def _codes_out() -> sa.Select:
    d, c = T.device.c, T.enrollment_code.c
    out = sa.select(c.device_id).where(c.device_id == d.id, c.used_at.is_(None),
                                       c.expires_at > utcnow())
    return sa.select(d.id).where(d.status == "pending", out.exists()).order_by(d.created_at)


async def keep_ready(db: ServerDB, every: float | None = None) -> None:
    """`refresh_ahead` every `every` seconds (REFRESH_EVERY), on a worker thread, until
    cancelled (the app's lifespan ends)."""
    while True:
        await asyncio.sleep(REFRESH_EVERY if every is None else every)
        try:
            await anyio.to_thread.run_sync(refresh_ahead, db)
        except Exception:  # noqa: BLE001 - the device's first sync builds instead
            # At DEBUG: `fieldinspect serve` configures no logging, and Python's last resort
            # would print a warning's English and traceback on the operator's console every
            # minute; a refresh that fails only leaves the build to the device's first sync,
            # which reports its own failure to the device.
            log.debug("the snapshots of the codes that are out were not refreshed",
                      exc_info=True)
