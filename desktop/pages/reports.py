"""The office's outputs, one row each: the ledger, the public notice, the circulated criticism
notice, unit feedback for every unit, the county summary, the rankings and the overdue list.

Each row picks its filters and format, asks where to save, and generates the file(s) as an op
(desktop/operations.py) with `reports.outputs.produce` (the same code the command line and HQ
use); HQ is asked for a notice's number on the background lane, never while the store is held.
The unit-feedback run (desktop/pages/unit_feedback.py) reads in short steps and renders on the
background lane; its progress shows after a moment and it can be cancelled between two units."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.errors import show_error
from desktop.operations import Op, OpCancelled, Ticket, errors_shown
from desktop.pages.assignment_row import assignments_text, issue_assignment, offers_assignment
from desktop.pages.base import Page
from desktop.pages.exposure_row import number_exposure
from desktop.pages.notice_options import apply_notice_options, notice_text
from desktop.pages.reminder_row import number_reminders, reminders_text
from desktop.pages.report_files import ask_folder, ask_save_path, default_folder
from desktop.pages.report_results import campaign_left_out_text, circulated_text
from desktop.pages.report_rows import (
    ALL_CAMPAIGNS_BY_DEFAULT,
    FOLDER_OUTPUTS,
    OUTPUTS,
    add_row,
    output_names,
)
from desktop.pages.unit_feedback import ReportCancelled, write_all_feedback
from desktop.pages.visit_round_options import apply_visit_round_options
from desktop.pages.work_report_row import apply_work_report_options
from desktop.widgets.slots import widget_slot
from models.security.audit import log_event

__all__ = ["ALL_CAMPAIGNS_BY_DEFAULT", "OUTPUTS", "ReportsPage", "default_folder"]


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
            self.rows[kind] = add_row(self.grid, i, kind, formats, self.save)
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
        return output_names()

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
        if kind == "work-report":
            apply_work_report_options(row, req)
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
        if kind == "reminder" and not paths:  # no unit is due a reminder: no file, no folder
            text = messages.text("reminder_nothing_due")
            row["result"].setText(text)
            self._tell(self.names()[kind][0], text)
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
