"""Which page class shows each page id, imported only when the page is first opened."""

import importlib

PAGE_CLASSES: dict[str, str] = {
    "dashboard": "desktop.pages.dashboard:DashboardPage",
    "visits": "desktop.pages.visits:VisitsPage",
    "findings": "desktop.pages.findings:FindingsPage",
    "criticisms": "desktop.pages.criticisms:CriticismsPage",
    "evaluations": "desktop.pages.evaluations:EvaluationsPage",
    "entry": "desktop.entry.page:EntryPage",
    "ledger": "desktop.pages.ledger:LedgerPage",
    "accountability": "desktop.pages.accountability:AccountabilityPage",
    "units": "desktop.pages.units:UnitsPage",
    "reports": "desktop.pages.reports:ReportsPage",
    "hq": "desktop.pages.hq_administration:HqAdminPage",
    "conflicts": "desktop.pages.sync_issues:ConflictsPage",
    "settings": "desktop.pages.settings:SettingsPage",
}


def page_class(page_id: str):
    module, name = PAGE_CLASSES[page_id].split(":")
    return getattr(importlib.import_module(module), name)
