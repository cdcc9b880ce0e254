"""The county's office settings on the Settings page (issue 14 §5): HQ edits them in a form;
an office device shows them read-only, with a note that HQ sets them."""

from PySide6.QtWidgets import QLabel, QPushButton

from models.office_settings import read_office_settings, save_office_settings
from tests.desktop.conftest import make_session


def _settings_page(session, qtbot, ready):
    from desktop.pages.settings import SettingsPage

    page = SettingsPage(session, "en")
    qtbot.addWidget(page)
    return ready(page)


def test_hq_edits_the_office_settings_on_the_settings_page(store, worker, qtbot, ready, run):
    store.set_meta("device_role", "hq")
    page = _settings_page(make_session(store, worker, role="hq", device_role="hq"), qtbot,
                          ready)
    panel = page.office
    assert panel.shown["default_deadline_days"].text() == "30"
    run(panel.edit())
    dialog = panel.current_dialog
    assert all(e.widget.isEnabled() for e in dialog.editors.values())
    dialog.editors["issuer_name"].set("中共某某县纪律检查委员会")
    dialog.editors["prefix_criticism"].set("县纪通")
    dialog.editors["default_deadline_days"].set(45)
    run(dialog.save())
    assert not dialog.isVisible()
    with store.read() as conn:
        saved = read_office_settings(conn)
    assert (saved["issuer_name"], saved["prefix_criticism"], saved["default_deadline_days"]) \
        == ("中共某某县纪律检查委员会", "县纪通", 45)
    assert panel.shown["prefix_criticism"].text() == "县纪通"


def test_an_office_device_shows_the_office_settings_read_only(store, worker, qtbot, ready):
    with store.write("hq") as w:  # as HQ's record arrives by a pull
        save_office_settings(w, {"hotline": "0871-12388"})
    store.set_meta("device_role", "office")
    page = _settings_page(make_session(store, worker, role="supervisor", device_role="office"),
                          qtbot, ready)
    assert page.office.shown["hotline"].text() == "0871-12388"
    assert page.office.findChild(QPushButton, "editOfficeSettings") is None
    note = page.office.findChild(QLabel, "officeSettingsNote")
    assert note is not None and not note.isHidden()


def test_a_new_problem_takes_the_default_deadline_hq_set(store, worker, qtbot):
    from datetime import date, timedelta

    from desktop.pages.problems import ProblemsPanel

    with store.write("hq") as w:
        save_office_settings(w, {"default_deadline_days": 45})
    store.set_meta("device_role", "office")
    page = ProblemsPanel(make_session(store, worker, role="clerk", device_role="office"))
    qtbot.addWidget(page)
    assert page.defaults()["deadline"] == date.today() + timedelta(days=45)


def test_hq_sets_the_work_reports_signer_and_prefix_on_the_settings_page(store, worker, qtbot,
                                                                         ready, run):
    store.set_meta("device_role", "hq")
    page = _settings_page(make_session(store, worker, role="hq", device_role="hq"), qtbot,
                          ready)
    panel = page.office
    assert panel.shown["signer"].text() == "—"  # none set yet
    run(panel.edit())
    dialog = panel.current_dialog
    dialog.editors["signer"].set("王五")
    dialog.editors["prefix_work_report"].set("余纠报")
    run(dialog.save())
    with store.read() as conn:
        saved = read_office_settings(conn)
    assert (saved["signer"], saved["prefix_work_report"]) == ("王五", "余纠报")
    assert panel.shown["signer"].text() == "王五"
