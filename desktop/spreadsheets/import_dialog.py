"""Import units, representatives, evaluation forms, a ledger of problems, opinions, visits,
findings, criticisms or accountability cases from CSV / XLSX / XLS / ODS, seen before it is
done.

Choosing a file reads its first rows (shown with the column each header is read as) and checks
every row without writing (`run_import(dry_run=True)`), listing each problem by row and column.
All or nothing by default, like `fieldinspect import`; or the good rows are imported and the
rejected ones saved with their reasons. The import is one transaction on the DB worker: Cancel
rolls it back, so nothing is half-imported."""

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop import messages
from desktop.errors import message_for
from desktop.operations import Op
from desktop.spreadsheets.preview import PreviewTable, ProblemsTable
from desktop.widgets.asking import run_dialog
from models.errors import ValidationError
from models.imports import ImportCancelled, run_import
from models.imports.common import RECORD_KINDS, columns_of
from models.imports.reading import HEADER_ALIASES, column_label, preview_rows

PREVIEW_ROWS = 20
SHOW_PROGRESS_AFTER_MS = 600


def _expected(kind: str) -> tuple[str, ...]:
    """The columns a file's headers may show, to find a CSV's encoding as the import does."""
    required, optional = columns_of(kind)
    return (*required, *optional) if kind in RECORD_KINDS else tuple(HEADER_ALIASES)


class _Relay(QObject):
    """Carries progress from the DB worker to the window (a queued signal)."""

    progressed = Signal(str, int, int)


class ImportDialog(QDialog):
    imported = Signal(object)  # the ImportReport of a finished import

    def __init__(self, session, kind: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.session, self.kind = session, kind
        self.path: Path | None = None
        self.report = None  # the dry run's report
        self.fatal = False  # the file itself cannot be imported (header, unreadable)
        self.running = False
        self.cancel_event = threading.Event()
        self.relay = _Relay()
        self.relay.progressed.connect(self._show_progress)
        self.setWindowTitle(self._title())
        self.resize(980, 680)
        self._build()
        self._update_buttons()
        self.choose_button.setFocus()

    def _title(self) -> str:
        return {"units": self.tr("Import units"),
                "representatives": self.tr("Import representatives"),
                "evaluations": self.tr("Import evaluation forms"),
                "problems": self.tr("Import a rectification ledger"),
                "opinions": self.tr("Import opinions"),
                "visits": self.tr("Import visits"),
                "findings": self.tr("Import findings"),
                "criticisms": self.tr("Import criticisms"),
                "accountability": self.tr("Import accountability cases")}[self.kind]

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.file_label = QLabel(self.tr("No file chosen yet."), objectName="importFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("Choose file…"), objectName="chooseFile")
        self.choose_button.clicked.connect(self.choose_file)
        self.recheck_button = QPushButton(self.tr("Check again"), objectName="recheck")
        self.recheck_button.setToolTip(self.tr("Read the file again after correcting it"))
        self.recheck_button.clicked.connect(self.recheck)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        top.addWidget(self.recheck_button)
        self.expected = QLabel(self._expected_columns(), objectName="expectedColumns")
        self.expected.setWordWrap(True)
        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        self.preview = PreviewTable(self.kind)
        self.problems = ProblemsTable(self.kind)
        self.problems.row_chosen.connect(self.preview.show_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._titled(self.tr("First rows of the file, as read"), self.preview))
        splitter.addWidget(self._titled(self.tr("Problems found"), self.problems))
        splitter.setSizes([300, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.expected)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addLayout(self._mode_rows())
        layout.addLayout(self._bottom_row())

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(title, objectName="sectionHeading"))
        column.addWidget(widget)
        return box

    def _mode_rows(self) -> QVBoxLayout:
        self.all_or_nothing = QRadioButton(
            self.tr("All or nothing: import only if every row is right"),
            objectName="allOrNothing")
        self.all_or_nothing.setChecked(True)
        self.skip_invalid = QRadioButton(
            self.tr("Import the rows that are right, and save the rejected rows with their "
                    "reasons to:"), objectName="skipInvalid")
        self.rejects_edit = QLineEdit(objectName="rejectsPath")
        for button in (self.all_or_nothing, self.skip_invalid):
            button.toggled.connect(lambda _c: self._update_buttons())
        rejects = QHBoxLayout()
        rejects.addWidget(self.skip_invalid)
        rejects.addWidget(self.rejects_edit, 1)
        rows = QVBoxLayout()
        rows.addWidget(self.all_or_nothing)
        rows.addLayout(rejects)
        return rows

    def _bottom_row(self) -> QHBoxLayout:
        self.phase = QLabel(objectName="importPhase")
        self.progress = QProgressBar(objectName="importProgress")
        self.progress.hide()
        self.progress_timer = QTimer(self, singleShot=True, interval=SHOW_PROGRESS_AFTER_MS)
        self.progress_timer.timeout.connect(self._reveal_progress)
        self.import_button = QPushButton(self.tr("Import"), objectName="startImport")
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Cancel"), objectName="cancelImport")
        self.close_button.clicked.connect(self.cancel_or_close)
        row = QHBoxLayout()
        row.addWidget(self.phase)
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        row.addWidget(self.import_button)
        row.addWidget(self.close_button)
        return row

    def _expected_columns(self) -> str:
        required, optional = columns_of(self.kind)
        chinese = messages.language() == messages.CHINESE
        text = self.tr("Columns: %1 (English or Chinese headers).").replace(
            "%1", ", ".join(column_label(self.kind, c, chinese=chinese) for c in required))
        if optional:
            text += " " + self.tr("Optional: %1.").replace(
                "%1", ", ".join(column_label(self.kind, c, chinese=chinese) for c in optional))
        return text

    # --- choosing and checking a file ------------------------------------------------------
    @asyncSlot()
    async def choose_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a spreadsheet"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Spreadsheets (*.csv *.txt *.xlsx *.xls *.ods)"))
        if self.path is not None:
            dialog.setDirectory(str(self.path.parent))
        if await run_dialog(dialog) and dialog.selectedFiles():
            await self.load(dialog.selectedFiles()[0])

    @asyncSlot()
    async def recheck(self) -> None:
        if self.path is not None:
            await self.load(self.path)

    async def load(self, path) -> None:
        """Show the file's first rows and every problem the import would meet."""
        self.path = Path(path)
        self.file_label.setText(str(self.path))
        self.rejects_edit.setText(str(self.path.with_name(f"{self.path.stem}-rejected.csv")))
        kind, store, path = self.kind, self.session.store, self.path

        def check(progress):
            header, rows = [], []
            try:
                header, rows = preview_rows(path, PREVIEW_ROWS, _expected(kind), kind)
                report = run_import(store, kind, path, profile="", dry_run=True,
                                    progress=progress)
            except ValidationError as exc:  # the header or the file itself
                return header, rows, None, exc.problems
            return header, rows, report, report.rejected

        outcome = await self._run(check, self.tr("Checking the rows…"))
        if outcome is None:
            return
        header, rows, self.report, problems = outcome
        self.fatal = self.report is None
        self.preview.show_rows(header, rows, {p.row for p in problems})
        self.problems.show_problems(problems, header)
        self._show_summary()

    def _show_summary(self) -> None:
        report = self.report
        if report is None:
            self.summary.setText(self.tr("This file cannot be imported as it is: see the "
                                         "problems above."))
        else:
            bad = len(report.rejected_rows)
            text = self.tr("Rows read: %1 · ready to import: %2 · already present: %3 · with "
                           "problems: %4").replace("%1", str(report.imported + bad
                                                             + report.skipped_existing))
            text = text.replace("%2", str(report.imported)).replace(
                "%3", str(report.skipped_existing)).replace("%4", str(bad))
            if bad:
                text += "\n" + self.tr("Correct these rows in the file and choose Check again, "
                                       "or import only the rows that are right.")
            self.summary.setText(text)
        self._mark_error(self.fatal or bool(report and report.rejected_rows))
        self._update_buttons()

    def _mark_error(self, error: bool) -> None:
        self.summary.setProperty("error", error)
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    def _update_buttons(self) -> None:
        report = self.report
        has_problems = bool(report and report.rejected_rows)
        ready = (report is not None and not self.fatal and report.imported > 0
                 and (not has_problems or self.skip_invalid.isChecked()))
        self.import_button.setEnabled(ready and not self.running)
        # Enter chooses a file until there is one to import, then imports it.
        self.import_button.setDefault(self.import_button.isEnabled())
        self.choose_button.setDefault(not self.import_button.isEnabled())
        for w in (self.choose_button, self.recheck_button, self.all_or_nothing,
                  self.skip_invalid, self.rejects_edit):
            w.setEnabled(not self.running)
        self.recheck_button.setVisible(self.path is not None)
        self.rejects_edit.setEnabled(not self.running and self.skip_invalid.isChecked())

    # --- importing -------------------------------------------------------------------------
    @asyncSlot()
    async def start_import(self) -> None:
        if self.path is None or not self.import_button.isEnabled():
            return
        skip = self.skip_invalid.isChecked()
        rejects = self.rejects_edit.text().strip() if skip else None
        store, profile, kind, path = (self.session.store, self.session.profile, self.kind,
                                      self.path)

        def work(progress):
            return run_import(store, kind, path, profile=profile, skip_invalid=skip,
                              rejects_path=rejects or None, progress=progress)

        report = await self._run(work, self.tr("Importing…"))
        if report is None:
            return
        self.report = None
        text = self.tr("Imported: %1 · already present: %2 · rejected: %3").replace(
            "%1", str(report.imported)).replace("%2", str(report.skipped_existing)).replace(
            "%3", str(len(report.rejected_rows)))
        if rejects and report.rejected_rows:
            text += "\n" + self.tr("The rejected rows and their reasons were saved to %1.") \
                .replace("%1", rejects)
        self.summary.setText(text)
        self._mark_error(False)
        self.close_button.setText(self.tr("Close"))
        self._update_buttons()
        self.imported.emit(report)

    async def _run(self, work, phase: str):
        """`work(progress)` as an op on the database lane, with progress and Cancel; None
        when it did not finish (cancelled, or refused: the problems are then listed)."""
        self.running = True
        self.cancel_event.clear()
        self.phase.setText(phase)
        self.progress.setRange(0, 0)
        self.progress_timer.start()
        self.close_button.setText(self.tr("Cancel"))
        self._update_buttons()

        def progress(step: str, done: int, total: int) -> None:
            if self.cancel_event.is_set():
                raise ImportCancelled()
            self.relay.progressed.emit(step, done, total)

        done: list = []
        op = Op(self, self.session, lambda t: t.store(work, progress), success=done.append,
                failure=self._failed)  # the dialog shows its own progress and Cancel
        try:
            await op.run()
            return done[0] if done else None
        finally:
            self.running = False
            self.progress_timer.stop()
            self.progress.hide()
            self.phase.clear()
            self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        """Why nothing was imported, in the dialog (it stays open to try again)."""
        if isinstance(exc, ImportCancelled):
            self.summary.setText(self.tr("Cancelled: nothing was imported."))
        elif isinstance(exc, ValidationError):  # refused at import time (the store changed)
            self.problems.show_problems(exc.problems, getattr(exc, "headers", None))
            self.summary.setText(self.tr("Refused: nothing was imported. See the problems "
                                         "above."))
            self._mark_error(True)
        else:
            self.summary.setText(message_for(exc))

    def _reveal_progress(self) -> None:
        if self.running:
            self.progress.show()

    def _show_progress(self, step: str, done: int, total: int) -> None:
        if not self.running:
            return
        self.phase.setText(self.tr("Checking the rows…") if step == "reading"
                           else self.tr("Writing…"))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def cancel_or_close(self) -> None:
        if self.running:
            self.cancel_event.set()
        else:
            self.reject()

    def reject(self) -> None:  # Esc or the window's close button
        if self.running:
            self.cancel_event.set()  # the worker rolls back; the dialog stays until it has
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.running:
            self.cancel_event.set()
            event.ignore()
        else:
            super().closeEvent(event)
