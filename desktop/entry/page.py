"""The Form entry page: a batch header, then the keying screen; verification beside it."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from desktop.entry.batch_header import BatchHeaderWidget
from desktop.entry.clerk_figures import ClerkFiguresPanel
from desktop.entry.controller import EntryController
from desktop.entry.entry_screen import EntryScreen
from desktop.entry.verify import SettlePanel, VerifyPanel
from desktop.pages.base import Page
from models import batches


class KeyingPanel(QWidget):
    """Header until a batch is open, then the keying screen; back to the header on close."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.controller = EntryController(session, self)
        self.header = BatchHeaderWidget(session.reference)
        self.screen = EntryScreen(self.controller, session.reference)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.header)
        self.stack.addWidget(self.screen)
        QVBoxLayout(self).addWidget(self.stack)
        self.header.start_requested.connect(self.controller.open_batch)
        self.header.resume_requested.connect(self.controller.resume)
        self.controller.batch_opened.connect(self._opened)
        self.controller.failed.connect(self._failed)
        self.screen.closed.connect(self._closed)
        self.load_open_batches()

    def load_open_batches(self) -> None:
        store, profile = self.session.store, self.session.profile

        def job():
            with store.read() as conn:
                return batches.open_batches(conn, profile)

        self.session.worker.submit(job, on_done=lambda rows, err: self.header.set_open_batches(
            rows or []))

    def _opened(self, batch: dict) -> None:
        self.screen.show_batch(batch)
        self.stack.setCurrentWidget(self.screen)
        self.screen.form.level.setFocus()

    def _closed(self, rec) -> None:
        self.stack.setCurrentWidget(self.header)
        self.header.message.setText(
            self.tr("Batch closed: %1 forms keyed against a cover count of %2.")
            .replace("%1", str(rec.entered)).replace("%2", str(rec.cover_count)))
        self.load_open_batches()
        self.header.unit.setFocus()

    def _failed(self, error: BaseException) -> None:
        from desktop.errors import message_for

        self.header.message.setText(message_for(error))


class EntryPage(Page):
    """Rapid entry of paper forms, double-entry verification and its settlement."""

    tables_shown = frozenset({"entry_batch", "evaluation", "unit", "campaign"})

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.tabs = QTabWidget(objectName="entryTabs")
        self.keying = KeyingPanel(session)
        self.tabs.addTab(self.keying, self.tr("Key forms"))
        self._add_verification_tabs()
        self.figures = ClerkFiguresPanel(self.session)
        self.tabs.addTab(self.figures, self.tr("Clerks' figures"))
        self.tabs.currentChanged.connect(self._tab_shown)
        QVBoxLayout(self).addWidget(self.tabs)
        # Other pages reload once a burst of keying pauses, not after every form: each reload
        # (the dashboard's figures over every form) is queued on the one DB worker between the
        # saves. Measured in a real window on the demo store (bench/entry_xdotool.sh, 5 ms
        # between keys): the 50th form typed ahead was written 27 s after the first key with a
        # reload per form, 1.7 s (as the typing ended) with one reload after the burst.
        self._changed = QTimer(self, singleShot=True, interval=1000)
        self._changed.timeout.connect(self.records_changed)
        for signal in (self.keying.controller.form_saved, self.keying.controller.form_corrected):
            signal.connect(lambda *_: self._changed.start())

    def _add_verification_tabs(self) -> None:
        self.verify = VerifyPanel(self.session)
        self.tabs.addTab(self.verify, self.tr("Verify a batch"))
        self.settle = SettlePanel(self.session)
        self.tabs.addTab(self.settle, self.tr("Settle differences"))
        self.settle.setEnabled(self.session.is_supervisor)
        for panel in (self.verify, self.settle):
            panel.changed.connect(self.records_changed)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.figures:  # read when looked at, not per form keyed
            self.figures.load()

    def refresh(self) -> None:
        self.keying.header.set_reference(self.session.reference)
        self.keying.load_open_batches()
        for panel in (self.verify, self.settle):  # a batch closed here or elsewhere is offered
            panel.load_batches()
        if self.tabs.currentWidget() is self.figures:
            self.figures.load()
