"""The visit dialog on a representative's own laptop, and its checklist of representatives
(issue 12 §5): the person and the team are filled in, the checklist narrows as one types."""

import pytest

from tests.desktop.conftest import make_session, until
from tests.desktop.test_entry import type_text


@pytest.fixture
def teams(store):
    from models import services
    from models.reference import Representative, Team

    with store.write("hq") as w:
        ids = {n: services.create_record(w, Team, {"name": n}) for n in ("第10组", "第2组", "第1组")}
        reps = {
            name: services.create_record(w, Representative, {"name": name, "team_id": ids[team]})
            for name, team in (("王芳", "第2组"), ("李强", "第2组"), ("张伟", "第10组"),
                               ("王磊", "第1组"))}
    return ids, reps


def rep_session(store, worker, rep_id):
    session = make_session(store, worker, role="clerk", device_role="representative")
    session.representative_id = rep_id
    return session


def open_new_visit(page, run):
    async def go():
        page.create_new()
        await until(lambda: getattr(page, "current_dialog", None) is not None
                    and page.current_dialog.isVisible())
        return page.current_dialog

    return run(go())


def test_a_new_visit_on_a_representatives_laptop_names_them_and_their_team(qtbot, store,
                                                                          worker, teams, run):
    from desktop.pages.visits import VisitsPage

    team_ids, reps = teams
    page = VisitsPage(rep_session(store, worker, reps["王芳"]))
    qtbot.addWidget(page)
    page.show()
    dialog = open_new_visit(page, run)
    values = dialog.values()
    assert values["representative_ids"] == [reps["王芳"]]
    assert values["team_id"] == team_ids["第2组"]
    dialog.reject()


def test_the_checklist_follows_the_team_and_narrows_to_a_typed_name(qtbot, store, worker,
                                                                   teams, run):
    from desktop.pages.visits import VisitsPage

    team_ids, _reps = teams
    page = VisitsPage(make_session(store, worker, role="supervisor", device_role="hq"))
    qtbot.addWidget(page)
    page.show()
    dialog = open_new_visit(page, run)
    checklist = dialog.editors["representative_ids"].widget

    def shown():
        return {checklist.list.item(i).text() for i in range(checklist.list.count())
                if not checklist.list.item(i).isHidden()}

    team_box = dialog.editors["team_id"].widget
    assert [team_box.itemText(i) for i in range(team_box.count())][1:] == [
        "第1组", "第2组", "第10组"]  # natural order, after the empty choice
    assert shown() == {"王芳", "李强", "张伟", "王磊"}
    team_box.setCurrentIndex(team_box.findData(team_ids["第2组"]))
    assert shown() == {"王芳", "李强"}
    checklist.show_team(None)
    checklist.search.setFocus()
    type_text(checklist.search, "王")
    assert shown() == {"王芳", "王磊"}
    dialog.reject()
