"""A unit's figures, opened from the dashboard's ranking (issue 15 §2): its place in its
appraisal category, its forms, rate and score overall and per respondent group, and its
problems. The figures come from models.unit_figures on the database lane."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.labels import label_of
from desktop.widgets.ranking import RankingTableModel, pct, score
from models.enums import AppraisalCategory, RespondentGroup


class UnitFiguresDialog(QDialog):
    def __init__(self, unit_label: str, figures: dict, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("unitFiguresDialog")
        self.setWindowTitle(self.tr("Figures of %1").replace("%1", unit_label))
        self.figures = figures
        form = QFormLayout()
        overall = figures["overall"] or {}
        rank = overall.get("rank")
        bands = RankingTableModel(self)
        rows = [
            (self.tr("Appraisal category"),
             label_of(AppraisalCategory, overall.get("category")), "category"),
            (self.tr("Rank in category"), str(rank) if rank else self.tr("unranked"), "rank"),
            (self.tr("Band"), bands.band_text(overall.get("band")), "band"),
            (self.tr("Forms"), str(overall.get("forms", 0)), "forms"),
            (self.tr("Satisfaction rate"), pct(overall.get("satisfaction_rate")), "rate"),
            (self.tr("Weighted score"), score(overall.get("weighted_score")), "score"),
            (self.tr("Appraisal points"), score(overall.get("points")), "points"),
        ]
        problems = figures["problems"]
        rows.append((self.tr("Problems"), self.tr("%1, %2 rectified, %3 overdue")
                     .replace("%1", str(problems["total"]))
                     .replace("%2", str(problems["rectified"]))
                     .replace("%3", str(problems["overdue"])), "problems"))
        for caption, value, name in rows:
            form.addRow(caption, QLabel(value, objectName=f"unitFigure_{name}"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._groups(figures["by_group"]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 360)

    def _groups(self, by_group: dict) -> QTableWidget:
        table = QTableWidget(len(by_group), 4, objectName="unitFiguresByGroup")
        table.setHorizontalHeaderLabels([self.tr("Respondent group"), self.tr("Forms"),
                                         self.tr("Satisfaction rate"), self.tr("Weighted score")])
        table.verticalHeader().setVisible(False)
        for r, (group, row) in enumerate(by_group.items()):
            cells = [label_of(RespondentGroup, group), str(row["forms"]),
                     pct(row["satisfaction_rate"]), score(row["weighted_score"])]
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        return table
