"""The one table of the main window's pages: each page's id, title, the class that shows it and
who sees it. The navigation, the page classes' ids and titles and the pages each role sees are
all read from here; a page id is spelled nowhere else in `desktop/`
(tests/desktop/test_page_table.py checks it).

A role that is not listed sees no page at all (the window says so): a new role must be added
here before it sees anything, rather than inheriting another role's pages.
"""

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.enums import DeviceRole, ProfileRole

# The titles are translated in this context (the navigation's, where they always were).
TITLE_CONTEXT = "MainWindow"
_HQ, _OFFICE, _REP, _KIOSK, _UNIT = (DeviceRole.HQ, DeviceRole.OFFICE,
                                     DeviceRole.REPRESENTATIVE, DeviceRole.KIOSK, DeviceRole.UNIT)
# An office that never enrolled: it has no HQ, so it keeps its own campaigns and teams.
STANDALONE_OFFICE = "standalone office"
# The office's outputs: supervisors and HQ only.
_SUPERVISORS = frozenset({ProfileRole.SUPERVISOR, ProfileRole.HQ})
_NOT_CLERKS = frozenset(ProfileRole) - {ProfileRole.CLERK}


@dataclass(frozen=True)
class PageSpec:
    id: str
    title: str  # English source text, translated in TITLE_CONTEXT
    target: str  # "module:Class", imported only when the page is first opened
    roles: frozenset[str]  # device roles that see it (a demo store shows HQ's pages)
    profiles: frozenset[str] | None = None  # profile roles that see it; None: every profile

    def title_text(self) -> str:
        return QCoreApplication.translate(TITLE_CONTEXT, self.title)


def _page(page_id, title, target, roles, **rest) -> PageSpec:
    return PageSpec(page_id, title, target, frozenset(roles), **rest)


# In navigation order. Roles follow the sync issue's authorization matrix: office devices never
# hold visits, findings or criticisms; a kiosk only rates.
PAGES: tuple[PageSpec, ...] = (
    # A unit's liaison sees its own problems only (issue 14 §2), its sync issues and settings.
    _page("our_problems", QT_TRANSLATE_NOOP("MainWindow", "Our problems"),
          "desktop.pages.liaison:OurProblemsPage", {_UNIT}),
    _page("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Dashboard"),
          "desktop.pages.dashboard:DashboardPage", {_HQ, _OFFICE, _REP}),
    _page("visits", QT_TRANSLATE_NOOP("MainWindow", "Visits"),
          "desktop.pages.visits:VisitsPage", {_HQ, _REP}),
    _page("findings", QT_TRANSLATE_NOOP("MainWindow", "Findings"),
          "desktop.pages.findings:FindingsPage", {_HQ, _REP}),
    _page("criticisms", QT_TRANSLATE_NOOP("MainWindow", "Criticisms"),
          "desktop.pages.criticisms:CriticismsPage", {_HQ, _REP}),
    _page("evaluations", QT_TRANSLATE_NOOP("MainWindow", "Evaluations"),
          "desktop.pages.evaluations:EvaluationsPage", {_HQ, _OFFICE}),
    _page("entry", QT_TRANSLATE_NOOP("MainWindow", "Form entry"),
          "desktop.entry.page:EntryPage", {_HQ, _OFFICE, _KIOSK}),
    # Breakdowns for everyone who reads the figures; the comparison tab at HQ only (issue 15 §3).
    _page("trends", QT_TRANSLATE_NOOP("MainWindow", "Trends"),
          "desktop.pages.trends:TrendsPage", {_HQ, _OFFICE}),
    _page("ledger", QT_TRANSLATE_NOOP("MainWindow", "Rectification ledger"),
          "desktop.pages.ledger:LedgerPage", {_HQ, _OFFICE}),
    # HQ's answers to the units' reports and requests (issue 14 §2); a standalone office
    # answers for itself (models.security.roles.require_hq_device).
    _page("acceptance", QT_TRANSLATE_NOOP("MainWindow", "Acceptance and extensions"),
          "desktop.pages.acceptance:AcceptancePage", {_HQ, STANDALONE_OFFICE},
          profiles=_SUPERVISORS),
    # Random inspection rounds (双随机, issue 16 §1): HQ draws, verifies and publishes.
    _page("rounds", QT_TRANSLATE_NOOP("MainWindow", "Random rounds"),
          "desktop.pages.rounds:RoundsPage", {_HQ}, profiles=_NOT_CLERKS),
    _page("accountability", QT_TRANSLATE_NOOP("MainWindow", "Accountability"),
          "desktop.pages.accountability:AccountabilityPage", {_HQ}),
    _page("units", QT_TRANSLATE_NOOP("MainWindow", "Units and representatives"),
          "desktop.pages.units:UnitsPage", {_HQ, _OFFICE, _REP}),
    _page("reports", QT_TRANSLATE_NOOP("MainWindow", "Reports"),
          "desktop.pages.reports:ReportsPage", {_HQ, _OFFICE}, profiles=_SUPERVISORS),
    _page("hq", QT_TRANSLATE_NOOP("MainWindow", "HQ administration"),
          "desktop.pages.hq_administration:HqAdminPage", {_HQ, STANDALONE_OFFICE},
          profiles=_NOT_CLERKS),
    _page("conflicts", QT_TRANSLATE_NOOP("MainWindow", "Sync issues"),
          "desktop.pages.sync_issues:ConflictsPage", {_HQ, _OFFICE, _REP, _UNIT}),
    _page("settings", QT_TRANSLATE_NOOP("MainWindow", "Settings"),
          "desktop.pages.settings:SettingsPage", {_HQ, _OFFICE, _REP, _KIOSK, _UNIT}),
)
_BY_ID = {spec.id: spec for spec in PAGES}
_BY_TARGET = {spec.target: spec for spec in PAGES}


def page_spec(page_id: str) -> PageSpec:
    return _BY_ID[page_id]


def page_class(page_id: str):
    module, name = _BY_ID[page_id].target.split(":")
    return getattr(importlib.import_module(module), name)


def spec_of_class(cls: type) -> PageSpec | None:
    """The table's row for a page class (or the class it derives from); None for a panel."""
    for klass in cls.__mro__:
        spec = _BY_TARGET.get(f"{klass.__module__}:{klass.__qualname__}")
        if spec is not None:
            return spec
    return None


def pages_for(device_role: str, profile_role: str, *, standalone: bool = False) -> tuple[str, ...]:
    """The ids of the pages a person sees, in navigation order: none for an unknown role."""
    roles = {device_role}
    if standalone and device_role == DeviceRole.OFFICE:
        roles.add(STANDALONE_OFFICE)
    return tuple(spec.id for spec in PAGES if roles & spec.roles
                 and (spec.profiles is None or profile_role in spec.profiles))
