"""One way for a page to run work off the window's thread (after Anki's `CollectionOp` /
`QueryOp`, qt/aqt/operations).

An op is a work function, what to do with its result, and (optionally) what to do when it
fails. Store work runs on the database lane (one thread, the only one that touches the store);
work that needs no store runs on the background lane (desktop/worker.py). The callbacks run on
the GUI thread, and only while the widget that started the op still exists. A failure goes to
the one error display (`desktop.errors.show_error`) unless the op was given `failure`. Work that
lasts shows a small non-modal progress panel, after `PROGRESS_DELAY_MS` only (a quick save
never flashes one), whose Cancel sets the ticket's flag; the work checks it between steps, and a
step is a transaction, so a cancelled op stops with nothing half-written.

    store_op(self, self.session, lambda w: services.void_evaluation(w, row_id, reason),
             write=True, success=lambda _: self._saved()).run()

Long work is a coroutine of steps, each on its lane, the store held only for its own step:

    async def work(ticket):
        rows = await ticket.read(lambda conn: fetch(conn))
        return await ticket.background(render, rows)
    Op(self, self.session, work, success=done, label=self.tr("Writing…")).run()

Committed writes are still announced by the store (models/store/changes.py), which
desktop/change_hub.py turns into the window's `tables_changed`: an op adds nothing to that.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import threading
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.errors import show_error
from desktop.worker import run_in_background
from models.errors import ValidationError

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500  # Anki waits 600 ms; a save or a page of rows is done well before
PROGRESS_POLL_MS = 100
translate = QCoreApplication.translate  # lupdate reads translate("Operations", ...)
_panels = itertools.count()


class OpCancelled(Exception):
    """The person pressed Cancel; raised by `Ticket.check` between two steps."""


class Ticket:
    """What the work of one op sees: the cancel flag, the progress it reports (from any thread;
    the panel reads it on a timer, so no signal outlives the page) and the two lanes."""

    def __init__(self, session) -> None:
        self.session = session
        self._cancel = threading.Event()
        self.progress: tuple[int, int, str] | None = None

    # --- the flag and the figures -------------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here if Cancel was pressed (call it between steps, never inside a write that
        should finish whole)."""
        if self._cancel.is_set():
            raise OpCancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        self.progress = (done, total, text)

    # --- steps ---------------------------------------------------------------------------------
    async def read(self, fn: Callable[[Any], Any]) -> Any:
        """`fn(conn)` on the database lane, in one read; the store is free again after it."""
        self.check()
        return await self.session.read(fn)

    async def write(self, fn: Callable[[Any], Any]) -> Any:
        """`fn(write_session)` as one transaction on the database lane (rolled back whole if
        `fn` raises, `OpCancelled` included)."""
        self.check()
        return await self.session.write(fn)

    async def store(self, fn: Callable[..., Any], *args: Any) -> Any:
        """`fn(*args)` on the database lane, for store calls that open their own transaction."""
        self.check()
        return await self.session.worker.run(fn, *args)

    async def background(self, fn: Callable[..., Any], *args: Any) -> Any:
        """`fn(*args)` on the background lane: rendering, scrubbing, HQ; never the store."""
        self.check()
        return await run_in_background(fn, *args)


Work = Callable[[Ticket], Awaitable[Any]]


class Op:
    """One piece of work started from a widget; `run()` starts it and returns a future that
    is True once `success` ran, False after a failure or a cancel."""

    def __init__(self, parent: QWidget, session, work: Work, *,
                 success: Callable[[Any], None] | None = None,
                 failure: Callable[[BaseException], None] | None = None,
                 label: str | None = None, cancellable: bool = True,
                 delay_ms: int = PROGRESS_DELAY_MS) -> None:
        self.parent, self.work = parent, work
        self.success, self.failure = success, failure
        self.label, self.cancellable, self.delay_ms = label, cancellable, delay_ms
        self.ticket = Ticket(session)
        self.panel: ProgressPanel | None = None

    def run(self) -> asyncio.Future:
        return asyncio.ensure_future(self._drive())

    async def _drive(self) -> bool:
        timer = None
        if self.label is not None:
            timer = QTimer(singleShot=True, interval=self.delay_ms)
            timer.timeout.connect(self._show_progress)
            timer.start()
        try:
            result = await self.work(self.ticket)
        except Exception as exc:  # noqa: BLE001 - every failure of an op ends here
            self._finish(timer)
            self._failed(exc)
            return False
        self._finish(timer)
        if self.success is not None and self._alive():
            self.success(result)
        return True

    def _alive(self) -> bool:
        return shiboken6.isValid(self.parent)

    def _failed(self, exc: BaseException) -> None:
        if not self._alive():
            log.debug("an op failed after its widget was deleted: %s", type(exc).__name__)
        elif self.failure is not None:
            self.failure(exc)
        elif not isinstance(exc, OpCancelled):
            show_error(self.parent, exc)

    def _show_progress(self) -> None:
        if self._alive():
            self.panel = ProgressPanel(self.ticket, self.label or "", self.cancellable,
                                       self.parent.window())
            self.panel.show()

    def _finish(self, timer: QTimer | None) -> None:
        if timer is not None:
            timer.stop()
        if self.panel is not None and shiboken6.isValid(self.panel):
            self.panel.close()
            self.panel.deleteLater()
        self.panel = None


def store_op(parent: QWidget, session, work: Callable[[Any], Any], *, write: bool = False,
             **kw: Any) -> Op:
    """One step on the database lane: `work(conn)` in a read, or `work(write_session)` in one
    transaction when `write`."""
    if write:
        return Op(parent, session, lambda t: t.write(work), **kw)
    return Op(parent, session, lambda t: t.read(work), **kw)


def store_call(parent: QWidget, session, fn: Callable[[], Any], **kw: Any) -> Op:
    """One call on the database lane of a store function that opens its own transaction
    (`functools.partial(profiles.set_pin, store, name, pin, …)`)."""
    return Op(parent, session, lambda t: t.store(fn), **kw)


def background_op(parent: QWidget, session, work: Callable[[], Any], **kw: Any) -> Op:
    """One step on the background lane (network or CPU work that needs no store)."""
    return Op(parent, session, lambda t: t.background(work), **kw)


class Outcome:
    failed = False


@contextlib.contextmanager
def errors_shown(parent: QWidget, field_labels: dict[str, str] | None = None, *,
                 problems: Callable[[ValidationError], None] | None = None
                 ) -> Iterator[Outcome]:
    """For UI code (reading a form's widgets, a dialog's save): a failure goes to the one
    error display, a refused entry to `problems` when given (shown beside its fields), and
    `outcome.failed` says so."""
    outcome = Outcome()
    try:
        yield outcome
    except ValidationError as exc:
        outcome.failed = True
        if problems is not None:
            problems(exc)
        else:
            show_error(parent, exc, field_labels)
    except Exception as exc:  # noqa: BLE001 - shown by the one error display
        outcome.failed = True
        show_error(parent, exc, field_labels)


class ProgressPanel(QFrame):
    """The non-modal progress of one op, at the bottom right of its window: what is being
    done, how far, and Cancel."""

    def __init__(self, ticket: Ticket, label: str, cancellable: bool, parent: QWidget) -> None:
        super().__init__(parent, objectName="opProgress")
        self.ticket = ticket
        self.order = next(_panels)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.text = QLabel(label, objectName="opProgressText")
        self.bar = QProgressBar(objectName="opProgressBar")
        self.bar.setRange(0, 0)  # busy until the work says how far it is
        self.bar.setMinimumWidth(180)
        self.bar.setAlignment(Qt.AlignmentFlag.AlignCenter)  # "120 of 354" over the bar
        self.cancel_button = QPushButton(translate("Operations", "Cancel"),
                                         objectName="opCancel")
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_button.setVisible(cancellable)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.timer = QTimer(self, interval=PROGRESS_POLL_MS)
        self.timer.timeout.connect(self.update_progress)
        self.timer.start()
        self.update_progress()

    def update_progress(self) -> None:
        if self.ticket.progress is not None:
            done, total, text = self.ticket.progress
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(done)
            self.bar.setFormat(translate("Operations", "%1 of %2")
                               .replace("%1", str(done)).replace("%2", str(total)))
            self.bar.setToolTip(text)
        self._place()

    def _cancel(self) -> None:
        self.ticket.cancel()
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(translate("Operations", "Stopping…"))

    def _place(self) -> None:
        host = self.parentWidget()
        self.adjustSize()
        width = min(max(self.sizeHint().width(), 360), max(host.width() - 24, 200))
        self.resize(width, self.sizeHint().height())
        # Panels of ops started earlier stay where they are; a later one sits above them.
        older = [p for p in host.findChildren(ProgressPanel, options=Qt.FindChildOption
                                              .FindDirectChildrenOnly)
                 if p.order < self.order and p.isVisible()]
        below = sum(p.height() + 6 for p in older)
        self.move(host.width() - width - 12, host.height() - self.height() - 12 - below)
        self.raise_()
