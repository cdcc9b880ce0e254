"""The per-unit ranking: a small table model and a QtCharts bar chart of weighted scores.
The table lists units category after category (考评类别, models.rankings), each with its rank
within its category and its band (先进 / 合格 / 末位)."""

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QAbstractTableModel, QMargins, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPainter

from desktop.labels import label_of
from models.enums import AppraisalCategory

UNDER_SAMPLE_BRUSH = QBrush(QColor("#8a8a8a"))
LAST_BAND_BRUSH = QBrush(QColor("#b03a2e"))
COLUMNS = 7
CHART_UNITS = 15
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


def pct(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def score(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


class RankingTableModel(QAbstractTableModel):
    """Rows of `models.rankings.ranked_in_categories`; units under the minimum sample shown
    unranked."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict] = []
        self.paths: dict[str, str] = {}  # unit id → path, to tell same-named schools apart
        self._labels: dict[str, str] = {}  # unit id → "第二小学（白泥镇）" (Reference.unit_label)
        # Each row's seven cells as shown, made at its first paint: the view sizes the category
        # and band columns to their contents, asking every row's cells several times (~18,000
        # calls for 354 units at the dashboard's first drawing).
        self._shown: list[list[str] | None] = []

    @property
    def labels(self) -> dict[str, str]:
        return self._labels

    @labels.setter
    def labels(self, labels: dict[str, str]) -> None:
        self._labels = labels
        self._shown = [None] * len(self.rows)

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._shown = [None] * len(self.rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Rank"), self.tr("Unit"), self.tr("Forms"),
                self.tr("Satisfaction rate"), self.tr("Weighted score"),
                self.tr("Appraisal category"), self.tr("Band")]

    def band_text(self, band: str | None) -> str:
        return {"advanced": self.tr("Advanced"), "qualified": self.tr("Qualified"),
                "last": self.tr("Last band")}.get(band or "", "")

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < COLUMNS):
            return self.headers()[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == _DISPLAY:
            if not index.isValid() or not 0 <= index.row() < len(self.rows):
                return None
            shown = self._shown[index.row()]
            if shown is None:
                shown = self._shown[index.row()] = self._cells(self.rows[index.row()])
            return shown[index.column()]
        if role not in (_FOREGROUND, _TOOLTIP):
            return None
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == _FOREGROUND:
            if row["rank"] is None:
                return UNDER_SAMPLE_BRUSH
            return LAST_BAND_BRUSH if row.get("band") == "last" else None
        if index.column() == 1:
            return self.paths.get(row["unit_id"], row["unit_name"])
        if row["rank"] is None:
            return self.tr("Under the minimum sample: not ranked")
        return None

    def _cells(self, row: dict) -> list[str]:
        rank = str(row["rank"]) if row["rank"] is not None else self.tr("unranked")
        name = self._labels.get(row["unit_id"]) or row["unit_name"]
        return [rank, name, str(row["forms"]), pct(row["satisfaction_rate"]),
                score(row["weighted_score"]), label_of(AppraisalCategory, row.get("category")),
                self.band_text(row.get("band"))]


class RankingChartView(QChartView):
    """The lowest-scoring units (the ones to correct), under-sampled units in grey."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("rankingChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self.shown_units: list[str] = []
        self.setChart(QChart())

    def set_rows(self, rows: list[dict], labels: dict[str, str] | None = None) -> None:
        labels = labels or {}
        lowest = sorted(rows, key=lambda r: (r["weighted_score"], r["unit_name"]))[:CHART_UNITS]
        lowest.reverse()  # the lowest at the top of a horizontal chart
        self.shown_units = [labels.get(r["unit_id"]) or r["unit_name"] for r in lowest]
        ranked = QBarSet(self.tr("Ranked"))
        under = QBarSet(self.tr("Under the minimum sample"))
        ranked.setColor(QColor("#2f6fb0"))
        under.setColor(QColor("#b5b5b5"))
        for r in lowest:
            ranked.append(r["weighted_score"] if r["rank"] is not None else 0)
            under.append(r["weighted_score"] if r["rank"] is None else 0)
        series = QHorizontalStackedBarSeries()
        series.append(ranked)
        series.append(under)
        chart = QChart()
        chart.setTitle(self.tr("Lowest weighted scores by unit"))
        chart.addSeries(series)
        chart.setMargins(QMargins(4, 4, 4, 4))
        axis_y = QBarCategoryAxis()
        axis_y.append(_unique([_short(n) for n in self.shown_units]))
        # Qt elides a label to "…" when the axis was first measured at a small size and never
        # measures again: every unit read "…" in English.
        axis_y.setTruncateLabels(False)
        axis_x = QValueAxis()
        axis_x.setRange(0, 100)
        axis_x.setLabelFormat("%d")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()


def _unique(labels: list[str]) -> list[str]:
    # A category axis drops repeated labels; two schools may share a name in two townships.
    seen: dict[str, int] = {}
    out = []
    for text in labels:
        seen[text] = seen.get(text, 0) + 1
        out.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return out


def _short(name: str, limit: int = 16) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
