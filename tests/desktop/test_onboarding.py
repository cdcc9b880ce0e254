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
    assert shown == "Wrong passphrase."
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
