"""Double-entry verification: a second clerk re-keys a closed batch (or the supervisor's sample)
without seeing the first entry; a supervisor settles each difference.

The re-keying clerk types ahead like the first one: keys typed while a re-keyed form is saved
are held and replayed to the next form (desktop/entry/type_ahead.py)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.entry.form_widget import FormEntryWidget
from desktop.entry.level_keys import criterion_label
from desktop.entry.type_ahead import HeldKeysLabel, TypeAhead, discarded_text, send_key
from desktop.labels import label_of
from models import batches
from models.enums import Criterion, Level


class _BatchPanel(QWidget):
    changed = Signal()

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.batch = QComboBox(objectName="verifyBatch")
        self.message = QLabel(objectName="verifyMessage")
        self.message.setWordWrap(True)
        self._loaded_once = False

    def _run(self, fn, on_ok, *, write: bool = False, on_error=None) -> None:
        store, profile = self.session.store, self.session.profile

        def job():
            if write:
                with store.write(profile) as w:
                    return fn(w)
            with store.read() as conn:
                return fn(conn)

        def done(result, error):
            if error is not None and on_error is not None:
                on_error(error)
            elif error is not None:
                from desktop.errors import message_for

                self.message.setText(message_for(error))
            else:
                on_ok(result)

        self.session.worker.submit(job, on_done=done)

    def load_batches(self) -> None:
        self._run(batches.closed_unverified, self._batches_loaded)

    def _batches_loaded(self, rows: list[dict]) -> None:
        ids = [b["id"] for b in rows]
        if self._loaded_once and ids == [self.batch.itemData(i)
                                         for i in range(self.batch.count())]:
            return  # a refresh with nothing new leaves a form being keyed alone
        self._loaded_once = True
        current = self.batch.currentData()
        self.batch.blockSignals(True)
        self.batch.clear()
        ref = self.session.reference
        for b in rows:
            self.batch.addItem(f"{ref.unit_path(b['unit_id'])} · {b['evaluated_on']} · "
                               f"{b['cover_count']} · {b['created_by']}", b["id"])
        if current:
            self.batch.setCurrentIndex(max(self.batch.findData(current), 0))
        self.batch.blockSignals(False)
        if current is None or self.batch.currentData() != current:
            self.batch_changed()

    def batch_changed(self) -> None:
        """The chosen batch changed (or was reloaded)."""


class VerifyPanel(_BatchPanel):
    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.sample = QSpinBox(objectName="sampleSize")
        self.sample.setRange(0, 100_000)
        self.sample.setSpecialValueText(self.tr("whole batch"))
        choose = QPushButton(self.tr("Choose the sample"))
        choose.clicked.connect(self.choose_sample)
        for w in (self.sample, choose):
            w.setEnabled(session.is_supervisor)
        self.todo = QLabel(objectName="formsToVerify")
        self.todo.setWordWrap(True)
        self.form = FormEntryWidget()
        self.form.submitted.connect(self.submit)
        self.form.cancelled.connect(self._discard_held)
        self.saving = False  # a re-keyed form is being saved: the keys typed meanwhile wait
        self.type_ahead = TypeAhead(self, lambda held: send_key(
            self.focusWidget() or self.form.level, held))
        self.held = HeldKeysLabel(self.type_ahead)
        self.finish = QPushButton(self.tr("Finish the second keying (Ctrl+Shift+E)"),
                                  objectName="finishVerify")
        self.finish.clicked.connect(self.finish_keying)
        # The same key that closes a batch on the first keying (entry_screen.py).
        QShortcut(QKeySequence("Ctrl+Shift+E"), self, self.finish_keying,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Closed batch")))
        top.addWidget(self.batch, 1)
        top.addWidget(QLabel(self.tr("Sample size")))
        top.addWidget(self.sample)
        top.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.todo)
        layout.addWidget(self.held)
        layout.addWidget(self.form)
        layout.addWidget(self.finish)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.keyed: set[str] = set()
        self.to_verify: list[str] = []
        self.batch.currentIndexChanged.connect(lambda _: self.batch_changed())
        self.load_batches()

    def batch_changed(self, then=None) -> None:
        """Load the forms left to re-key; `then` runs once they are on screen."""
        batch_id = self.batch.currentData()
        self.form.setEnabled(batch_id is not None)
        if batch_id is None:
            self.todo.setText(self.tr("No closed batch waits for verification."))
            return

        def load(conn):
            return (batches.forms_to_verify(conn, batch_id),
                    {k["form_no"] for k in batches.verification_keyings(conn, batch_id)})

        def loaded(result):
            self._todo_loaded(result)
            if then is not None:
                then()

        self._run(load, loaded, on_error=self._failed)

    def _todo_loaded(self, result) -> None:
        self.to_verify, self.keyed = result
        left = [n for n in self.to_verify if n not in self.keyed]
        self.todo.setText(self.tr("%1 of %2 re-keyed. Forms to re-key: %3")
                          .replace("%1", str(len(self.keyed))).replace("%2", str(len(self.to_verify)))
                          .replace("%3", ", ".join(left[:40]) + (" …" if len(left) > 40 else "")))
        self.form.clear(left[0] if left else "")

    def choose_sample(self) -> None:
        batch_id, size = self.batch.currentData(), self.sample.value() or None
        role = self.session.profile_role
        self._run(lambda w: batches.choose_sample(w, batch_id, size, actor_role=role),
                  lambda _: self.batch_changed(), write=True)

    def submit(self) -> None:
        if self.saving:
            return
        problem = self.form.local_problem()
        if problem:
            self._refuse(problem)
            return
        batch_id, values = self.batch.currentData(), self.form.values()
        self.saving = True
        self.type_ahead.hold()

        def saved(_):
            self.form.show_message(self.tr("Re-keyed form %1.").replace("%1", values["form_no"]))
            self.batch_changed(then=self._next_form_shown)

        self._run(lambda w: batches.add_verification(w, batch_id, values), saved, write=True,
                  on_error=self._failed)

    def _next_form_shown(self) -> None:
        """Only the load asked for after the save counts: an earlier one may answer first."""
        self.saving = False
        self.type_ahead.replay()

    def _failed(self, error: BaseException) -> None:
        self._refuse(self.form.explain(error))

    def _refuse(self, text: str) -> None:
        """Said at once on the form; the keys typed after it wait (test_entry_type_ahead.py)."""
        self.saving = False
        self.form.show_message(text, error=True)
        self.type_ahead.hold_until_pause()

    def _discard_held(self) -> None:
        if self.type_ahead.keys and not self.type_ahead.replaying and not self.saving:
            self.form.show_message(discarded_text(self.type_ahead.discard()))

    def finish_keying(self) -> None:
        batch_id = self.batch.currentData()

        def finished(found):
            if found:
                self.message.setText(self.tr("%1 differences: a supervisor settles them on the "
                                             "Settle differences tab.").replace("%1", str(len(found))))
            else:
                self.message.setText(self.tr("No differences: the batch is verified."))
            self.changed.emit()
            self.load_batches()

        self._run(lambda w: batches.finish_verification(w, batch_id), finished, write=True)


class SettlePanel(_BatchPanel):
    COL_FORM, COL_WHAT, COL_FIRST, COL_SECOND, COL_SETTLED = range(5)

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.table = QTableWidget(0, 5, objectName="differences")
        self.table.setHorizontalHeaderLabels([
            self.tr("Form number"), self.tr("Difference"), self.tr("First keying"),
            self.tr("Second keying"), self.tr("Settled")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.diffs: list[batches.Difference] = []
        buttons = QHBoxLayout()
        for text, resolution in ((self.tr("Keep the first keying"), "first"),
                                 (self.tr("Take the second keying"), "second"),
                                 (self.tr("Void the form"), "voided")):
            button = QPushButton(text, objectName=f"settle_{resolution}")
            button.clicked.connect(lambda _=False, r=resolution: self.settle(r))
            buttons.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Batch")))
        top.addWidget(self.batch, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.batch.currentIndexChanged.connect(lambda _: self.batch_changed())
        self.load_batches()

    def batch_changed(self) -> None:
        batch_id = self.batch.currentData()
        if batch_id is None:
            self._show([])
            return
        self._run(lambda conn: batches.differences(conn, batch_id), self._show)

    def _show(self, diffs: list) -> None:
        self.diffs = diffs
        self.table.setRowCount(len(diffs))
        for row, d in enumerate(diffs):
            what, first, second = self._describe(d)
            for col, text in enumerate((d.form_no, what, first, second,
                                        self._resolution(d.resolution))):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def _describe(self, d) -> tuple[str, str, str]:
        if d.kind == "only_second":
            return self.tr("Not in the first keying"), "", ""
        if d.kind == "only_first":
            return self.tr("Not re-keyed"), "", ""
        names = {c.value: criterion_label(c) for c in Criterion}
        names.update(level=self.tr("Level"), reason=self.tr("Reason"),
                     suggestion=self.tr("Suggestion"))
        fields = list(d.fields)

        def shown(field: str, value) -> str:
            if field in batches.TEXTS_COMPARED:
                return value or "–"
            return label_of(Level, value) or "–"

        return (", ".join(names[f] for f in fields),
                ", ".join(shown(f, d.fields[f][0]) for f in fields),
                ", ".join(shown(f, d.fields[f][1]) for f in fields))

    def _resolution(self, resolution: str) -> str:
        return {"first": self.tr("First keying kept"), "second": self.tr("Corrected"),
                "voided": self.tr("Voided")}.get(resolution, "")

    def settle(self, resolution: str) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.diffs):
            self.message.setText(self.tr("Choose a difference in the list first."))
            return
        batch_id, keying_id = self.batch.currentData(), self.diffs[row].keying_id
        role = self.session.profile_role

        def settled(_):
            self.message.setText(self.tr("Settled."))
            self.changed.emit()
            self.batch_changed()

        self._run(lambda w: batches.settle(w, batch_id, keying_id, resolution, actor_role=role,
                                           void_reason="keying difference"), settled, write=True)
