"""Random rounds at HQ (双随机, issue 16 §1): the window's form of `fieldinspect plan`. The
rounds on the left with the form that commits a new one (pools and constraints); on the right
the selected round's commitment, public value, seed and drawn visits, and the actions: draw
with the public value, verify, publish the public file, export the full file (audited), and
*Step aside…* (回避) for the selected visit: the round's reserve gives the stand-in."""

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from desktop.data import rounds as data
from desktop.errors import show_error
from desktop.labels import label_of
from desktop.pages.base import ReloadingPage
from desktop.widgets.slots import widget_slot
from models.enums import AppraisalCategory, VisitStatus
from models.round_pools import RoundRequest
from models.timeutil import local_today


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.setItem(i, j, QTableWidgetItem(text))


def _spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


class RoundsPage(ReloadingPage):
    tables_shown = frozenset({"draw_round", "visit", "campaign"})

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.rounds: list[dict] | None = None
        self.shown_round: str | None = None  # whose visits the table shows
        self.visit_rows: list[dict] = []
        self.status = QLabel(objectName="roundsStatus", wordWrap=True)
        split = QSplitter()
        split.addWidget(self._left())
        split.addWidget(self._right())
        split.setSizes([640, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    # --- building --------------------------------------------------------------------------
    def _left(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._form())
        self.list = _table("roundsList", [self.tr("Campaign"), self.tr("Dates"),
                                          self.tr("Status"), self.tr("Attempts")])
        self.list.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.list.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.list.itemSelectionChanged.connect(self.show_selected)
        layout.addWidget(self.list, 1)
        return box

    def _form(self) -> QGroupBox:
        group = QGroupBox(self.tr("New round"))
        form = QFormLayout(group)
        self.campaign = QComboBox(objectName="roundsCampaign")
        self.category = QComboBox(objectName="roundsCategory")
        self.category.addItem(self.tr("All categories"), None)
        for c in AppraisalCategory:
            self.category.addItem(label_of(AppraisalCategory, c), c.value)
        self.township = QLineEdit(objectName="roundsTownship",
                                  placeholderText=self.tr("Any township"))
        self.not_visited = _spin(0, 3650, 0)
        self.not_visited.setSpecialValueText(self.tr("No limit"))
        self.weight = QDoubleSpinBox(minimum=1.0, maximum=10.0, singleStep=0.5, value=1.0)
        self.units = _spin(1, 500, 10)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(7), calendarPopup=True)
        self.date_to = QDateEdit(today.addDays(21), calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.team_size = _spin(1, 10, 2)
        self.max_per_rep = _spin(1, 50, 1)
        for text, widget in [
                (self.tr("Campaign"), self.campaign), (self.tr("Appraisal category"), self.category),
                (self.tr("Township"), self.township),
                (self.tr("Not visited in the last (days)"), self.not_visited),
                (self.tr("Weight of last band units"), self.weight),
                (self.tr("Units to draw"), self.units), (self.tr("From"), self.date_from),
                (self.tr("To"), self.date_to), (self.tr("Team size"), self.team_size),
                (self.tr("Visits per representative at most"), self.max_per_rep)]:
            form.addRow(text, widget)
        commit = QPushButton(self.tr("Commit (fix pools and secret)"), objectName="roundsCommit")
        commit.clicked.connect(self.commit)
        form.addRow(commit)
        return group

    def _right(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.details = QLabel(objectName="roundsDetails", wordWrap=True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        row = QHBoxLayout()
        self.public_value = QLineEdit(objectName="roundsPublicValue", placeholderText=self.tr(
            "Public value fixed after the commitment, e.g. a named lottery draw"))
        self.draw_button = QPushButton(self.tr("Draw"), objectName="roundsDraw")
        self.draw_button.clicked.connect(self.draw)
        row.addWidget(self.public_value, 1)
        row.addWidget(self.draw_button)
        layout.addLayout(row)
        actions = QHBoxLayout()
        for name, text, slot in [("roundsVerify", self.tr("Verify"), self.verify),
                                 ("roundsPublish", self.tr("Publish…"), self.publish),
                                 ("roundsExport", self.tr("Export full file…"), self.export),
                                 ("roundsStepAside", self.tr("Step aside…"), self.step_aside)]:
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.visits = _table("roundsVisits", [self.tr("Date"), self.tr("Unit"),
                                              self.tr("Representatives"), self.tr("Status")])
        self.visits.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.visits.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.visits, 1)
        return box

    # --- texts -----------------------------------------------------------------------------
    def status_text(self, status: str) -> str:
        return {"committed": self.tr("Committed, waiting for the public value"),
                "drawn": self.tr("Drawn"), "published": self.tr("Published"),
                "discarded": self.tr("Discarded (a newer commitment)")}.get(status, status)

    def detail_text(self, r: dict) -> str:
        lines = [self.tr("Commitment (SHA-256 of the secret): %1").replace(
                     "%1", r["commitment"] or self.tr("none: seed given, not verifiable")),
                 self.tr("Inputs' hash: %1").replace("%1", r["inputs_hash"])]
        if r["seed"]:
            lines += [self.tr("Public value: %1").replace("%1", r["public_value"] or "—"),
                      self.tr("Seed: %1").replace("%1", r["seed"])]
        return "\n".join(lines)

    # --- loading ---------------------------------------------------------------------------
    def is_ready(self) -> bool:
        return self.rounds is not None and (not self.rounds or self.shown_round is not None)

    def selected(self) -> dict | None:
        row = self.list.currentRow()
        return self.rounds[row] if self.rounds and 0 <= row < len(self.rounds) else None

    @widget_slot()
    async def reload(self) -> None:
        def load(conn):
            return data.campaign_names(conn), data.list_rounds(conn)

        try:
            names, rounds = await self.session.read(load)
        except Exception as exc:  # noqa: BLE001 - shown to the person, in their language
            show_error(self, exc)
            return
        if self.campaign.count() == 0:
            self.campaign.addItems(names)
        chosen = self.selected()
        self.rounds = rounds
        self.list.blockSignals(True)
        _fill(self.list, [[r["campaign"] or "", f"{r['date_from']} – {r['date_to']}",
                           self.status_text(r["status"]), str(r["attempts"])] for r in rounds])
        ids = [r["id"] for r in rounds]
        if rounds:
            self.list.selectRow(ids.index(chosen["id"]) if chosen and chosen["id"] in ids else 0)
        self.list.blockSignals(False)
        self.show_selected()

    @widget_slot()
    async def show_selected(self) -> None:
        r = self.selected()
        if r is None:
            return
        self.details.setText(self.detail_text(r))
        self.draw_button.setEnabled(r["status"] == "committed")
        visits = await self.session.read(lambda conn: data.round_visits(conn, r["id"]))
        _fill(self.visits, [[str(v["date"]), v["unit"], "、".join(v["representatives"]),
                             label_of(VisitStatus, v["status"])] for v in visits])
        self.visit_rows = visits
        self.shown_round = r["id"]

    # --- actions ---------------------------------------------------------------------------
    def request(self) -> RoundRequest:
        return RoundRequest(
            campaign=self.campaign.currentText(), units=self.units.value(),
            date_from=self.date_from.date().toPython(), date_to=self.date_to.date().toPython(),
            team_size=self.team_size.value(), max_per_rep=self.max_per_rep.value(),
            category=self.category.currentData(), township=self.township.text().strip() or None,
            not_visited_days=self.not_visited.value() or None,
            weight_last_band=self.weight.value() if self.weight.value() != 1.0 else None)

    async def _act(self, action, done) -> None:
        try:
            result = await self.session.write(action)
        except Exception as exc:  # noqa: BLE001 - shown to the person, in their language
            show_error(self, exc)
            return
        self.status.setText(done(result))
        self.records_changed.emit()
        self.reload()

    @widget_slot()
    async def commit(self) -> None:
        from models.rounds import commit_round

        req = self.request()
        await self._act(lambda w: commit_round(w, req, local_today()),
                        lambda out: messages.text("round_committed", out))

    @widget_slot()
    async def draw(self) -> None:
        from models.rounds import draw_committed

        r, value = self.selected(), self.public_value.text().strip()
        if r is None or not value:
            return
        await self._act(lambda w: draw_committed(w, r["id"], value),
                        lambda doc: self.tr("Drawn: %1 visits.").replace(
                            "%1", str(len(doc["draw"]["visits"]))))

    @widget_slot()
    async def verify(self) -> None:
        from models.draw.round_file import verify
        from models.rounds import full_document

        r = self.selected()
        if r is None:
            return
        try:
            doc = await self.session.read(lambda conn: full_document(conn, r["id"]))
            result = verify(doc)
        except Exception as exc:  # noqa: BLE001 - shown to the person, in their language
            show_error(self, exc)
            return
        code = ("round_verified_committed" if result["verifiable"]
                else "round_verified_not_verifiable")
        self.status.setText(messages.text(code, {"units": len(doc["draw"]["units"])}))

    def _save_path(self, title: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, "", self.tr("Round files (*.json)"))
        return path

    @widget_slot()
    async def publish(self) -> None:
        r, path = self.selected(), ""
        if r is not None:
            path = self._save_path(self.tr("Publish the round"))
        if path:
            await self._act(lambda w: data.publish_to(w, r["id"], path, local_today()),
                            lambda n: messages.text("round_published",
                                                    {"units": n, "path": path}))

    @widget_slot()
    async def export(self) -> None:
        r, path = self.selected(), ""
        if r is not None:
            path = self._save_path(self.tr("Export the full round file"))
        if path:
            await self._act(lambda w: data.export_to(w, r["id"], path),
                            lambda _n: messages.text("round_exported", {"path": path}))

    def choose_leaving(self, visit: dict) -> int | None:
        """Which of the visit's representatives steps aside (their index on the team)."""
        names = visit["representatives"]
        name, ok = QInputDialog.getItem(
            self, self.tr("Step aside"), self.tr("Who steps aside from the visit to %1? The "
                                                 "round's reserve gives the stand-in.")
            .replace("%1", visit["unit"]), names, 0, False)
        return names.index(name) if ok and name in names else None

    @widget_slot()
    async def step_aside(self) -> None:
        """回避: the selected visit's representative is replaced from the round's reserve."""
        r, row = self.selected(), self.visits.currentRow()
        if r is None or not 0 <= row < len(self.visit_rows):
            return
        visit = self.visit_rows[row]
        index = self.choose_leaving(visit)
        if index is None:
            return
        leaving = visit["representative_ids"][index]
        await self._act(lambda w: data.step_aside(w, r["id"], visit["id"], leaving),
                        lambda shown: messages.text("round_replaced", shown))
