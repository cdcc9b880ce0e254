"""The liaison's two forms (issue 14 §2): asking HQ for a later deadline (延期申请) and
reporting what was done (整改报告, with photos as evidence).

Each dialog writes through `store_op` on the database lane (models/unit_reports.py) and stays
open when the write is refused, with the refusal beside the form in the person's language; it
closes only once the record is saved.
"""

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import show_error
from desktop.labels import label_of
from desktop.messages import problem_line
from desktop.operations import store_op
from desktop.pages.findings import PhotoPicker
from desktop.widgets.date_edit import DateEdit
from desktop.widgets.slots import widget_slot
from models import unit_reports
from models.enums import FindingCategory
from models.errors import ValidationError
from models.timeutil import local_today


def _date_edit(name: str, value: date) -> DateEdit:
    edit = DateEdit(objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def _text(name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(objectName=name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    return edit


class _LiaisonDialog(QDialog):
    """A form whose save is a write on the store lane; refusals are shown in `error`."""

    def __init__(self, session, problem: dict, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.problem = session, problem
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.heading = QLabel(objectName="dialogProblem")
        self.heading.setWordWrap(True)
        self.heading.setText(problem["text"] or label_of(
            FindingCategory, problem.get("source_category")))
        self.form = QFormLayout()
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def labels(self) -> dict[str, str]:
        """Field name -> its label, to say where a refusal points."""
        return {}

    def work(self):
        """The write: `fn(write_session)`."""
        raise NotImplementedError

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            labels = self.labels()
            self.error.setText("\n".join(problem_line(p, labels.get(p.field, ""))
                                         for p in exc.problems))
            self.error.show()
        else:
            show_error(self, exc)

    @widget_slot()
    async def save(self) -> None:
        self.buttons.setEnabled(False)
        try:
            if await store_op(self, self.session, self.work(), write=True,
                              failure=self._refused).run():
                self.accept()
        finally:
            self.buttons.setEnabled(True)


class ExtensionDialog(_LiaisonDialog):
    """延期申请: the new deadline and why."""

    def __init__(self, session, problem: dict, parent: QWidget | None = None):
        super().__init__(session, problem, self.tr("Request an extension"), parent)
        self.setObjectName("extensionDialog")
        current = problem["deadline"]
        shown = current.isoformat() if current else self.tr("none")
        self.current = QLabel(shown, objectName="currentDeadline")
        self.deadline = _date_edit("requestedDeadline",
                                   (current or local_today()) + timedelta(days=30))
        if current is not None:  # the calendar offers only later days (the rule says why)
            after = current + timedelta(days=1)
            self.deadline.setMinimumDate(QDate(after.year, after.month, after.day))
        self.reason = _text("extensionReason", self.tr(
            "Why the work cannot be finished by the current deadline"))
        self.form.addRow(self.tr("Current deadline"), self.current)
        self.form.addRow(self.tr("New deadline"), self.deadline)
        self.form.addRow(self.tr("Reason"), self.reason)

    def labels(self) -> dict[str, str]:
        return {"requested_deadline": self.tr("New deadline"), "reason": self.tr("Reason"),
                "problem_id": ""}

    def work(self):
        problem_id, requested = self.problem["id"], self.deadline.date().toPython()
        reason = self.reason.toPlainText()
        return lambda w: unit_reports.request_extension(w, problem_id, requested, reason)


class ReportDialog(_LiaisonDialog):
    """整改报告: what was done, how far it is, the date it was completed (if it is), photos."""

    def __init__(self, session, problem: dict, parent: QWidget | None = None):
        super().__init__(session, problem, self.tr("Report on the rectification"), parent)
        self.setObjectName("reportDialog")
        self.what_done = _text("whatDone", self.tr("The measures taken"))
        self.progress = _text("reportProgress", self.tr("What is still to do, if anything"))
        self.progress.setMaximumHeight(80)
        self.completed = QCheckBox(self.tr("The rectification is completed"),
                                   objectName="reportCompleted")
        today = local_today()
        self.completed_on = _date_edit("completedOn", today)
        self.completed_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.completed_on.setEnabled(False)
        self.completed.toggled.connect(self.completed_on.setEnabled)
        self.photos = PhotoPicker(self)
        self.photo_note = QLabel(self.tr(
            "Location and camera data are removed from the photos before they are kept."),
            objectName="hint")
        self.photo_note.setWordWrap(True)
        self.form.addRow(self.tr("What was done"), self.what_done)
        self.form.addRow(self.tr("Progress"), self.progress)
        self.form.addRow("", self.completed)
        self.form.addRow(self.tr("Date completed"), self.completed_on)
        self.form.addRow(self.tr("Photos"), self.photos)
        self.form.addRow("", self.photo_note)

    def labels(self) -> dict[str, str]:
        return {"what_done": self.tr("What was done"), "completed_on": self.tr("Date completed"),
                "photo": self.tr("Photos"), "problem_id": ""}

    def work(self):
        problem_id, blobs = self.problem["id"], self.session.store.blobs
        what, progress = self.what_done.toPlainText(), self.progress.toPlainText()
        done = self.completed_on.date().toPython() if self.completed.isChecked() else None
        files = list(self.photos.files)
        return lambda w: unit_reports.submit_report(w, blobs, problem_id, what, progress,
                                                    done, files)
