"""Planned secret visits: on a representative's device only when that representative is
assigned; at HQ (and in the demo) every one, marked confidential."""

import pytest

from tests.desktop.conftest import make_session


@pytest.fixture
def visits(store):
    from models import services
    from models.records import Visit
    from models.reference import Representative, Team, Unit

    with store.write("hq") as w:
        me = services.create_record(w, Representative, {"name": "张三"})
        other = services.create_record(w, Representative, {"name": "李四"})
        # a secret visit names its unit and team (models.rules.visit_problems)
        where = {"unit_id": services.create_record(w, Unit, {"name": "县社保中心"}),
                 "team_id": services.create_record(w, Team, {"name": "第一督查组"})}
        made = {
            "mine": services.create_record(w, Visit, {
                "kind": "secret", "status": "planned", "representative_ids": [me], **where,
                "place": "mine"}),
            "theirs": services.create_record(w, Visit, {
                "kind": "secret", "status": "planned", "representative_ids": [other], **where,
                "place": "theirs"}),
            "done": services.create_record(w, Visit, {
                "kind": "secret", "status": "done", "representative_ids": [other], **where,
                "place": "done"}),
            "open": services.create_record(w, Visit, {
                "kind": "open", "status": "planned", "place": "open"}),
        }
    return me, made


def places(page, qtbot):
    model = page.table_model
    model.data(model.index(0, 0))  # ask for the first page of rows
    qtbot.waitUntil(model.all_fetched)
    col = [c.key for c in model.spec.columns].index("place")
    return sorted(model.data(model.index(r, col)) for r in range(model.rowCount()))


def test_representative_sees_only_the_secret_plans_they_are_assigned(store, worker, visits,
                                                                    ready, qtbot):
    from desktop.pages.visits import VisitsPage

    me, _ = visits
    session = make_session(store, worker, role="representative", device_role="representative")
    session.representative_id = me
    page = VisitsPage(session)
    qtbot.addWidget(page)
    ready(page)
    assert places(page, qtbot) == ["done", "mine", "open"]
    # the filter bar cannot bring it back
    page.table_model.set_filters({"kind": "secret"})
    qtbot.waitUntil(lambda: page.table_model.all_fetched() and page.table_model.rowCount() == 2)


def test_hq_sees_every_visit_with_secret_ones_marked_confidential(store, worker, visits,
                                                                  ready, qtbot):
    from PySide6.QtCore import Qt

    from desktop.pages.visits import VisitsPage
    from desktop.widgets.record_model import CONFIDENTIAL_BRUSH

    session = make_session(store, worker, role="hq", device_role="hq")
    page = VisitsPage(session)
    qtbot.addWidget(page)
    ready(page)
    assert places(page, qtbot) == ["done", "mine", "open", "theirs"]
    model = page.table_model
    kinds = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert "Secret visit · confidential" in kinds
    secret_row = next(r for r in range(model.rowCount())
                      if "confidential" in model.data(model.index(r, 0)))
    assert model.data(model.index(secret_row, 3), Qt.ItemDataRole.BackgroundRole) == \
        CONFIDENTIAL_BRUSH


def test_a_list_opens_in_its_own_order_not_by_its_first_column(demo_session, ready, qtbot):
    """Enabling sorting on the view must not re-sort the list by its first column."""
    from desktop.pages.visits import VisitsPage

    page = VisitsPage(demo_session)
    qtbot.addWidget(page)
    ready(page)
    model = page.table_model
    model.data(model.index(0, 0))
    qtbot.waitUntil(model.all_fetched)
    col = [c.key for c in model.spec.columns].index("visit_date")
    dates = [model.data(model.index(r, col)) for r in range(50)]
    assert dates == sorted(dates, reverse=True)
    assert len({model.data(model.index(r, 0)) for r in range(50)}) > 1  # not all one kind
