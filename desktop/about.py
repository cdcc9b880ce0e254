"""Help → About: the version a clerk reads out to headquarters on the phone, and the keys.

The version comes from the installed package's metadata (pyproject.toml); a frozen build
without it says so rather than guessing.
"""

from importlib import metadata

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def app_version() -> str:
    try:
        return metadata.version("fieldinspect")
    except metadata.PackageNotFoundError:
        return QCoreApplication.translate("AboutBox", "unknown")


def _tr(text: str) -> str:
    return QCoreApplication.translate("AboutBox", text)


def about_box(parent: QWidget | None) -> QMessageBox:
    """The About box, not yet shown (the caller opens it window-modal)."""
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(_tr("About FieldInspect"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(_tr("FieldInspect (督查通), version %1").replace("%1", app_version()))
    box.setInformativeText("\n".join((
        _tr("Keys:"),
        _tr("Ctrl+N  new record on the page shown"),
        _tr("Ctrl+F  go to the page's search box"),
        _tr("Ctrl+S  save the open record"),
        _tr("Ctrl+Shift+E  close a batch / finish the second keying"),
        _tr("F1  this window"),
    )))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box
