"""Starting the kiosk full screen (what `fieldinspect kiosk` runs at a window terminal's boot)."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.kiosk.window import KioskWindow
from desktop.session import Session
from desktop.worker import DbWorker


def run_kiosk(store, profile: str, target: dict, *, full_screen: bool = True,
              self_test: bool = False) -> int:
    """The kiosk until a supervisor leaves it; with `self_test`, until it has been shown."""
    from desktop.app import make_application
    from desktop.i18n import Translations, preferred_language

    app = make_application(sys.argv[:1])
    translations = Translations()
    translations.switch(preferred_language())
    worker = DbWorker()
    session = Session(store=store, worker=worker, profile=profile, profile_role="kiosk",
                      device_role="kiosk")
    window = KioskWindow(session, target)
    window.exit_requested.connect(lambda: (window.allow_close(), window.close(), app.quit()))
    window.rating_failed.connect(lambda exc: print(f"fieldinspect: a rating was not saved: {exc}",
                                                   file=sys.stderr))
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    window.setFocus()
    if self_test:
        QTimer.singleShot(0, lambda: (window.allow_close(), window.close(), app.quit()))
    try:
        return app.exec()
    finally:
        worker.shutdown()


__all__ = ["QApplication", "run_kiosk"]
