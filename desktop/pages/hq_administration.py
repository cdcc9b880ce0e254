"""HQ administration: campaigns, teams, checklists and devices, one tab each."""

from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from desktop.pages.base import Page
from desktop.pages.campaigns import CampaignsPanel
from desktop.pages.checklist_templates import ChecklistsPanel
from desktop.pages.devices import DevicesPanel
from desktop.pages.teams import TeamsPanel


class HqAdminPage(Page):
    """Campaigns, teams, checklists and (unless standalone) devices, one tab each."""

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.teams = TeamsPanel(session, self)
        self.campaigns = CampaignsPanel(session, self)
        self.checklists = ChecklistsPanel(session, self)
        for panel in (self.teams, self.campaigns, self.checklists):
            panel.records_changed.connect(self.records_changed)
        self.devices = DevicesPanel(session, self)
        self.tabs = QTabWidget(objectName="hqTabs")
        self.tabs.addTab(self.campaigns, self.campaigns.title())
        self.tabs.addTab(self.teams, self.teams.title())
        self.tabs.addTab(self.checklists, self.checklists.title())
        if not session.standalone:  # a standalone office enrolls no devices: it has no HQ
            self.tabs.addTab(self.devices, self.tr("Devices"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def first_show(self) -> None:
        self.teams.activate()
        self.campaigns.activate()
        self.checklists.activate()
        if self.session.standalone:
            self.devices.loaded = True  # not shown: nothing to load
        else:
            self.devices.reload()

    def refresh(self) -> None:
        self.teams.refresh()
        self.campaigns.refresh()
        self.checklists.refresh()

    def is_ready(self) -> bool:
        return self.teams.is_ready() and self.campaigns.is_ready() and \
            self.checklists.is_ready() and self.devices.loaded
