"""The dashboard's chase panel (issue 14 §3): the units with the most overdue problems, and at
HQ or the office the units listed as candidates for accountability (at least K problems past
their deadline unrectified in one campaign, K from the office settings).

Both lists come from models.stats (overdue_by_unit, accountability_candidates), the queries the
documents and `fieldinspect stats` read too; this widget only draws them. Where cases are kept
(HQ), "Open a case…" asks for a case against the selected candidate (`case_requested`)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

TOP_UNITS = 10  # the panel shows the worst units; the overdue list (report) holds them all


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        table.horizontalHeader().setSectionResizeMode(
            column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)


class OverduePanel(QWidget):
    case_requested = Signal(dict)  # a candidate: {unit_id, campaign_id, overdue, problem_ids}

    def __init__(self, show_candidates: bool, parent=None, *, opens_cases: bool = False) -> None:
        super().__init__(parent)
        self.show_candidates = show_candidates
        self.candidates: list[dict] = []
        self.overdue_title = QLabel(self.tr("Overdue by unit"), objectName="panelTitle")
        self.overdue_table = _table("overdueByUnit", [self.tr("Unit"), self.tr("Overdue")])
        self.candidates_title = QLabel(objectName="candidatesTitle")
        self.candidates_title.setWordWrap(True)
        self.candidates_table = _table("accountabilityCandidates",
                                       [self.tr("Unit"), self.tr("Campaign"), self.tr("Overdue")])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.overdue_title)
        layout.addWidget(self.overdue_table, 1)
        layout.addWidget(self.candidates_title)
        layout.addWidget(self.candidates_table, 1)
        self.open_case_button = QPushButton(self.tr("Open a case…"), objectName="openCase")
        self.open_case_button.setToolTip(self.tr(
            "A case against the selected unit, linked to its overdue problems."))
        self.open_case_button.setEnabled(False)
        self.open_case_button.clicked.connect(self._open_case)
        self.candidates_table.itemSelectionChanged.connect(
            lambda: self.open_case_button.setEnabled(self.selected_candidate() is not None))
        layout.addWidget(self.open_case_button)
        self.candidates_title.setVisible(show_candidates)
        self.candidates_table.setVisible(show_candidates)
        self.open_case_button.setVisible(show_candidates and opens_cases)

    def selected_candidate(self) -> dict | None:
        rows = self.candidates_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.candidates):
            return None
        return self.candidates[rows[0].row()]

    def _open_case(self) -> None:
        candidate = self.selected_candidate()
        if candidate is not None and candidate.get("problem_ids"):
            self.case_requested.emit(candidate)

    def set_data(self, overdue_units: list[dict], candidates: dict | None,
                 labels: dict[str, str], campaigns: dict[str, str]) -> None:
        def unit(row: dict) -> str:
            return labels.get(row["unit_id"]) or row["unit_name"]

        _fill(self.overdue_table, [[unit(r), str(r["overdue"])]
                                   for r in overdue_units[:TOP_UNITS]])
        if not self.show_candidates or candidates is None:
            return
        title = (self.tr("Accountability candidates (%1 or more overdue in a campaign)")
                 if candidates["units"] else
                 self.tr("Accountability candidates: no unit has %1 or more overdue in a "
                         "campaign"))
        self.candidates_title.setText(title.replace("%1", str(candidates["threshold"])))
        self.candidates = list(candidates["units"])
        _fill(self.candidates_table, [
            [unit(r), campaigns.get(r["campaign_id"], ""), str(r["overdue"])]
            for r in candidates["units"]])
