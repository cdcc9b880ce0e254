"""A kiosk at a service window set up and started with commands only, from a fresh data
directory, as over SSH (issue 17 §3): no window is ever opened to set it up."""

import os
import subprocess
import sys

from tests.desktop.conftest import PASSPHRASE
from tests.models.helpers import FORM_HEADER, write_csv


def _run(data_dir, *args, **env):
    clean = {k: v for k, v in os.environ.items()
             if k not in ("FIELDINSPECT_PIN", "FIELDINSPECT_SUPERVISOR_PIN")}
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env={**clean, "FIELDINSPECT_PASSPHRASE": PASSPHRASE,
                               "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", **env},
                          timeout=120)


def test_a_kiosk_is_set_up_and_started_with_commands_only(tmp_path):
    data_dir = tmp_path / "kiosk"
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"],
                      [["余庆县", "county", ""], ["不动产登记窗口", "service_window", "余庆县"]])
    forms = write_csv(tmp_path / "forms.csv", FORM_HEADER, [
        ["1", "2026年万民评议", "citizen", "不动产登记窗口", "满意", "", "", "2026-03-02"]])
    added = _run(data_dir, "profile", "add", "负责人", "--role", "supervisor",
                 FIELDINSPECT_PIN="2468")
    assert added.returncode == 0, added.stderr
    clerk = _run(data_dir, "profile", "add", "窗口", "--role", "clerk",
                 FIELDINSPECT_PIN="1357", FIELDINSPECT_SUPERVISOR_PIN="2468")
    assert clerk.returncode == 0, clerk.stderr
    for kind, path in (("units", units), ("evaluations", forms)):
        done = _run(data_dir, "--user", "负责人", "import", kind, str(path))
        assert done.returncode == 0, done.stderr
    listed = _run(data_dir, "profile", "list").stdout
    assert [line.split()[:3] for line in listed.splitlines()[1:]] == [
        ["负责人", "Supervisor", "set"], ["窗口", "Clerk", "set"]]
    started = _run(data_dir, "--user", "窗口", "kiosk", "--unit", "不动产登记窗口", "--self-test")
    assert started.returncode == 0, started.stderr
