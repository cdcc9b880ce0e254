"""The dashboard's criteria panel (issue 15 §1): the county's five criteria, each with its
satisfaction rate, weighted score and the forms that scored it.

The figures are `evaluations.criteria.county` of models.stats.county_stats (computed by
models.criteria, the same figures `stats --json`, the unit feedback and the county summary
give); this widget only draws them."""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.entry.level_keys import criterion_label
from desktop.widgets.ranking import pct, score
from models.enums import Criterion


class CriteriaPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("The five criteria (county)"), objectName="panelTitle")
        self.table = QTableWidget(len(Criterion), 4, objectName="criteriaTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Criterion"), self.tr("Satisfaction rate"), self.tr("Score"),
             self.tr("Forms")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        rows = self.table.verticalHeader().defaultSectionSize() * (len(Criterion) + 1)
        self.table.setFixedHeight(rows + 2 * self.table.frameWidth() + 2)

    def set_figures(self, county: dict) -> None:
        """`county`: {criterion: {forms, satisfaction_rate, weighted_score}}."""
        for row, criterion in enumerate(Criterion):
            f = county.get(criterion.value, {})
            cells = [criterion_label(criterion), pct(f.get("satisfaction_rate")) or "–",
                     score(f.get("weighted_score")) or "–", f"{f.get('forms', 0):,}"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)

    def rows(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and screenshots)."""
        return [[self.table.item(r, c).text() if self.table.item(r, c) else ""
                 for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]
