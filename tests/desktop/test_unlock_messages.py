"""A wrong passphrase reads in the window's language, on the start-up passphrase dialog and on
the idle lock screen: the refusal is rendered by its code (models/messages), the same sentence
the command line prints (issue 13 §1)."""

import asyncio
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop import messages
from tests.desktop.conftest import PASSPHRASE, make_session, until

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture(autouse=True)
def _keep_app(qapp):
    qapp.setQuitOnLastWindowClosed(False)  # as the app sets it: closing a dialog ends nothing


@pytest.fixture
def chinese_window(qapp):
    from desktop.i18n import CHINESE, ENGLISH, Translations

    translations = Translations()
    assert translations.switch(CHINESE)
    yield
    translations.switch(ENGLISH)


async def a_dialog(name: str):
    def find():
        return next((w for w in QApplication.topLevelWidgets()
                     if w.objectName() == name and w.isVisible()), None)

    await until(find)
    return find()


def _only_chinese(text: str) -> bool:
    return bool(CJK.search(text)) and not LATIN.search(text)


def test_unlock_dialog_says_wrong_passphrase_in_chinese(chinese_window, run, worker, store):
    from desktop.open_store import unlock

    data_dir = store.data_dir
    store.close()

    async def go():
        task = asyncio.ensure_future(unlock(worker, data_dir))
        dialog = await a_dialog("passphraseDialog")
        dialog.passphrase.setText("not the passphrase")
        dialog._check()
        await until(lambda: dialog.error.isVisible())
        shown = dialog.error.text()
        dialog.passphrase.setText(PASSPHRASE)
        dialog._check()
        return shown, await task

    shown, opened = run(go())
    assert shown == messages.text("wrong_passphrase", lang=messages.CHINESE)
    assert _only_chinese(shown), shown
    worker.call_blocking(opened.close)


def test_lock_screen_says_wrong_passphrase_in_chinese(chinese_window, store, small, worker,
                                                      qtbot, run, tmp_path):
    from desktop.main_window import MainWindow

    window = MainWindow(make_session(store, worker), "zh_CN")
    qtbot.addWidget(window)
    window.show()
    screen = window.lock_screen

    async def go():
        window.idle.set_timeout_ms(0)
        await until(lambda: window.locked and screen.secret.isEnabled())
        window.idle.set_timeout_ms(10 * 60_000)
        screen.secret.setText("not it")
        QTest.keyClick(screen.secret, Qt.Key.Key_Return)
        await until(lambda: screen.error.isVisible() and screen.secret.isEnabled())

    run(go())
    shown = screen.error.text()
    assert shown == messages.text("window_wrong_passphrase", lang=messages.CHINESE)
    assert _only_chinese(shown), shown
    window.grab().save(str(tmp_path / "lock_screen_zh.png"))
