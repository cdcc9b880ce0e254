"""`bash .ci/app` installs only what the app needs (Qt runtime, a Chinese font, the venv without
the test tools), not PostgreSQL or pytest; `.ci/test` still installs everything it runs.
The scripts are checked in dry-run mode (FIELDINSPECT_SETUP_DRY_RUN=1), which changes nothing."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def plan(*command: str) -> str:
    env = {**os.environ, "FIELDINSPECT_SETUP_DRY_RUN": "1"}
    done = subprocess.run(["bash", *command], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stderr + done.stdout


def test_the_app_command_installs_neither_postgresql_nor_the_test_tools():
    # read first: an old .ci/app would run the full install, dry-run or not
    assert 'setup" --app' in (ROOT / ".ci" / "app").read_text()
    out = plan(".ci/app")
    assert "mode: app" in out
    assert "libxcb-cursor0" in out and "fonts-wqy-microhei" in out
    assert "postgresql" not in out
    assert "pip install -e '.'" in out and "[test]" not in out


def test_the_test_command_still_installs_postgresql_and_the_test_tools():
    assert 'setup" --test' in (ROOT / ".ci" / "test").read_text()
    out = plan(".ci/setup", "--test")
    assert "postgresql" in out and "pip install -e '.[test]'" in out


def test_apt_update_waits_for_the_lists_lock():
    script = (ROOT / ".ci" / "setup").read_text()
    assert "/var/lib/apt/lists/lock" in script and "lists_locked" in script
