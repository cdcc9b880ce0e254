"""The window's view of committed changes: the store's plain callbacks (models.store.changes)
become one Qt signal on the GUI thread, and a timer asks the DB worker every few seconds
whether another process committed (a kiosk, a second window)."""

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop.data.local_store import EVERYTHING

POLL_MS = 3000
# Commits close together are announced once, when they pause: a clerk keying a form every
# 50 ms would otherwise queue a reload on the one DB worker between every two saves.
SETTLE_MS = 300


class ChangeHub(QObject):
    tables_changed = Signal(object)  # frozenset of table names; EVERYTHING when unknown
    _relayed = Signal(object)  # from whichever thread committed, queued to the GUI thread

    def __init__(self, session, parent=None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.session = session
        self._relayed.connect(self._gather, Qt.ConnectionType.QueuedConnection)
        self._pending: set[str] = set()
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._announce)
        session.store.changes.listen(self._committed)
        self._polling = False
        self.timer = QTimer(self, interval=poll_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.poll()  # takes the baseline

    def _committed(self, tables: frozenset[str]) -> None:
        self._relayed.emit(tables)

    def _gather(self, tables: frozenset[str]) -> None:
        self._pending |= tables
        self._settle.start()

    def _announce(self) -> None:
        tables, self._pending = frozenset(self._pending), set()
        if tables:
            self.tables_changed.emit(tables)

    def poll(self) -> None:
        if self._polling:  # the worker is busy with a long job: one look is enough
            return
        self._polling = True
        self.session.worker.submit(self.session.store.changes.changed_elsewhere,
                                   on_done=self._polled)

    def _polled(self, moved, error) -> None:
        self._polling = False
        if moved and error is None:
            self._gather(EVERYTHING)

    def stop(self) -> None:
        self.timer.stop()
        self._settle.stop()
        self.session.store.changes.unlisten(self._committed)
