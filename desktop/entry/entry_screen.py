"""Keying the forms of one open batch: the form, the running count, the forms keyed so far.

F2 corrects the last form; F4 moves to the list, where Enter corrects the chosen form; Esc ends
a correction; Ctrl+Shift+E closes the batch after showing the count against the cover.
Keys typed while a save is in flight are held and replayed in order (desktop/entry/type_ahead.py);
Esc discards the keys held after a refused form."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.entry.form_widget import FormEntryWidget
from desktop.entry.type_ahead import (
    HeldKey,
    HeldKeysLabel,
    TypeAhead,
    discarded_text,
    send_key,
)
from desktop.labels import label_of
from models.batches import next_form_number
from models.enums import Level, RespondentGroup


class EntryScreen(QWidget):
    closed = Signal(object)  # Reconciliation of the closed batch

    def __init__(self, controller, reference, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("entryScreen")
        self.controller, self.reference = controller, reference
        self.forms: list[dict] = []
        self.correcting: str | None = None  # the id of the form being corrected
        self.pending = False  # a save, the batch's load or the count before closing is awaited
        self.type_ahead = TypeAhead(self, self._replay_key)
        self.summary = QLabel(objectName="batchSummary")
        self.count = QLabel(objectName="runningCount")
        self.held = HeldKeysLabel(self.type_ahead)
        self.mode = QLabel(objectName="entryMode")
        self.form = FormEntryWidget()
        self.table = QTableWidget(0, 5, objectName="batchForms")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Form number"), self.tr("Level"), self.tr("Reason"), self.tr("Suggestion"),
             self.tr("Keyed by")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The free text is what a correction looks for: it gets the room, not "keyed by".
        columns = self.table.horizontalHeader()
        for col in (2, 3):
            columns.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 110)
        self.table.setColumnWidth(4, 90)
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda index: self.start_correction(index.row()))
        self.correct_last = QPushButton(self.tr("Correct last form (F2)"))
        self.correct_last.clicked.connect(lambda: self.start_correction(len(self.forms) - 1))
        self.close_button = QPushButton(self.tr("Close batch… (Ctrl+Shift+E)"),
                                        objectName="closeBatch")
        self.close_button.clicked.connect(self.request_close)
        for button in (self.correct_last, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_panel = self._close_panel()
        self._layout()
        self._connect()

    def _close_panel(self) -> QFrame:
        panel = QFrame(objectName="closePanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        self.close_text = QLabel(objectName="reconciliation")
        self.close_text.setWordWrap(True)
        self.confirm_close = QPushButton(self.tr("Close the batch (Enter)"),
                                         objectName="confirmClose")
        self.keep_keying = QPushButton(self.tr("Keep keying (Esc)"))
        self.confirm_close.clicked.connect(self.controller.close_batch)
        self.keep_keying.clicked.connect(self._hide_close_panel)
        row = QHBoxLayout(panel)
        row.addWidget(self.close_text, 1)
        row.addWidget(self.confirm_close)
        row.addWidget(self.keep_keying)
        panel.hide()
        return panel

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.held)
        top.addSpacing(24)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_last)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.mode)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.close_panel)
        layout.addWidget(QLabel(self.tr("Forms of this batch (F4, then Enter to correct one)")))
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        c = self.controller
        self.form.submitted.connect(self.submit)
        self.form.cancelled.connect(self.cancel_correction)
        c.forms_loaded.connect(self._forms_loaded)
        c.form_saved.connect(self._saved)
        c.form_corrected.connect(self._corrected)
        c.save_failed.connect(self._failed)
        c.number_checked.connect(self._number_checked)
        self.form.form_no.editingFinished.connect(self.check_number)
        c.reconciled.connect(self._show_reconciliation)
        c.batch_closed.connect(self._closed)
        c.failed.connect(self._request_failed)
        self.shortcuts = [
            (QKeySequence(Qt.Key.Key_F2), lambda: self.start_correction(len(self.forms) - 1)),
            (QKeySequence(Qt.Key.Key_F4), self.table.setFocus),
            (QKeySequence("Ctrl+Shift+E"), self.request_close)]
        for sequence, slot in self.shortcuts:
            QShortcut(sequence, self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- keys typed ahead -------------------------------------------------------------------
    def _await(self) -> None:
        """An answer the next keys depend on is awaited: hold them until it comes."""
        self.pending = True
        self.type_ahead.hold()

    def _resume(self) -> None:
        """The screen shows what the held keys were typed for: give them to it, in order."""
        self.pending = False
        self.type_ahead.replay()

    def _refused(self, text: str) -> None:
        """The form on screen cannot be saved: say so at once; the keys typed after it wait."""
        self.pending = False
        self.form.show_message(text, error=True)
        self.type_ahead.hold_until_pause()
        QApplication.beep()  # a clerk typing from paper is not looking at the screen

    def _replay_key(self, held: HeldKey) -> None:
        slot = next((s for seq, s in self.shortcuts if seq == held.sequence()), None)
        if slot is not None:
            slot()
        else:
            send_key(self.focusWidget() or self.form.level, held)

    def _blocked(self) -> bool:
        """Keys are held after a refused form: nothing else starts until it is saved or they
        are discarded, so they can only ever go to the forms that follow it."""
        if self.type_ahead.keys and not self.pending and not self.type_ahead.replaying:
            self.form.show_message(self.tr("Save this form (Enter) or discard the keys typed "
                                           "after it (Esc) first."), error=True)
            return True
        return self.pending

    # --- a batch --------------------------------------------------------------------------
    def show_batch(self, batch: dict) -> None:
        self.summary.setText(" · ".join([
            self.reference.unit_path(batch["unit_id"]),
            label_of(RespondentGroup, batch["group"]), str(batch["evaluated_on"])]))
        self.forms = []
        self.correcting = None
        self.mode.clear()
        self.type_ahead.discard()
        self._hide_close_panel()
        self.form.clear(None)
        self.form.show_message("")
        self._update_count()
        self._await()  # keys typed before the batch's forms are on screen wait for them

    def _forms_loaded(self, forms: list[dict]) -> None:
        self.forms = forms
        self.table.setRowCount(0)
        for form in forms:
            self._append_row(form)
        self._clear_to_next()
        self._update_count()
        self._resume()

    def _clear_to_next(self) -> None:
        last = next((f["form_no"] for f in reversed(self.forms) if f.get("form_no")), None)
        self.form.clear(next_form_number(last) if last else "")

    def _append_row(self, form: dict) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._fill_row(row, form)
        self.table.scrollToBottom()

    def _fill_row(self, row: int, form: dict) -> None:
        cells = (form.get("form_no") or "", label_of(Level, form.get("level")),
                 form.get("reason") or "", form.get("suggestion") or "",
                 form.get("created_by") or self.controller.session.profile)
        for col, text in enumerate(cells):
            self.table.setItem(row, col, QTableWidgetItem(text))

    def _update_count(self) -> None:
        batch = self.controller.batch
        cover = batch["cover_count"] if batch else 0
        entered = sum(1 for f in self.forms if not f.get("voided"))
        self.count.setText(self.tr("%1 of %2 forms").replace("%1", str(entered))
                           .replace("%2", str(cover)))
        self.count.setProperty("over", entered > cover)

    # --- the number, checked as the clerk leaves it -----------------------------------------
    def check_number(self) -> None:
        form_no = self.form.form_no.text().strip()
        if form_no and self.controller.batch is not None:
            self.controller.check_number(form_no, self.correcting)

    def _number_checked(self, form_no: str, error) -> None:
        # The answer may come after the form moved on; it only speaks about the number on screen.
        if self.pending or form_no != self.form.form_no.text().strip():
            return
        if error is None:
            self.form.clear_number_warning()
        else:
            self.form.warn_number(error)

    # --- saving ---------------------------------------------------------------------------
    def submit(self) -> None:
        if self.pending:
            return  # a click: keys typed meanwhile are held, never lost (see type_ahead)
        problem = self.form.local_problem()
        if problem:
            self._refused(problem)
            return
        self._await()
        values = self.form.values()
        self.form.show_message(self.tr("Saving form %1…").replace("%1", values["form_no"] or ""))
        if self.correcting:
            self.controller.correct_form(self.correcting, values)
        else:
            self.controller.save_form(values)

    def _saved(self, evaluation_id: str, values: dict) -> None:
        self.forms.append({**values, "id": evaluation_id, "voided": False})
        self._append_row(values)
        self._update_count()
        self.form.clear(next_form_number(values["form_no"]) if values["form_no"] else "")
        self.form.show_message(self.tr("Saved form %1.").replace("%1", values["form_no"] or ""))
        self.check_number()  # the proposed number may have been keyed elsewhere meanwhile
        self._resume()

    def _corrected(self, evaluation_id: str, values: dict) -> None:
        # Updated in place rather than reloaded: a reload answering later would clear the form
        # that the keys typed meanwhile are filling.
        row = next((i for i, f in enumerate(self.forms) if f["id"] == evaluation_id), None)
        if row is not None:
            self.forms[row] = {**self.forms[row], **values}
            self.table.removeRow(row)
            self.table.insertRow(row)
            self._fill_row(row, self.forms[row])
        self.correcting = None
        self.mode.clear()
        self._clear_to_next()
        self.form.show_message(self.tr("Corrected form %1.")
                               .replace("%1", values["form_no"] or ""))
        self._resume()

    def _failed(self, error: BaseException, values: dict) -> None:
        # The form stays on screen exactly as typed, so nothing is lost; the clerk fixes it.
        self._refused(self.form.explain(error))

    def _request_failed(self, error: BaseException) -> None:
        """The batch's forms or its count could not be read: the held keys wait (Esc)."""
        if self.pending:
            from desktop.errors import message_for

            self._refused(message_for(error))

    # --- corrections ----------------------------------------------------------------------
    def start_correction(self, row: int) -> None:
        if not 0 <= row < len(self.forms) or self._blocked():
            return
        form = self.forms[row]
        self.correcting = form["id"]
        self.form.load(form)
        self.mode.setText(self.tr("Correcting form %1: Enter saves the correction, Esc cancels.")
                          .replace("%1", form.get("form_no") or ""))
        self.form.show_message("")

    def cancel_correction(self) -> None:
        if self.type_ahead.keys and not self.type_ahead.replaying and not self.pending:
            self.form.show_message(discarded_text(self.type_ahead.discard()))
            return
        if self.close_panel.isVisible():
            self._hide_close_panel()
            return
        if self.correcting is None:
            return
        self.correcting = None
        self.mode.clear()
        self._clear_to_next()
        self.form.show_message("")

    # --- closing --------------------------------------------------------------------------
    def request_close(self) -> None:
        if not self._blocked():
            self._await()  # an Enter typed right after confirms the close, not the form
            self.controller.check_reconciliation()

    def _show_reconciliation(self, rec) -> None:
        if rec.gap > 0:
            text = self.tr("The cover says %1 forms; %2 were keyed: %3 missing.")
        elif rec.gap < 0:
            text = self.tr("The cover says %1 forms; %2 were keyed: %3 more than the cover.")
        else:
            text = self.tr("The cover says %1 forms; %2 were keyed: the count matches.")
        self.close_text.setText(text.replace("%1", str(rec.cover_count))
                                .replace("%2", str(rec.entered)).replace("%3", str(abs(rec.gap))))
        self.close_panel.setProperty("mismatch", rec.gap != 0)
        self.close_panel.show()
        self.confirm_close.setFocus()
        self._resume()

    def _hide_close_panel(self) -> None:
        self.close_panel.hide()
        self.form.level.setFocus()

    def _closed(self, rec) -> None:
        self.type_ahead.discard()  # the batch is gone: no key goes into another one
        self.close_panel.hide()
        self.closed.emit(rec)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if self.close_panel.isVisible() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.controller.close_batch()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel_correction()
        else:
            super().keyPressEvent(event)
