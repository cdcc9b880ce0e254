"""The checklist of a visit (issue 16 §2), worked through on site with the keyboard, offline.

One row per item. Like the form entry, a key sets the current item and moves to the next:
1 or P pass, 2 or F fail, 3 or N not applicable; Enter goes to the note box and Enter there comes
back to the list; Ctrl+S saves. Saving writes the results and, in the same transaction, one
finding per failed item (models/checklists.py); the dialog then says how many were made.
Photos of an item (Photo…) are attachments of its result, sealed and written with that save
(the existing attachment path, so they sync and follow the visit's scope like the result).
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.data.attachments import attach_files
from desktop.messages import CHINESE, language, text
from desktop.operations import store_op
from desktop.pages.findings import ask_photos
from desktop.widgets.slots import widget_slot
from models.checklist_tables import ChecklistOutcome as O
from models.checklists import result_id, save_checklist

KEYS = {Qt.Key.Key_1: O.PASS, Qt.Key.Key_P: O.PASS, Qt.Key.Key_2: O.FAIL, Qt.Key.Key_F: O.FAIL,
        Qt.Key.Key_3: O.NOT_APPLICABLE, Qt.Key.Key_N: O.NOT_APPLICABLE}
COL_ITEM, COL_RESULT, COL_NOTE, COL_PHOTOS = range(4)


class ChecklistTable(QTableWidget):
    """The items; a result key sets the current row's outcome (then the next row is current)."""

    keyed = Signal(str)
    note_wanted = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = Qt.Key(event.key())
        if key in KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.keyed.emit(KEYS[key].value)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.note_wanted.emit()
        else:
            super().keyPressEvent(event)


class NoteEdit(QLineEdit):
    """The note line: Enter keeps the note and goes no further. A plain line edit passes
    Enter on to the dialog, whose default button (Save) would save the checklist half keyed."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class ChecklistDialog(QDialog):
    saved = Signal(dict)

    def __init__(self, parent, session, visit_id: str, template: dict, items: list[dict],
                 results: dict[str, dict]) -> None:
        super().__init__(parent, objectName="checklistDialog")
        self.session, self.visit_id, self.template = session, visit_id, template
        self.items = items
        # Only items given an outcome are saved; a note may come before its outcome.
        self.outcomes = {i: r["outcome"] for i, r in results.items()}
        self.notes = {i: r["note"] for i, r in results.items()}
        self.photos: dict[str, list[str]] = {}  # chosen, attached at the next save
        self.saving = None  # the save under way (a future), if any
        chinese = language() == CHINESE
        name = template["name"] if chinese or not template["name_en"] else template["name_en"]
        title = self.tr("Checklist: %1 (version %2)").replace("%1", name).replace(
            "%2", str(template["version"]))
        self.setWindowTitle(title)
        heading = QLabel(title, objectName="checklistTitle")
        heading.setStyleSheet("font-weight: bold;")
        hint = QLabel(self.tr("Keys: 1 or P pass, 2 or F fail, 3 or N not applicable (then the "
                              "next item); Enter writes a note; Ctrl+S saves. Each failed item "
                              "becomes a finding of this visit."), objectName="checklistHint")
        hint.setWordWrap(True)
        self.table = ChecklistTable(len(items), 4, self, objectName="checklistTable")
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Result"),
                                              self.tr("Note"), self.tr("Photos")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)  # the items carry their number
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_RESULT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PHOTOS, QHeaderView.ResizeMode.ResizeToContents)
        for row, item in enumerate(items):
            label = item["text"] if chinese or not item["text_en"] else item["text_en"]
            self.table.setItem(row, COL_ITEM, QTableWidgetItem(f"{row + 1}. {label}"))
            self._show(row)
        self.table.keyed.connect(self.set_current)
        self.table.note_wanted.connect(self.edit_note)
        self.note = NoteEdit(objectName="checklistNote")
        self.note.setPlaceholderText(self.tr("Note on the current item (Enter to keep it)"))
        self.note.returnPressed.connect(self.keep_note)
        self.status = QLabel(objectName="checklistStatus")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        self.photo_button = buttons.addButton(self.tr("Photo…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.photo_button.setObjectName("checklistPhotoButton")
        self.photo_button.clicked.connect(self.choose_photos)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        layout = QVBoxLayout(self)
        for widget in (heading, hint, self.table, self.note, self.status, buttons):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        self.resize(900, 560)
        self.table.setCurrentCell(0, COL_ITEM)
        self.table.setFocus()

    def outcome_label(self, outcome: str | None) -> str:
        return {O.PASS: self.tr("Pass"), O.FAIL: self.tr("Fail"),
                O.NOT_APPLICABLE: self.tr("Not applicable")}.get(outcome, "—")

    def _show(self, row: int) -> None:
        item_id = self.items[row]["id"]
        outcome, note = self.outcomes.get(item_id), self.notes.get(item_id, "")
        cell = QTableWidgetItem(self.outcome_label(outcome))
        if outcome == O.FAIL:
            cell.setForeground(Qt.GlobalColor.darkRed)
        self.table.setItem(row, COL_RESULT, cell)
        self.table.setItem(row, COL_NOTE, QTableWidgetItem(note))
        waiting = len(self.photos.get(item_id, []))
        self.table.setItem(row, COL_PHOTOS, QTableWidgetItem(
            self.tr("%1 to attach").replace("%1", str(waiting)) if waiting else ""))

    def set_current(self, outcome: str) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.outcomes[self.items[row]["id"]] = outcome
        self._show(row)
        if row + 1 < len(self.items):
            self.table.setCurrentCell(row + 1, COL_ITEM)

    def edit_note(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.note.setText(self.notes.get(self.items[row]["id"], ""))
            self.note.setFocus()

    def keep_note(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.notes[self.items[row]["id"]] = self.note.text().strip()
            self._show(row)
        self.note.clear()
        self.table.setFocus()

    @widget_slot()
    async def choose_photos(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        files = await ask_photos(self, self.tr("Photos of this item"))
        self.add_photos(row, files)

    def add_photos(self, row: int, files: list[str]) -> None:
        self.photos.setdefault(self.items[row]["id"], []).extend(files)
        self._show(row)

    def save(self) -> None:
        if self.saving is not None and not self.saving.done():
            return  # one save at a time: a second would report nothing made
        visit_id, template_id = self.visit_id, self.template["id"]
        answers = {i: (o, self.notes.get(i, "")) for i, o in self.outcomes.items()}
        # Photos go on results, so only on items given an outcome; the rest wait for one.
        photos = {i: list(f) for i, f in self.photos.items() if i in answers}
        blobs = self.session.store.blobs

        def write(w):
            counts = save_checklist(w, visit_id, template_id, answers)
            for item_id, files in photos.items():
                attach_files(w, blobs, "checklist_result", result_id(visit_id, item_id), files)
            return counts

        self.saving = store_op(self, self.session, write, write=True,
                               success=lambda counts: self._saved(counts, photos)).run()

    def _saved(self, counts: dict, attached: dict[str, list[str]]) -> None:
        for item_id in attached:
            self.photos.pop(item_id, None)
        for row in range(len(self.items)):
            self._show(row)
        self.status.setText(text("checklist_saved", counts))
        self.saved.emit(counts)
