"""The Random rounds page's *Step aside…* (回避, issue 16 §1): the selected visit's representative
is replaced by the round's reserve, and the visit's row shows the stand-in."""

from tests.desktop.conftest import make_session
from tests.models.test_rounds import TODAY, county, request  # noqa: F401


def test_step_aside_on_the_page_puts_the_reserves_stand_in_on_the_visit(qtbot, county, worker,  # noqa: F811
                                                                      ready, monkeypatch):
    from desktop.pages import rounds
    from desktop.pages.rounds import RoundsPage
    from models.rounds import draw_with_seed

    store, _units, people = county
    with store.write("hq") as w:
        draw_with_seed(w, request(units=1, township="白泥镇", max_per_rep=1), TODAY, "5a" * 32)
    errors = []
    monkeypatch.setattr(rounds, "show_error", lambda _parent, exc: errors.append(exc))
    page = RoundsPage(make_session(store, worker, role="hq", device_role="hq"))
    qtbot.addWidget(page)
    page.show()
    ready(page)
    qtbot.waitUntil(lambda: page.visits.rowCount() == 1, timeout=20000)
    before = page.visits.item(0, 2).text().split("、")
    monkeypatch.setattr(page, "choose_leaving", lambda _visit: 0)
    page.visits.selectRow(0)
    page.step_aside()
    qtbot.waitUntil(lambda: errors or "steps aside" in page.status.text(), timeout=20000)
    assert errors == []
    qtbot.waitUntil(lambda: page.visits.item(0, 2) is not None
                    and page.visits.item(0, 2).text().split("、") != before, timeout=20000)
    after = page.visits.item(0, 2).text().split("、")
    assert after[1] == before[1] and after[0] not in before
    assert after[0] in {"王五", "赵六", "钱七"}  # nobody who lives in 白泥镇
