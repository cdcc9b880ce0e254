"""The batch header, set once per batch: campaign, respondent group, unit, date, cover count."""

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.labels import choices, label_of
from desktop.widgets.date_edit import DateEdit
from models.enums import RespondentGroup


class BatchHeaderWidget(QWidget):
    start_requested = Signal(dict)  # the new batch's header
    resume_requested = Signal(str)  # an open batch's id

    def __init__(self, reference, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("batchHeader")
        self.reference = reference
        self.campaign = QComboBox(objectName="campaign")
        self.group = QComboBox(objectName="group")
        for value, label in choices(RespondentGroup):
            self.group.addItem(label, value)
        self.unit = QComboBox(objectName="unit")
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._fill(reference)
        self.unit.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.unit.setCurrentIndex(-1)
        self.unit.currentIndexChanged.connect(self._unit_chosen)
        # Until the clerk picks a group, the group follows the unit, typed or chosen (a group
        # that does not fit its unit is refused: models.rules.group_fit_problems).
        self.group_chosen = False
        self.group.activated.connect(lambda _index: setattr(self, "group_chosen", True))
        self.unit.lineEdit().setPlaceholderText(self.tr("type part of the unit's name"))
        self.date = DateEdit(QDate.currentDate(), objectName="evaluatedOn")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.cover = QSpinBox(objectName="coverCount")
        self.cover.setRange(1, 100_000)
        self.cover.setValue(50)
        self.start = QPushButton(self.tr("Start keying the batch"), objectName="startBatch")
        self.start.setDefault(True)
        self.start.clicked.connect(self._start)
        self.message = QLabel(objectName="headerMessage")
        self.message.setWordWrap(True)
        self.open_list = QComboBox(objectName="openBatches")
        self.resume = QPushButton(self.tr("Continue this batch"), objectName="resumeBatch")
        self.resume.clicked.connect(self._resume)
        form = QFormLayout()
        form.addRow(self.tr("Campaign"), self.campaign)
        form.addRow(self.tr("Respondent group"), self.group)
        form.addRow(self.tr("Evaluated unit"), self.unit)
        form.addRow(self.tr("Date on the forms"), self.date)
        form.addRow(self.tr("Forms in the batch (cover count)"), self.cover)
        form.addRow(self.start)
        form.addRow(self.message)
        self.resume_label = QLabel(self.tr("Or continue a batch left open:"))
        form.addRow(self.resume_label)
        resume_row = QHBoxLayout()
        resume_row.addWidget(self.open_list, 1)
        resume_row.addWidget(self.resume)
        form.addRow(resume_row)
        # A header of five short fields reads best at form width, not stretched over the page.
        box = QWidget()
        box.setMaximumWidth(760)
        box.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        self.set_open_batches([])
        self.unit.lineEdit().returnPressed.connect(self.date.setFocus)
        # Enter in the cover count (the last field) starts the batch: the header is a page, not
        # a dialog, so the default button does not take Enter by itself.
        self.cover.lineEdit().returnPressed.connect(self._start)

    def set_open_batches(self, open_batches: list[dict]) -> None:
        self.open_list.clear()
        for b in open_batches:
            self.open_list.addItem(
                f"{self.reference.unit_path(b['unit_id'])} · {label_of(RespondentGroup, b['group'])}"
                f" · {b['evaluated_on']} · "
                + self.tr("cover: %1 forms").replace("%1", str(b["cover_count"])), b["id"])
        for w in (self.resume_label, self.open_list, self.resume):
            w.setVisible(bool(open_batches))

    def _unit_chosen(self, index: int) -> None:
        """Who rates a unit follows from its kind (parents a school...); the clerk may change it."""
        from models.batches import group_for_unit

        unit = next((u for u in self.reference.units if u["id"] == self.unit.itemData(index)), None)
        if unit is not None:
            self.group.setCurrentIndex(self.group.findData(group_for_unit(unit["kind"]).value))

    def _fill(self, reference) -> None:
        for c in reference.campaigns:
            self.campaign.addItem(f"{c['name']}", c["id"])
        for u in reference.units:
            self.unit.addItem(u["path"], u["id"])

    def set_reference(self, reference) -> None:
        """Campaigns and units made (or synced) since the page opened, keeping the choice."""
        if reference is self.reference:
            return
        campaign, unit = self.campaign.currentData(), self._unit_id()
        self.reference = reference
        self.unit.blockSignals(True)
        self.campaign.clear()
        self.unit.clear()
        self._fill(reference)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(campaign)))
        self.unit.setCurrentIndex(self.unit.findData(unit) if unit else -1)
        self.unit.blockSignals(False)

    def _unit_id(self) -> str | None:
        text = self.unit.currentText().strip()
        index = self.unit.findText(text)
        if index < 0:
            matches = [u for u in self.reference.units if text and text in u["path"]]
            return matches[0]["id"] if len(matches) == 1 else None
        return self.unit.itemData(index)

    def _start(self) -> None:
        if self.campaign.currentData() is None:
            self.message.setText(self.tr("No campaign on this device yet: a supervisor "
                                         "creates one under HQ administration, or it "
                                         "arrives by sync."))
            return
        unit_id = self._unit_id()
        if unit_id is None:
            self.message.setText(self.tr("Choose the evaluated unit from the list."))
            self.unit.setFocus()
            return
        self.message.clear()
        if not self.group_chosen:
            self._unit_chosen(self.unit.findData(unit_id))
        self.start_requested.emit({
            "campaign_id": self.campaign.currentData(), "group": self.group.currentData(),
            "unit_id": unit_id, "evaluated_on": self.date.date().toPython(),
            "cover_count": self.cover.value(),
        })

    def _resume(self) -> None:
        if self.open_list.currentData():
            self.resume_requested.emit(self.open_list.currentData())
