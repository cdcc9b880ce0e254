"""Shared test set-up: cheap key derivation, a fresh data directory per test, and a private
home for each test process so that the suite runs in parallel (`pytest -n 2`, pytest-xdist).

Rules for a test that must pass under xdist (every test must; `.ci/test` runs `-n logical`):
- Write only under `tmp_path` (or `tmp_path_factory`): never a fixed /tmp path, never into the
  repository. Each worker process also gets its own XDG config/cache/data/state folders (set
  below), so QSettings, the compiled .qm cache and platformdirs never meet another worker's.
- A server on a socket takes its port from the `free_port` fixture (or `tests.ports.free_port`)
  and is ready for another try if the port was taken in between.
- PostgreSQL: use the `database_url` / `pg_url` fixtures (tests/sync/conftest.py); each makes its
  own throw-away database with a unique name, so workers never share one. Where HQ's database
  plays no part (the client, the window, a document), mark the test
  `tests.sync.helpers.HQ_ON_SQLITE_ONLY`: the PostgreSQL run is for HQ's own rules.
- A command of the command line: `tests.cli_runner.run_cli` runs `main(argv)` in the test's
  process (a new interpreter costs about a second); start a real process only for what needs
  one (exit codes, what a process imports, the locale, a server).
- Fresh stores replay the first one's migrated schema (tests/schema_template.py); a test of a
  migration starts from its older revision and gets the real chain.
- Environment variables: `monkeypatch.setenv`, never a bare `os.environ[...] =` in a test; no
  `os.chdir` (use `monkeypatch.chdir`, or pass paths).
- Session-scoped fixtures are built once per worker, not once per run: keep them read-only.
- Tests in one module may run on different workers, in any order: no test may depend on
  another having run first.
"""

import atexit
import gc
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from tests.ports import free_port as _free_port

os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Device key parts go to a throw-away folder, never the real keyring or the user's config.
os.environ.setdefault("FIELDINSPECT_KEYRING", "0")
if "FIELDINSPECT_KEY_DIR" not in os.environ:  # removed at exit with the key parts in it
    os.environ["FIELDINSPECT_KEY_DIR"] = tempfile.mkdtemp(prefix="fieldinspect-keys-")
    atexit.register(shutil.rmtree, os.environ["FIELDINSPECT_KEY_DIR"], ignore_errors=True)

# Each test process (the xdist controller and every worker imports this module) gets its own
# config, cache, data and state folders, set before Qt or platformdirs read them: the window's
# QSettings (language, geometry), the .qm compiled on first use and the CLI's state files are
# then never written by two workers at once, nor left in the real user's home.
_HOME = Path(tempfile.mkdtemp(prefix="fieldinspect-test-home-"))
for _var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_HOME / _var.lower())
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)

# Fresh SQLite stores replay the first one's migrated schema (tests/schema_template.py).
if os.environ.get("FIELDINSPECT_TEST_REAL_MIGRATIONS") != "1":
    from tests import schema_template

    schema_template.install(setattr)

PASSPHRASE = "correct horse"
_DESKTOP_TESTS = Path(__file__).parent / "desktop"


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_gui_thread_only(request):
    """In a test process that has loaded Qt, as in the window (`desktop.app`
    `collect_on_the_gui_thread`, after Anki): no automatic cycle collection, one on this, the
    GUI, thread before each test, and after each window test.

    Windows and pages hold reference cycles (signal lambdas). An automatic collection starts on
    whichever thread allocates when the threshold trips: the DB worker importing a file, HQ or
    a sync engine on threads of their own. Started there it destroyed Qt objects off the GUI
    thread, and Qt crashed then or in the next processEvents (pytest-qt's `_process_events`
    after a window test, in 3 of 5 clean-clone CI runs across two sessions). Collecting at
    test boundaries only made it rarer: the collections inside a test were left to chance, and
    a worker died again in `test_a_good_file_is_imported_whole` while the DB worker imported
    (CI of 2026-12-03). A test about the collector's own state asks for `cycle_collector_on`."""
    window_test = _DESKTOP_TESTS in request.path.parents
    if not window_test and not _qt_application_made():
        yield
        return
    gc.collect()
    gc.disable()
    yield
    if window_test:
        gc.collect()


def _qt_application_made() -> bool:
    """Qt objects live in this process (a window test ran): every test module is imported
    when tests are collected, so a loaded PySide6 alone says nothing."""
    if "PySide6.QtWidgets" not in sys.modules:
        return False
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() is not None


@pytest.fixture
def cycle_collector_on():
    """Automatic cycle collection on for this test (it asserts what code does to the
    collector), as it is in a process that never loaded Qt; as it was after."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.fixture
def free_port() -> int:
    """A loopback TCP port nothing listens on right now (another worker may take it before
    the test binds it: start the server with a retry, as tests/sync/test_cli_sync.py does)."""
    return _free_port()


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "device"


@pytest.fixture
def store(data_dir):
    from models.store.store import Store

    s = Store.open(data_dir, PASSPHRASE)
    yield s
    s.close()
