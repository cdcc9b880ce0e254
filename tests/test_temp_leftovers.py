"""A test run leaves nothing of its own in the temp folder: not the device key parts the tests
write (tests/conftest.py), not the HQ store a collected module starts (test_schemathesis), in
any process that imported them (each xdist worker collects every module)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_collecting_the_tests_leaves_no_folder_in_the_temp_folder(tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k != "FIELDINSPECT_KEY_DIR" and not k.startswith(("PYTEST_", "XDG_"))}
    env["TMPDIR"] = str(temp)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--collect-only", "-p", "no:cacheprovider",
         "-p", "no:xdist", "tests/security/test_schemathesis.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.name for p in temp.iterdir()) == []
