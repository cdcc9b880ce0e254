"""A new user on a fresh machine: the passphrase (from FIELDINSPECT_PASSPHRASE or typed, long
enough and its strength shown), the person's name after enrolling, and a standalone office that
builds its own campaign, units, team and representatives in the window and keys a batch."""

import asyncio

import pytest
from PySide6.QtWidgets import QApplication

from tests.desktop.conftest import PASSPHRASE, until


@pytest.fixture(autouse=True)
def _keep_app(qapp, monkeypatch):
    qapp.setQuitOnLastWindowClosed(False)
    monkeypatch.delenv("FIELDINSPECT_PASSPHRASE", raising=False)


async def a_dialog(name: str):
    def find():
        return next((w for w in QApplication.topLevelWidgets()
                     if w.objectName() == name and w.isVisible()), None)

    await until(find)
    return find()


def test_passphrase_from_the_environment_skips_the_dialog(run, worker, store, monkeypatch):
    from desktop.open_store import unlock

    data_dir = store.data_dir
    store.close()
    monkeypatch.setenv("FIELDINSPECT_PASSPHRASE", PASSPHRASE)
    opened = run(unlock(worker, data_dir), timeout=20)  # no dialog is answered here
    assert opened is not None
    assert not any(w.objectName() == "passphraseDialog" and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    worker.call_blocking(opened.close)


def test_a_wrong_passphrase_in_the_environment_falls_back_to_asking(run, worker, store,
                                                                    monkeypatch):
    from desktop.open_store import unlock

    data_dir = store.data_dir
    store.close()
    monkeypatch.setenv("FIELDINSPECT_PASSPHRASE", "not the passphrase")

    async def go():
        task = asyncio.ensure_future(unlock(worker, data_dir))
        dialog = await a_dialog("passphraseDialog")
        shown = dialog.error.text()
        dialog.passphrase.setText(PASSPHRASE)
        dialog._check()
        return shown, await task

    shown, opened = run(go())
    assert shown == "Wrong passphrase: the store stays locked."
    worker.call_blocking(opened.close)


def test_a_short_passphrase_is_refused_with_the_minimum_and_strength_shown(qtbot, tmp_path):
    from desktop.startup import PassphraseDialog

    dialog = PassphraseDialog(True, str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText("abc")
    dialog.repeat.setText("abc")
    assert dialog.strength.text().startswith("weak") and "10" in dialog.strength.text()
    dialog._check()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert dialog.error.text() == "The passphrase needs at least 10 characters."
    dialog.passphrase.setText("correct horse battery")
    assert dialog.strength.text().startswith("strong")
    dialog.repeat.setText("correct horse battery")
    dialog._check()
    assert dialog.result() == dialog.DialogCode.Accepted


def _first_start_empty(run, worker, data_dir):
    from desktop.open_store import open_session

    async def go():
        task = asyncio.ensure_future(open_session(worker, data_dir, None))
        first = await a_dialog("firstStartDialog")
        first.options["empty"].setChecked(True)
        first.accept()
        phrase = await a_dialog("passphraseDialog")
        phrase.passphrase.setText(PASSPHRASE)
        phrase.repeat.setText(PASSPHRASE)
        phrase._check()
        name = await a_dialog("yourNameDialog")
        name.name.setText("李强")
        name._check()
        return await task

    return run(go())


def test_standalone_office_builds_its_reference_and_keys_a_batch_in_the_window(
        run, worker, data_dir, qtbot):
    from PySide6.QtCore import Qt

    from desktop.main_window import MainWindow
    from models.ids import natural_id
    from tests.desktop.test_entry import key, save_with, type_text

    session = _first_start_empty(run, worker, data_dir)
    assert session.standalone
    window = MainWindow(session, "en")
    qtbot.addWidget(window)
    window.show()
    assert "hq" in window.page_ids

    async def fill(panel_or_page, opener, values):
        await opener()
        dialog = panel_or_page.current_dialog if hasattr(panel_or_page, "current_dialog") \
            else panel_or_page.unit_dialog
        for name, value in values.items():
            dialog.editors[name].set(value)
        await dialog.save()
        assert not dialog.isVisible(), dialog.error_text() if hasattr(dialog, "error_text") else ""

    async def go():
        entry = window.show_page("entry")  # first look: nowhere to key yet
        entry.keying.header._start()
        told = entry.keying.header.message.text()
        admin = window.show_page("hq")
        await until(admin.is_ready)
        await fill(admin.campaigns, admin.campaigns.create_new,
                   {"name": "2026年万民评议", "year": 2026, "min_sample": 5})
        await fill(admin.teams, admin.teams.create_new, {"name": "第一督查组"})
        units = window.show_page("units")
        await until(units.is_ready)
        await fill(units, units.create_unit, {"name": "县社保中心", "kind": "department"})
        await until(lambda: any(u["name"] == "县社保中心" for u in session.reference.units))
        await until(lambda: session.reference.teams)
        await fill(units.representatives, units.representatives.create_new,
                   {"name": "张伟", "kind": "deputy", "team_id": session.reference.teams[0]["id"]})
        window.show_page("entry")
        await until(lambda: entry.keying.header.campaign.count() == 1)
        return told, entry

    told, entry = run(go(), timeout=60)
    assert "HQ administration" in told
    header = entry.keying.header
    header.unit.setFocus()
    type_text(header.unit.lineEdit(), "社保")
    header.cover.setValue(2)
    with qtbot.waitSignal(entry.keying.controller.forms_loaded, timeout=10000):
        key(header.start, Qt.Key.Key_Space)
    form = entry.keying.screen.form
    form.form_no.setText("0001")
    key(form.level, Qt.Key.Key_1)
    save_with(qtbot, entry.keying.screen, form.level)
    with session.store.read() as conn:
        saved = conn.exec_driver_sql("SELECT form_no, level FROM evaluation").fetchall()
        campaign = conn.exec_driver_sql("SELECT id, min_sample FROM campaign").one()
        unit = conn.exec_driver_sql("SELECT id FROM unit").scalar()
        reps = conn.exec_driver_sql("SELECT name, team_id FROM representative").fetchall()
    assert saved == [("0001", "satisfied")]
    # its own settings while standalone; ids from names, so the same names merge at HQ later
    assert campaign == (natural_id("campaign", "2026年万民评议"), 5)
    assert unit == natural_id("unit", "县社保中心")
    assert reps == [("张伟", natural_id("team", "第一督查组"))]
    window.close()
    run(asyncio.sleep(0.3))
    worker.call_blocking(session.store.close)


def test_after_enrolling_the_persons_name_is_asked_and_names_the_profile(
        run, worker, data_dir, tmp_path, monkeypatch):
    import desktop.open_store as open_store
    from models.profiles import list_profiles
    from sync.server import admin
    from tests.desktop.test_sync_window import transport_for
    from tests.sync.helpers import Hq

    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    hq = Hq.start(f"sqlite:///{tmp_path / 'hq-server'}", tmp_path)
    code = admin.enroll_device(hq.db, role="office", label="office-1")["code"]
    real_enroll = open_store.enroll_store
    monkeypatch.setattr(open_store, "enroll_store", lambda store, address, code, **kw: real_enroll(
        store, address, code, transport=transport_for(hq), **kw))

    async def go():
        task = asyncio.ensure_future(open_store.open_session(worker, data_dir, None))
        first = await a_dialog("firstStartDialog")
        first.options["enroll"].setChecked(True)
        first.address.setText("http://hq.test")
        first.code.setText(code)
        first._check()
        phrase = await a_dialog("passphraseDialog")
        phrase.passphrase.setText(PASSPHRASE)
        phrase.repeat.setText(PASSPHRASE)
        phrase._check()
        name = await a_dialog("yourNameDialog")
        name._check()  # empty: asked again
        refused = name.error.text()
        name.name.setText("  赵敏 ")
        name._check()
        return refused, await task

    try:
        refused, session = run(go(), timeout=60)
    finally:
        hq.close()
    assert refused == "Type your name."
    assert session.profile == "赵敏" and session.profile_role == "supervisor"
    assert [p["name"] for p in list_profiles(session.store)] == ["赵敏"]
    assert not session.standalone
    session.close_sync()
    worker.call_blocking(session.store.close)
