"""HQ's answers to the units (issue 14 §2): the rectification reports that say a problem is
fixed, to accept (验收) or return with a reason (退回), with the photos the unit sent; and the
requests for a later deadline (延期申请), to approve or refuse with a reason.

Reads through desktop.data.acceptance, answers through models.acceptance on the store lane
(store_op); the committed tables reload the page."""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.data.acceptance import answers_awaited
from desktop.labels import label_of
from desktop.operations import store_op
from desktop.pages.base import ReloadingPage
from desktop.pages.report_photos import ReportPhotos
from desktop.widgets.asking import ask_text
from desktop.widgets.slots import widget_slot
from models import acceptance
from models.enums import ProblemStatus


def answer_table(name: str, headers: list[str], stretch: tuple[int, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)


def _day(value) -> str:
    return value.isoformat() if value else ""


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


class AcceptancePage(ReloadingPage):
    tables_shown = frozenset({"rectification_report", "extension_request", "problem", "unit",
                              "attachment"})

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.reports: list[dict] = []
        self.requests: list[dict] = []
        self.loaded = False
        self.tabs = QTabWidget(objectName="acceptanceTabs")
        self.tabs.addTab(self._reports_tab(), "")
        self.tabs.addTab(self._requests_tab(), "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._tab_titles()

    # --- building ------------------------------------------------------------------------------
    def _reports_tab(self) -> QWidget:
        self.reports_table = answer_table("reportsTable", [
            self.tr("Unit"), self.tr("Problem"), self.tr("What was done"), self.tr("Completed"),
            self.tr("Reported by"), self.tr("Photos")], stretch=(1, 2))
        self.reports_table.itemSelectionChanged.connect(self._report_selected)
        self.photos = ReportPhotos(self.session, self)
        self.accept_button = QPushButton(self.tr("Accept…"), objectName="acceptReport")
        self.accept_button.setToolTip(self.tr(
            "The problem becomes verified, rectified on the day the unit completed it."))
        self.accept_button.clicked.connect(self.accept_report)
        self.return_button = QPushButton(self.tr("Return…"), objectName="returnReport")
        self.return_button.setToolTip(self.tr(
            "The problem goes back to rectifying; the unit reads your reason."))
        self.return_button.clicked.connect(self.return_report)
        self.reports_hint = QLabel(objectName="reportsHint")
        self.reports_hint.setWordWrap(True)
        body = QHBoxLayout()
        body.addWidget(self.reports_table, 1)
        body.addWidget(self.photos)
        return self._tab(body, self.reports_hint, [self.accept_button, self.return_button])

    def _requests_tab(self) -> QWidget:
        self.requests_table = answer_table("requestsTable", [
            self.tr("Unit"), self.tr("Problem"), self.tr("Deadline"), self.tr("New deadline"),
            self.tr("Reason"), self.tr("Requested by"), self.tr("Requested on")], stretch=(1, 4))
        self.requests_table.itemSelectionChanged.connect(self._buttons)
        self.approve_button = QPushButton(self.tr("Approve"), objectName="approveExtension")
        self.approve_button.setToolTip(self.tr(
            "The problem's deadline becomes the one requested."))
        self.approve_button.clicked.connect(self.approve_request)
        self.refuse_button = QPushButton(self.tr("Refuse…"), objectName="refuseExtension")
        self.refuse_button.clicked.connect(self.refuse_request)
        self.requests_hint = QLabel(objectName="requestsHint")
        self.requests_hint.setWordWrap(True)
        body = QHBoxLayout()
        body.addWidget(self.requests_table, 1)
        return self._tab(body, self.requests_hint, [self.approve_button, self.refuse_button])

    @staticmethod
    def _tab(body, hint: QLabel, buttons: list[QPushButton]) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addLayout(body, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return tab

    def _tab_titles(self) -> None:
        self.tabs.setTabText(0, self.tr("Awaiting acceptance (%1)").replace(
            "%1", str(len(self.reports))))
        self.tabs.setTabText(1, self.tr("Extension requests (%1)").replace(
            "%1", str(len(self.requests))))

    # --- loading -------------------------------------------------------------------------------
    def is_ready(self) -> bool:
        return self.loaded

    @widget_slot()
    async def reload(self) -> None:
        await store_op(self, self.session, answers_awaited, success=self._loaded).run()

    def _loaded(self, found: dict) -> None:
        self.reports, self.requests = found["reports"], found["requests"]
        labels = self.session.reference.unit_labels()

        def unit(row: dict) -> str:
            return labels.get(row["unit_id"]) or row["unit_path"]
        fill_table(self.reports_table, [
            [unit(r), _one_line(r["description"]), _one_line(r["what_done"]),
             _day(r["completed_on"]), r["reported_by"], str(r["photos"])] for r in self.reports])
        fill_table(self.requests_table, [
            [unit(r), _one_line(r["description"]), _day(r["deadline"]),
             _day(r["requested_deadline"]), _one_line(r["reason"]), r["requested_by"],
             _day(r["requested_on"])] for r in self.requests])
        self.reports_hint.setText(self.tr(
            "Reports in which a unit says a problem is rectified. Accept one to verify the "
            "problem; return it with a reason to send the problem back to rectifying.")
            if self.reports else self.tr("No report awaits acceptance."))
        self.requests_hint.setText(self.tr(
            "Units asking for a later deadline. An approved request moves the problem's "
            "deadline and keeps the problem off the accountability list.")
            if self.requests else self.tr("No request for a later deadline awaits a decision."))
        self._tab_titles()
        self._report_selected()
        self.loaded = True

    # --- selection -----------------------------------------------------------------------------
    @staticmethod
    def _selected(table: QTableWidget, rows: list[dict]) -> dict | None:
        chosen = table.selectionModel().selectedRows()
        return rows[chosen[0].row()] if chosen and chosen[0].row() < len(rows) else None

    def selected_report(self) -> dict | None:
        return self._selected(self.reports_table, self.reports)

    def selected_request(self) -> dict | None:
        return self._selected(self.requests_table, self.requests)

    def _report_selected(self) -> None:
        report = self.selected_report()
        self.photos.show_report(report["id"] if report else None)
        self._buttons()

    def _buttons(self) -> None:
        for button in (self.accept_button, self.return_button):
            button.setEnabled(self.selected_report() is not None)
        for button in (self.approve_button, self.refuse_button):
            button.setEnabled(self.selected_request() is not None)

    # --- answering ---------------------------------------------------------------------------
    def _answer(self, work) -> None:
        store_op(self, self.session, work, write=True, success=lambda _: self._answered()).run()

    def _answered(self) -> None:
        if self.session.change_hub is None:  # in a window, the committed tables reload it
            self.reload()
        self.records_changed.emit()

    @widget_slot()
    async def accept_report(self) -> None:
        report = self.selected_report()
        if report is None:
            return
        note = await ask_text(self, self.tr("Accept report"), self.tr(
            "The problem becomes %1. HQ's note on the check (optional):").replace(
            "%1", label_of(ProblemStatus, ProblemStatus.VERIFIED)))
        if note is not None:
            self._answer(lambda w: acceptance.accept_report(w, report["id"], note))

    @widget_slot()
    async def return_report(self) -> None:
        report = self.selected_report()
        if report is None:
            return
        reason = await ask_text(self, self.tr("Return report"), self.tr(
            "Why is the report returned? The unit reads this."))
        if reason is not None:
            self._answer(lambda w: acceptance.return_report(w, report["id"], reason))

    @widget_slot()
    async def approve_request(self) -> None:
        request = self.selected_request()
        if request is not None:
            self._answer(lambda w: acceptance.approve_extension(w, request["id"]))

    @widget_slot()
    async def refuse_request(self) -> None:
        request = self.selected_request()
        if request is None:
            return
        reason = await ask_text(self, self.tr("Refuse request"), self.tr(
            "Why is the later deadline refused? The unit reads this."))
        if reason is not None:
            self._answer(lambda w: acceptance.refuse_extension(w, request["id"], reason))

