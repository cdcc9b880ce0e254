"""The window's view of sync: a Qt controller over the Qt-free engine in `sync.client`.

The engine runs on the qasync loop (httpx.AsyncClient) and reports progress through a plain
callback; this controller turns that into `status_changed`. Rounds never overlap: the Sync
button and the background timer share one guard. Background failures go to the status bar and
the log, never to a modal dialog.
"""

import asyncio
import contextlib
import logging
from dataclasses import dataclass, replace
from datetime import datetime

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from desktop.data.sync_status import SyncFacts, sync_facts
from desktop.messages import error_text, text
from desktop.widgets.slots import widget_slot
from models.errors import SyncError, scrubbed_traceback

log = logging.getLogger(__name__)

AUTO_INTERVAL_MS = 60_000  # a background round a minute when HQ answers
PROBE_TIMEOUT_S = 5.0
HARD_CANCEL_S = 1.5  # cancel() stops after the current batch; past this the request is dropped


@dataclass(frozen=True)
class SyncStatus:
    # demo | not_enrolled | reenroll | offline | idle | syncing | error | revoked
    state: str
    pending: int = 0
    progress: float | None = None
    phase: str = ""  # push | pull while syncing
    last_synced: datetime | None = None
    error: str = ""
    issues: int = 0  # refused entries and conflicts waiting for a person


def is_unreachable(exc: BaseException) -> bool:
    """HQ could not be reached at all (as opposed to HQ answering no): by the failure's type,
    never by its text."""
    import httpx

    from sync.client.failures import HqUnreachable

    return isinstance(exc, HqUnreachable | httpx.TransportError | OSError | asyncio.TimeoutError)


async def probe(server_url: str, transport=None) -> bool:
    """One quick, unauthenticated call: does HQ answer at all? An HQ whose certificate
    cannot be verified counts as answering, so the round runs and says why it stops
    (`hq_untrusted`) instead of the window calling HQ offline."""
    from sync.client.failures import CaFileUnreadable, HqUntrusted
    from sync.client.hq_client import HqClient, RetryPolicy

    try:
        client = HqClient(server_url, transport=transport, retry=RetryPolicy(attempts=1),
                          timeout=PROBE_TIMEOUT_S)
    except CaFileUnreadable:
        return True
    try:
        await client.health()
        return True
    except HqUntrusted:
        return True
    except Exception as exc:  # noqa: BLE001 - any failure to answer means offline here
        if not is_unreachable(exc):
            log.info("HQ health check refused: %s", exc)
        return False
    finally:
        await client.aclose()


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    sync_finished = Signal(object)  # the engine's SyncReport (None when the round failed)
    revoked = Signal(str)  # HQ revoked the device; its store was wiped
    attachments_downloaded = Signal(list)  # hashes whose bytes arrived after a round

    def __init__(self, session, parent=None, interval_ms: int = AUTO_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.session = session
        self.status = SyncStatus("demo" if session.is_demo else "not_enrolled")
        self.facts: SyncFacts | None = None
        self._task: asyncio.Task | None = None
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.auto_sync)

    # --- what is shown ------------------------------------------------------------------------
    def _publish(self, status: SyncStatus) -> None:
        if not shiboken6.isValid(self):
            return  # the window closed meanwhile
        self.status = status
        self.status_changed.emit(status)

    def _at_rest(self, facts: SyncFacts, state: str | None = None, error: str = "") -> SyncStatus:
        if self.session.is_demo:
            state = "demo"
        elif facts.revoked:
            state = "revoked"
        elif facts.reenroll:  # the indicator says it in the window's language
            state, error = "reenroll", ""
        elif not facts.enrolled:
            state = "not_enrolled"
        return SyncStatus(state or "idle", facts.pending, last_synced=facts.last_synced,
                          error=error, issues=facts.issues)

    async def _facts(self) -> SyncFacts:
        # One turn of the loop first: the page a new window opens on starts its load in the
        # same turn as this read, one task later (desktop.operations.Op), and the database
        # lane runs jobs in order; the outbox count is ~30-50 ms on 100,000 unsent forms, and
        # the page's figures should not wait for it.
        await asyncio.sleep(0)
        self.facts = await self.session.read(sync_facts)
        return self.facts

    @widget_slot()
    async def refresh(self) -> None:
        """Re-read the counts (after a local save); keeps the state unless at rest."""
        facts = await self._facts()
        if self.running:
            self._publish(replace(self.status, pending=facts.pending, issues=facts.issues))
            return
        keep = self.status.state if self.status.state in ("offline", "error") else None
        self._publish(self._at_rest(facts, keep, self.status.error if keep else ""))

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def can_sync(self) -> bool:
        f = self.facts
        return (not self.session.is_demo and f is not None and f.enrolled and not f.revoked)

    # --- rounds -------------------------------------------------------------------------------
    def start_auto(self) -> None:
        """Background rounds while the window is open (and one right away)."""
        self.timer.start()
        self.auto_sync()

    @widget_slot()
    async def auto_sync(self) -> None:
        if self.running:
            return  # never two rounds at once
        facts = await self._facts()
        if not self.can_sync():
            self._publish(self._at_rest(facts))
            return
        if not await probe(facts.server_url, self.session.sync_transport):
            self._publish(self._at_rest(facts, "offline"))
            return
        await self.run_round()

    @widget_slot()
    async def sync_now(self) -> None:
        if self.running:
            return
        facts = await self._facts()
        if not self.can_sync():
            self._publish(self._at_rest(facts))
            return
        await self.run_round()

    async def run_round(self) -> object | None:
        """One push-then-pull round; returns the report, or None when it failed."""
        if self.running:
            return None
        facts = self.facts or await self._facts()
        engine = self.session.sync_engine()
        self._publish(SyncStatus("syncing", facts.pending, progress=0.0,
                                 last_synced=facts.last_synced, issues=facts.issues))
        engine.on_progress = self._progress
        self._task = asyncio.ensure_future(self._round(engine))
        report, state, error = None, None, ""
        try:
            report = await self._task
        except BaseException as exc:  # noqa: BLE001 - every failure ends in the status bar
            state, error = self._failure(exc)
        finally:
            self._task = None
        if state == "revoked":
            # The engine has wiped this store (issue 6): nothing is left to read.
            self._publish(SyncStatus("revoked", error=error))
            if shiboken6.isValid(self):
                self.revoked.emit(error)
            return None
        if report is not None:
            error = await self._report_settled(facts.server_url) or error
            state = "error" if error else state
        facts = await self._facts()
        self._publish(self._at_rest(facts, state, error))
        if shiboken6.isValid(self):
            self.sync_finished.emit(report)
        return report

    async def _round(self, engine) -> object:
        """Push and pull, then bring the attachments this device keeps (within its size cap)
        in the same guarded task, so rounds and downloads never overlap."""
        from models.security.settings import attachment_download_mb
        from sync.client.engine import SyncCancelled

        report = await engine.sync()
        store = self.session.store
        cap_mb = await self.session.worker.run(lambda: attachment_download_mb(store))
        if cap_mb <= 0:
            return report
        self._publish(replace(self.status, state="syncing", phase="attachments"))
        try:
            got = await engine.download_attachments(cap_mb * 1_000_000)
        except SyncCancelled:  # the round itself is done: its rows are shown all the same
            log.info("attachment downloads cancelled; the next round goes on")
            return report
        if got.fetched and shiboken6.isValid(self):
            self.attachments_downloaded.emit(got.fetched)
        return report

    async def _report_settled(self, server_url: str) -> str:
        """Tell HQ which conflicts were settled here (kept until HQ has heard it)."""
        from desktop.data import sync_issues
        from desktop.data.hq_admin import HqAdmin
        from sync.client.failures import HqRefused

        pending = await self.session.read(sync_issues.to_resolve)
        if not pending:
            return ""
        admin, done, error = HqAdmin(self.session.sync_engine(), server_url), [], ""
        for conflict_id in pending:
            try:
                await admin.resolve_conflict(conflict_id)
                done.append(conflict_id)
            except SyncError as exc:
                if isinstance(exc, HqRefused) and exc.status == 404:
                    done.append(conflict_id)  # HQ no longer holds it: nothing to tell
                else:
                    log.warning("could not mark conflict %s settled at HQ: %s", conflict_id, exc)
                    error = error_text(exc)
        store = self.session.store
        await self.session.worker.run(lambda: sync_issues.resolved_at_hq(store, done))
        return error

    def _progress(self, event) -> None:
        fraction = {"push": 0.5 * event.done / max(event.total or 1, 1)}.get(event.phase)
        if fraction is None:
            fraction = 1.0 if event.phase == "done" else min(0.95, max(
                self.status.progress or 0.5, 0.5) + 0.05)
        self._publish(replace(self.status, state="syncing", phase=event.phase,
                              progress=min(1.0, fraction)))

    def _failure(self, exc: BaseException) -> tuple[str | None, str]:
        from sync.client.engine import SyncCancelled
        from sync.client.failures import DeviceRevoked

        if isinstance(exc, SyncCancelled | asyncio.CancelledError):
            log.info("sync cancelled")
            return None, ""
        if isinstance(exc, DeviceRevoked):
            log.warning("HQ revoked this device: %s", exc)
            return "revoked", error_text(exc)
        if is_unreachable(exc):  # the sentence names the address tried
            log.info("HQ unreachable: %s", exc)
            return "offline", error_text(exc) if isinstance(exc, SyncError) else ""
        if isinstance(exc, SyncError):
            log.warning("sync failed: %s", exc)
            return "error", error_text(exc)
        log.error("sync failed unexpectedly:\n%s", scrubbed_traceback(exc))
        return "error", text("sync_unexpected")

    def cancel(self) -> None:
        """Stop after the current batch or page; a request still hanging is then dropped
        (every step is stored whole or not at all, so nothing is half-written)."""
        if not self.running:
            return
        self.session.sync_engine().cancel()
        task = self._task
        QTimer.singleShot(int(HARD_CANCEL_S * 1000), lambda: task.done() or task.cancel())

    def shutdown(self) -> None:
        self.timer.stop()
        if self.running:
            with contextlib.suppress(Exception):
                self.session.sync_engine().cancel()
            self._task.cancel()
