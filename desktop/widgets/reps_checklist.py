"""The visit dialog's checklist of representatives: a county has hundreds, so it narrows to a
team and to the part of a name typed. Ticked people always stay in view (a filter never hides
who is assigned)."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

ID = Qt.ItemDataRole.UserRole
TEAM = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("RepresentativesChecklist", text)


class RepresentativesChecklist(QWidget):
    def __init__(self, reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(objectName="repSearch")
        self.search.setPlaceholderText(_tr("Type part of a name"))
        self.search.setClearButtonEnabled(True)
        self.team = QComboBox(objectName="repTeam")
        self.team.addItem(_tr("All teams"), None)
        for team in reference.teams:  # already in natural order (第1组, 第2组, 第10组)
            self.team.addItem(team["name"], team["id"])
        self.list = QListWidget(objectName="repList")
        self.list.setFixedHeight(110)
        for rep in reference.representatives:
            item = QListWidgetItem(rep["name"])
            item.setData(ID, rep["id"])
            item.setData(TEAM, rep.get("team_id"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.team)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.team.currentIndexChanged.connect(self._filter)

    def show_team(self, team_id: str | None) -> None:
        """Narrow to a team (the visit's, when one is chosen); None shows every team."""
        self.team.setCurrentIndex(max(0, self.team.findData(team_id)) if team_id else 0)

    def _filter(self) -> None:
        text, team = self.search.text().strip().casefold(), self.team.currentData()
        for i in range(self.list.count()):
            item = self.list.item(i)
            shown = ((not text or text in item.text().casefold())
                     and (team is None or item.data(TEAM) == team))
            item.setHidden(not shown and item.checkState() != Qt.CheckState.Checked)

    def ids(self) -> list[str]:
        return [self.list.item(i).data(ID) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_ids(self, ids) -> None:
        wanted = set(ids or ())
        for i in range(self.list.count()):
            item = self.list.item(i)
            checked = item.data(ID) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._filter()
