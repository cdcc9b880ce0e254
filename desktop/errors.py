"""The one place where an error becomes something a person reads.

Errors of the domain carry a code with arguments; here they get a translated title and their
sentence from the one table of messages (desktop/messages.py) and, for validation, the list of
what was wrong and where. Anything unexpected is logged with its
traceback and shown as a short apology, never as a traceback."""

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.messages import error_text, has_text, problem_text
from models.errors import (
    AppError,
    ConflictError,
    DomainError,
    NotFoundError,
    StoreLockedError,
    StoreTooNewError,
    SyncError,
    ValidationError,
    scrubbed_traceback,
)
from models.output_folder import OutputFolderError

log = logging.getLogger(__name__)


def title_for(exc: BaseException) -> str:
    if isinstance(exc, OutputFolderError):
        return QCoreApplication.translate("Errors", "Cannot save there")
    if isinstance(exc, ValidationError):
        return QCoreApplication.translate("Errors", "Please correct the entry")
    if isinstance(exc, DomainError):
        return QCoreApplication.translate("Errors", "Not allowed")
    if isinstance(exc, NotFoundError):
        return QCoreApplication.translate("Errors", "Record not found")
    if isinstance(exc, ConflictError):
        return QCoreApplication.translate("Errors", "Changed elsewhere")
    if isinstance(exc, StoreLockedError):
        return QCoreApplication.translate("Errors", "Store locked")
    if isinstance(exc, StoreTooNewError):
        return QCoreApplication.translate("Errors", "Store too new")
    if isinstance(exc, SyncError):
        return QCoreApplication.translate("Errors", "Headquarters unreachable")
    return QCoreApplication.translate("Errors", "Something went wrong")


def message_for(exc: BaseException, field_labels: dict[str, str] | None = None) -> str:
    if isinstance(exc, ValidationError) and not has_text(exc.code):
        labels = field_labels or {}
        return "\n".join(  # a coded problem's text names what it is about (a photo's file)
            problem_text(p) if p.code and p.field not in labels
            else f"{labels.get(p.field, p.field)}: {problem_text(p)}" for p in exc.problems)
    if isinstance(exc, AppError):
        return error_text(exc)  # by its code, in the window's language (desktop/messages.py)
    log.error("unexpected error:\n%s", scrubbed_traceback(exc))
    return QCoreApplication.translate("Errors", "An unexpected error occurred; it was written to the log. "
               "Nothing half-finished was saved.")


def show_error(parent: QWidget | None, exc: BaseException,
               field_labels: dict[str, str] | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title_for(exc), message_for(exc, field_labels),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.open()
