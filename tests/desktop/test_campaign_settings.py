"""The campaign form: a campaign's weights and minimum sample decide every score and ranking,
so on a device that is not HQ they are shown read-only, with a note that HQ sets them, and
saving the form never changes them (issue 11 §2, part 4)."""

import sqlalchemy as sa
from PySide6.QtWidgets import QLabel

from models.rules import RESULT_SETTINGS
from tests.desktop.conftest import make_session


def _new_campaign_dialog(session, qtbot, ready, run):
    from desktop.pages.campaigns import CampaignsPanel

    panel = CampaignsPanel(session)
    qtbot.addWidget(panel)
    ready(panel)

    async def go():
        await panel.create_new()
        return panel.current_dialog

    return run(go())


def _locked(widget) -> bool:
    """A spin box read-only, the grouping's check box disabled."""
    return widget.isReadOnly() if hasattr(widget, "isReadOnly") else not widget.isEnabled()


def _min_sample(store) -> list[int]:
    with store.read() as conn:
        return conn.execute(sa.text("SELECT min_sample FROM campaign")).scalars().all()


def test_office_device_shows_result_settings_read_only(store, worker, qtbot, ready, run):
    session = make_session(store, worker, role="supervisor", device_role="office")
    dialog = _new_campaign_dialog(session, qtbot, ready, run)
    assert all(_locked(dialog.editors[key].widget) for key in RESULT_SETTINGS)
    note = dialog.findChild(QLabel, "hqSettingsNote")
    assert note is not None and not note.isHidden()
    dialog.editors["name"].set("2026年万民评议")
    dialog.editors["year"].set(2026)
    dialog.editors["min_sample"].set(1)  # even a value put there is not what gets saved
    run(dialog.save())
    assert not dialog.isVisible()  # saved without a refusal
    assert _min_sample(store) == [30]


def test_hq_device_sets_result_settings(store, worker, qtbot, ready, run):
    store.set_meta("device_role", "hq")
    session = make_session(store, worker, role="hq", device_role="hq")
    dialog = _new_campaign_dialog(session, qtbot, ready, run)
    assert not any(_locked(dialog.editors[key].widget) for key in RESULT_SETTINGS)
    assert dialog.findChild(QLabel, "hqSettingsNote") is None
    dialog.editors["name"].set("2026年万民评议")
    dialog.editors["year"].set(2026)
    dialog.editors["min_sample"].set(12)
    run(dialog.save())
    assert _min_sample(store) == [12]


def test_a_new_campaign_at_hq_starts_from_the_default_bands_and_points(store, worker, qtbot,
                                                                      ready, run):
    """HQ saving a new campaign unchanged keeps 先进 10 %, 末位 3 and 10 points (not 0s)."""
    store.set_meta("device_role", "hq")
    session = make_session(store, worker, role="hq", device_role="hq")
    dialog = _new_campaign_dialog(session, qtbot, ready, run)
    dialog.editors["name"].set("2027年万民评议")
    run(dialog.save())
    with store.read() as conn:
        row = conn.execute(sa.text("SELECT band_top_percent, band_bottom_count, "
                                   "appraisal_points FROM campaign")).one()
    assert tuple(row) == (10.0, 3, 10.0)


def test_hq_turns_the_grouping_by_category_off_on_the_campaign_form(store, worker, qtbot,
                                                                   ready, run):
    """A new campaign ranks within categories; HQ unticking the box ranks one county list
    (issue 15 §2). On an office device the box is shown, locked (above)."""
    store.set_meta("device_role", "hq")
    session = make_session(store, worker, role="hq", device_role="hq")
    dialog = _new_campaign_dialog(session, qtbot, ready, run)
    box = dialog.editors["rank_by_category"].widget
    assert box.isChecked() and box.isEnabled()
    dialog.editors["name"].set("2027年万民评议")
    box.setChecked(False)
    run(dialog.save())
    with store.read() as conn:
        assert conn.execute(sa.text("SELECT rank_by_category FROM campaign")).scalar() == 0
