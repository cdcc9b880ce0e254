"""The one place where an error becomes something a person reads.

Errors of the domain carry a plain message; here they get a translated title and, for
validation, the list of what was wrong and where. Anything unexpected is logged with its
traceback and shown as a short apology, never as a traceback."""

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from models.errors import (
    AppError,
    ConflictError,
    DomainError,
    NotFoundError,
    Problem,
    StoreLockedError,
    StoreTooNewError,
    SyncError,
    ValidationError,
    scrubbed_traceback,
)
from models.output_folder import OutputFolderError

log = logging.getLogger(__name__)

# Refusals of the domain by their stable code, in the window's language (the message otherwise).
TEXT_BY_CODE = {
    "hq_setting": QT_TRANSLATE_NOOP(
        "Errors", "Only HQ sets a campaign's weights and minimum sample; this device reads "
                  "them."),
    "visit_assignment_hq_only": QT_TRANSLATE_NOOP(
        "Errors", "Only HQ changes a visit's team and representatives."),
}


# Row problems by their stable code (models.rules, models attachments), in the window's language;
# `{name}` takes the problem's argument of that name. A problem without a code keeps its message.
PROBLEM_TEXT_BY_CODE = {
    "secret_visit_needs_unit": QT_TRANSLATE_NOOP("Problems", "A secret visit needs a unit."),
    "secret_visit_needs_team": QT_TRANSLATE_NOOP("Problems", "A secret visit needs a team."),
    "secret_visit_needs_representatives": QT_TRANSLATE_NOOP(
        "Problems", "A secret visit needs the representatives who go."),
    "finding_needs_description": QT_TRANSLATE_NOOP("Problems", "Describe what was found."),
    "verify_needs_measures": QT_TRANSLATE_NOOP(
        "Problems", "Write down the measures taken before verifying."),
    "weight_out_of_range": QT_TRANSLATE_NOOP("Problems", "A weight lies between {low} and {high}."),
    "weight_above_previous": QT_TRANSLATE_NOOP(
        "Problems", "Must not exceed the weight of the level above ({limit})."),
    "min_sample_too_small": QT_TRANSLATE_NOOP("Problems", "At least {minimum}."),
    "too_long": QT_TRANSLATE_NOOP(
        "Problems", "Too long: {length} characters; at most {limit} fit here."),
    "not_a_photo": QT_TRANSLATE_NOOP(
        "Problems", "{file} is not a photo (JPEG, PNG, HEIC, WebP, GIF or BMP)."),
}


def problem_text(problem: Problem) -> str:
    """One problem in the window's language, from its code and arguments."""
    text = PROBLEM_TEXT_BY_CODE.get(problem.code or "")
    if text is None:
        return problem.message
    args = {k: f"{v:g}" if isinstance(v, float) else str(v)
            for k, v in (problem.args or {}).items()}
    rendered = QCoreApplication.translate("Problems", text)
    for key, value in args.items():
        rendered = rendered.replace("{" + key + "}", value)
    return rendered


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
    if isinstance(exc, ValidationError):
        labels = field_labels or {}
        return "\n".join(  # a coded problem's text names what it is about (a photo's file)
            problem_text(p) if p.code and p.field not in labels
            else f"{labels.get(p.field, p.field)}: {problem_text(p)}" for p in exc.problems)
    if isinstance(exc, StoreTooNewError):
        return QCoreApplication.translate(
            "Errors", "This store was written by a newer FieldInspect. Install the newer version.")
    if isinstance(exc, OutputFolderError):
        return output_folder_text(exc)
    if isinstance(exc, AppError):
        text = TEXT_BY_CODE.get(exc.code)
        return QCoreApplication.translate("Errors", text) if text else exc.message
    log.error("unexpected error:\n%s", scrubbed_traceback(exc))
    return QCoreApplication.translate("Errors", "An unexpected error occurred; it was written to the log. "
               "Nothing half-finished was saved.")


def output_folder_text(exc: OutputFolderError) -> str:
    """Why a file cannot be saved where the person chose, by the error's reason code."""
    translate = QCoreApplication.translate
    texts = {
        "permission": translate("Errors", "FieldInspect may not write in %1. Choose another "
                                          "folder."),
        "not_a_folder": translate("Errors", "%1 cannot be made a folder: a file of that name "
                                            "is in the way. Choose another place."),
        "read_only": translate("Errors", "%1 is on a read-only disk. Choose another folder."),
        "disk_full": translate("Errors", "The disk holding %1 is full. Nothing was written."),
        "is_a_folder": translate("Errors", "%1 is a folder. Give the file a name."),
    }
    text = texts.get(exc.reason) or translate("Errors", "FieldInspect cannot write in %1. "
                                                        "Choose another folder.")
    return text.replace("%1", str(exc.folder))


def show_error(parent: QWidget | None, exc: BaseException,
               field_labels: dict[str, str] | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title_for(exc), message_for(exc, field_labels),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.open()
