"""Trends (issue 15 §3): the county's figures by month, township, finding category, opinion
category and source, each a chart and a table; at HQ, the comparison with the previous
campaign (rate, score and rank change per unit, the last band two campaigns running, people
criticised in more than one campaign as possible repeats to confirm)."""

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.data.trends import load_trends
from desktop.errors import show_error
from desktop.labels import label_of
from desktop.operations import Op
from desktop.pages.base import ReloadingPage
from desktop.widgets.breakdown import BreakdownChartView, BreakdownTableModel, Column
from desktop.widgets.ranking import pct, score
from desktop.widgets.slots import widget_slot
from models.enums import AppraisalCategory, EvaluationSource, FindingCategory, OpinionCategory, OpinionSource


def _signed(value: float | None, fmt: str = "{:+.1f}") -> str:
    return "" if value is None else fmt.format(value)


def _captioned(caption: str, view: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(caption)
    label.setWordWrap(True)
    layout.addWidget(label)
    layout.addWidget(view)
    return box


class TrendsPage(ReloadingPage):
    tables_shown = frozenset({"evaluation", "campaign", "unit", "finding", "opinion",
                              "personnel_criticism", "unit_succession"})

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.result: dict | None = None
        self.campaign_box = QComboBox(objectName="trendsCampaign")
        self.campaign_box.addItem(self.tr("All campaigns"), None)
        for c in self.session.reference.campaigns:
            self.campaign_box.addItem(c["name"], c["id"])
        self.campaign_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.status = QLabel(objectName="trendsStatus")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Campaign")))
        row.addWidget(self.campaign_box)
        row.addStretch(1)
        row.addWidget(self.status)
        self.tabs = QTabWidget(objectName="trendsTabs")
        self.views: dict[str, tuple[BreakdownChartView, list[BreakdownTableModel]]] = {}
        self._add_breakdown_tabs()
        self._add_comparison_tab()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)

    # --- building --------------------------------------------------------------------------
    def _rated(self, first: str, key_text) -> list[Column]:
        return [Column(first, key_text), Column(self.tr("Forms"), lambda r: f"{r['forms']:,}"),
                Column(self.tr("Satisfaction rate"), lambda r: pct(r["satisfaction_rate"])),
                Column(self.tr("Weighted score"), lambda r: score(r["weighted_score"]))]

    def _counted(self, first: str, key_text, count: str) -> list[Column]:
        return [Column(first, key_text), Column(count, lambda r: f"{r['count']:,}")]

    def _add_breakdown_tabs(self) -> None:
        self._add_tab("month", self.tr("By month"),
                      [self._rated(self.tr("Month"), lambda r: r["key"])])
        self._add_tab("township", self.tr("By township"),
                      [self._rated(self.tr("Township"), self.township_name)])
        self._add_tab("finding_category", self.tr("By finding category"), [self._counted(
            self.tr("Category"), lambda r: label_of(FindingCategory, r["key"]),
            self.tr("Findings"))])
        self._add_tab("opinion_category", self.tr("By opinion category"), [self._counted(
            self.tr("Category"), self.opinion_category, self.tr("Opinions"))])
        self._add_tab("source", self.tr("By source"), [
            self._rated(self.tr("Source of forms"),
                        lambda r: label_of(EvaluationSource, r["key"])),
            self._counted(self.tr("Source of opinions"),
                          lambda r: label_of(OpinionSource, r["key"]), self.tr("Opinions"))])

    def _table(self, name: str, columns: list[Column]) -> tuple[QTableView, BreakdownTableModel]:
        model = BreakdownTableModel(columns, self)
        view = QTableView(objectName=f"trendsTable_{name}")
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return view, model

    def _add_tab(self, name: str, title: str, tables: list[list[Column]]) -> None:
        chart = BreakdownChartView(name)
        splitter = QSplitter()
        splitter.addWidget(chart)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        models = []
        for i, columns in enumerate(tables):
            view, model = self._table(f"{name}_{i}", columns)
            side_layout.addWidget(view)
            models.append(model)
        splitter.addWidget(side)
        splitter.setSizes([600, 500])
        self.tabs.addTab(splitter, title)
        self.views[name] = (chart, models)

    def _add_comparison_tab(self) -> None:
        self.compare_label = QLabel(objectName="trendsComparedWith")
        self.compare_label.setWordWrap(True)
        self.unit_view, self.unit_model = self._table("comparison", self._change_columns())
        self.unit_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.unit_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.band_view, self.band_model = self._table("last_band", self._band_columns())
        self.repeat_view, self.repeat_model = self._table("repeats", self._repeat_columns())
        lower = QSplitter()
        lower.addWidget(_captioned(self.tr("In the last band of its category two campaigns "
                                           "running (each campaign's band settings)"),
                                   self.band_view))
        lower.addWidget(_captioned(self.tr("Criticised in more than one campaign (matched by "
                                           "name and unit; HQ only, never sent to a unit or "
                                           "published)"), self.repeat_view))
        tab = QSplitter(objectName="trendsComparison")
        tab.setOrientation(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.compare_label)
        top_layout.addWidget(self.unit_view)
        tab.addWidget(top)
        tab.addWidget(lower)
        tab.setSizes([420, 200])
        self.comparison_index = self.tabs.addTab(tab, self.tr("Previous campaign"))

    def _band_columns(self) -> list[Column]:
        return [Column(self.tr("Unit"), self.unit_name),
                Column(self.tr("Appraisal category"),
                       lambda r: label_of(AppraisalCategory, r["category"])),
                Column(self.tr("Rank in category"), lambda r: str(r["rank"])),
                Column(self.tr("Previous rank"), lambda r: str(r["previous_rank"]))]

    def _repeat_columns(self) -> list[Column]:
        return [Column(self.tr("Person"), lambda r: r["person_name"]),
                Column(self.tr("Unit"), self.unit_name),
                Column(self.tr("Campaigns"), lambda r: "、".join(r["campaigns"])),
                Column(self.tr("Status"), lambda r: self.tr("Possible repeat: to confirm"))]

    def _change_columns(self) -> list[Column]:
        return [
            Column(self.tr("Unit"), self.unit_name),
            Column(self.tr("Rank"), lambda r: "" if r["rank"] is None else str(r["rank"])),
            Column(self.tr("Previous rank"),
                   lambda r: "" if r["previous_rank"] is None else str(r["previous_rank"])),
            Column(self.tr("Rank change"), lambda r: _signed(r["rank_change"], "{:+d}")),
            Column(self.tr("Satisfaction rate"), lambda r: pct(r["satisfaction_rate"])),
            Column(self.tr("Rate change"), lambda r: _signed(
                None if r["rate_change"] is None else r["rate_change"] * 100, "{:+.1f} pt")),
            Column(self.tr("Weighted score"), lambda r: score(r["weighted_score"])),
            Column(self.tr("Score change"), lambda r: _signed(r["score_change"]))]

    # --- texts -----------------------------------------------------------------------------
    def unit_name(self, row: dict) -> str:
        return self.session.reference.unit_label(row["unit_id"]) or row["unit_name"]

    def township_name(self, row: dict) -> str:
        return row["name"] if row["key"] else self.tr("County level")

    def opinion_category(self, row: dict) -> str:
        if row["key"] == "unsorted":
            return self.tr("Not sorted yet")
        return label_of(OpinionCategory, row["key"])

    # --- loading ---------------------------------------------------------------------------
    def is_ready(self) -> bool:
        return self.result is not None

    @widget_slot()
    async def reload(self) -> None:
        filters = {"campaign_id": self.campaign_box.currentData()}
        self.status.setText(self.tr("Loading…"))
        store = self.session.store

        def failed(exc: BaseException) -> None:
            self.status.clear()
            show_error(self, exc)

        await Op(self, self.session, lambda t: t.store(load_trends, store, filters),
                 success=lambda result: self._loaded(filters, result), failure=failed).run()

    def _loaded(self, filters: dict, result: dict) -> None:
        if not shiboken6.isValid(self.campaign_box):
            return
        if filters != {"campaign_id": self.campaign_box.currentData()}:
            return  # a newer request is on its way
        self.show_result(result)
        self.status.clear()

    def show_result(self, result: dict) -> None:
        self.result = result
        b = result["breakdowns"]
        rated = self.tr("Weighted score")
        self._fill("month", self.tr("Weighted score by month"), rated, [b["month"]],
                   lambda r: r["key"], "weighted_score", 100)
        self._fill("township", self.tr("Weighted score by township"), rated, [b["township"]],
                   self.township_name, "weighted_score", 100)
        self._fill("finding_category", self.tr("Findings by category"), self.tr("Findings"),
                   [b["finding_category"]], lambda r: label_of(FindingCategory, r["key"]),
                   "count")
        self._fill("opinion_category", self.tr("Opinions by category"), self.tr("Opinions"),
                   [b["opinion_category"]], self.opinion_category, "count")
        self._fill("source", self.tr("Forms by source"), self.tr("Forms"),
                   [b["source"]["forms"], b["source"]["opinions"]],
                   lambda r: label_of(EvaluationSource, r["key"]), "forms")
        self.show_comparison(result["comparison"])

    def _fill(self, name: str, title: str, series: str, tables: list[list[dict]], key_text,
              figure: str, top: float | None = None) -> None:
        chart, models = self.views[name]
        for model, rows in zip(models, tables, strict=True):
            model.set_rows(rows)
        rows = tables[0]
        chart.set_bars(title, series, [key_text(r) for r in rows], [r[figure] for r in rows],
                       top)

    def show_comparison(self, found: dict | None) -> None:
        self.tabs.setTabVisible(self.comparison_index, found is not None)
        if found is None:
            return
        if found["previous"] is None:
            text = self.tr("%1: no earlier campaign to compare with.").replace(
                "%1", found["campaign"]["name"])
        else:
            text = self.tr("%1 compared with %2 (units merged or renamed at HQ counted under "
                           "their successor).").replace("%1", found["campaign"]["name"]).replace(
                "%2", found["previous"]["name"])
        self.compare_label.setText(text)
        self.unit_model.set_rows(found["units"])
        self.band_model.set_rows(found["last_band_twice"])
        self.repeat_model.set_rows(found.get("possible_repeats", []))
