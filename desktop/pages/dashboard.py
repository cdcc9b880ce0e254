"""The county's figures as the report gives them, and the per-unit ranking."""

import asyncio
import logging
import time
from functools import partial

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.data.dashboard import NO_FILTERS, keep_figures, load_dashboard
from desktop.errors import show_error
from desktop.labels import label_of
from desktop.operations import Op, store_call, store_op
from desktop.pages.base import ReloadingPage
from desktop.widgets.criteria_panel import CriteriaPanel
from desktop.widgets.date_edit import DateEdit
from desktop.widgets.overdue_panel import OverduePanel
from desktop.widgets.ranking import RankingChartView, RankingTableModel, pct, score
from desktop.widgets.slots import widget_slot
from models.enums import DeviceRole, RespondentGroup, Sanction

log = logging.getLogger(__name__)


class FigureCard(QFrame):
    def __init__(self, caption: str, name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.value = QLabel("–", objectName=f"figure_{name}")
        self.value.setProperty("figure", True)
        self.caption = QLabel(caption, objectName="figureCaption")
        self.caption.setWordWrap(True)
        self.detail = QLabel("", objectName="figureDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)


class DashboardPage(ReloadingPage):
    tables_shown = frozenset({"evaluation", "campaign", "unit", "visit", "finding", "opinion",
                              "personnel_criticism", "accountability_case", "problem",
                              "extension_request"})
    figures_drawn = Signal()

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.figures: dict | None = None
        self.candidates: dict | None = None  # {threshold, units}: models.stats
        self.last_load_ms = 0.0
        self.from_cache = False
        self._build_filters()
        self.cards: dict[str, FigureCard] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        captions = [
            ("forms", self.tr("Evaluation forms")), ("rate", self.tr("Overall satisfaction rate")),
            ("score", self.tr("Weighted score")), ("units", self.tr("Units evaluated")),
            ("visits", self.tr("Visits done")), ("opinions", self.tr("Opinions and suggestions")),
            ("problems", self.tr("Problems investigated")), ("overdue", self.tr("Overdue")),
            ("criticisms", self.tr("Staff criticised")), ("cases", self.tr("Disciplinary cases")),
        ]
        for i, (name, caption) in enumerate(captions):
            self.cards[name] = FigureCard(caption, name)
            grid.addWidget(self.cards[name], i // 5, i % 5)
        self.cards["overdue"].value.setProperty("alert", True)
        self.chart = RankingChartView()
        self.ranking_model = RankingTableModel(self)
        self.ranking_view = QTableView(objectName="rankingTable")
        self.ranking_view.setModel(self.ranking_model)
        self.ranking_view.verticalHeader().setVisible(False)
        self.ranking_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 40), (2, 50), (3, 90), (4, 85)):
            self.ranking_view.setColumnWidth(column, width)  # room for "学校（乡镇）"
        # The category and the band, whole in either language: sized to their contents once
        # the rows are in (show_figures), not kept so (ResizeToContents measured all 354 units'
        # cells at each layout pass: ~18,000 calls to the model at the first drawing).
        self.ranking_view.setToolTip(self.tr("Double-click a unit to open its figures."))
        self.ranking_view.doubleClicked.connect(lambda index: self.open_unit(index.row()))
        self.criteria_panel = CriteriaPanel()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.criteria_panel)
        column.addWidget(self.chart, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.ranking_view)
        self.overdue_panel = OverduePanel(self._sees_candidates(), opens_cases=self._keeps_cases())
        self.overdue_panel.case_requested.connect(self.open_case)
        splitter.addWidget(self.overdue_panel)
        splitter.setSizes([320, 650, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_row)
        layout.addLayout(grid)
        layout.addWidget(splitter, 1)

    @widget_slot(int)
    async def open_unit(self, row: int) -> None:
        """The figures of the unit on `row` of the ranking, for the campaign and period shown."""
        if not 0 <= row < len(self.ranking_model.rows):
            return
        unit_id = self.ranking_model.rows[row]["unit_id"]
        label = self.ranking_model.labels.get(unit_id) or self.ranking_model.rows[row]["unit_name"]
        filters = self.current_filters()

        def read(conn):
            from models.stats import Filters
            from models.timeutil import local_today
            from models.unit_figures import unit_figures

            return unit_figures(conn, unit_id, Filters(**filters), local_today())

        def shown(figures: dict) -> None:
            from desktop.widgets.unit_figures import UnitFiguresDialog

            self.unit_dialog = UnitFiguresDialog(label, figures, self)
            self.unit_dialog.open()

        await store_op(self, self.session, read, success=shown,
                       failure=lambda exc: show_error(self, exc)).run()

    def _sees_candidates(self) -> bool:
        """The accountability list is HQ's (and the office's, which prepares it)."""
        s = self.session
        return s.is_demo or s.standalone or s.device_role in (DeviceRole.HQ, DeviceRole.OFFICE)

    def _keeps_cases(self) -> bool:
        """Cases are HQ's (the office neither reads nor writes them: docs/authorization.md)."""
        return self.session.is_demo or self.session.device_role == DeviceRole.HQ

    def open_case(self, candidate: dict) -> None:
        """A case against a unit on the accountability list, linked to its overdue problems."""
        from desktop.pages.accountability import open_case_from_candidate

        campaigns = {c["id"]: c["name"] for c in self.session.reference.campaigns}
        self.case_dialog = open_case_from_candidate(
            self, self.session, candidate, campaigns.get(candidate["campaign_id"], ""),
            self.records_changed.emit)

    def _build_filters(self) -> None:
        self.campaign_box = QComboBox(objectName="dashboardCampaign")
        self.campaign_box.addItem(self.tr("All campaigns"), None)
        for c in self.session.reference.campaigns:
            self.campaign_box.addItem(c["name"], c["id"])
        self.campaign_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.filter_row = QHBoxLayout()
        self.filter_row.addWidget(QLabel(self.tr("Campaign")))
        self.filter_row.addWidget(self.campaign_box)
        self.period: dict[str, tuple[QCheckBox, QDateEdit]] = {}
        for key, text in (("date_from", self.tr("From")), ("date_to", self.tr("To"))):
            check = QCheckBox(text, objectName=f"dashboard_{key}_on")
            edit = DateEdit(QDate.currentDate(), objectName=f"dashboard_{key}")
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _c: self.reload())
            edit.dateChanged.connect(lambda _d: self.reload())
            self.filter_row.addWidget(check)
            self.filter_row.addWidget(edit)
            self.period[key] = (check, edit)
        self.filter_row.addStretch(1)
        self.status = QLabel(objectName="dashboardStatus")
        self.filter_row.addWidget(self.status)

    def current_filters(self) -> dict:
        out = {"campaign_id": self.campaign_box.currentData()}
        for key, (check, edit) in self.period.items():
            out[key] = edit.date().toPython() if check.isChecked() else None
        return out

    def is_ready(self) -> bool:
        return self.figures is not None

    @widget_slot()
    async def reload(self) -> None:
        filters = self.current_filters()
        self.status.setText(self.tr("Loading…"))
        started = time.perf_counter()
        store = self.session.store

        def failed(exc: BaseException) -> None:
            self.status.clear()
            show_error(self, exc)

        early = self.session.first_loads.pop("dashboard", None)
        if early is not None and filters == NO_FILTERS:  # started before the window was built
            def work(_ticket):
                return asyncio.wrap_future(early)
        else:
            def work(ticket):
                return ticket.store(load_dashboard, store, filters, True)

        await Op(self, self.session, work,
                 success=lambda result: self._loaded(filters, started, result),
                 failure=failed).run()

    def _loaded(self, filters: dict, started: float, result: dict) -> None:
        if not shiboken6.isValid(self.campaign_box):
            return  # the window closed while the figures were computed
        if filters != self.current_filters():
            return  # a newer request is on its way
        self.last_load_ms = (time.perf_counter() - started) * 1000
        self.from_cache = result["cached"]
        self.candidates = result.get("candidates")
        self.show_figures(result["stats"], result["ranking"])
        self.status.clear()
        if result.get("to_keep"):  # drawn first, kept for the next start after
            store_call(self, self.session, partial(keep_figures, self.session.store,
                                                   result["to_keep"]),
                       failure=lambda exc: log.warning("dashboard figures not kept: %r", exc)
                       ).run()

    def show_figures(self, figures: dict, ranking: list[dict]) -> None:
        self.figures = figures
        ev = figures["evaluations"]
        self._set("forms", f"{ev['total']:,}", "  ".join(
            f"{label_of(RespondentGroup, g)} {n:,}" for g, n in ev["by_group"].items()))
        self._set("rate", pct(ev["satisfaction_rate"]) or "–",
                  self.tr("%1 dissatisfied").replace("%1", f"{ev['by_level']['dissatisfied']:,}"))
        self._set("score", score(ev["weighted_score"]) or "–", "")
        self._set("units", f"{figures['units_evaluated']:,}",
                  self.tr("%1 ranked").replace(
                      "%1", str(sum(1 for r in ranking if r["rank"] is not None))))
        visits = figures["visits"]
        self._set("visits", f"{visits['total']:,}", self.tr("%1 public events, %2 planned")
                  .replace("%1", str(visits.get("public_events", 0)))
                  .replace("%2", str(visits["planned"])))
        op, pr = figures["opinions"], figures["problems"]
        self._set("opinions", f"{op['total']:,}", "  ".join([
            self.tr("%1 sorted").replace("%1", f"{op['sorted']:,}"),
            self._replies(pr.get("replied", 0), pr.get("complainant_satisfaction"))]))
        self._set("problems", f"{pr['investigated']:,}",
                  self.tr("%1 rectified of %2").replace("%1", f"{pr['rectified']:,}")
                  .replace("%2", f"{pr['total']:,}"))
        self._set("overdue", f"{pr['overdue']:,}", self.tr("past their deadline"))
        cr = figures["criticisms"]
        self._set("criticisms", f"{cr['total']:,}", "  ".join(
            f"{label_of(Sanction, s)} {n}" for s, n in cr["by_sanction"].items() if n))
        ac = figures["accountability"]
        self._set("cases", f"{ac['cases']:,}",
                  self.tr("%1 people sanctioned, %2 units held accountable")
                  .replace("%1", str(ac["people_sanctioned"]))
                  .replace("%2", str(ac["units_held_accountable"])))
        self.criteria_panel.set_figures(ev.get("criteria", {}).get("county", {}))
        self.ranking_model.paths = {u["id"]: u["path"] for u in self.session.reference.units}
        labels = self.session.reference.unit_labels()
        self.ranking_model.labels = labels
        self.ranking_model.set_rows(ranking)
        for column in (5, 6):
            self.ranking_view.resizeColumnToContents(column)
        self.chart.set_rows(ranking, labels)
        campaigns = {c["id"]: c["name"] for c in self.session.reference.campaigns}
        self.overdue_panel.set_data(pr.get("overdue_units", []), self.candidates, labels,
                                    campaigns)
        self.figures_drawn.emit()

    def _replies(self, replied: int, rate: float | None) -> str:
        """The complainants answered, and how many of those asked were satisfied (issue 14 §4)."""
        if rate is None:
            return self.tr("%1 replied").replace("%1", f"{replied:,}")
        return self.tr("%1 replied, %2 satisfied").replace("%1", f"{replied:,}").replace(
            "%2", f"{rate * 100:.1f}%")

    def _set(self, name: str, value: str, detail: str) -> None:
        card = self.cards[name]
        card.value.setText(value)
        card.detail.setText(detail)
        card.detail.setToolTip(detail)
