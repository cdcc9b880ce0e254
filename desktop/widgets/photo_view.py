"""The large view of a photo: the decrypted image scaled to fit the dialog, rescaled as it is
resized. The bytes stay in memory; nothing is written to disk to show them."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSizePolicy, QVBoxLayout, QWidget


class PhotoViewDialog(QDialog):
    def __init__(self, data: bytes, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="photoView")
        self.setWindowTitle(name)
        self.original = QPixmap.fromImage(QImage.fromData(data))
        self.image = QLabel(objectName="photoViewImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setMinimumSize(200, 150)
        if self.original.isNull():
            self.image.setText(self.tr("This file cannot be shown as an image."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addWidget(buttons)
        self.resize(self._first_size())

    def _first_size(self) -> QSize:
        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1280, 800)
        wanted = self.original.size() if not self.original.isNull() else QSize(400, 300)
        room = screen * 0.8
        if wanted.width() > room.width() or wanted.height() > room.height():
            wanted = wanted.scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
        return wanted.expandedTo(QSize(400, 300)) + QSize(24, 60)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if not self.original.isNull():
            self.image.setPixmap(self.original.scaled(
                self.image.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
