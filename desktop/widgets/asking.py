"""Dialogs awaited from coroutines: under qasync a nested exec() would stall the loop."""

import asyncio

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget


async def run_dialog(dialog: QDialog) -> int:
    """Open `dialog` window-modally and wait for its result without a nested event loop."""
    future = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    return await future


async def confirm(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("confirmDialog")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    await run_dialog(box)
    return box.result() == QMessageBox.StandardButton.Yes


async def ask_text(parent: QWidget, title: str, label: str) -> str | None:
    dialog = QInputDialog(parent)
    dialog.setObjectName("askTextDialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
    return dialog.textValue().strip() if accepted else None
