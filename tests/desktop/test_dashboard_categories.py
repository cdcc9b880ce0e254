"""The dashboard's ranking lists units within their appraisal category with their band, and a
double-click on a unit opens that unit's figures (issue 15 §2)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from models.rankings import category_ranking
from tests.desktop.conftest import until


@pytest.fixture
def page(qtbot, ready, demo_session):
    from desktop.pages.dashboard import DashboardPage

    page = DashboardPage(demo_session)
    qtbot.addWidget(page)
    ready(page)
    return page


def _column(model, name: str) -> int:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return headers.index(name)


def test_dashboard_ranks_within_each_category_with_bands(page, demo_store):
    model = page.ranking_model
    with demo_store.read() as conn:
        expected = category_ranking(conn, None)
    category, band = _column(model, "Appraisal category"), _column(model, "Band")
    shown = [(model.data(model.index(r, category)), model.data(model.index(r, 0)),
              model.data(model.index(r, band))) for r in range(model.rowCount())]
    labels = {"township": "Townships and streets", "county_department": "County departments",
              "station": "Stations", "service_window": "Service windows", "school": "Schools",
              "hospital": "Hospitals"}
    bands = {"advanced": "Advanced", "qualified": "Qualified", "last": "Last band", None: ""}
    assert shown == [(labels[c], str(u["rank"]) if u["rank"] else "unranked", bands[u["band"]])
                     for c, units in expected.items() for u in units]
    assert {"Advanced", "Qualified", "Last band"} <= {b for *_, b in shown}


def test_double_click_on_a_unit_opens_its_figures(page, run, demo_store):
    model = page.ranking_model
    row = next(r for r, u in enumerate(model.rows) if u.get("band") == "last")
    unit = model.rows[row]
    view = page.ranking_view
    view.doubleClicked.emit(model.index(row, 1))
    run(until(lambda: getattr(page, "unit_dialog", None) is not None
              and page.unit_dialog.isVisible()))
    dialog = page.unit_dialog
    assert model.labels[unit["unit_id"]] in dialog.windowTitle()
    value = {n: dialog.findChild(QLabel, f"unitFigure_{n}").text()
             for n in ("rank", "band", "forms", "rate", "score", "problems")}
    assert value["rank"] == str(unit["rank"]) and value["band"] == "Last band"
    assert value["forms"] == str(unit["forms"])
    assert value["score"] == f"{unit['weighted_score']:.1f}"
    assert value["rate"] == f"{unit['satisfaction_rate'] * 100:.1f}%"
    groups = dialog.figures["by_group"]
    assert sum(g["forms"] for g in groups.values()) == unit["forms"]
    dialog.reject()
