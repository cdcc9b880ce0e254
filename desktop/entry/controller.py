"""Runs the entry screen's store work on the database thread and answers by signal.

Every save is one transaction on the single DB worker (SQLite has one writer); the GUI thread
only snapshots the values and waits for the answer, so typing never waits for the disk."""

import time

from PySide6.QtCore import QObject, Signal

from models import batches, services


class EntryController(QObject):
    batch_opened = Signal(dict)  # the batch row
    forms_loaded = Signal(list)  # the batch's forms, in keying order
    form_saved = Signal(str, dict)  # evaluation id, the values saved
    form_corrected = Signal(str, dict)
    save_failed = Signal(object, dict)  # the error, the values kept on screen
    number_checked = Signal(str, object)  # the form number, the refusal (None: not yet used)
    reconciled = Signal(object)  # Reconciliation, before closing
    batch_closed = Signal(object)  # Reconciliation
    failed = Signal(object)

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.batch: dict | None = None
        self.save_ms: list[float] = []  # time spent in each save's transaction (the bench reads)

    def _submit(self, fn, on_ok, on_error=None) -> None:
        def done(result, error):
            if error is not None:
                (on_error or self.failed.emit)(error)
            else:
                on_ok(result)

        self.session.worker.submit(fn, on_done=done)

    def _write(self, action):
        store, profile = self.session.store, self.session.profile

        def job():
            with store.write(profile) as w:
                return action(w)

        return job

    def _read(self, action):
        store = self.session.store

        def job():
            with store.read() as conn:
                return action(conn)

        return job

    # --- batches --------------------------------------------------------------------------
    def open_batch(self, values: dict) -> None:
        def action(w):
            return batches.get_batch(w.conn, batches.open_batch(w, values))

        self._submit(self._write(action), self._opened)

    def resume(self, batch_id: str) -> None:
        self._submit(self._read(lambda conn: batches.get_batch(conn, batch_id)), self._opened)

    def _opened(self, batch: dict) -> None:
        self.batch = batch
        self.batch_opened.emit(batch)
        self.reload_forms()

    def reload_forms(self) -> None:
        batch_id = self.batch["id"]
        self._submit(self._read(lambda conn: batches.batch_forms(conn, batch_id)),
                     self.forms_loaded.emit)

    def check_reconciliation(self) -> None:
        batch_id = self.batch["id"]
        self._submit(self._read(lambda conn: batches.reconciliation(conn, batch_id)),
                     self.reconciled.emit)

    def close_batch(self) -> None:
        batch_id = self.batch["id"]

        def closed(result):
            self.batch = None
            self.batch_closed.emit(result)

        self._submit(self._write(lambda w: batches.close_batch(w, batch_id)), closed)

    # --- forms ----------------------------------------------------------------------------
    def check_number(self, form_no: str, exclude_id: str | None = None) -> None:
        """Is this number already used in the campaign? Answered before the form is saved."""
        campaign_id = self.batch["campaign_id"]

        def check(conn):
            services.check_form_number(conn, campaign_id, form_no, exclude_id=exclude_id)

        self._submit(self._read(check), lambda _: self.number_checked.emit(form_no, None),
                     lambda error: self.number_checked.emit(form_no, error))

    def save_form(self, values: dict) -> None:
        batch_id = self.batch["id"]
        self._timed_write(lambda w: batches.add_form(w, batch_id, values), values,
                          self.form_saved)

    def correct_form(self, evaluation_id: str, values: dict) -> None:
        batch_id = self.batch["id"]

        def action(w):
            batches.correct_form(w, batch_id, evaluation_id, values)
            return evaluation_id

        self._timed_write(action, values, self.form_corrected)

    def _timed_write(self, action, values: dict, signal) -> None:
        job = self._write(action)

        def timed():
            start = time.perf_counter()
            result = job()
            self.save_ms.append((time.perf_counter() - start) * 1000)
            return result

        self._submit(timed, lambda result: signal.emit(result, values),
                     lambda error: self.save_failed.emit(error, values))
