"""Findings recorded on visits, with their photos: attach, view (downloaded from HQ when not
here), remove, and save a copy cleaned for publication."""

import asyncio
import logging
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QSize, QStandardPaths, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.data.attachments import (
    NotPublishableError,
    attach_files,
    attachments_of,
    publish_copy,
    remove_attachment,
)
from desktop.errors import problem_text, show_error
from desktop.operations import Op, store_op
from desktop.pages.make_problem import open_make_problem, show_fed_problems
from desktop.pages.record_import import import_buttons
from desktop.pages.record_page import RecordPage
from desktop.widgets.asking import confirm, run_dialog
from desktop.widgets.fields import FieldSpec
from desktop.widgets.photo_view import PhotoViewDialog
from desktop.widgets.slots import widget_slot
from models import rules
from models.enums import DeviceRole
from models.records import Finding

THUMB = 120
PHOTO = Qt.ItemDataRole.UserRole  # (sha256, media_type, original name)
BYTES = Qt.ItemDataRole.UserRole + 1  # the decrypted bytes, b"" while not on this device
ATTACHMENT_ID = Qt.ItemDataRole.UserRole + 2
log = logging.getLogger(__name__)


class FindingsPage(RecordPage):
    list_name = "findings"
    model = Finding

    def dialog_titles(self) -> tuple[str, str]:
        return self.tr("New finding"), self.tr("Edit finding")

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.photos = QListWidget(objectName="photoList")
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB, THUMB))
        self.photos.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos.setMinimumWidth(THUMB + 40)
        self.photos.setMaximumWidth(2 * THUMB + 60)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.layout_.replaceWidget(self.view, splitter)
        splitter.addWidget(self.view)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Photos"), objectName="sectionHeading"))
        self.photo_hint = QLabel(self.tr("Select a finding to see its photos."),
                                 objectName="hint")
        self.photo_hint.setWordWrap(True)
        side_layout.addWidget(self.photo_hint)
        side_layout.addWidget(self.photos, 1)
        self.publish_button = QPushButton(self.tr("Save for publication…"),
                                          objectName="publishPhoto")
        self.publish_button.setToolTip(self.tr(
            "A copy without the photo's location and camera data, for a notice or the press. "
            "The original stays in the store as evidence."))
        self.publish_button.setEnabled(False)
        self.publish_button.clicked.connect(self.publish_photo)
        self.view_button = QPushButton(self.tr("View photo"), objectName="viewPhoto")
        self.view_button.setEnabled(False)
        self.view_button.clicked.connect(lambda: self.view_photo(self._selected_photo()))
        self.photos.itemDoubleClicked.connect(self.view_photo)
        self.photos.itemSelectionChanged.connect(self._photo_selected)
        side_layout.addWidget(self.view_button)
        self.remove_button = QPushButton(self.tr("Remove photo…"), objectName="removePhoto")
        self.remove_button.setToolTip(self.tr(
            "Takes the photo off this finding. The removal is recorded in the audit trail and "
            "reaches HQ at the next sync."))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_photo)
        side_layout.addWidget(self.publish_button)
        side_layout.addWidget(self.remove_button)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.load_photos())
        # At HQ several findings become one problem (issue 14 §1): pick them together.
        self.make_problem_button.setVisible(self.at_hq())
        if self.at_hq():
            self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def at_hq(self) -> bool:
        return self.session.is_demo or self.session.device_role == DeviceRole.HQ

    def selected_ids(self) -> list[str]:
        rows = sorted(r.row() for r in self.view.selectionModel().selectedRows())
        return [i for i in (self.table_model.record_id(r) for r in rows) if i]

    @widget_slot()
    async def make_problem(self) -> None:
        """The selected findings become one problem (HQ only)."""
        finding_ids = self.selected_ids()
        if finding_ids and self.at_hq():
            await open_make_problem(self, finding_ids, lambda _id: self.records_changed.emit())

    def filters(self) -> list[tuple]:
        return [("search",), ("enum", "category", "FindingCategory", self.tr("Category")),
                ("enum", "severity", "Severity", self.tr("Severity")), ("unit",), ("dates",)]

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("category", self.tr("Category"), "enum:FindingCategory", required=True),
            FieldSpec("severity", self.tr("Severity"), "enum:Severity", required=True),
            FieldSpec("unit_id", self.tr("Unit"), "unit"),
            FieldSpec("description", self.tr("Description"), "multiline", required=True),
            FieldSpec("found_on", self.tr("Date"), "date", required=True),
        ]

    def defaults(self) -> dict:
        return {"found_on": date.today()}

    def dialog_opened(self, dialog) -> None:
        """Photos can be added while the finding is written; they are saved with it."""
        dialog.photo_picker = PhotoPicker(dialog)
        dialog.layout().insertWidget(1, dialog.photo_picker)
        finding_id = getattr(dialog, "record_id", None)
        if finding_id and self.at_hq():  # only HQ holds both findings and problems
            asyncio.ensure_future(show_fed_problems(self, dialog, finding_id))

    def saving(self, dialog):
        files = list(getattr(dialog, "photo_picker", None) and dialog.photo_picker.files or [])
        if not files:
            return None
        blobs = self.session.store.blobs
        return lambda w, finding_id: attach_files(w, blobs, "finding", finding_id, files)

    def extra_buttons(self) -> list[QPushButton]:
        self.attach_button = QPushButton(self.tr("Attach photos…"), objectName="attachButton")
        self.attach_button.clicked.connect(self.attach_photos)
        self.make_problem_button = QPushButton(self.tr("Make a problem…"),
                                               objectName="makeProblemButton")
        self.make_problem_button.setToolTip(self.tr(
            "Turn the selected findings into one problem for their unit to rectify."))
        self.make_problem_button.clicked.connect(self.make_problem)
        return [self.make_problem_button, self.attach_button,
                *import_buttons(self, "findings")]

    @widget_slot()
    async def load_photos(self) -> None:
        finding_id = self.selected_id()
        self._photo_round = getattr(self, "_photo_round", 0) + 1
        round_ = self._photo_round  # a newer call (selection, photos arrived) supersedes this
        if finding_id is None:
            self.photos.clear()
            self.photo_hint.setText(self.tr("Select a finding to see its photos."))
            return
        blobs = self.session.store.blobs
        items = await self.session.read(
            lambda c: attachments_of(c, blobs, "finding", finding_id))
        if round_ != self._photo_round or finding_id != self.selected_id():
            return
        self.photos.clear()
        self.photo_hint.setText(self.tr("%n photo(s). Attach more with Attach photos…", "",
                                        len(items)))
        for item in items:
            entry = QListWidgetItem(item["original_name"])
            entry.setToolTip(item["original_name"])
            entry.setData(PHOTO, (item["sha256"], item["media_type"], item["original_name"]))
            entry.setData(ATTACHMENT_ID, item["id"])
            self._show_bytes(entry, item["data"])
            self.photos.addItem(entry)

    def _show_bytes(self, entry: QListWidgetItem, data: bytes) -> None:
        """A thumbnail from the decrypted bytes, or a blank tile saying it is not here yet."""
        entry.setData(BYTES, data)
        pixmap = QPixmap.fromImage(QImage.fromData(data)) if data else QPixmap()
        if pixmap.isNull():
            pixmap = QPixmap(THUMB, THUMB)
            pixmap.fill(QColor("#d9dde3"))
            painter = QPainter(pixmap)
            painter.setPen(QColor("#6b7684"))
            painter.setFont(QFont(painter.font().family(), 40))
            painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "↓")
            painter.end()
        else:
            pixmap = pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        entry.setIcon(QIcon(pixmap))
        name = entry.data(PHOTO)[2]
        entry.setText(name if data else self.tr("%1 (not downloaded)").replace("%1", name))
        entry.setToolTip(name if data else self.tr(
            "Not on this device yet: open it to download it from headquarters."))

    def _selected_photo(self) -> QListWidgetItem | None:
        selected = self.photos.selectedItems()
        return selected[0] if selected else None

    def _photo_selected(self) -> None:
        chosen = bool(self.photos.selectedItems())
        self.publish_button.setEnabled(chosen)
        self.view_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def attachments_arrived(self, hashes: list) -> None:
        """Photos fetched after a sync: redraw the list if it shows one still missing."""
        arrived = set(hashes)
        for row in range(self.photos.count()):
            entry = self.photos.item(row)
            if not entry.data(BYTES) and entry.data(PHOTO)[0] in arrived:
                self.load_photos()
                return

    async def _ensure_local(self, entry: QListWidgetItem) -> bytes:
        """The photo's bytes, downloaded from HQ first when they are not here (b"" if that
        fails: the hint says so, the log says why; no dialog)."""
        data = entry.data(BYTES)
        if data:
            return data
        sha256, _media, name = entry.data(PHOTO)
        entry.setText(self.tr("Downloading…"))
        self.photo_hint.setText(self.tr("Downloading %1 from headquarters…").replace("%1", name))
        engine, got = self.session.sync_engine(), []
        await Op(self, self.session, lambda t: engine.fetch_attachment(sha256),  # HQ, awaited
                 success=got.append, failure=lambda exc: log.warning(  # the hint says it
                     "photo %s… not downloaded: %s", sha256[:8],
                     getattr(exc, "code", None) or type(exc).__name__)).run()
        data = got[0] if got else b""
        if not (shiboken6.isValid(self) and shiboken6.isValid(entry)):
            return b""
        self._show_bytes(entry, data)
        self.photo_hint.setText(self.tr("Downloaded %1.").replace("%1", name) if data else self.tr(
            "This photo could not be downloaded. Try again when headquarters can be reached."))
        return data

    @widget_slot()
    async def view_photo(self, entry: QListWidgetItem | None) -> None:
        if entry is None:
            return
        data = await self._ensure_local(entry)
        if data:
            dialog = PhotoViewDialog(data, entry.data(PHOTO)[2], self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    @widget_slot()
    async def remove_photo(self) -> None:
        entry = self._selected_photo()
        if entry is None:
            return
        name, attachment_id = entry.data(PHOTO)[2], entry.data(ATTACHMENT_ID)
        if not await confirm(self, self.tr("Remove photo"),
                             self.tr("Remove %1 from this finding?").replace("%1", name)):
            return
        if await store_op(self, self.session, lambda w: remove_attachment(w, attachment_id),
                          write=True).run():
            await self.load_photos()

    @widget_slot()
    async def publish_photo(self) -> None:
        entry = self._selected_photo()
        if entry is None or not await self._ensure_local(entry):
            return
        sha256, media_type, _name = entry.data(PHOTO)
        suffix = ".png" if media_type == "image/png" else ".jpg"
        # A neutral name: the original's may say where, or whom, it shows.
        suggested = self.tr("photo for publication") + f" {date.today().isoformat()}{suffix}"
        target = await ask_publish_path(self, self.tr("Save for publication"), suggested,
                                        self.tr("Images (*%1)").replace("%1", suffix))
        if target is None:
            return
        if target.suffix.lower() not in (suffix, ".jpeg" if suffix == ".jpg" else suffix):
            target = target.with_name(target.name + suffix)
        s = self.session

        def not_saved(exc: BaseException) -> None:
            if isinstance(exc, NotPublishableError):
                self.photo_hint.setText(self.tr(
                    "Only JPEG and PNG photos can be cleaned for publication."))
            else:
                show_error(self, exc)

        await Op(self, s, lambda t: t.store(
            lambda: publish_copy(s.store, sha256, target, profile=s.profile)),
            failure=not_saved, success=lambda _: self.photo_hint.setText(
                self.tr("Saved without location to %1.").replace("%1", str(target)))).run()

    @widget_slot()
    async def attach_photos(self) -> None:
        finding_id = self.selected_id()
        if finding_id is None:
            return
        files = await ask_photos(self, self.tr("Attach photos"))
        if files:
            await self.attach(finding_id, files)

    async def attach(self, finding_id: str, files: list[str]) -> None:
        blobs = self.session.store.blobs
        if await store_op(self, self.session,
                          lambda w: attach_files(w, blobs, "finding", finding_id, files),
                          write=True).run():
            await self.load_photos()


class PhotoPicker(QWidget):
    """In the finding dialog: photos chosen while the finding is written, checked as they are
    chosen (a file that is no photo is named and left out) and attached when it is saved."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("photoPicker")
        self.files: list[str] = []
        self.button = QPushButton(self.tr("Add photos…"), objectName="addPhotos")
        self.button.clicked.connect(self.choose)
        self.summary = QLabel(self.tr("No photos yet."), objectName="hint")
        self.summary.setWordWrap(True)
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)

    @widget_slot()
    async def choose(self) -> None:
        self.add(await ask_photos(self, self.tr("Add photos")))

    def add(self, files: list[str]) -> None:
        refused = []
        for name in files:
            path = Path(name)
            with path.open("rb") as fh:
                problems = rules.photo_problems(path.name, fh.read(32))
            if problems:
                refused += problems
            elif name not in self.files:
                self.files.append(name)
        self.error.setText("\n".join(problem_text(p) for p in refused))
        self.error.setVisible(bool(refused))
        names = ", ".join(Path(f).name for f in self.files)
        self.summary.setText(self.tr("%n photo(s) to attach: %1", "", len(self.files))
                             .replace("%1", names) if self.files else self.tr("No photos yet."))


async def ask_photos(parent: QWidget, title: str) -> list[str]:
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("photoFileDialog")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setNameFilter(QCoreApplication.translate(
        "FindingsPage", "Images (*.jpg *.jpeg *.png *.heic *.webp *.gif *.bmp)"))
    if not await run_dialog(dialog):
        return []
    return dialog.selectedFiles()


async def ask_publish_path(parent: QWidget, title: str, suggested: str,
                           name_filter: str) -> Path | None:
    """Save as… in the user's pictures folder (or home), with a neutral suggested name."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("publishFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(name_filter)
    folder = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.PicturesLocation) or Path.home())
    dialog.setDirectory(str(folder if folder.is_dir() else Path.home()))
    dialog.selectFile(suggested)
    if not await run_dialog(dialog) or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
