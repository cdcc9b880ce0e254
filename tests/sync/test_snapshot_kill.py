"""A new device killed (SIGKILL, a real process) while it takes HQ's snapshot, at each step of
the swap and at a random moment of it: the next `fieldinspect sync` finishes with every row
once and the store opens (issue 18 §1, "Done when")."""

import json
import os
import signal
import subprocess
import sys

import pytest

from tests.models.helpers import UNITS, write_csv
from tests.sync.helpers import PASSPHRASE
from tests.sync.test_cli_sync import _forms, cli, enroll, server  # noqa: F401 - the fixture

FORMS = 400

# Runs `fieldinspect sync` with SIGKILL wired to one step of the snapshot's install.
CHILD = r"""
import os, random, signal, sys, threading

from models.store import snapshot_file
from sync.client import snapshot

point = os.environ["SNAP_KILL_AT"]


def die():
    os.kill(os.getpid(), signal.SIGKILL)


if point == "written":  # the file whole on disk under its one-time key, not yet re-keyed
    real_raw = snapshot_file._raw
    snapshot_file._raw = lambda path, key: die() if path.name.endswith(
        snapshot.PART_SUFFIX) else real_raw(path, key)
elif point == "before rename":  # re-keyed, the local rows copied, committed
    real_fsync = snapshot_file._fsync
    snapshot_file._fsync = lambda path: die() if path.name.endswith(
        snapshot.PART_SUFFIX) else real_fsync(path)
elif point == "after rename":  # the new store in place, the old one's lock still held
    real_replace = os.replace

    def replace(src, dst, *a, **kw):
        real_replace(src, dst, *a, **kw)
        if str(src).endswith(snapshot.PART_SUFFIX):
            die()

    os.replace = replace
elif point == "random":  # anywhere in the install, in SQLCipher's re-key as likely as not
    real_install = snapshot.install

    def install(*args):
        threading.Timer(random.uniform(0, 0.4), die).start()
        return real_install(*args)

    snapshot.install = install

from desktop.cli import main

sys.exit(main(["--data-dir", sys.argv[1], "sync"]))
"""


@pytest.mark.parametrize("point", ["written", "before rename", "after rename", "random"])
def test_a_device_killed_mid_snapshot_finishes_at_the_next_sync(server, tmp_path,  # noqa: F811
                                                                point):
    boss = enroll(server, tmp_path, "hq-desk", "hq")
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    assert cli(boss, "import", "units", units).returncode == 0
    assert cli(boss, "import", "evaluations", _forms(tmp_path, "s", range(1, FORMS + 1))
               ).returncode == 0
    assert cli(boss, "sync").returncode == 0
    dev = enroll(server, tmp_path, "new-laptop", "office")
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": PASSPHRASE, "FIELDINSPECT_KEYRING": "0",
           "SNAP_KILL_AT": point}
    child = subprocess.run([sys.executable, "-c", CHILD, str(dev)], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
    if point != "random":  # a random moment may fall after the install
        assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    done = cli(dev, "sync", "--json")
    assert done.returncode == 0, done.stderr
    stats = json.loads(cli(dev, "stats", "--json").stdout)
    assert stats["evaluations"]["total"] == FORMS
    assert not any(p.name.endswith(".snapshot") for p in dev.iterdir())
    again = json.loads(cli(dev, "sync", "--json").stdout)
    assert again["pulled"] == 0
    assert json.loads(cli(dev, "stats", "--json").stdout)["evaluations"]["total"] == FORMS
