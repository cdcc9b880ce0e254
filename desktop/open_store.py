"""The start-up conversation: first-start choice, passphrase, demo data, profile and PIN."""

import importlib
import logging
import platform
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QDialog, QProgressDialog

from desktop.data.local_store import open_local_store, store_exists
from desktop.messages import error_text
from desktop.startup import (
    DEMO,
    ENROLL,
    EnrollDialog,
    FirstStartDialog,
    PassphraseDialog,
    ProfileDialog,
    YourNameDialog,
)
from desktop.widgets.asking import run_dialog
from models.errors import StoreLockedError
from models.settings import device_settings

log = logging.getLogger(__name__)
# What the window needs after the passphrase, imported while it is being typed (SQLAlchemy
# alone is a third of a second on an old laptop). Qt-free modules only: safe off the GUI thread.
WARM_UP = ("sqlalchemy", "models.store.store", "models.profiles", "models.stats",
           "desktop.data.dashboard")

ACCEPTED = QDialog.DialogCode.Accepted


def demo_dir_for(data_dir: Path) -> Path:
    """The demo store lives beside the real one, never inside it, and never syncs."""
    return data_dir.with_name(data_dir.name + "-demo")


async def open_session(worker, data_dir: Path, user: str | None):
    from desktop.app import make_session

    choice, store_dir = None, data_dir
    if not store_exists(data_dir):
        dialog = FirstStartDialog()
        if await run_dialog(dialog) != ACCEPTED:
            return None
        choice = dialog.selected()
        if choice == DEMO:
            store_dir = demo_dir_for(data_dir)
        enroll = (dialog.address.text().strip(), dialog.code.text().strip())
    store = await unlock(worker, store_dir)
    if store is None:
        return None
    if choice == DEMO and not await worker.run(store.holds_records):
        await with_progress(worker, _load_demo, store)
    elif choice == ENROLL:
        await enroll_store(store, *enroll, worker=worker)
    profile = await pick_profile(worker, store, user)
    if profile is None:
        await worker.run(store.close)
        return None
    return await make_session(worker, store, profile)


def warm_up() -> threading.Thread:
    def load() -> None:
        for name in WARM_UP:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - the real import later reports it properly
                log.debug("warm-up import of %s failed", name, exc_info=True)

    thread = threading.Thread(target=load, name="warm-up imports", daemon=True)
    thread.start()
    return thread


async def unlock(worker, store_dir: Path):
    """Open (or create) the store: with FIELDINSPECT_PASSPHRASE when it is set and works, as
    the README promises, otherwise with the passphrase typed in the dialog."""
    from models.security.passphrase_policy import passphrase_problem

    creating = not store_exists(store_dir)
    dialog = PassphraseDialog(creating, str(store_dir))
    warm_up()
    env = device_settings().passphrase or ""
    if env and creating and passphrase_problem(env) is not None:
        dialog.show_error(dialog.too_short(passphrase_problem(env)[1]["minimum"]))
    elif env:
        try:
            return await worker.run(open_local_store, store_dir, env)
        except StoreLockedError as exc:  # the variable's is wrong: say why (by code), ask
            dialog.show_error(error_text(exc))
    while await run_dialog(dialog) == ACCEPTED:
        try:
            return await worker.run(open_local_store, store_dir, dialog.passphrase.text())
        except StoreLockedError as exc:
            dialog.show_error(error_text(exc))  # by its code, in the window's language
            dialog.passphrase.clear()
    return None


def _load_demo(store) -> None:
    from models.demo import load_demo_data

    load_demo_data(store)


async def enroll_store(store, address: str, code: str, *, transport=None,
                       parent=None, ask_first: bool = False, worker=None) -> dict | None:
    """Redeem HQ's one-time code for this store, asking again while it fails; None when the
    user gives up (the store stays unenrolled; Settings offers enrolling later). With the
    window's `worker`, the enrollment's store work runs on its database lane."""
    from desktop.errors import message_for
    from sync.client.engine import SyncEngine

    engine = SyncEngine(store, transport=transport,
                        db_executor=worker.executor if worker is not None else None)
    dialog = EnrollDialog(address, code, parent)
    try:
        if ask_first:
            if await run_dialog(dialog) != ACCEPTED:
                return None
            address, code = dialog.address.text().strip(), dialog.code.text().strip()
        while True:
            try:
                return await engine.enroll(address, code, label=platform.node()[:80])
            except Exception as exc:  # noqa: BLE001 - shown, then asked again
                dialog.show_error(message_for(exc))
            if await run_dialog(dialog) != ACCEPTED:
                return None
            address, code = dialog.address.text().strip(), dialog.code.text().strip()
    finally:
        engine.close()


async def with_progress(worker, fn, *args):
    """Run long work on the worker; a busy dialog appears only after 600 ms."""
    progress = QProgressDialog()
    progress.setObjectName("busyDialog")
    progress.setLabelText(QCoreApplication.translate("StartUp", "Preparing the demo data…"))
    progress.setRange(0, 0)
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.reset()
    timer = QTimer(singleShot=True, interval=600)
    timer.timeout.connect(progress.show)
    timer.start()
    try:
        return await worker.run(fn, *args)
    finally:
        timer.stop()
        progress.close()


async def ask_first_profile(worker, store) -> bool:
    """Ask who is at the keyboard; make their profile with the role the device's gives."""
    from desktop.labels import label_of
    from models.enums import ProfileRole
    from models.profiles import create_profile, default_profile_role, device_role_name

    role = default_profile_role(await worker.run(device_role_name, store))
    dialog = YourNameDialog(label_of(ProfileRole, role.value))
    if await run_dialog(dialog) != ACCEPTED:
        return False
    await worker.run(create_profile, store, dialog.name.text().strip(), role)
    return True


async def pick_profile(worker, store, user: str | None) -> dict | None:
    from models.errors import AppError
    from models.profiles import acting_profile, list_profiles
    from models.security.pins import WrongPinError, verify_pin

    profiles = await worker.run(list_profiles, store)
    if not profiles and (user or await worker.run(lambda: store.is_demo)):
        await worker.run(acting_profile, store, user)
        profiles = await worker.run(list_profiles, store)
    elif not profiles:  # a new device: its first profile carries the person's name
        if not await ask_first_profile(worker, store):
            return None
        profiles = await worker.run(list_profiles, store)
    if len(profiles) == 1 and not profiles[0]["pin_hash"]:
        return profiles[0]
    preselect = user if any(p["name"] == user for p in profiles) else None
    dialog = ProfileDialog(profiles, preselect)
    while await run_dialog(dialog) == ACCEPTED:
        chosen = dialog.chosen()
        try:  # wrong PINs count towards a lockout, per profile (models.security.pins)
            await worker.run(verify_pin, store, chosen["name"], dialog.pin.text())
        except WrongPinError:
            dialog.wrong_pin()
        except AppError as exc:
            dialog.locked_out(error_text(exc))
        else:
            return chosen
    return None
