"""The ledger's problem form: a new problem takes the open campaign, the problems list filters
by campaign, and "Confidential source" is shown everywhere but set at HQ only."""

import pytest
import sqlalchemy as sa

from tests.desktop.conftest import make_session, until


def _ledger(qtbot, ready, session):
    from desktop.pages.ledger import LedgerPage

    page = ready(LedgerPage(session))
    qtbot.addWidget(page)
    return page.problems


@pytest.mark.parametrize("device_role,may_set", [("office", False), ("hq", True)])
def test_confidential_source_is_set_at_hq_only(qtbot, ready, run, store, small, worker,
                                               device_role, may_set):
    problems = _ledger(qtbot, ready, make_session(store, worker, device_role=device_role))

    async def go():
        await problems.create_new()
        dialog = problems.current_dialog
        dialog.editors["description"].set("表单新问题")
        dialog.editors["confidential_source"].set(True)
        editable = dialog.editors["confidential_source"].widget.isEnabled()
        campaign = dialog.editors["campaign_id"].get()
        await dialog.save()
        await until(lambda: problems.table_model.rowCount() == 3)
        return editable, campaign

    editable, campaign = run(go())
    assert editable is may_set
    assert campaign == small["campaign"]  # the open campaign, before anyone picks one
    with store.read() as conn:
        row = conn.execute(sa.text("SELECT campaign_id, confidential_source FROM problem "
                                   "WHERE description = '表单新问题'")
                           ).one()
    assert row.campaign_id == small["campaign"] and bool(row.confidential_source) is may_set


def test_problems_filter_by_campaign(qtbot, ready, run, session, small):
    problems = _ledger(qtbot, ready, session)
    box = problems.filter_bar.findChild(type(problems.status_box), "filter_campaign_id")
    assert box is not None and box.findData(small["campaign"]) > 0


@pytest.mark.parametrize("device_role,may_set", [("office", False), ("hq", True)])
def test_the_reply_to_the_complainant_is_recorded_at_hq_only(qtbot, ready, run, store, worker,
                                                            device_role, may_set):
    from PySide6.QtWidgets import QLabel

    problems = _ledger(qtbot, ready, make_session(store, worker, device_role=device_role))

    async def go():
        await problems.create_new()
        dialog = problems.current_dialog
        headings = [w.text() for w in dialog.findChildren(QLabel, "sectionHeading")]
        editable = {k: dialog.editors[k].widget.isEnabled()
                    for k in ("reply_method", "replied_on", "replied_by", "complainant_view")}
        dialog.reject()
        return headings, editable

    headings, editable = run(go())
    assert headings == ["Reply to the complainant", "Assignment to the unit"]
    assert set(editable.values()) == {may_set}
