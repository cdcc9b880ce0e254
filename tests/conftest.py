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
os.environ.setdefault("FIELDINSPECT_KEY_DIR", tempfile.mkdtemp(prefix="fieldinspect-keys-"))

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
def _qt_garbage_collected_before_other_threads_run(request):
    """A worker that ran window tests holds Qt objects in reference cycles that become garbage
    after their test's own collection (pytest drops its fixtures' references later). A test
    outside tests/desktop that runs HQ or a sync on other threads allocates heavily there, and
    a cycle collection started on such a thread would destroy those Qt objects off the GUI
    thread, and Qt would crash in the next processEvents. That is the likeliest cause (not
    proven) of the segfault in pytest-qt's `_process_events` seen in 3 of 5 clean-clone CI runs
    across two sessions, each time in a worker that had run window tests. Collect on this, the
    GUI, thread first, as tests/desktop/conftest.py does for its own tests and desktop.app does
    every few seconds."""
    if "PySide6.QtWidgets" in sys.modules and _DESKTOP_TESTS not in request.path.parents:
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            gc.collect()
    yield


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
