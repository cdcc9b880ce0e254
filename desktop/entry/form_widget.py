"""One paper form on screen: number, level (keys 1–4), criteria, reason, suggestion.

Focus starts on the level, with the next form number already proposed, so the common form is
"1" then Enter. The reason row appears (and comes next in the Tab order) only for 4,
"dissatisfied"."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from desktop.entry.level_keys import CriteriaKeysWidget, LevelKeysWidget
from models import rules
from models.enums import Level
from models.errors import DuplicateFormNumberError, ValidationError
from models.records import Evaluation


class FormEntryWidget(QWidget):
    submitted = Signal()  # Enter: save this form
    cancelled = Signal()  # Esc (ends a correction)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("formEntry")
        self.form_no = QLineEdit(objectName="formNumber")
        limits = rules.text_limits(Evaluation)
        self.form_no.setMaxLength(limits["form_no"])
        self.form_no.setPlaceholderText(self.tr("printed on the form"))
        self.level = LevelKeysWidget()
        self.criteria = CriteriaKeysWidget()
        self.reason = QLineEdit(objectName="reason")
        self.reason.setPlaceholderText(self.tr("required for dissatisfied"))
        self.suggestion = QLineEdit(objectName="suggestion")
        self.suggestion.setPlaceholderText(self.tr("optional"))
        self.reason.setMaxLength(limits["reason"])
        self.suggestion.setMaxLength(limits["suggestion"])
        self.message = QLabel(objectName="entryMessage")
        self.message.setWordWrap(True)
        self._number_warning = False
        self.layout_ = form = QFormLayout(self)
        form.addRow(self.tr("Form number"), self.form_no)
        form.addRow(self.tr("Level (keys 1–4)"), self.level)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Criteria (optional, 1–4 each)"), self.criteria)
        form.addRow(self.tr("Suggestion"), self.suggestion)
        form.addRow(self.message)
        self.setTabOrder(self.form_no, self.level)
        self.setTabOrder(self.level, self.reason)
        self.setTabOrder(self.reason, self.criteria)
        self.setTabOrder(self.criteria, self.suggestion)
        self.form_no.returnPressed.connect(self.level.setFocus)
        for source in (self.level, self.criteria):
            source.submitted.connect(self.submitted)
        for edit in (self.reason, self.suggestion):
            edit.returnPressed.connect(self.submitted)
        self.level.level_changed.connect(self._level_changed)
        # A refusal stays visible only until the clerk starts fixing it.
        self.reason.textEdited.connect(self._clear_error)
        self.form_no.textEdited.connect(self._clear_error)
        self._level_changed(None)

    # --- values -------------------------------------------------------------------------
    def values(self) -> dict:
        level = self.level.level()
        return {
            "form_no": self.form_no.text().strip() or None,
            "level": level.value if level else None,
            **{k: v.value if v else None for k, v in self.criteria.values().items()},
            "reason": self.reason.text().strip() if level == Level.DISSATISFIED else "",
            "suggestion": self.suggestion.text().strip(),
        }

    def load(self, values: dict) -> None:
        self.form_no.setText(values.get("form_no") or "")
        self.level.set_level(values.get("level"))
        self.criteria.set_values(values)
        self.reason.setText(values.get("reason") or "")
        self.suggestion.setText(values.get("suggestion") or "")
        self.level.setFocus()

    def clear(self, next_number: str | None) -> None:
        self._number_warning = False
        self._mark_number(False)
        self.form_no.setText(next_number or "")
        self.level.set_level(None)
        self.criteria.clear()
        self.reason.clear()
        self.suggestion.clear()
        self.level.setFocus()

    # --- checks made before the form leaves the screen ------------------------------------
    def local_problem(self) -> str | None:
        """What is missing, checked at once (the store checks again when saving)."""
        values = self.values()
        if not values["level"]:
            self.level.setFocus()
            return self.tr("Choose the level with keys 1–4.")
        if values["level"] == Level.DISSATISFIED and not values["reason"]:
            self.reason.setFocus()
            return self.tr("A dissatisfied form needs a reason: type the reason given on the "
                           "form.")
        return None

    def explain(self, exc: BaseException) -> str:
        """A refusal from the store, in the clerk's words; focus goes where the fix is."""
        if isinstance(exc, DuplicateFormNumberError):
            self.form_no.setFocus()
            self.form_no.selectAll()
            self._mark_number(True)
            return self.tr("%1 Check the form; nothing was saved.").replace(
                "%1", self._duplicate_text(exc))
        if isinstance(exc, ValidationError):
            fields = {p.field for p in exc.problems}
            if "reason" in fields:
                self.reason.setFocus()
                return self.tr("A dissatisfied form needs a reason: type the reason given on "
                               "the form.")
            if "form_no" in fields:
                self.form_no.setFocus()
        from desktop.errors import message_for

        return self.tr("Not saved: %1").replace("%1", message_for(exc))

    def _duplicate_text(self, exc: DuplicateFormNumberError) -> str:
        """When and by whom, from the refusal's arguments (never from its English text)."""
        args = exc.problems[0].args
        return self.tr("Form number %1 was already entered on %2 by %3.").replace(
            "%1", str(args.get("number") or self.form_no.text().strip())).replace(
            "%2", str(args.get("when", "?"))).replace("%3", str(args.get("who", "?")))

    def warn_number(self, exc: BaseException) -> None:
        """Said as the clerk leaves the number field; focus stays where the clerk went, so
        keys already typed for the level are not swallowed by the number field."""
        if isinstance(exc, DuplicateFormNumberError):
            self.show_message(self._duplicate_text(exc), error=True)
            self._number_warning = True
            self._mark_number(True)

    def clear_number_warning(self) -> None:
        if self._number_warning:
            self._clear_error()

    def _mark_number(self, used: bool) -> None:
        self.form_no.setStyleSheet("QLineEdit { border: 2px solid #c0392b; }" if used else "")

    def show_message(self, text: str, *, error: bool = False) -> None:
        self._number_warning = False
        if not error:  # an error keeps the number marked until the clerk edits it
            self._mark_number(False)
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    def _clear_error(self, *_) -> None:
        self._number_warning = False
        if self.message.property("error"):
            self.show_message("")

    def _level_changed(self, level) -> None:
        if not self._number_warning:  # a duplicate number stays said until the number changes
            self._clear_error()
        show = level == Level.DISSATISFIED
        self.layout_.setRowVisible(self.reason, show)
