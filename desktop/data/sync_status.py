"""What the sync indicator shows, read from the store without Qt (on the DB worker).

Read at driver level: this runs as the first window is drawn, and the SQLModel table classes
(models.device, models.sync_state) cost ~0.3 s to import (see desktop/data/reference.py).
"""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from models.store.identity import NEEDS_ENROLLMENT_KEY
from models.store.store import get_meta


@dataclass(frozen=True)
class SyncFacts:
    pending: int
    issues: int
    enrolled: bool
    revoked: bool
    last_synced: datetime | None
    server_url: str
    reenroll: str = ""  # restored | sequence_reused: a copied store must enroll again


def pending_changes(conn: sa.Connection) -> int:
    return conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar()


def is_enrolled(conn: sa.Connection) -> bool:
    """HQ enrolled this device (HQ numbers its notices, and so on)."""
    return bool(get_meta(conn, "hq_device_id"))


def sync_facts(conn: sa.Connection) -> SyncFacts:
    """Everything the indicator shows, in one short read on the DB worker."""
    issues = conn.exec_driver_sql(
        "SELECT count(*) FROM sync_issue WHERE resolved_at IS NULL").scalar()
    last = get_meta(conn, "last_synced_at")
    return SyncFacts(
        pending=pending_changes(conn), issues=issues,
        enrolled=is_enrolled(conn),
        revoked=get_meta(conn, "sync_revoked") == "1",
        last_synced=datetime.fromisoformat(last) if last else None,
        server_url=get_meta(conn, "server_url") or "",
        reenroll=get_meta(conn, NEEDS_ENROLLMENT_KEY) or "")
