"""The liaison's page (issue 14 §2): its unit's problems, overdue and due-soon first, and what
it does with one — sign for it (签收), ask for a later deadline (延期申请), report what was done
(整改报告) — with HQ's answers beside it (the extension's decision, the report's acceptance or
the reason it was returned).

Reads come from desktop/data/unit_problems.py on the database lane; every write is a
`store_op` there too (models/unit_reports.py), so the window never waits on the store.
"""

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.data.unit_problems import DUE_SOON, OVERDUE, problem_history, unit_problems
from desktop.labels import label_of
from desktop.operations import store_op
from desktop.pages.base import Page
from desktop.pages.liaison_dialogs import ExtensionDialog, ReportDialog
from desktop.widgets.slots import widget_slot
from models import unit_reports
from models.enums import ExtensionDecision, FindingCategory, ProblemStatus, ReportReview
from models.office_settings import read_office_settings
from models.timeutil import local_today

OVERDUE_COLOUR, DUE_SOON_COLOUR = QColor("#b42318"), QColor("#b54708")
COL_PROBLEM, COL_DEADLINE, COL_OVERDUE, COL_STATUS, COL_SIGNED, COL_REPORT, COL_ANSWER = range(7)


def _read(conn) -> dict:
    return {"problems": unit_problems(conn, local_today()),
            "due_soon_days": read_office_settings(conn)["due_soon_days"]}


def problem_text(row: dict) -> str:
    """What the unit reads of a problem: the assignment text or description HQ sent; for a
    confidential problem HQ has not written an assignment text for yet (its description is
    withheld), the category of what was found, never an empty line."""
    return row["text"] or label_of(FindingCategory, row.get("source_category"))


class OurProblemsPage(Page):
    tables_shown = frozenset({"problem", "problem_receipt", "extension_request",
                              "rectification_report", "attachment", "unit", "office_settings"})

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.rows: list[dict] = []
        self.loaded = False
        self.current_dialog = None
        self.hint = QLabel(objectName="hint")
        self.hint.setWordWrap(True)
        self.table = self._make_table()
        self.detail = QTextBrowser(objectName="problemDetail")
        self.detail.setOpenLinks(False)
        self.sign_button = QPushButton(self.tr("Sign for it"), objectName="signFor")
        self.extension_button = QPushButton(self.tr("Request an extension…"),
                                            objectName="requestExtension")
        self.report_button = QPushButton(self.tr("Report…"), objectName="submitReport")
        self.sign_button.clicked.connect(self.sign_for)
        self.extension_button.clicked.connect(self.request_extension)
        self.report_button.clicked.connect(self.report)
        buttons = QHBoxLayout()
        for button in (self.sign_button, self.extension_button, self.report_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Details and HQ's answers"), objectName="panelTitle"))
        side_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([940, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.table.itemSelectionChanged.connect(self.selection_changed)
        self.selection_changed()

    def _make_table(self) -> QTableWidget:
        headers = [self.tr("Problem"), self.tr("Deadline"), self.tr("Days overdue"),
                   self.tr("Status"), self.tr("Signed for"), self.tr("Latest report"),
                   self.tr("HQ's answer")]
        table = QTableWidget(0, len(headers), objectName="ourProblems")
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_PROBLEM, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # HQ's answer can be a paragraph: a fixed width, the whole text in its tooltip and in
        # the detail panel, so the problem keeps the room.
        header.setSectionResizeMode(COL_ANSWER, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(COL_ANSWER, 200)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setWordWrap(False)
        return table

    # --- loading ------------------------------------------------------------------------------
    def first_show(self) -> None:
        self.load()

    def refresh(self) -> None:
        if self._activated:
            self.load()

    def is_ready(self) -> bool:
        return self.loaded

    @widget_slot()
    async def load(self) -> None:
        chosen = self.selected()
        data = await self.session.read(_read)
        self.rows = data["problems"]
        overdue = sum(1 for r in self.rows if r["group"] == OVERDUE)
        soon = sum(1 for r in self.rows if r["group"] == DUE_SOON)
        self.hint.setText(self.tr(
            "Problems: %1. Overdue: %2. Due within %4 days: %3. Overdue ones come first.")
            .replace("%1", str(len(self.rows))).replace("%2", str(overdue))
            .replace("%3", str(soon)).replace("%4", str(data["due_soon_days"])))
        self._fill()
        ids = [r["id"] for r in self.rows]
        if chosen is not None and chosen["id"] in ids:
            self.table.selectRow(ids.index(chosen["id"]))
        self.selection_changed()
        self.loaded = True

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = [problem_text(row), row["deadline"].isoformat() if row["deadline"] else "",
                     str(row["days_overdue"]) if row["days_overdue"] else "",
                     label_of(ProblemStatus, row["status"]),
                     row["signed_on"].isoformat() if row["signed_on"] else self.tr("Not yet"),
                     self._report_cell(row["report"]), self.answer_text(row)]
            colour = {OVERDUE: OVERDUE_COLOUR, DUE_SOON: DUE_SOON_COLOUR}.get(row["group"])
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if colour is not None and c in (COL_DEADLINE, COL_OVERDUE):
                    item.setForeground(QBrush(colour))
                self.table.setItem(r, c, item)

    def _report_cell(self, report: dict | None) -> str:
        if report is None:
            return self.tr("None yet")
        if report["completed_on"] is None:
            return self.tr("Progress, %1").replace("%1", report["reported_on"].isoformat())
        return label_of(ReportReview, report["review"])

    def answer_text(self, row: dict) -> str:
        """HQ's latest answer, in one line: a returned report's reason first (the liaison must
        act on it), then an extension's decision."""
        report, extension = row["report"], row["extension"]
        if report is not None and report["review"] == ReportReview.RETURNED:
            return self.tr("Returned: %1").replace("%1", report["review_reason"])
        if report is not None and report["review"] == ReportReview.ACCEPTED:
            return self.tr("Accepted")
        if extension is not None and extension["decision"] == ExtensionDecision.APPROVED:
            return self.tr("Extension approved to %1").replace(
                "%1", extension["requested_deadline"].isoformat())
        if extension is not None and extension["decision"] == ExtensionDecision.REFUSED:
            return self.tr("Extension refused: %1").replace("%1", extension["decision_reason"])
        if extension is not None:
            return self.tr("Extension requested, awaiting decision")
        return ""

    # --- the selected problem ------------------------------------------------------------------
    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    @widget_slot()
    async def selection_changed(self) -> None:
        row = self.selected()
        closed = row is not None and row["status"] == ProblemStatus.VERIFIED
        self.sign_button.setEnabled(row is not None and row["signed_on"] is None)
        self.extension_button.setEnabled(row is not None and not closed)
        self.report_button.setEnabled(row is not None and not closed)
        if row is None:
            self.detail.setPlainText(self.tr("Select a problem to see its details and what HQ "
                                             "answered."))
            return
        history = await self.session.read(lambda conn: problem_history(conn, row["id"]))
        if self.selected() is row:
            self.detail.setHtml(self.detail_html(row, history))

    def detail_html(self, row: dict, history: dict) -> str:
        """The problem as the unit reads it, then each request and report with HQ's answer."""
        e = html.escape
        deadline = row["deadline"].isoformat() if row["deadline"] else "—"
        parts = [f"<p><b>{e(problem_text(row))}</b></p>",
                 "<p>" + "<br>".join(e(line) for line in [
                     self.tr("Unit: %1").replace("%1", row["unit_name"] or ""),
                     self.tr("Assignment notice: %1").replace("%1", row["assignment_no"] or "—"),
                     self.tr("Deadline: %1").replace("%1", deadline),
                     self.tr("Status: %1").replace("%1", label_of(ProblemStatus, row["status"])),
                 ]) + "</p>"]
        for ext in history["extensions"]:
            parts.append("<p>" + "<br>".join(e(line) for line in self._extension_lines(ext))
                         + "</p>")
        for report in history["reports"]:
            parts.append("<p>" + "<br>".join(e(line) for line in self._report_lines(report))
                         + "</p>")
        return "".join(parts)

    def _extension_lines(self, ext: dict) -> list[str]:
        lines = [self.tr("Extension requested on %1 to %2: %3")
                 .replace("%1", ext["requested_on"].isoformat())
                 .replace("%2", ext["requested_deadline"].isoformat())
                 .replace("%3", ext["reason"]),
                 self.tr("HQ's decision: %1").replace(
                     "%1", label_of(ExtensionDecision, ext["decision"]))]
        if ext["decision_reason"]:
            lines.append(self.tr("HQ's reason: %1").replace("%1", ext["decision_reason"]))
        return lines

    def _report_lines(self, report: dict) -> list[str]:
        lines = [self.tr("Report of %1: %2").replace("%1", report["reported_on"].isoformat())
                 .replace("%2", report["what_done"])]
        if report["progress"]:
            lines.append(self.tr("Progress: %1").replace("%1", report["progress"]))
        if report["completed_on"] is not None:
            lines.append(self.tr("Completed on %1").replace(
                "%1", report["completed_on"].isoformat()))
            lines.append(self.tr("HQ's review: %1").replace(
                "%1", label_of(ReportReview, report["review"])))
        if report["review_reason"]:
            lines.append(self.tr("HQ's reason: %1").replace("%1", report["review_reason"]))
        if report["photos"]:
            lines.append(self.tr("Photos: %1").replace("%1", str(report["photos"])))
        return lines

    # --- actions -------------------------------------------------------------------------------
    @widget_slot()
    async def sign_for(self) -> None:
        row = self.selected()
        if row is None:
            return
        problem_id = row["id"]
        self.sign_button.setEnabled(False)
        if await store_op(self, self.session, lambda w: unit_reports.sign_for(w, problem_id),
                          write=True).run():
            await self.load()

    @widget_slot()
    async def request_extension(self) -> None:
        await self._open(ExtensionDialog)

    @widget_slot()
    async def report(self) -> None:
        await self._open(ReportDialog)

    async def _open(self, dialog_class) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = dialog_class(self.session, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.load)
        self.current_dialog = dialog
        dialog.open()
