"""The window's view of sync: a Qt controller over a Qt-free backend.

Until the sync client is wired in (`backend` stays None) the controller still tells the truth:
how many local changes wait in the outbox, and that this device is not enrolled. The backend
reports progress through a plain callback; this controller turns it into a signal."""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import shiboken6
import sqlalchemy as sa
from PySide6.QtCore import QObject, Signal
from qasync import asyncSlot

from models.device import OutboxEntry


@dataclass(frozen=True)
class SyncStatus:
    state: str  # demo | not_enrolled | offline | idle | syncing | error
    pending: int = 0
    progress: float | None = None
    last_synced: datetime | None = None
    error: str = ""


class SyncBackend(Protocol):
    """What the sync client offers the window (Qt-free)."""

    def is_enrolled(self) -> bool: ...

    async def sync(self, progress) -> None: ...

    def cancel(self) -> None: ...

    def last_synced(self) -> datetime | None: ...


def pending_changes(conn: sa.Connection) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(OutboxEntry.__table__)).scalar()


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus

    def __init__(self, session, backend: SyncBackend | None = None, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.backend = backend
        self.status = SyncStatus("demo" if session.is_demo else "not_enrolled")

    def _publish(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    @asyncSlot()
    async def refresh(self) -> None:
        pending = await self.session.read(pending_changes)
        if not shiboken6.isValid(self):
            return  # the window closed meanwhile
        if self.session.is_demo:
            self._publish(SyncStatus("demo", pending))
        elif self.backend is None or not self.backend.is_enrolled():
            self._publish(SyncStatus("not_enrolled", pending))
        else:
            self._publish(SyncStatus("idle", pending, last_synced=self.backend.last_synced()))

    @asyncSlot()
    async def sync_now(self) -> None:
        if self.session.is_demo or self.backend is None or not self.backend.is_enrolled():
            await self.refresh()
            return
        pending = self.status.pending
        self._publish(SyncStatus("syncing", pending, progress=0.0))
        try:
            await self.backend.sync(lambda done: self._publish(
                SyncStatus("syncing", pending, progress=done)))
        except Exception as exc:  # noqa: BLE001 - background failures go to the status bar
            self._publish(SyncStatus("error", pending, error=str(exc)))
            return
        await self.refresh()

    def cancel(self) -> None:
        if self.backend is not None:
            self.backend.cancel()
