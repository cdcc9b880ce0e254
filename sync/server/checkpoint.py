"""A SQLite HQ's WAL checkpoints, on a thread of their own instead of in a committing request.

SQLite's automatic checkpoint (every 1,000 WAL pages by default) runs inside the COMMIT that
crosses the mark: that request copies the WAL's pages into the database file and fsyncs it
before HQ answers. A 26,300-form push writes several thousand pages, so nearly every one of its
batches paid a checkpoint on top of its own commit. HQ's connections turn the automatic
checkpoint off (`PRAGMA wal_autocheckpoint = 0`) and this thread checkpoints (PASSIVE: never
waits for a reader or a writer) shortly after a big write and within IDLE seconds of small
ones, on a connection of its own outside the request pool. The driver leaves the GIL while
SQLite copies and syncs, so the requests' Python runs meanwhile.

Durability is the WAL's: a commit is on disk (synchronous=FULL) when it returns, whether or
not its pages were checkpointed; a kill at any point leaves the WAL for the next open to
replay, as before. If this thread cannot checkpoint (an error), it logs and tries again after
the next write, so the WAL never grows past one burst of writes without a try.
"""

import logging
import threading
import time

import sqlalchemy as sa

log = logging.getLogger("fieldinspect.sync.checkpoint")

# A burst of commits (a push's batches) is checkpointed together, this long after a big write.
PAUSE = 0.05
# Rows a write changed from which its pages are checkpointed soon (a push batch is ~3,800
# forms); smaller writes (one-record rounds, pulls' records) wait up to IDLE seconds and are
# checkpointed together, so a round does not pay a database fsync of its own in the background
# (SQLite's automatic checkpoint came every 1,000 WAL pages, i.e. every ~50-100 such rounds).
BIG = 500
IDLE = 2.0


def no_autocheckpoint(dbapi_connection, _record) -> None:
    """SQLAlchemy `connect` listener for HQ's request connections. It also pins SQLCipher's
    memory wiping off, as sqlcipher3's build has it (SQLCipher 4.0-4.4 had it on): on, the
    raw executemany of 26,300 forms took 24 s of CPU instead of 0.6 s here, and the setting is
    the whole process's once any connection turns it on."""
    dbapi_connection.execute("PRAGMA wal_autocheckpoint = 0")
    dbapi_connection.execute("PRAGMA cipher_memory_security = OFF")


class Checkpointer:
    def __init__(self, engine: sa.Engine, pause: float = PAUSE) -> None:
        """`engine`: HQ's database on a pool of its own (one connection)."""
        self._engine = engine
        self._pause = pause
        self._cond = threading.Condition()
        self._pending = 0  # rows written since the last checkpoint began
        self._closing = False
        self.done = 0  # checkpoints run (for tests and benches)
        self._thread = threading.Thread(target=self._run, name="hq-wal-checkpoint",
                                        daemon=True)
        self._thread.start()

    def committed(self, rows: int) -> None:
        """A write that changed `rows` rows committed."""
        with self._cond:
            self._pending += max(rows, 1)
            self._cond.notify()

    def close(self) -> None:
        with self._cond:
            self._closing = True
            self._cond.notify()
        self._thread.join(timeout=10)
        self._engine.dispose()

    def _due(self) -> bool:
        """Wait until there is something to checkpoint; False when closing."""
        with self._cond:
            self._cond.wait_for(lambda: self._closing or self._pending > 0)
            if self._pending < BIG:
                self._cond.wait_for(lambda: self._closing or self._pending >= BIG,
                                    timeout=IDLE)
            self._pending = 0
            return not self._closing

    def _run(self) -> None:
        while self._due():
            time.sleep(self._pause)
            try:
                with self._engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").all()
                self.done += 1
            except Exception:  # noqa: BLE001 - logged; the next write tries again
                log.warning("WAL checkpoint failed; tried again after the next write",
                            exc_info=True)
