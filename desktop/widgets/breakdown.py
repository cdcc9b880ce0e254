"""One breakdown of the Trends page (issue 15 §3): a QtCharts bar chart of one figure per key
and a table of every figure, from rows of models.trends (or of models.comparison)."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QAbstractTableModel, QMargins, QModelIndex, Qt
from PySide6.QtGui import QColor, QPainter

from desktop.widgets.ranking import _short, _unique


@dataclass(frozen=True)
class Column:
    header: str  # already translated
    text: Callable[[dict], str]


class BreakdownTableModel(QAbstractTableModel):
    """Rows of a breakdown, each column a (header, text of a row) pair."""

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return self.columns[section].header
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (role != Qt.ItemDataRole.DisplayRole or not index.isValid()
                or not 0 <= index.row() < len(self.rows)
                or not 0 <= index.column() < len(self.columns)):
            return None
        try:
            return self.columns[index.column()].text(self.rows[index.row()])
        except (KeyError, TypeError, ValueError):
            return ""


class BreakdownChartView(QChartView):
    """Vertical bars: one value per key (None drawn as 0)."""

    def __init__(self, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(f"breakdownChart_{name}")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.shown: list[str] = []
        self.setChart(QChart())

    def set_bars(self, title: str, series_name: str, labels: list[str],
                 values: list[float | None], top: float | None = None) -> None:
        self.shown = list(labels)
        bars = QBarSet(series_name)
        bars.setColor(QColor("#2f6fb0"))
        for value in values:
            bars.append(value or 0)
        series = QBarSeries()
        series.append(bars)
        chart = QChart()
        chart.setTitle(title)
        chart.addSeries(series)
        chart.setMargins(QMargins(4, 4, 4, 4))
        axis_x = QBarCategoryAxis()
        axis_x.append(_unique([_short(text, 10) for text in labels]))
        axis_x.setTruncateLabels(False)
        axis_y = QValueAxis()
        axis_y.setRange(0, top if top is not None else max([1, *(v or 0 for v in values)]))
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        chart.legend().setVisible(False)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
