"""The Units page shows each unit's appraisal category (考评类别), marked when it is the one its
kind gives, and HQ sets it there; an office device has no way to (issue 15 §2)."""

from PySide6.QtCore import Qt

from models.reference import Unit
from tests.desktop.conftest import make_session


def _page(session, qtbot):
    from desktop.pages.units import UnitsPage

    page = UnitsPage(session)
    qtbot.addWidget(page)
    page.show_tree()
    return page


def _row(page, name: str) -> list[str]:
    model = page.tree.model()
    item = model.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)[0]
    parent = item.parent() or model.invisibleRootItem()
    return [parent.child(item.row(), c).text() for c in range(3)]


def _units(store) -> dict:
    with store.write("admin") as w:
        town = w.create(Unit, {"name": "城关街道", "kind": "department",
                               "category": "township"})
        school = w.create(Unit, {"name": "第一小学", "kind": "school"})
    return {"town": town, "school": school}


def test_units_page_shows_the_category_marked_when_it_is_the_kinds(store, worker, qtbot):
    _units(store)
    page = _page(make_session(store, worker, role="hq", device_role="hq"), qtbot)
    assert _row(page, "城关街道") == ["城关街道", "Department", "Townships and streets"]
    assert _row(page, "第一小学") == ["第一小学", "School", "Schools (by kind)"]


def test_hq_sets_a_units_category_on_the_units_page(store, worker, qtbot, run):
    store.set_meta("device_role", "hq")
    ids = _units(store)
    session = make_session(store, worker, role="hq", device_role="hq")
    page = _page(session, qtbot)
    assert page.edit_category.isVisibleTo(page)
    item = page.tree.model().findItems("第一小学", Qt.MatchFlag.MatchRecursive)[0]
    page.tree.setCurrentIndex(item.index())
    run(page.open_category())
    dialog = page.category_dialog
    dialog.editors["category"].set("county_department")
    run(dialog.save())
    with store.read() as conn:
        category = conn.exec_driver_sql("SELECT category FROM unit WHERE id=?",
                                        (ids["school"],)).scalar()
    assert category == "county_department"
    assert _row(page, "第一小学")[2] == "County departments"


def test_an_office_device_has_no_category_button(store, worker, qtbot):
    page = _page(make_session(store, worker, role="supervisor", device_role="office"), qtbot)
    assert not page.edit_category.isVisibleTo(page)
