"""The office's outputs, one row each: the ledger, the public notice, the circulated criticism
notice, unit feedback for every unit, the county summary, the rankings and the overdue list.

Each row picks its filters and format, asks where to save, and generates the file(s) as an op
(desktop/operations.py) with `reports.outputs.produce` (the same code the command line and HQ
use); HQ is asked for a notice's number on the background lane, never while the store is held.
The unit-feedback run (desktop/pages/unit_feedback.py) reads in short steps and renders on the
background lane; its progress shows after a moment and it can be cancelled between two units."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import show_error
from desktop.labels import choices
from desktop.operations import Op, OpCancelled, Ticket, errors_shown
from desktop.pages.assignment_row import (
    add_assignment_options,
    assignments_text,
    issue_assignment,
    offers_assignment,
)
from desktop.pages.base import Page
from desktop.pages.exposure_row import add_exposure_options, number_exposure
from desktop.pages.notice_options import add_notice_options, apply_notice_options, notice_text
from desktop.pages.reminder_row import add_reminder_options, number_reminders, reminders_text
from desktop.pages.report_results import campaign_left_out_text, circulated_text
from desktop.pages.unit_feedback import ReportCancelled, write_all_feedback
from desktop.pages.visit_round_options import add_visit_round_options, apply_visit_round_options
from desktop.widgets.asking import run_dialog
from desktop.widgets.date_edit import DateEdit
from desktop.widgets.slots import widget_slot
from models.enums import ProblemStatus
from models.output_folder import default_output_folder
from models.security.audit import log_event

# kind, formats offered (the first is the default)
OUTPUTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ledger", ("xlsx", "docx", "pdf")),
    ("notice", ("docx", "pdf")),
    ("criticism-notice", ("docx", "pdf")),
    ("unit-feedback", ("pdf",)),
    ("county-summary", ("docx", "pdf")),
    ("rankings", ("xlsx", "docx", "pdf")),
    ("appraisal", ("xlsx",)),
    ("overdue", ("xlsx", "docx", "pdf")),
    ("visit-round", ("docx", "pdf")),
    ("reminder", ("docx", "pdf")),
    ("assignment", ("docx", "pdf")),
    ("exposure", ("docx", "pdf")),
)
# the CLI's defaults too
ALL_CAMPAIGNS_BY_DEFAULT = ("county-summary", "overdue", "visit-round", "reminder")
FOLDER_OUTPUTS = ("unit-feedback", "reminder", "assignment")  # one file per unit, into a folder

translate = QCoreApplication.translate  # lupdate reads translate("ReportsPage", ...)


def default_folder() -> Path:
    """Documents, made when missing (else home): never a dialog on a folder that is not there."""
    return default_output_folder(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


async def ask_save_path(parent: QWidget, title: str, suggested: Path, fmt: str) -> Path | None:
    """The Save as… dialog; the extension of the chosen format is added when missing."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("reportFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters([format_filter(fmt)])
    dialog.selectFile(str(suggested))
    if not await run_dialog(dialog) or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")


async def ask_folder(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """The folder chooser of the unit-feedback run (one PDF per unit goes into it)."""
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("reportFolderDialog")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setDirectory(str(suggested))
    if not await run_dialog(dialog) or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def format_filter(fmt: str) -> str:
    return {"xlsx": translate("ReportsPage", "Excel workbook (*.xlsx)"),
            "docx": translate("ReportsPage", "Word document (*.docx)"),
            "pdf": translate("ReportsPage", "PDF document (*.pdf)")}[fmt]


class ReportsPage(Page):
    """The office's documents, one row each."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.rows: dict[str, dict] = {}
        self.last_paths: dict[str, list[Path]] = {}
        self.ops: dict[str, Op] = {}  # the last op of each row (its ticket: progress, cancel)
        self.enrolled = False
        self._loaded = False

        heading = QLabel(self.title(), objectName="sectionHeading")
        intro = QLabel(self.tr("Each output is written from the records in this store. Public "
                               "outputs leave out secret-visit details, informants and "
                               "criticisms that are not circulated."), objectName="reportsIntro")
        intro.setWordWrap(True)
        grid_host = QWidget()
        self.grid = QGridLayout(grid_host)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(10)
        for col, text in enumerate((self.tr("Output"), self.tr("Filters"), self.tr("Format"))):
            label = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(label, 0, col)
        # Criticisms are kept at headquarters only (office devices never hold them); the
        # visit-round report needs the findings, which offices do not hold either.
        needs = {"criticism-notice": "criticisms", "visit-round": "findings",
                 "exposure": "accountability"}
        outputs = [(kind, formats) for kind, formats in OUTPUTS
                   if kind not in needs or needs[kind] in session.visible_pages()]
        if not offers_assignment(session):  # HQ alone assigns problems to their units
            outputs = [(kind, formats) for kind, formats in outputs if kind != "assignment"]
        for i, (kind, formats) in enumerate(outputs, start=1):
            self._add_row(i, kind, formats)
        self.grid.setColumnStretch(1, 1)
        self.grid.setRowStretch(len(outputs) * 2 + 1, 1)
        scroll = QScrollArea(objectName="reportsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)

    def names(self) -> dict[str, tuple[str, str]]:
        return {
            "ledger": (self.tr("Rectification ledger"),
                       self.tr("Problems with measures, deadlines and status, in the "
                               "customary layout.")),
            "notice": (self.tr("Public notice of rectification"),
                       self.tr("Problems, measures, deadlines and who answers for them, "
                               "with everything confidential removed.")),
            "criticism-notice": (self.tr("Circulated criticism notice"),
                                 self.tr("The circulated criticisms decided in the period "
                                         "that are not yet in a notice.")),
            "unit-feedback": (self.tr("Unit feedback, all units"),
                              self.tr("One PDF per evaluated unit: results, reasons, "
                                      "opinions and open problems.")),
            "county-summary": (self.tr("County summary"),
                               self.tr("The year's figures with charts.")),
            "rankings": (self.tr("Rankings"),
                         self.tr("Units ranked within each appraisal category with their "
                                 "bands, and per group; top and bottom lists.")),
            "appraisal": (self.tr("Appraisal points"),
                          self.tr("Each ranked unit's score as the appraisal's points, with "
                                  "its category, rank and band.")),
            "overdue": (self.tr("Overdue and upcoming deadlines"),
                        self.tr("Problems past their deadline or due within a week.")),
            "visit-round": (self.tr("Visit-round report"),
                            self.tr("Per unit: the visits made, what they found and what was "
                                    "done, with no time, place or team of a secret visit.")),
            "reminder": (self.tr("Reminder notices"),
                         self.tr("One notice per unit with problems overdue or due within "
                                 "the office's days, each with its days.")),
            "assignment": (self.tr("Assignment notices"),
                           self.tr("One notice per unit with its new problems, deadlines and "
                                   "responsible persons; a confidential one by its assignment "
                                   "text.")),
            "exposure": (self.tr("Discipline exposure notice"),
                         self.tr("The accountability cases ticked for publication: unit, "
                                 "person, violation, outcome and date.")),
        }

    # --- building the rows ----------------------------------------------------------------
    def _add_row(self, i: int, kind: str, formats: tuple[str, ...]) -> None:
        name, hint = self.names()[kind]
        label = QLabel(f"<b>{name}</b><br><span style='color:#555'>{hint}</span>",
                       objectName=f"reportLabel_{kind}")
        label.setWordWrap(True)
        label.setMinimumWidth(260)
        label.setMaximumWidth(380)
        row: dict = {"kind": kind}
        options = QWidget()
        box = QHBoxLayout(options)
        box.setContentsMargins(0, 0, 0, 0)
        if kind not in ("criticism-notice", "exposure", "assignment"):  # no campaign filter
            row["campaign"] = QComboBox(objectName=f"campaign_{kind}")
            row["campaign"].setMinimumWidth(180)
            box.addWidget(QLabel(self.tr("Campaign")))
            box.addWidget(row["campaign"])
        if kind == "ledger":
            row["status"] = QComboBox(objectName="ledgerStatus")
            row["status"].addItem(self.tr("Any status"), None)
            for value, text in choices(ProblemStatus):
                row["status"].addItem(text, value)
            row["overdue"] = QCheckBox(self.tr("Overdue only"), objectName="ledgerOverdue")
            box.addWidget(QLabel(self.tr("Status")))
            box.addWidget(row["status"])
            box.addWidget(row["overdue"])
        if kind == "notice":
            add_notice_options(row, box)
        if kind == "visit-round":
            add_visit_round_options(row, box)
        if kind == "criticism-notice":
            today = QDate.currentDate()
            row["from"] = DateEdit(QDate(today.year(), 1, 1), objectName="criticismFrom")
            row["to"] = DateEdit(today, objectName="criticismTo")
            for edit in (row["from"], row["to"]):
                edit.setCalendarPopup(True)
                edit.setDisplayFormat("yyyy-MM-dd")
            row["hq_number"] = QCheckBox(self.tr("Number from headquarters"),
                                         objectName="criticismHqNumber")
            row["hq_number"].setToolTip(self.tr("Without it the number is left blank, to be "
                                                "filled in when headquarters issues it."))
            row["hq_number"].setEnabled(False)
            # HQ, which records every numbered notice, leaves out what one already circulated.
            row["include_circulated"] = QCheckBox(self.tr("Include criticisms already "
                                                          "circulated"),
                                                  objectName="criticismIncludeCirculated")
            row["include_circulated"].setToolTip(self.tr(
                "Circulate again the criticisms an earlier notice already circulated. "
                "Headquarters checks this when it numbers the notice."))
            row["include_circulated"].setEnabled(False)
            row["hq_number"].toggled.connect(
                lambda on, r=row: r["include_circulated"].setEnabled(
                    on and r["hq_number"].isEnabled()))
            box.addWidget(QLabel(self.tr("Decided from")))
            box.addWidget(row["from"])
            box.addWidget(QLabel(self.tr("to")))
            box.addWidget(row["to"])
            box.addWidget(row["hq_number"])
            box.addWidget(row["include_circulated"])
        if kind == "reminder":
            add_reminder_options(row, box)
        if kind == "assignment":
            add_assignment_options(row, box)
        if kind == "exposure":
            add_exposure_options(row, box)
        box.addStretch(1)
        row["format"] = QComboBox(objectName=f"format_{kind}")
        for fmt in formats:
            row["format"].addItem(fmt.upper(), fmt)
        row["format"].setEnabled(len(formats) > 1)
        text = self.tr("Choose folder…") if kind in FOLDER_OUTPUTS else self.tr("Save as…")
        row["button"] = QPushButton(text, objectName=f"save_{kind}")
        row["button"].clicked.connect(lambda _=False, k=kind: self.save(k))
        row["result"] = QLabel("", objectName=f"result_{kind}")
        row["result"].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row["result"].setWordWrap(True)
        r = i * 2 - 1
        self.grid.addWidget(label, r, 0)
        self.grid.addWidget(options, r, 1)
        self.grid.addWidget(row["format"], r, 2)
        self.grid.addWidget(row["button"], r, 3)
        self.grid.addWidget(row["result"], r + 1, 1, 1, 3)
        self.rows[kind] = row

    def _fill_campaigns(self) -> None:
        campaigns = self.session.reference.campaigns  # latest first
        for kind, row in self.rows.items():
            combo = row.get("campaign")
            if combo is None:
                continue
            current = combo.currentData()
            combo.clear()
            if kind in ALL_CAMPAIGNS_BY_DEFAULT or not campaigns:
                combo.addItem(self.tr("All campaigns"), None)
            for c in campaigns:
                combo.addItem(c["name"], c["name"])
            found = combo.findData(current)
            combo.setCurrentIndex(found if found >= 0 else 0)

    # --- page -----------------------------------------------------------------------------
    def first_show(self) -> None:
        self._fill_campaigns()
        self._load()

    def refresh(self) -> None:
        if self._activated:
            self._fill_campaigns()

    def is_ready(self) -> bool:
        return self._loaded

    @widget_slot()
    async def _load(self) -> None:
        from desktop.data.sync_status import is_enrolled

        try:
            self.enrolled = not self.session.is_demo and bool(await self.session.read(
                is_enrolled))
        finally:
            self._loaded = True
        if "criticism-notice" in self.rows:
            box = self.rows["criticism-notice"]["hq_number"]
            box.setEnabled(self.enrolled)
            box.setChecked(self.enrolled)
            self.rows["criticism-notice"]["include_circulated"].setEnabled(
                self.enrolled and box.isChecked())
        for kind in ("reminder", "exposure"):
            if kind in self.rows:
                self.rows[kind]["hq_number"].setEnabled(self.enrolled)
                self.rows[kind]["hq_number"].setChecked(self.enrolled)

    # --- producing ------------------------------------------------------------------------
    def request(self, kind: str, out: Path):
        """The `ReportRequest` of a row as its widgets are set."""
        from reports.outputs import ReportRequest

        row = self.rows[kind]
        req = ReportRequest(out=out, fmt=None if kind == "unit-feedback"
                            else row["format"].currentData())
        if "campaign" in row:
            req.campaign = row["campaign"].currentData()
        if kind == "ledger":
            status = row["status"].currentData()
            req.status = [status] if status else []
            req.overdue = row["overdue"].isChecked()
        if kind == "notice":
            apply_notice_options(row, req)
        if kind == "visit-round":
            apply_visit_round_options(row, req)
        if kind == "criticism-notice":
            req.date_from = row["from"].date().toPython()
            req.date_to = row["to"].date().toPython()
            req.include_circulated = row["include_circulated"].isChecked()
            if row["hq_number"].isEnabled() and row["hq_number"].isChecked():
                req.number_from_hq = self._hq_numbering(req)
        return req

    def _hq_numbering(self, req):
        """The page's one call to HQ: the number of a criticism notice (run on the background
        lane by `_ask_hq_first`)."""
        store, transport = self.session.store, self.session.sync_transport

        def ask(criticism_ids: list[str]):
            from desktop.data.hq_numbers import issue_number

            return issue_number(store, prefix=req.prefix, year=req.today.year,
                                criticism_ids=criticism_ids,
                                include_circulated=req.include_circulated,
                                transport=transport)

        return ask

    def suggested_path(self, kind: str) -> Path:
        name = self.names()[kind][0]
        safe = "".join(ch for ch in name if ch not in '\\/:*?"<>|').strip() or kind
        fmt = self.rows[kind]["format"].currentData()
        return default_folder() / f"{safe} {date.today().isoformat()}.{fmt}"

    @widget_slot()
    async def save(self, kind: str) -> list[Path] | None:
        """Ask where, generate on the DB worker, and say where the file(s) went."""
        name = self.names()[kind][0]
        if kind == "unit-feedback":
            out = await ask_folder(self, self.tr("Folder for the unit feedback"),
                                   default_folder())
        elif kind == "reminder":
            out = await ask_folder(self, self.tr("Folder for the reminder notices"),
                                   default_folder())
        elif kind == "assignment":
            out = await ask_folder(self, self.tr("Folder for the assignment notices"),
                                   default_folder())
        else:
            out = await ask_save_path(self, self.tr("Save %1").replace("%1", name),
                                      self.suggested_path(kind),
                                      self.rows[kind]["format"].currentData())
        if out is None:
            return None
        return await self.generate(kind, out)

    async def generate(self, kind: str, out: Path) -> list[Path] | None:
        with errors_shown(self) as reading:
            req = self.request(kind, out)
        if reading.failed:
            return None
        self._busy(kind, True)
        written: list[list[Path]] = []
        label = self.tr("Writing unit feedback…") if kind == "unit-feedback" else None
        op = self.ops[kind] = Op(self, self.session, lambda t: self._produce(t, kind, req),
                                 success=written.append, label=label,
                                 cancellable=kind == "unit-feedback",
                                 failure=lambda exc: self._failed(kind, out, exc))
        await op.run()
        self._busy(kind, False)
        if not written:
            return None
        self._written(kind, out, req, written[0])
        return written[0]

    async def _produce(self, ticket: Ticket, kind: str, req) -> list[Path]:
        """The op's work: reads on the database lane, HQ and unit feedback's rendering on the
        background lane, then the export in the audit trail."""
        from reports.outputs import produce, with_office_settings

        # The issuer and the number prefix HQ set (office settings), before HQ is asked.
        await ticket.read(lambda conn: with_office_settings(conn, req))
        if kind == "unit-feedback":
            paths = await write_all_feedback(ticket, req)
        elif kind == "assignment":
            paths = await issue_assignment(ticket, self.session, req)
        else:
            if kind == "reminder":
                await number_reminders(ticket, self.session, req, self.rows[kind])
            if kind == "exposure":
                await number_exposure(ticket, self.session, req, self.rows[kind])
            else:  # the criticism notice's number
                await self._ask_hq_first(ticket, req)
            paths = await ticket.read(lambda conn: produce(kind, conn, req))
        s = self.session
        details = {"report": kind, "files": len(paths),
                   "format": paths[0].suffix.lower() if paths else ""}
        await s.worker.run(lambda: log_event(s.store, "export", profile=s.profile,
                                             details=details))
        return paths

    async def _ask_hq_first(self, ticket: Ticket, req) -> None:
        """Ask HQ for the notice's number before the notice is built, so the store is never
        held while HQ answers; the notice then takes the answer."""
        ask = req.number_from_hq
        if ask is None:
            return
        from reports.criticism import chosen_criticisms

        ids = await ticket.read(lambda conn: [c["id"] for c in chosen_criticisms(
            conn, ids=req.ids, date_from=req.date_from, date_to=req.date_to)])
        answer = await ticket.background(ask, ids)
        req.number_from_hq = lambda _ids: answer

    def _failed(self, kind: str, out: Path, exc: BaseException) -> None:
        if not isinstance(exc, ReportCancelled | OpCancelled):
            show_error(self, exc)
            return
        if isinstance(exc, OpCancelled):
            text = self.tr("Stopped: no unit report was written.")
        else:
            done, total = exc.args
            text = self.tr("Stopped: %1 of %2 unit reports were written to %3.") \
                .replace("%1", str(done)).replace("%2", str(total)).replace("%3", str(out))
        self.rows[kind]["result"].setText(text)
        self._tell(self.tr("Unit feedback stopped"), text, out)

    def _written(self, kind: str, out: Path, req, paths: list[Path]) -> None:
        row = self.rows[kind]
        self.last_paths[kind] = paths
        if kind == "assignment":
            text = assignments_text(len(paths), out, req.assigned)
            row["result"].setText(text)
            self._tell(self.tr("%1 written").replace("%1", self.names()[kind][0]), text,
                       out if paths else None)
            return
        if kind == "unit-feedback":
            text = self.tr("%1 unit reports written to %2.").replace("%1", str(len(paths))) \
                .replace("%2", str(out))
        else:
            text = self.tr("Written to %1.").replace("%1", str(paths[0]))
        if kind == "criticism-notice":
            text = f"{text} {circulated_text(req)}"
        if kind == "notice":
            text = f"{text} {notice_text(req)}"
        if req.campaign_left_out is not None:
            text = f"{text} {campaign_left_out_text(req.campaign_left_out)}"
        row["result"].setText(text)
        if kind == "reminder":
            text = reminders_text(len(paths), out)
        folder = out if kind in FOLDER_OUTPUTS else paths[0].parent
        self._tell(self.tr("%1 written").replace("%1", self.names()[kind][0]), text, folder)

    def _busy(self, kind: str, busy: bool) -> None:
        row = self.rows[kind]
        row["button"].setEnabled(not busy)
        if busy:
            row["result"].setText(self.tr("Writing…"))

    def _tell(self, title: str, text: str, folder: Path | None = None) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("reportDone")
        if folder is not None:  # the next step is nearly always to open or send the file
            show = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
            show.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        box.open()
