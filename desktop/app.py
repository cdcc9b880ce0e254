"""Start-up of the desktop app: `run()` (what `fieldinspect` with no subcommand calls) and the
`--self-test` of the packaged build."""

import argparse
import asyncio
import gc
import logging
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from qasync import QEventLoop, asyncSlot

from desktop.errors import message_for, title_for
from desktop.i18n import Translations, preferred_language, resources_dir, save_language
from desktop.session import Session
from desktop.worker import DbWorker
from models.paths import resolve_data_dir

log = logging.getLogger(__name__)
CJK_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                "Source Han Sans SC", "WenQuanYi Micro Hei"]


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName("FieldInspect")
    app.setApplicationName("FieldInspect")
    app.setQuitOnLastWindowClosed(False)  # the app ends when DesktopApp says so
    font = app.font()
    # Chinese must render with a CJK font on every platform, never as boxes.
    font.setFamilies([font.family(), *CJK_FAMILIES])
    app.setFont(font)
    qss = resources_dir() / "styles" / "fieldinspect.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    return app


async def make_session(worker: DbWorker, store, profile: dict) -> Session:
    from models.profiles import device_role_name, is_standalone
    from models.security.settings import idle_lock_minutes

    role = await worker.run(device_role_name, store)
    standalone = await worker.run(is_standalone, store)
    is_demo, rep, idle = await worker.run(lambda: (
        store.is_demo, store.meta("representative_id"), idle_lock_minutes(store)))
    session = Session(store=store, worker=worker, profile=profile["name"],
                      profile_role=profile["role"], device_role=role, is_demo=is_demo,
                      representative_id=rep or "", idle_lock_minutes=idle,
                      standalone=standalone)
    await session.refresh_reference()
    return session


class DesktopApp:
    """Owns the window across language switches; `main()` returns the exit code."""

    def __init__(self, app: QApplication, data_dir: str | None, user: str | None) -> None:
        self.app, self.data_dir, self.user = app, data_dir, user
        self.translations = Translations()
        self.translations.switch(preferred_language())
        self.worker = DbWorker()
        self.window = None
        self.session = None
        self._closed: asyncio.Future | None = None

    async def main(self) -> int:
        from desktop.open_store import open_session

        self._closed = asyncio.get_running_loop().create_future()
        try:
            self.session = await open_session(self.worker, resolve_data_dir(self.data_dir),
                                               self.user)
        except Exception as exc:  # noqa: BLE001 - shown, then a clean exit
            box = QMessageBox(QMessageBox.Icon.Critical, title_for(exc), message_for(exc))
            from desktop.widgets.asking import run_dialog

            await run_dialog(box)
            return getattr(exc, "exit_code", 1)
        if self.session is None:
            return 0
        self.start_first_load()
        self.show_window()
        try:
            return await self._closed
        finally:
            self.session.close_sync()
            await self.worker.run(self.session.store.close)
            self.worker.shutdown()

    def start_first_load(self) -> None:
        """The dashboard's figures, asked of the database lane before the window is built
        (~50 ms of widgets and imports on the GUI thread meanwhile) when the window opens on
        the dashboard; the page takes the result (DashboardPage.reload)."""
        if self.session.visible_pages()[:1] != ("dashboard",):
            return
        from desktop.data.dashboard import NO_FILTERS, load_dashboard

        self.session.first_loads["dashboard"] = self.worker.submit(
            load_dashboard, self.session.store, dict(NO_FILTERS), True)

    def show_window(self, geometry=None) -> None:
        from desktop.main_window import MainWindow

        self.window = MainWindow(self.session, self.translations.language,
                                 settings=QSettings())
        self.window.closed.connect(self._window_closed)
        self.window.language_chosen.connect(self.switch_language)
        self.window.rebuild_requested.connect(self.rebuild)
        self.window.profile_switched.connect(self.switch_profile)
        if geometry is not None:
            self.window.setGeometry(geometry)
        self.window.show()
        self.window.sync.start_auto()

    @asyncSlot()
    async def rebuild(self) -> None:
        """The device enrolled: its role decides the pages, so the window is made again."""
        from models.profiles import device_role_name

        self.session.device_role = await self.worker.run(device_role_name, self.session.store)
        self.session.standalone = False
        await self.session.refresh_reference()
        self.switch_language(self.translations.language)

    @asyncSlot(dict)
    async def switch_profile(self, profile: dict) -> None:
        """Another person took the keyboard: a session of theirs, and the window made again
        (their role decides the pages), without closing the store."""
        self.session.close_sync()
        self.session = await make_session(self.worker, self.session.store, profile)
        old = self.window
        old.closed.disconnect(self._window_closed)
        self.show_window(old.geometry())
        old.close()
        old.deleteLater()

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in the new language (every string is translated at build time)."""
        self.translations.switch(lang)
        save_language(lang)
        old = self.window
        here = old.current_page_id()  # the settings page, where the language was chosen
        old.closed.disconnect(self._window_closed)
        old.save_geometry()  # the new window opens where this one is, maximised or not
        self.show_window()
        if here in self.window.page_ids:
            self.window.show_page(here)
        old.close()
        old.deleteLater()

    def _window_closed(self) -> None:
        if self._closed is not None and not self._closed.done():
            self._closed.set_result(0)


def collect_on_the_gui_thread(app: QApplication, interval_ms: int = 10_000) -> QTimer:
    """As Anki does: no automatic garbage collection, which may start on the DB worker or a
    sync thread and destroy Qt objects there (Qt crashes); a collection on the GUI thread
    every few seconds instead."""
    gc.disable()
    timer = QTimer(app, interval=interval_ms)
    timer.timeout.connect(gc.collect)
    timer.start()
    return timer


def run(data_dir: str | None = None, user: str | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    app = make_application()
    collect_on_the_gui_thread(app)
    loop = QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(DesktopApp(app, data_dir, user).main())


def self_test() -> int:
    from desktop.self_test import run_self_test

    return run_self_test()


def main(argv: list[str] | None = None) -> int:
    """`python -m desktop.app [--data-dir DIR] [--user NAME] [--self-test]` (the built program)."""
    from desktop.cli import add_global_options, global_options_argv
    from desktop.cli import main as cli_main

    parser = argparse.ArgumentParser(prog="fieldinspect-desktop")
    add_global_options(parser)
    parser.add_argument("--self-test", action="store_true")
    args, rest = parser.parse_known_args(argv)
    if args.self_test:
        return self_test()
    if rest:  # every global option goes on, or a command acts as the wrong person
        if argv is None:  # the built program's own command line: it ends with the command
            from desktop.cli import end_without_final_collection

            end_without_final_collection()
        return cli_main(global_options_argv(args) + rest)
    return run(args.data_dir, args.user)


if __name__ == "__main__":
    raise SystemExit(main())
