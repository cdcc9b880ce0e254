"""Which tables a commit changed, told to whoever shows them; and a cheap check for commits
made by another connection or process (a kiosk, a second window, the command line).

Every local write goes through `Store.write`; after its commit the tables its `Change`s name
are passed to the store's listeners (the window turns them into a Qt signal, and a page reloads
only when a table it shows is among them). Writes by anyone else are noticed by SQLite's
`PRAGMA data_version`, which moves on a connection whenever another connection commits: one
pragma on one kept connection, polled every few seconds, costs microseconds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

# Announced when something changed but not which tables (another process wrote).
EVERYTHING: frozenset[str] = frozenset({"*"})

CommitListener = Callable[[frozenset[str]], None]


class ChangeWatch:
    """The store's listeners and its data-version check (thread-safe: writes may come from
    the DB worker or a sync thread)."""

    def __init__(self, connect: Callable[[], object]) -> None:
        # Asked at each (re)connect, so a wiped store's refusing engine is the one used: the
        # old pooled engine would create an empty database file again.
        self._connect = connect
        self._listeners: list[CommitListener] = []
        self._lock = threading.Lock()
        self._conn = None  # a driver connection of its own: no transaction held open on it
        self._seen: int | None = None

    def listen(self, listener: CommitListener) -> None:
        self._listeners.append(listener)

    def unlisten(self, listener: CommitListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def committed(self, tables: frozenset[str]) -> None:
        """Called after this process's commit: our own write is not news from elsewhere."""
        if self._conn is not None:
            self._absorb()
        if not tables:
            return
        for listener in list(self._listeners):
            try:
                listener(tables)
            except Exception:  # a broken view must not fail the write that already committed
                log.exception("a listener of committed changes failed")

    def changed_elsewhere(self) -> bool:
        """True when another connection committed since the last look (the first look only
        takes the baseline)."""
        with self._lock:
            if self._conn is None:
                self._conn = self._connect()
                self._seen = self._version()
                return False
            version = self._version()
            moved, self._seen = version != self._seen, version
            return moved

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def absorb(self) -> None:
        """Take the current version as seen (after a sync round the window already shows)."""
        self._absorb()

    def _absorb(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._seen = self._version()

    def _version(self) -> int:
        # On the driver, in autocommit mode: a transaction would freeze the version it sees.
        cursor = self._conn.cursor()
        try:
            return cursor.execute("PRAGMA data_version").fetchone()[0]
        finally:
            cursor.close()
