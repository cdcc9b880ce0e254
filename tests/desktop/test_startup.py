"""Before the window: first-start choice, passphrase, demo store, profile with PIN and lockout;
the profiles screen; and the language switch rebuilding the window in Chinese."""

import asyncio

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QLabel

from tests.desktop.conftest import PASSPHRASE, desktop_app_on, make_session, until


@pytest.fixture(autouse=True)
def _keep_app(qapp):
    qapp.setQuitOnLastWindowClosed(False)  # as the app sets it: closing a dialog ends nothing


async def a_dialog(name: str):
    def find():
        return next((w for w in QApplication.topLevelWidgets()
                     if w.objectName() == name and w.isVisible()), None)

    await until(find)
    return find()


def test_first_start_empty_store(run, worker, data_dir):
    from desktop.open_store import open_session

    async def go():
        task = asyncio.ensure_future(open_session(worker, data_dir, None))
        first = await a_dialog("firstStartDialog")
        first.options["empty"].setChecked(True)
        first.accept()
        phrase = await a_dialog("passphraseDialog")
        phrase.passphrase.setText("one long phrase")
        phrase.repeat.setText("two long phrase")
        phrase._check()
        assert phrase.error.isVisible() and "differ" in phrase.error.text()
        phrase.repeat.setText("one long phrase")
        phrase._check()
        name = await a_dialog("yourNameDialog")
        name.name.setText("王芳")
        name._check()
        return await task

    session = run(go())
    assert session.device_role == "office" and not session.is_demo
    assert session.profile == "王芳" and session.profile_role == "supervisor"
    assert (data_dir / "store.key").exists() or any(data_dir.iterdir())
    worker.call_blocking(session.store.close)


def test_first_start_demo_goes_to_a_separate_store(run, worker, data_dir):
    from desktop.open_store import demo_dir_for, open_session

    async def go():
        task = asyncio.ensure_future(open_session(worker, data_dir, None))
        first = await a_dialog("firstStartDialog")
        first.options["demo"].setChecked(True)
        first.accept()
        phrase = await a_dialog("passphraseDialog")
        phrase.passphrase.setText(PASSPHRASE)
        phrase.repeat.setText(PASSPHRASE)
        phrase._check()
        return await task

    session = run(go(), timeout=120)
    assert session.is_demo
    assert session.store.data_dir == demo_dir_for(data_dir)
    assert not data_dir.exists()
    worker.call_blocking(session.store.close)


def test_enroll_choice_needs_address_and_code(qtbot):
    from desktop.startup import ENROLL, FirstStartDialog

    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    dialog.options[ENROLL].setChecked(True)
    assert dialog.address.isEnabled()
    dialog._check()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "enrollment code" in dialog.error.text()


def test_wrong_passphrase_is_refused_then_the_right_one_opens(run, worker, store):
    from desktop.open_store import unlock

    data_dir = store.data_dir
    store.close()

    async def go():
        task = asyncio.ensure_future(unlock(worker, data_dir))
        dialog = await a_dialog("passphraseDialog")
        dialog.passphrase.setText("not it")
        dialog._check()
        await until(lambda: dialog.error.isVisible())
        text = dialog.error.text()
        dialog.passphrase.setText(PASSPHRASE)
        dialog._check()
        return text, await task

    text, opened = run(go())
    assert "Wrong passphrase" in text
    assert opened is not None
    worker.call_blocking(opened.close)


def test_pin_is_checked_with_lockout(run, worker, store):
    from desktop.open_store import pick_profile
    from models.enums import ProfileRole
    from models.profiles import create_profile

    create_profile(store, "王芳", ProfileRole.CLERK, "2468")
    create_profile(store, "李强", ProfileRole.SUPERVISOR, "1357")

    async def go():
        task = asyncio.ensure_future(pick_profile(worker, store, "王芳"))
        dialog = await a_dialog("profileDialog")
        assert dialog.box.currentData() == "王芳"
        messages = []
        for _ in range(5):
            dialog.pin.setText("0000")
            dialog.accept()
            await until(lambda: dialog.isVisible() and not dialog.pin.text())
            messages.append(dialog.error.text())
        dialog.pin.setText("2468")  # right, but locked for a while now
        dialog.accept()
        await until(lambda: dialog.isVisible() and not dialog.pin.text())
        messages.append(dialog.error.text())
        dialog.box.setCurrentIndex(dialog.box.findData("李强"))
        dialog.pin.setText("1357")
        dialog.accept()
        return messages, await task

    messages, chosen = run(go())
    assert messages[0] == "Wrong PIN."
    assert "locked" in messages[-1]
    assert chosen["name"] == "李强"


def test_profiles_screen_adds_a_clerk_and_sets_a_pin(run, worker, store, qtbot):
    from desktop.pages.settings import SettingsPage
    from models.profiles import check_pin, list_profiles

    session = make_session(store, worker, role="supervisor", device_role="office")
    page = SettingsPage(session, "en")
    qtbot.addWidget(page)

    async def go():
        page.activate()
        await until(page.is_ready)
        roles = []
        task = asyncio.ensure_future(page.profiles.add())
        dialog = await a_dialog("profileEditDialog")
        roles = [dialog.role.itemData(i) for i in range(dialog.role.count())]
        dialog.name.setText("tester")  # taken: refused in the dialog, which stays open
        dialog.accept()
        await until(lambda: dialog.error.isVisible())
        refused = dialog.error.text()
        dialog.name.setText("张敏")
        dialog.role.setCurrentIndex(dialog.role.findData("clerk"))
        dialog.pin.setText("12")
        dialog.repeat.setText("12")
        dialog.accept()
        await until(lambda: "4 digits" in dialog.error.text())
        dialog.pin.setText("1234")
        dialog.repeat.setText("1234")
        dialog.accept()
        await task
        return roles, refused

    from models.enums import ProfileRole
    from models.profiles import create_profile

    create_profile(store, "tester", ProfileRole.SUPERVISOR)
    roles, refused = run(go())
    assert roles == ["clerk", "supervisor"]
    assert "already a profile" in refused
    profiles = {p["name"]: p for p in list_profiles(store)}
    assert profiles["张敏"]["role"] == "clerk"
    assert check_pin(profiles["张敏"]["pin_hash"], "1234")
    names = [page.profiles.table.item(r, 0).text() for r in range(page.profiles.table.rowCount())]
    assert "张敏" in names


def test_a_clerk_may_not_set_anothers_pin(store):
    from models.enums import ProfileRole
    from models.errors import DomainError
    from models.profile_admin import set_pin
    from models.profiles import create_profile

    create_profile(store, "王芳", ProfileRole.CLERK)
    create_profile(store, "李强", ProfileRole.SUPERVISOR)
    with pytest.raises(DomainError):
        set_pin(store, "李强", "9999", by="王芳", by_role="clerk")
    set_pin(store, "王芳", "9999", by="王芳", by_role="clerk")


def test_supervisor_removes_a_profile_and_the_name_can_come_back(run, worker, store, qtbot):
    from desktop.pages.settings import SettingsPage
    from models.enums import ProfileRole
    from models.profile_admin import add_profile
    from models.profiles import check_pin, create_profile, list_profiles

    create_profile(store, "tester", ProfileRole.SUPERVISOR)
    create_profile(store, "王芳", ProfileRole.CLERK, pin="1357")
    page = SettingsPage(make_session(store, worker, role="supervisor"), "en")
    qtbot.addWidget(page)
    panel = page.profiles

    async def remove(name):
        row = [r["name"] for r in panel.rows].index(name)
        panel.table.selectRow(row)
        task = asyncio.ensure_future(panel.remove())
        box = await a_dialog("confirmDialog")
        box.button(box.StandardButton.Yes).click()
        await task
        return panel.note.text()

    async def go():
        page.activate()
        await until(page.is_ready)
        return await remove("tester"), await remove("王芳")

    refused, removed = run(go())
    assert refused == "You cannot remove your own profile."
    assert removed == "Profile 王芳 removed."
    assert [p["name"] for p in list_profiles(store)] == ["tester"]
    assert [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())] == ["tester"]
    add_profile(store, "王芳", "clerk", "2468", device_role="office", by="tester")
    back = {p["name"]: p for p in list_profiles(store)}["王芳"]
    assert check_pin(back["pin_hash"], "2468")


def test_the_last_supervisor_stays(store):
    from models.enums import ProfileRole
    from models.errors import DomainError
    from models.profile_admin import remove_profile
    from models.profiles import create_profile

    create_profile(store, "李强", ProfileRole.SUPERVISOR)
    create_profile(store, "王芳", ProfileRole.CLERK)
    with pytest.raises(DomainError, match="last profile"):
        remove_profile(store, "李强", by="王芳", by_role="supervisor")
    with pytest.raises(DomainError, match="Only a supervisor"):
        remove_profile(store, "李强", by="王芳", by_role="clerk")


def test_language_switch_rebuilds_the_window_in_chinese(run, worker, session, qapp,
                                                         monkeypatch):

    monkeypatch.setattr("desktop.app.save_language", lambda lang: None)
    monkeypatch.setattr("desktop.app.preferred_language", lambda: "en")
    app = desktop_app_on(qapp, worker, session)

    async def go():
        app.show_window()
        first = app.window
        settings = first.show_page("settings")
        settings.language_box.setCurrentIndex(settings.language_box.findData("zh_CN"))
        await until(lambda: app.window is not first)
        return first

    try:
        old = run(go())
        window = app.window
        titles = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert "整改台账" in titles and "Rectification ledger" not in titles
        from PySide6.QtCore import QCoreApplication

        # Qt's own buttons (OK, Cancel, Save) are in Chinese too
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert window.stack.currentWidget() is window.pages["settings"]
        assert not shiboken6.isValid(old) or not old.isVisible()
        app.switch_language("en")
        titles = [app.window.nav.item(i).text() for i in range(app.window.nav.count())]
        assert "Rectification ledger" in titles
    finally:
        app.translations.remove()
        app.window.close()
        run(asyncio.sleep(0.5))  # loads started by the windows end before the store closes
        worker.call_blocking(lambda: None)


def test_switching_user_rebuilds_the_window_for_the_new_profile(run, worker, session, qapp,
                                                                 monkeypatch, store):
    from models.enums import ProfileRole
    from models.profiles import create_profile

    monkeypatch.setattr("desktop.app.preferred_language", lambda: "en")
    create_profile(store, "王芳", ProfileRole.CLERK, pin="1357")
    app = desktop_app_on(qapp, worker, session)

    async def go():
        app.show_window()
        first = app.window
        first.profile_switched.emit({"name": "王芳", "role": ProfileRole.CLERK.value})
        await until(lambda: app.window is not first)

    try:
        run(go())
        assert app.session.profile == "王芳" and app.session.profile_role == "clerk"
        assert "hq" not in app.window.page_ids  # a clerk's pages, without a restart
        assert "王芳" in app.window.findChild(QLabel, "profileLabel").text()
    finally:
        app.translations.remove()  # the next test's window is in the source language again
        app.window.close()
        run(asyncio.sleep(0.5))
        worker.call_blocking(lambda: None)
