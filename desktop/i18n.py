"""Languages: the .ts source under resources/ is compiled to .qm by pyside6-lrelease, at build
time (build.spec ships it) or at first run into the user's cache (never committed)."""

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop.messages import (  # noqa: F401 (the window's modules import them from here)
    CHINESE,
    ENGLISH,
    LANGUAGES,
    resources_dir,
    set_language,
    ts_file,
)
from models.paths import APP_NAME

log = logging.getLogger(__name__)

SETTINGS_KEY = "ui/language"


def lrelease_program() -> str | None:
    import PySide6

    bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32"
                                               else "lrelease")
    if bundled.exists():
        return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_ts(ts: Path, qm: Path) -> bool:
    program = lrelease_program()
    if program is None:
        log.warning("lrelease not found; the window stays in English")
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([program, "-silent", str(ts), "-qm", str(qm)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        log.warning("lrelease failed: %s", done.stderr.strip())
    return done.returncode == 0 and qm.exists()


def qm_file(lang: str) -> Path | None:
    """The compiled catalogue: shipped beside the .ts, else built into the cache when stale."""
    ts = ts_file(lang)
    shipped = ts.with_suffix(".qm")
    frozen = getattr(sys, "_MEIPASS", None) is not None  # the build compiled it from this .ts
    if shipped.exists() and (frozen or not ts.exists()
                             or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    cached = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "translations" / (
        shipped.name)
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    return cached if compile_ts(ts, cached) else None


def preferred_language() -> str:
    saved = QSettings().value(SETTINGS_KEY, "")
    if saved in LANGUAGES:
        return saved
    return CHINESE if QLocale.system().language() == QLocale.Language.Chinese else ENGLISH


def save_language(lang: str) -> None:
    QSettings().setValue(SETTINGS_KEY, lang)


class Translations:
    """The translator installed on the application; `switch` swaps it at run time."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self._qt: QTranslator | None = None  # Qt's own words: OK, Cancel, Save, Yes, No…
        self.language = ENGLISH

    def remove(self) -> None:
        """Take this object's catalogues off the application: the window's source words
        (English) show again."""
        app = QCoreApplication.instance()
        for translator in (self._translator, self._qt):
            if translator is not None:
                app.removeTranslator(translator)
        self._translator = self._qt = None
        self.language = ENGLISH
        set_language(ENGLISH)

    def switch(self, lang: str) -> bool:
        app = QCoreApplication.instance()
        self.remove()
        if lang == ENGLISH:
            # English needs a catalogue too, for its plurals ("1 record", "2 records").
            self._translator = _install(app, qm_file(ENGLISH))
            return True
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            self._qt = qt
        self._translator = _install(app, qm_file(lang))
        if self._translator is None:
            log.warning("no translation for %s", lang)
            return False
        self.language = lang
        set_language(lang)
        return True


def _install(app: QCoreApplication, qm: Path | None) -> QTranslator | None:
    translator = QTranslator(app)
    if qm is None or not translator.load(str(qm)):
        return None
    app.installTranslator(translator)
    return translator
