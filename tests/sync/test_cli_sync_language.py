"""`fieldinspect sync` speaks the operator's language: an unreachable HQ and a change HQ refused
read in Chinese under a Chinese locale (or --lang zh_CN), in English otherwise."""

import os
import re
import socket
import subprocess
import sys

import httpx
import pytest

from desktop import messages
from models.reference import Team
from sync.client.engine import SyncEngine
from sync.server import admin
from tests.sync.helpers import FAST_RETRY, HQ_ON_SQLITE_ONLY, PASSPHRASE, run

pytestmark = HQ_ON_SQLITE_ONLY  # the command line's language: HQ's database plays no part

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once the socket closes


@pytest.fixture
def enrolled_dir(hq, tmp_path):
    """A data directory enrolled with HQ, whose HQ address then answers no more."""
    from models.store.store import Store

    url = f"http://127.0.0.1:{_closed_port()}"
    code = admin.enroll_device(hq.db, role="office")["code"]
    store = Store.open(tmp_path / "laptop", PASSPHRASE)
    engine = SyncEngine(store, transport=httpx.ASGITransport(app=hq.app), retry=FAST_RETRY)
    try:
        run(engine.enroll(url, code, "laptop"))
    finally:
        engine.close()
        store.close()
    return tmp_path / "laptop", url


def _sync(data_dir, *flags, **locale):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(locale, FIELDINSPECT_PASSPHRASE=PASSPHRASE, FIELDINSPECT_KEYRING="0")
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir),
                           *flags, "sync"], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120)


def _only_chinese(stderr: str, url: str) -> bool:
    """Every line is a Chinese sentence: no English word but the program's name and HQ's
    address."""
    lines = [line.removeprefix("fieldinspect: ") for line in stderr.strip().splitlines()]
    return bool(lines) and all(
        CJK.search(line) and not LATIN_WORD.search(line.replace(url, "")) for line in lines)


@pytest.mark.parametrize("how", [{"LANG": "zh_CN.UTF-8"}, {"flag": "zh_CN", "LANG": "C"}])
def test_hq_unreachable_reads_in_chinese_under_a_chinese_locale(enrolled_dir, how):
    data_dir, url = enrolled_dir
    locale = {k: v for k, v in how.items() if k != "flag"}
    flags = ("--lang", how["flag"]) if "flag" in how else ()
    out = _sync(data_dir, *flags, **locale)
    assert out.returncode == 3, out.stderr
    assert _only_chinese(out.stderr, url), out.stderr
    assert url in out.stderr


def test_hq_unreachable_reads_in_english_under_lang_c(enrolled_dir):
    data_dir, url = enrolled_dir
    out = _sync(data_dir, LANG="C")
    assert out.returncode == 3
    assert f"HQ cannot be reached at {url}" in out.stderr and not CJK.search(out.stderr)


@pytest.fixture
def refused_office(hq, monkeypatch):
    """An office device whose deletion of a team HQ refused (only HQ deletes teams)."""
    data_dir = hq.root / f"dev{len(hq.devices)}"  # where `hq.device` puts its store
    dev = hq.device("office")
    with dev.write() as w:
        team = w.create(Team, {"name": "第一组"})
    dev.sync()
    with dev.write() as w:
        w.delete(Team, team)
    assert dev.sync().rejected == 1

    class Engine(SyncEngine):  # the command's engine reaches the in-process HQ
        def __init__(self, store, **kw):
            super().__init__(store, transport=dev.transport, retry=FAST_RETRY, **kw)

    monkeypatch.setattr("sync.client.engine.SyncEngine", Engine)
    hq.devices.remove(dev)
    dev.close()
    yield data_dir, team
    messages.set_language(messages.ENGLISH)


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh_CN", "总部拒绝：督查组 {row}：此类设备不能进行这项更改。"),
    ("en", "Refused by HQ: inspection team {row}: This kind of device may not make this "
           "change."),
])
def test_a_refused_change_is_printed_in_the_operators_language(refused_office, capsys, lang,
                                                                expected):
    from desktop.cli import main

    data_dir, team = refused_office
    assert main(["--data-dir", str(data_dir), "--lang", lang, "sync"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert expected.replace("{row}", team) in printed
