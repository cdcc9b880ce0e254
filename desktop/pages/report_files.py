"""Where the Reports page writes: the default folder and the Save as… and folder dialogs.

Kept apart from desktop/pages/reports.py (the page itself) so each file stays short; the page
imports these names, and tests replace the dialogs on the page's module. Context "ReportsPage"
in the translation catalogue, as the rest of the page."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.widgets.asking import run_dialog
from models.output_folder import default_output_folder

translate = QCoreApplication.translate  # lupdate reads translate("ReportsPage", ...)


def default_folder() -> Path:
    """Documents, made when missing (else home): never a dialog on a folder that is not there."""
    return default_output_folder(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


async def ask_save_path(parent: QWidget, title: str, suggested: Path, fmt: str) -> Path | None:
    """The Save as… dialog; the extension of the chosen format is added when missing."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("reportFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters([format_filter(fmt)])
    dialog.selectFile(str(suggested))
    if not await run_dialog(dialog) or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")


async def ask_folder(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """The folder chooser of the runs that write one file per unit into a folder."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("reportFolderDialog")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setDirectory(str(suggested))
    if not await run_dialog(dialog) or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def format_filter(fmt: str) -> str:
    return {"xlsx": translate("ReportsPage", "Excel workbook (*.xlsx)"),
            "docx": translate("ReportsPage", "Word document (*.docx)"),
            "pdf": translate("ReportsPage", "PDF document (*.pdf)")}[fmt]
