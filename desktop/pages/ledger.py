"""The rectification ledger: opinions sorted into categories, and problems from report to
closure; overdue problems stand out and status changes follow the workflow rules."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout

from desktop.pages.base import Page
from desktop.pages.opinions import OpinionsPanel
from desktop.pages.problems import ProblemsPanel


class LedgerPage(Page):
    """Opinions above, problems below."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.opinions = OpinionsPanel(session, self)
        self.opinions.parent_ledger = self
        self.problems = ProblemsPanel(session, self)
        for panel in (self.opinions, self.problems):
            panel.records_changed.connect(self.records_changed)
        splitter = QSplitter(Qt.Orientation.Vertical)
        for panel in (self.opinions, self.problems):
            heading = QLabel(panel.title(), objectName="sectionHeading")
            panel.layout_.insertWidget(0, heading)
            splitter.addWidget(panel)
        splitter.setSizes([300, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def first_show(self) -> None:
        self.opinions.activate()
        self.problems.activate()

    def refresh(self) -> None:
        self.opinions.refresh()
        self.problems.refresh()

    def is_ready(self) -> bool:
        return self.opinions.is_ready() and self.problems.is_ready()
