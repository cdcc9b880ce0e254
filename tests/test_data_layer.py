"""The window's data layer (`desktop.data`) runs where Qt is not loaded: on the DB worker and in
the headless command line. The import contracts in pyproject.toml check the source; this checks
what a program that uses every data module actually loads."""

import os
import subprocess
import sys


def test_every_data_module_loads_without_qt():
    code = ("import importlib, pkgutil, sys\n"
            "import desktop.data as data\n"
            "for m in pkgutil.iter_modules(data.__path__):\n"
            "    importlib.import_module('desktop.data.' + m.name)\n"
            "print(' '.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.getcwd()})
    loaded = set(out.stdout.split())
    assert "desktop.data.local_store" in loaded and "desktop.data.sync_status" in loaded
    assert not {m for m in loaded if m.startswith(("PySide6", "qasync"))}
