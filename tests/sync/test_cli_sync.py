"""The sync commands as an operator runs them: a real `fieldinspect serve`, devices enrolled with
one-time codes, `sync --json`, a client killed mid-sync and a server restarted mid-sync."""

import json
import os
import signal
import subprocess
import sys
import time

import httpx
import pytest

from tests.cli_runner import run_cli
from tests.models.helpers import FORM_HEADER, UNITS, write_csv
from tests.ports import free_port
from tests.sync.helpers import PASSPHRASE


def cli(data_dir, *args, passphrase=PASSPHRASE):
    """One device or HQ command, in this process; the server is a real process."""
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": passphrase, "FIELDINSPECT_KEYRING": "0"}
    return run_cli(["--data-dir", data_dir, *args], env)


class Server:
    def __init__(self, data_dir, database_url: str | None):
        self.data_dir, self.url_arg = data_dir, database_url
        self.port = free_port()
        self.proc = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def db_args(self) -> list[str]:
        return ["--database-url", self.url_arg] if self.url_arg else []

    def start(self):
        """Serve on a free port; when a parallel test took that port first, the server exits
        at once and is started again on another."""
        for _attempt in range(3):
            if self._serve():
                return self
            self.port = free_port()
        raise RuntimeError(self.proc.stderr.read().decode())

    def _serve(self) -> bool:
        env = {**os.environ, "FIELDINSPECT_PASSPHRASE": PASSPHRASE}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "desktop.cli", "--data-dir", str(self.data_dir), "serve",
             "--port", str(self.port), *self.db_args()], env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 120  # a loaded CI machine starts Python slowly
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                httpx.get(f"{self.url}/docs", timeout=1)
                return True
            except httpx.TransportError:
                time.sleep(0.1)
        if self.proc.poll() is None:
            raise RuntimeError("no start")
        return False

    def stop(self, sig=signal.SIGTERM):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout=20)


@pytest.fixture
def server(tmp_path, database_url):
    url = None if database_url.startswith("sqlite") else database_url
    s = Server(tmp_path / "hq", url).start()
    yield s
    s.stop()


def enroll(server, tmp_path, name, role, *extra):
    out = cli(server.data_dir, "hq", "enroll-device", *server.db_args(), "--role", role,
              "--name", name, *extra)
    assert out.returncode == 0, out.stderr
    code = out.stdout.strip().splitlines()[-1]
    dev = tmp_path / name
    done = cli(dev, "enroll", "--server", server.url, "--code", code)
    assert done.returncode == 0, done.stderr
    return dev


def _forms(tmp_path, name, numbers):
    return write_csv(tmp_path / f"{name}.csv", FORM_HEADER, [
        [n, "2024年万民评议", "patient", "卫生院", "满意", "", "", "2024-05-01"] for n in numbers])


def test_two_devices_enrolled_by_code_reach_hq_stats_exactly_once(server, tmp_path):
    a = enroll(server, tmp_path, "office-a", "office")
    b = enroll(server, tmp_path, "office-b", "县纠风办")  # a role by its Chinese label
    boss = enroll(server, tmp_path, "hq-desk", "hq")
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    for dev, numbers in ((a, range(1, 21)), (b, range(101, 111))):
        assert cli(dev, "import", "units", units).returncode == 0
        out = cli(dev, "import", "evaluations", _forms(tmp_path, dev.name, numbers))
        assert out.returncode == 0, out.stderr
    for dev in (a, b, a, boss):
        out = cli(dev, "sync", "--json")
        assert out.returncode == 0, out.stderr
    assert json.loads(cli(a, "sync", "--json").stdout)["pushed"] == 0
    stats = json.loads(cli(boss, "stats", "--json").stdout)
    assert stats["evaluations"]["total"] == 30
    assert stats["evaluations"]["duplicate_numbers"] == 0
    again = [cli(d, "sync", "--json") for d in (a, b, boss)]
    assert all(o.returncode == 0 for o in again)
    assert json.loads(cli(boss, "stats", "--json").stdout)["evaluations"]["total"] == 30
    listed = cli(server.data_dir, "hq", "list-devices", *server.db_args())
    assert "office-a" in listed.stdout and "hq-desk" in listed.stdout


def test_codes_are_one_time_and_hq_down_is_exit_3(server, tmp_path):
    out = cli(server.data_dir, "hq", "enroll-device", *server.db_args(), "--role", "office")
    code = out.stdout.strip().splitlines()[-1]
    assert cli(tmp_path / "d1", "enroll", "--server", server.url, "--code", code).returncode == 0
    again = cli(tmp_path / "d2", "enroll", "--server", server.url, "--code", code)
    assert again.returncode == 3 and "already used" in again.stderr
    server.stop()
    down = cli(tmp_path / "d1", "sync")
    assert down.returncode == 3 and "cannot be reached" in down.stderr
    assert "Traceback" not in down.stderr


def test_revoked_device_gets_exit_3(server, tmp_path):
    dev = enroll(server, tmp_path, "lost-laptop", "office")
    assert cli(dev, "sync").returncode == 0
    out = cli(server.data_dir, "hq", "revoke-device", *server.db_args(), "lost-laptop")
    assert out.returncode == 0
    refused = cli(dev, "sync")
    assert refused.returncode == 3 and "revoked" in refused.stderr


def test_kill_9_client_and_server_restart_mid_sync_lose_nothing(server, tmp_path):
    a = enroll(server, tmp_path, "office-k", "office")
    boss = enroll(server, tmp_path, "hq-k", "hq")
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    assert cli(a, "import", "units", units).returncode == 0
    assert cli(a, "import", "evaluations", _forms(tmp_path, "k", range(1, 3001))).returncode == 0
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": PASSPHRASE, "FIELDINSPECT_KEYRING": "0",
           "FIELDINSPECT_SYNC_BATCH": "100"}
    for delay in (2.5, 4.0, 5.5):  # kill -9 the client at a few points of its sync
        proc = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--data-dir", str(a),
                                 "sync"], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    server.stop(signal.SIGKILL)  # and the server dies too
    server.start()
    for dev in (a, a, boss):
        out = cli(dev, "sync", "--json")
        assert out.returncode == 0, out.stderr
    assert json.loads(cli(boss, "stats", "--json").stdout)["evaluations"]["total"] == 3000


def test_serve_is_the_servers_own_command_with_its_options_and_exit_codes(tmp_path, capsys):
    from desktop.cli import build_parser, main
    from sync.server import serve

    args = build_parser().parse_args(["serve", "--port", "9000", "--workers", "2"])
    assert args.handler is serve.cmd_serve  # the command line only registers it
    assert (args.host, args.port, args.workers, args.database_url) == ("127.0.0.1", 9000, 2, None)
    with pytest.raises(SystemExit) as usage:
        main(["serve", "--port", "x"])
    assert usage.value.code == 2 and "--port" in capsys.readouterr().err
    done = cli(tmp_path / "hq", "serve", passphrase="")  # no passphrase, no terminal
    assert done.returncode == 4 and "FIELDINSPECT_PASSPHRASE" in done.stderr
