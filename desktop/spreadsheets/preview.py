"""The import dialog's two tables: the file's first rows as read (each header with the column it
is read as, rows with problems tinted) and the problems, row by row.

A problem is a code with arguments (models/messages), said in the window's language by
desktop/messages.py; its column is named as the file names it, or by its Chinese header in a
Chinese window (`models.imports.reading.column_label`), as the command line names it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop import messages
from models.errors import Problem
from models.imports.common import columns_of
from models.imports.reading import canonical_header, column_label

PROBLEM_BRUSH = QBrush(QColor("#fde2e1"))
MAX_COLUMN_WIDTH = 260


class PreviewTable(QTableWidget):
    def __init__(self, kind: str, parent=None) -> None:
        super().__init__(0, 0, parent)
        self.setObjectName("importPreview")
        self.kind = kind
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)

    def show_rows(self, header: list[str], rows: list, bad_rows: set) -> None:
        """`rows` are (spreadsheet row number, values); the numbers head the rows."""
        known = set().union(*columns_of(self.kind))
        self.clear()
        self.setColumnCount(len(header))
        self.setRowCount(len(rows))
        for col, text in enumerate(header):
            self.setHorizontalHeaderItem(col, QTableWidgetItem(f"{text}\n{self._read_as(text, known)}"))
        for r, (number, values) in enumerate(rows):
            self.setVerticalHeaderItem(r, QTableWidgetItem(str(number)))
            for col, value in enumerate(values[:len(header)]):
                item = QTableWidgetItem(value)
                if number in bad_rows:
                    item.setBackground(PROBLEM_BRUSH)
                self.setItem(r, col, item)
        self.resizeColumnsToContents()
        for col in range(self.columnCount()):
            self.setColumnWidth(col, min(self.columnWidth(col), MAX_COLUMN_WIDTH))

    def _read_as(self, text: str, known: set) -> str:
        key = canonical_header(text, self.kind)
        if key not in known:
            return self.tr("(not used)")
        label = column_label(self.kind, key, chinese=_chinese())
        # "表号 → 表号" says nothing: a tick says the header was understood.
        return "✓" if label == text.strip().lstrip("\ufeff") else f"→ {label}"

    def show_row(self, number: int | None) -> None:
        for r in range(self.rowCount()):
            header = self.verticalHeaderItem(r)
            if header is not None and header.text() == str(number):
                self.selectRow(r)
                self.scrollToItem(self.item(r, 0) or QTableWidgetItem())


class ProblemsTable(QTableWidget):
    row_chosen = Signal(object)  # the spreadsheet row number of the chosen problem

    def __init__(self, kind: str, parent=None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("importProblems")
        self.kind = kind
        self.problems: list[Problem] = []
        self.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnWidth(1, 140)
        self.itemSelectionChanged.connect(self._chosen)

    def show_problems(self, problems: list[Problem], headers: list[str] | None = None) -> None:
        """`headers`: the file's own, so that a column reads as the file names it."""
        self.problems = list(problems)
        self.setRowCount(len(problems))
        chinese = _chinese()
        for r, p in enumerate(problems):
            cells = ("" if p.row is None else str(p.row),
                     column_label(self.kind, p.field, headers or (), chinese=chinese),
                     messages.problem_text(p))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(r, col, item)

    def _chosen(self) -> None:
        rows = self.selectionModel().selectedRows()
        if rows and 0 <= rows[0].row() < len(self.problems):
            self.row_chosen.emit(self.problems[rows[0].row()].row)


def _chinese() -> bool:
    return messages.language() == messages.CHINESE
