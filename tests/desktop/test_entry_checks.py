"""Input is checked where it is typed (issue 12 §4): the window refuses what the rules refuse,
with the refusal under the field it concerns, in the user's language; and a campaign's decimal
weights are kept as typed."""

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QLabel

from tests.desktop.conftest import make_session
from tests.desktop.test_spreadsheets import chinese  # noqa: F401 - the fixture


def _dialog(page_class, session, qtbot, ready, run):
    page = page_class(session)
    qtbot.addWidget(page)
    ready(page)

    async def go():
        await page.create_new()
        return page.current_dialog

    return run(go())


def _error_under(dialog, key: str) -> str:
    column = dialog.editors[key].widget.parentWidget()
    label = column.findChild(QLabel, "fieldError")
    return label.text() if label is not None and not label.isHidden() else ""


def test_secret_visit_without_representatives_names_the_fields(store, worker, qtbot, ready, run):
    from desktop.pages.visits import VisitsPage

    session = make_session(store, worker, role="hq", device_role="hq")
    dialog = _dialog(VisitsPage, session, qtbot, ready, run)
    dialog.editors["kind"].set("secret")
    run(dialog.save())
    assert dialog.isVisible()  # not saved
    assert _error_under(dialog, "representative_ids") == \
        "A secret visit needs the representatives who go."
    assert _error_under(dialog, "team_id") == "A secret visit needs a team."
    assert _error_under(dialog, "place") == ""
    with store.read() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM visit")).scalar() == 0


@pytest.mark.usefixtures("chinese")
def test_finding_without_description_is_refused_in_chinese(store, worker, qtbot, ready, run):
    from desktop.pages.findings import FindingsPage

    session = make_session(store, worker, role="supervisor", device_role="representative")
    dialog = _dialog(FindingsPage, session, qtbot, ready, run)
    run(dialog.save())
    assert dialog.isVisible()
    assert _error_under(dialog, "description") == "请写明发现的问题。"


def _campaign_dialog(store, worker, qtbot, ready, run):
    from desktop.pages.campaigns import CampaignsPanel

    store.set_meta("device_role", "hq")
    session = make_session(store, worker, role="hq", device_role="hq")
    dialog = _dialog(CampaignsPanel, session, qtbot, ready, run)
    dialog.editors["name"].set("2026年万民评议")
    dialog.editors["year"].set(2026)
    return dialog


def test_campaign_weight_82_5_is_kept(store, worker, qtbot, ready, run):
    dialog = _campaign_dialog(store, worker, qtbot, ready, run)
    dialog.editors["weight_fairly_satisfied"].set(82.5)
    run(dialog.save())
    assert not dialog.isVisible()
    with store.read() as conn:
        weight = conn.execute(sa.text("SELECT weight_fairly_satisfied FROM campaign")).scalar()
    assert weight == 82.5


def test_campaign_minimum_sample_of_zero_is_refused(store, worker, qtbot, ready, run):
    dialog = _campaign_dialog(store, worker, qtbot, ready, run)
    dialog.editors["min_sample"].set(0)
    dialog.editors["weight_dissatisfied"].set(100)
    run(dialog.save())
    assert dialog.isVisible()
    assert _error_under(dialog, "min_sample") == "At least 1."
    assert _error_under(dialog, "weight_dissatisfied") == \
        "Must not exceed the weight of the level above (60)."


@pytest.mark.usefixtures("chinese")
def test_hq_refusal_by_a_rule_is_shown_in_the_users_language():
    """A pushed problem HQ refused as verified without measures: the Sync issues page says so
    in the window's language, naming the field, not in HQ's English."""
    from desktop.pages.sync_issues import refusal_text

    issue = {"code": "verify_needs_measures", "details": '{"field": "measures"}',
             "reason": "measures: write down the measures taken before verifying"}
    text = refusal_text(issue)
    assert "请先填写整改措施，再验收。" in text and "measures" not in text
