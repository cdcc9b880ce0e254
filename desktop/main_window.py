"""The main window: navigation on the left, one page at a time, status bar at the bottom; the
idle lock (desktop.idle_lock) puts a lock screen in front of all of it."""

import shiboken6
from PySide6.QtCore import QRect, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop.about import about_box
from desktop.change_hub import ChangeHub
from desktop.idle_lock import IdleWatcher, LockScreen
from desktop.labels import label_of
from desktop.messages import error_text
from desktop.pages.registry import page_class, page_spec
from desktop.sync_controller import SyncController
from desktop.widgets.slots import widget_slot
from desktop.widgets.sync_indicator import SyncIndicator
from models.enums import ProfileRole
from models.errors import AppError
from models.security.relock import lock_window, switch_profile, unlock_window

# Tables of the reference data every page offers in its lists (desktop.data.reference).
REFERENCE_TABLES = frozenset({"unit", "campaign", "team", "representative", "*"})
PREFERRED_SIZE = QSize(1366, 768)
# The title bar and frame the window manager adds around the window: a 1366×768 screen has
# about 728 px free below its task bar, and the status bar (sync state, Sync) must stay in it.
FRAME_ALLOWANCE = QSize(16, 40)
GEOMETRY_KEY = "window/geometry"


class MainWindow(QMainWindow):
    closed = Signal()
    language_chosen = Signal(str)
    rebuild_requested = Signal()  # the device's role changed (enrolled from the settings)
    profile_switched = Signal(dict)  # another person's profile took the keyboard (app.py)

    def __init__(self, session, language: str, parent=None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session
        self.language = language
        self.settings = settings  # where the size and maximised state are kept (None: nowhere)
        self.setWindowTitle(self.tr("FieldInspect"))
        self.setMinimumSize(QSize(1000, 600))
        self.fit_to(self.screen().availableGeometry())
        self.sync = SyncController(session, self)
        self.sync.sync_finished.connect(self._synced)
        self.sync.revoked.connect(self._revoked)
        self.sync.attachments_downloaded.connect(self._attachments_arrived)
        self.changes = ChangeHub(session, self)
        session.change_hub = self.changes
        self.changes.tables_changed.connect(self._tables_changed)
        self.stale: set[str] = set()  # hidden pages to reload when next shown
        self.pages: dict[str, QWidget] = {}
        self.nav = QListWidget(objectName="navigation")
        self.nav.setFixedWidth(205)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setWordWrap(True)
        self.stack = QStackedWidget(objectName="pageStack")
        self.page_ids = list(session.visible_pages())
        for page_id in self.page_ids:
            item = QListWidgetItem(page_spec(page_id).title_text())
            item.setData(256, page_id)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # a placeholder until the page is first opened
        self.nav.currentRowChanged.connect(self._show_row)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        if not self.page_ids:
            self._no_pages(layout)
        self.content = central
        self.lock_screen = LockScreen(session.profile)
        self.lock_screen.unlock_requested.connect(self._try_unlock)
        self.lock_screen.quit_requested.connect(self.close)
        self.lock_screen.switch_user_clicked.connect(self._offer_profiles)
        self.lock_screen.switch_requested.connect(self._try_switch)
        self.frame = QStackedWidget(objectName="lockFrame")
        self.frame.addWidget(central)
        self.frame.addWidget(self.lock_screen)
        self.setCentralWidget(self.frame)
        self.locked = False
        self._hidden_dialogs: list[QDialog] = []
        self.idle = IdleWatcher(session.idle_lock_minutes * 60_000, self)
        self.idle.idle.connect(self.lock)
        self._status_bar()
        self._menus()
        self.nav.setCurrentRow(0)
        self.sync.refresh()
        self.restore_geometry()
        refresh = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        refresh.activated.connect(self.refresh_current)

    def _no_pages(self, layout: QHBoxLayout) -> None:
        """A role the table of pages does not list (desktop.pages.registry) sees no page:
        say so, rather than show an empty window."""
        self.nav.hide()
        self.stack.hide()
        note = QLabel(self.tr("This device's role (%1) has no pages in this version of "
                              "FieldInspect, so nothing can be shown. Update FieldInspect, or ask "
                              "headquarters to enroll this device again with another role.")
                      .replace("%1", self.session.device_role or "-"), objectName="noPagesNote")
        note.setWordWrap(True)
        note.setFixedWidth(560)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(note, 1, Qt.AlignmentFlag.AlignCenter)

    def _status_bar(self) -> None:
        s = self.session
        who = QLabel(self.tr("%1 · %2").replace("%1", s.profile)
                     .replace("%2", label_of(ProfileRole, s.profile_role)),
                     objectName="profileLabel")
        self.statusBar().addWidget(who)
        if s.is_demo:
            demo = QLabel(self.tr("DEMO DATA"), objectName="demoBadge")
            self.statusBar().addWidget(demo)
        self.sync_indicator = SyncIndicator(self.sync, self)
        self.statusBar().addPermanentWidget(self.sync_indicator)

    # --- size and place -------------------------------------------------------------------
    def fit_to(self, available: QRect) -> None:
        """The preferred size, shrunk so that the window with its frame fits the screen."""
        room = available.size() - FRAME_ALLOWANCE
        size = PREFERRED_SIZE.boundedTo(room).expandedTo(self.minimumSize())
        self.resize(size)
        self.move(available.x() + max(0, (available.width() - size.width()) // 2),
                  available.y() + max(0, (room.height() - size.height()) // 2))

    def restore_geometry(self) -> None:
        """Where the window was last closed: its place, size and whether it was maximised."""
        saved = self.settings.value(GEOMETRY_KEY) if self.settings is not None else None
        if saved:
            self.restoreGeometry(saved)

    def save_geometry(self) -> None:
        if self.settings is not None:
            self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
            self.settings.sync()

    def _menus(self) -> None:
        profile_menu = self.menuBar().addMenu(self.tr("&Profile"))
        switch = profile_menu.addAction(self.tr("&Switch user…"))
        switch.triggered.connect(lambda: self.switch_user())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About FieldInspect"))
        about.setShortcut(QKeySequence.StandardKey.HelpContents)
        about.triggered.connect(self.show_about)

    def show_about(self) -> None:
        box = about_box(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- pages ----------------------------------------------------------------------------
    def page(self, page_id: str):
        """The page, created on first use."""
        if page_id not in self.pages:
            page = page_class(page_id).for_window(self)
            page.records_changed.connect(lambda p=page: self._records_changed(p))
            row = self.page_ids.index(page_id)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[page_id] = page
        return self.pages[page_id]

    def current_page_id(self) -> str | None:
        row = self.nav.currentRow()
        return self.page_ids[row] if 0 <= row < len(self.page_ids) else None

    def show_page(self, page_id: str):
        self.nav.setCurrentRow(self.page_ids.index(page_id))
        return self.pages[page_id]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page_id = self.page_ids[row]
        page = self.page(page_id)
        self.stack.setCurrentWidget(page)
        page.activate()
        if page_id in self.stale:
            self.stale.discard(page_id)
            page.refresh()

    def _records_changed(self, _source) -> None:
        """A page saved: its committed tables reload the pages (`_tables_changed`)."""
        self.sync.refresh()

    @widget_slot(object)
    async def _tables_changed(self, tables: frozenset) -> None:
        """Committed here or by another process: the page in view reloads when it shows one
        of the tables; hidden pages that do reload when next shown."""
        if tables & REFERENCE_TABLES:  # new campaigns, units, teams
            await self.session.refresh_reference()
            if not shiboken6.isValid(self):
                return
        current = self.stack.currentWidget()
        for page_id, page in self.pages.items():
            if not page.shows(tables):
                continue
            if page is current:
                page.refresh()
            else:
                self.stale.add(page_id)
        if "*" in tables:
            self.sync.refresh()

    @widget_slot()
    async def refresh_current(self) -> None:
        """F5: the page in view shows what is stored now."""
        await self.session.refresh_reference()
        if not shiboken6.isValid(self):
            return
        page = self.stack.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()

    @widget_slot(object)
    async def _synced(self, report) -> None:
        """Rows arrived from HQ or issues were recorded: every open page shows them."""
        # What the round committed is shown below: not news for the data-version check.
        self.session.worker.submit(self.session.store.changes.absorb)
        if report is None or not (report.pulled or report.removed or report.rejected
                                  or report.conflicts or report.duplicates):
            return
        await self.session.refresh_reference()
        if not shiboken6.isValid(self):
            return
        for page in self.pages.values():
            page.refresh()

    def _attachments_arrived(self, hashes: list) -> None:
        """Photos fetched after a round: a page showing them draws them now."""
        for page in self.pages.values():
            if hasattr(page, "attachments_arrived"):
                page.attachments_arrived(hashes)

    # --- idle lock ------------------------------------------------------------------------
    def set_idle_lock_minutes(self, minutes: int) -> None:
        self.session.idle_lock_minutes = minutes
        self.idle.set_timeout_ms(minutes * 60_000)

    @widget_slot()
    async def lock(self) -> None:
        """Hide every record at once (pages and open dialogs), then ask for the secret."""
        if self.locked or self.frame is not self.centralWidget():
            return
        self.locked = True
        self.idle.pause()
        self._hidden_dialogs = []
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible():
                widget.hide()  # a form dialog keeps what was typed; shown again after unlock
                if isinstance(widget, QDialog):
                    self._hidden_dialogs.append(widget)
        self.frame.setCurrentWidget(self.lock_screen)
        self.lock_screen.set_busy(True)
        s = self.session
        kind = await s.worker.run(lock_window, s.store, s.profile, s.idle_lock_minutes)
        self.lock_screen.ask(kind, s.idle_lock_minutes)

    @widget_slot(str)
    async def _try_unlock(self, secret: str) -> None:
        s = self.session
        if await self._checked(unlock_window, s.store, s.profile, secret):
            self._unlocked()

    async def _checked(self, check, *args) -> bool:
        """A PIN or passphrase check on the store's thread; a refusal (wrong PIN or passphrase,
        a lockout and how long it lasts) shown on the lock screen by its code, in the window's
        language."""
        try:
            await self.session.worker.run(check, *args)
        except AppError as exc:
            self.lock_screen.refuse(error_text(exc))
        else:
            return True
        return False

    @widget_slot()
    async def switch_user(self) -> None:
        """Menu: hide every record as the idle lock does, then offer the other profiles."""
        await self.lock()
        await self._offer_profiles()

    @widget_slot()
    async def _offer_profiles(self) -> None:
        from models.profiles import list_profiles

        self.lock_screen.set_busy(True)
        profiles = await self.session.worker.run(list_profiles, self.session.store)
        self._profiles = {p["name"]: p for p in profiles}
        self.lock_screen.offer_profiles(profiles)

    @widget_slot(str, str)
    async def _try_switch(self, name: str, secret: str) -> None:
        s = self.session
        if not await self._checked(switch_profile, s.store, s.profile, name, secret):
            return
        for dialog in self._hidden_dialogs:  # the last person's half-typed forms go
            if shiboken6.isValid(dialog):
                dialog.reject()
        self._hidden_dialogs = []
        self.profile_switched.emit(self._profiles[name])

    def _unlocked(self) -> None:
        self.locked = False
        self.lock_screen.set_busy(False)
        self.frame.setCurrentWidget(self.content)
        for dialog in self._hidden_dialogs:
            if shiboken6.isValid(dialog):
                dialog.show()
        self._hidden_dialogs = []
        self.idle.resume()

    def _revoked(self, reason: str) -> None:
        note = QLabel(self.tr("Headquarters revoked this device, and its records were removed "
                              "from it. Ask headquarters to enroll it again.") + "\n\n" + reason,
                      objectName="revokedNote")
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(note)
        self.pages.clear()
        self.changes.stop()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save_geometry()
        self.changes.stop()
        if self.session.change_hub is self.changes:
            self.session.change_hub = None
        self.idle.stop()
        self.sync.shutdown()
        super().closeEvent(event)
        self.closed.emit()

