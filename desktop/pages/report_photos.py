"""The photos a unit sent with a rectification report, beside HQ's list of reports awaiting
acceptance: thumbnails of the selected report, the large view on a double-click (the photo view
dialog the findings use). A photo whose bytes are still at HQ's server is fetched when opened.
"""

import logging

import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.data.acceptance import report_photos
from desktop.operations import Op
from desktop.widgets.photo_view import PhotoViewDialog
from desktop.widgets.slots import widget_slot

THUMB = 110
PHOTO = Qt.ItemDataRole.UserRole  # (sha256, original name)
BYTES = Qt.ItemDataRole.UserRole + 1  # the decrypted bytes, b"" while not on this device
log = logging.getLogger(__name__)


class ReportPhotos(QWidget):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent, objectName="reportPhotos")
        self.session = session
        self.report_id: str | None = None
        self._round = 0
        self.list = QListWidget(objectName="reportPhotoList")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.itemDoubleClicked.connect(self.view_photo)
        self.list.itemSelectionChanged.connect(
            lambda: self.view_button.setEnabled(bool(self.list.selectedItems())))
        self.hint = QLabel(objectName="reportPhotoHint")
        self.hint.setWordWrap(True)
        self.view_button = QPushButton(self.tr("View photo"), objectName="viewReportPhoto")
        self.view_button.setEnabled(False)
        self.view_button.clicked.connect(
            lambda: self.view_photo(next(iter(self.list.selectedItems()), None)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Photos"), objectName="sectionHeading"))
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.view_button)
        self.setFixedWidth(2 * THUMB + 70)
        self.show_report(None)

    def show_report(self, report_id: str | None) -> None:
        self.report_id = report_id
        self._round += 1
        self.list.clear()
        if report_id is None:
            self.hint.setText(self.tr("Select a report to see its photos."))
            return
        self.load(self._round, report_id)

    @widget_slot()
    async def load(self, round_: int, report_id: str) -> None:
        blobs = self.session.store.blobs
        items = await self.session.read(lambda c: report_photos(c, blobs, report_id))
        if round_ != self._round:
            return  # another report was selected meanwhile
        self.hint.setText(self.tr("%n photo(s).", "", len(items)) if items
                          else self.tr("The unit sent no photo with this report."))
        for item in items:
            entry = QListWidgetItem(item["original_name"])
            entry.setData(PHOTO, (item["sha256"], item["original_name"]))
            self._show_bytes(entry, item["data"])
            self.list.addItem(entry)

    def _show_bytes(self, entry: QListWidgetItem, data: bytes) -> None:
        entry.setData(BYTES, data)
        pixmap = QPixmap.fromImage(QImage.fromData(data)) if data else QPixmap()
        if pixmap.isNull():
            pixmap = QPixmap(THUMB, THUMB)
            pixmap.fill(QColor("#d9dde3"))
        else:
            pixmap = pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        entry.setIcon(QIcon(pixmap))
        name = entry.data(PHOTO)[1]
        entry.setText(name if data else self.tr("%1 (not downloaded)").replace("%1", name))
        entry.setToolTip(name)

    async def _bytes(self, entry: QListWidgetItem) -> bytes:
        """The photo's bytes, fetched from HQ's server first when they are not here (b"" when
        that fails: the hint says so, the log says why)."""
        data = entry.data(BYTES)
        if data:
            return data
        sha256, _name = entry.data(PHOTO)
        engine, got = self.session.sync_engine(), []
        await Op(self, self.session, lambda t: engine.fetch_attachment(sha256),
                 success=got.append, failure=lambda exc: log.warning(
                     "photo %s… not downloaded: %s", sha256[:8],
                     getattr(exc, "code", None) or type(exc).__name__)).run()
        data = got[0] if got else b""
        if not (shiboken6.isValid(self) and shiboken6.isValid(entry)):
            return b""
        self._show_bytes(entry, data)
        if not data:
            self.hint.setText(self.tr("This photo could not be downloaded. Try again when "
                                      "headquarters can be reached."))
        return data

    @widget_slot()
    async def view_photo(self, entry: QListWidgetItem | None) -> None:
        if entry is None:
            return
        data = await self._bytes(entry)
        if data:
            dialog = PhotoViewDialog(data, entry.data(PHOTO)[1], self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
