"""`fieldinspect serve` on a port another program holds says so in the user's language, and
nothing of uvicorn's English bind error reaches the screen."""

import os
import socket
import subprocess
import sys

import pytest

from models.errors import AppError
from models.messages.language import CHINESE, text
from sync.server.serve import check_port
from tests.ports import free_port


@pytest.fixture
def taken_port():
    taken = socket.socket()
    taken.bind(("127.0.0.1", free_port()))
    taken.listen()
    yield taken.getsockname()[1]
    taken.close()


def test_a_port_in_use_is_refused_with_its_address(taken_port, monkeypatch):
    with pytest.raises(AppError) as refused:
        check_port("127.0.0.1", taken_port)
    assert refused.value.code == "cli_port_taken"
    monkeypatch.setattr("models.messages.language._language", CHINESE)
    said = text("cli_port_taken", {"host": "127.0.0.1", "port": taken_port})
    assert f"127.0.0.1:{taken_port}" in said and "端口" in said


def test_serve_on_a_taken_port_exits_with_the_message_in_chinese(taken_port, tmp_path):
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": "hq passphrase", "LC_ALL": "zh_CN.UTF-8",
           "FIELDINSPECT_KEYRING": "0"}
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(tmp_path / "hq"), "serve",
         "--port", str(taken_port)], env=env, capture_output=True, text=True, timeout=120,
        stdin=subprocess.DEVNULL)
    assert done.returncode != 0
    assert f"127.0.0.1:{taken_port}" in done.stderr and "端口" in done.stderr
    assert "Errno" not in done.stderr + done.stdout and "address" not in done.stderr
