"""A list exported from the window imports back unchanged (issue 17 §1): opinions, visits,
findings, criticisms and accountability cases, exported from their pages in English or in
Chinese, deleted, and imported again, come back with the same values; and each page offers
Import… where the device may import the kind."""

import pytest

from tests.desktop.conftest import make_session, until
from tests.desktop.test_spreadsheets import chinese  # noqa: F401 (the Chinese window)
from tests.models.helpers import write_csv
from tests.models.record_import_data import FILES, rows_of, set_up_county

PAGES = {"opinions": ("desktop.pages.opinions", "OpinionsPanel"),
         "visits": ("desktop.pages.visits", "VisitsPage"),
         "findings": ("desktop.pages.findings", "FindingsPage"),
         "criticisms": ("desktop.pages.criticisms", "CriticismsPage"),
         "accountability": ("desktop.pages.accountability", "AccountabilityPage")}
# What must come back: every field the list shows (and the links it implies)
FIELDS = {"opinions": ("text", "unit_id", "received_on", "source", "category", "campaign_id"),
          "visits": ("kind", "status", "unit_id", "visit_date", "team_id", "representative_ids",
                     "planned_at", "actual_at", "place", "summary"),
          "findings": ("visit_id", "unit_id", "found_on", "category", "severity", "description"),
          "criticisms": ("person_name", "post", "unit_id", "sanction", "behaviour", "decided_on",
                         "decided_by"),
          "accountability": ("subject", "person_name", "unit_id", "outcome", "violation",
                             "decided_on")}


@pytest.fixture
def county_session(store, worker, tmp_path):
    from models.imports import run_import

    set_up_county(store, tmp_path)
    for kind, (header, rows, *_) in FILES.items():
        run_import(store, kind, write_csv(tmp_path / f"{kind}.csv", header, rows), profile="hq")
    return make_session(store, worker, role="hq", device_role="hq")


def _page(qtbot, session, ready, kind):
    import importlib

    module, name = PAGES[kind]
    page = getattr(importlib.import_module(module), name)(session)
    qtbot.addWidget(page)
    page.show()
    return ready(page)


def _delete_all(store, kind):
    from tests.models.record_import_data import TABLES

    model = next(m for m in _models() if m.__tablename__ == TABLES[kind])
    with store.write("hq") as w:
        for (row_id,) in rows_of(store, kind, "id"):
            w.delete(model, row_id)


def _models():
    from models.records import AccountabilityCase, Finding, Opinion, PersonnelCriticism, Visit

    return (AccountabilityCase, Finding, Opinion, PersonnelCriticism, Visit)


def _round_trip(qtbot, session, ready, run, tmp_path, kind, suffix):
    from desktop.spreadsheets.export import export_page
    from models.imports import run_import

    store = session.store
    page = _page(qtbot, session, ready, kind)
    before = rows_of(store, kind, *FIELDS[kind])
    target = tmp_path / f"{kind}{suffix}"
    assert run(export_page(page, target)) == len(before)
    _delete_all(store, kind)
    report = run_import(store, kind, target, profile="hq")
    assert report.imported == len(before) and not report.rejected
    assert rows_of(store, kind, *FIELDS[kind]) == before


@pytest.mark.parametrize("kind", tuple(PAGES))
def test_an_english_export_imports_back_unchanged(qtbot, county_session, ready, run, tmp_path,
                                                  kind):
    _round_trip(qtbot, county_session, ready, run, tmp_path, kind, ".csv")


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("kind", tuple(PAGES))
def test_a_chinese_export_imports_back_unchanged(qtbot, county_session, ready, run, tmp_path,
                                                 kind):
    _round_trip(qtbot, county_session, ready, run, tmp_path, kind, ".xlsx")


def test_each_record_page_opens_its_import_at_hq(qtbot, county_session, run):
    import importlib

    from PySide6.QtWidgets import QPushButton

    for kind, (module, name) in PAGES.items():
        page = getattr(importlib.import_module(module), name)(county_session)
        qtbot.addWidget(page)
        page.findChild(QPushButton, "importButton").click()
        run(until(lambda p=page: getattr(p, "import_dialog", None) is not None))
        assert page.import_dialog.kind == kind and page.import_dialog.isVisible()
        page.import_dialog.reject()


def test_an_office_is_offered_the_import_of_opinions_only(qtbot, store, worker):
    import importlib

    from PySide6.QtWidgets import QPushButton

    session = make_session(store, worker, role="clerk", device_role="office")
    offered = set()
    for kind, (module, name) in PAGES.items():
        page = getattr(importlib.import_module(module), name)(session)
        qtbot.addWidget(page)
        if page.findChild(QPushButton, "importButton") is not None:
            offered.add(kind)
    assert offered == {"opinions"}
