"""Settings: the window's language, this device and its headquarters, the county's office
settings (desktop/pages/office_settings.py), the people using it."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from desktop.errors import show_error
from desktop.i18n import CHINESE, ENGLISH
from desktop.labels import label_of
from desktop.pages.base import Page
from desktop.pages.office_settings import OfficeSettingsPanel
from desktop.pages.profiles import ProfilesPanel
from desktop.widgets.slots import widget_slot
from models.enums import DeviceRole, ProfileRole
from models.errors import AppError
from models.security.settings import MAX_DOWNLOAD_MB, MAX_IDLE_LOCK_MINUTES


class SettingsPage(Page):
    language_chosen = Signal(str)
    enrolled = Signal()  # the device enrolled from here: its role (and pages) changed
    idle_lock_changed = Signal(int)  # minutes

    @classmethod
    def for_window(cls, window) -> "SettingsPage":
        """Opened by the main window: what is chosen here changes the window."""
        page = cls(window.session, window.language)
        page.language_chosen.connect(window.language_chosen)
        page.enrolled.connect(window.rebuild_requested)
        page.idle_lock_changed.connect(window.set_idle_lock_minutes)
        return page

    def __init__(self, session, current_language: str, parent=None) -> None:
        super().__init__(session, parent)
        self.language_box = QComboBox(objectName="languageBox")
        self.language_box.addItem("English", ENGLISH)
        self.language_box.addItem("简体中文", CHINESE)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(current_language)))
        self.language_box.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language_box.currentData()))
        general = QGroupBox(self.tr("Language"))
        form = QFormLayout(general)
        form.addRow(self.tr("Language of the window"), self.language_box)
        self.idle_box = QSpinBox(objectName="idleLockMinutes")
        self.idle_box.setRange(1, MAX_IDLE_LOCK_MINUTES)
        self.idle_box.setSuffix(self.tr(" min"))
        self.idle_box.setValue(session.idle_lock_minutes)
        self.idle_box.setEnabled(session.is_supervisor)
        self.idle_box.setToolTip(self.tr("The window hides every record and asks for the PIN "
                                         "after this long without use. A supervisor sets it."))
        self.idle_box.editingFinished.connect(self.save_idle_lock)
        form.addRow(self.tr("Lock the window after"), self.idle_box)
        form.addRow(self.tr("Download attachments after sync up to"), self._download_box())
        top = QHBoxLayout()
        top.addWidget(general, 1)
        top.addWidget(self._device_group(), 2)
        people = QGroupBox(self.tr("People using this device"))
        self.profiles = ProfilesPanel(session, people)
        QVBoxLayout(people).addWidget(self.profiles)
        self.office = OfficeSettingsPanel(session, self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.office)
        layout.addWidget(people, 1)

    def _download_box(self) -> QSpinBox:
        self.download_box = QSpinBox(objectName="downloadCapMb")
        self.download_box.setRange(0, MAX_DOWNLOAD_MB)
        self.download_box.setSuffix(self.tr(" MB each"))
        self.download_box.setSpecialValueText(self.tr("Off: only when opened"))
        self.download_box.setEnabled(False)  # until the stored value is read
        self.download_box.setToolTip(self.tr(
            "After each sync, photos and scans this device may see are downloaded if each is "
            "at most this size; larger ones when they are opened. A supervisor sets it."))
        self.download_box.editingFinished.connect(self.save_download_cap)
        return self.download_box

    def _device_group(self) -> QGroupBox:
        session, store = self.session, self.session.store
        about = QGroupBox(self.tr("This device"))
        info = QFormLayout(about)
        info.addRow(self.tr("Profile"), QLabel(
            f"{session.profile} ({label_of(ProfileRole, session.profile_role)})"))
        info.addRow(self.tr("Device role"), QLabel(label_of(DeviceRole, session.device_role)))
        where = QLabel(str(store.data_dir), objectName="dataDir")
        where.setWordWrap(True)
        info.addRow(self.tr("Data directory"), where)
        info.addRow(self.tr("Device id"), QLabel(store.device_id))
        self.hq_label = QLabel(objectName="hqServer")
        self.hq_label.setWordWrap(True)
        self.enroll_button = QPushButton(self.tr("Enroll with headquarters…"),
                                         objectName="enrollButton")
        self.enroll_button.clicked.connect(self.enroll)
        self.enroll_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.hq_label, 1)
        row.addWidget(self.enroll_button)
        info.addRow(self.tr("Headquarters"), row)
        if session.is_demo:
            self.hq_label.setText(self.tr(
                "This store holds demo data and can never sync with headquarters."))
        return about

    def first_show(self) -> None:
        self.profiles.reload()
        self.office.reload()
        self.show_hq()
        self.show_download_cap()

    def is_ready(self) -> bool:
        return self.profiles.rows is not None and self.office.is_ready()

    @widget_slot()
    async def show_hq(self) -> None:
        if self.session.is_demo:
            return
        from desktop.sync_controller import sync_facts

        facts = await self.session.read(sync_facts)
        if facts.enrolled:
            self.hq_label.setText(facts.server_url)
        else:
            self.hq_label.setText(self.tr("Not enrolled: this device does not sync."))
        self.enroll_button.setVisible(not facts.enrolled and not facts.revoked)

    @widget_slot()
    async def show_download_cap(self) -> None:
        from models.security.settings import attachment_download_mb

        store = self.session.store
        self.saved_download_mb = await self.session.worker.run(
            lambda: attachment_download_mb(store))
        self.download_box.setValue(self.saved_download_mb)
        self.download_box.setEnabled(self.session.is_supervisor and not self.session.is_demo)

    @widget_slot()
    async def save_download_cap(self) -> None:
        from models.security.settings import set_attachment_download_mb

        mb, s = self.download_box.value(), self.session
        if mb == getattr(self, "saved_download_mb", mb):
            return
        try:
            await s.worker.run(lambda: set_attachment_download_mb(
                s.store, mb, profile=s.profile, role=s.profile_role))
        except AppError as exc:
            self.download_box.setValue(self.saved_download_mb)
            show_error(self, exc)
            return
        self.saved_download_mb = mb

    @widget_slot()
    async def save_idle_lock(self) -> None:
        from models.security.settings import set_idle_lock_minutes

        minutes, s = self.idle_box.value(), self.session
        if minutes == s.idle_lock_minutes:
            return
        try:
            await s.worker.run(lambda: set_idle_lock_minutes(
                s.store, minutes, profile=s.profile, role=s.profile_role))
        except AppError as exc:
            self.idle_box.setValue(s.idle_lock_minutes)
            show_error(self, exc)
            return
        self.idle_lock_changed.emit(minutes)

    @widget_slot()
    async def enroll(self) -> None:
        from desktop.open_store import enroll_store

        granted = await enroll_store(self.session.store, "", "", parent=self,
                                     transport=self.session.sync_transport, ask_first=True,
                                     worker=self.session.worker)
        if granted:
            self.enrolled.emit()
        await self.show_hq()
