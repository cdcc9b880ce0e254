"""Who may change a device's profiles from the command line (issue 17 §3): once a supervisor
has a PIN, every change needs it; the window's rules hold; every change and refusal is audited."""

import pytest

from desktop.cli import main as cli
from models.store.store import Store
from tests.conftest import PASSPHRASE


@pytest.fixture
def device(tmp_path, monkeypatch):
    """A fresh data directory; `run(*args, pin=…, supervisor_pin=…)` runs one command."""
    monkeypatch.setenv("FIELDINSPECT_PASSPHRASE", PASSPHRASE)
    for variable in ("FIELDINSPECT_PIN", "FIELDINSPECT_SUPERVISOR_PIN", "LC_ALL", "LC_MESSAGES",
                     "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    data_dir = tmp_path / "kiosk"

    def run(*args, pin=None, supervisor_pin=None, user=None):
        for variable, value in (("FIELDINSPECT_PIN", pin),
                                ("FIELDINSPECT_SUPERVISOR_PIN", supervisor_pin)):
            if value is None:
                monkeypatch.delenv(variable, raising=False)
            else:
                monkeypatch.setenv(variable, value)
        extra = ["--user", user] if user else []
        return cli(["--data-dir", str(data_dir), *extra, "profile", *args])

    run.data_dir = data_dir
    return run


def _profiles(device) -> dict[str, str]:
    store = Store.open(device.data_dir, PASSPHRASE)
    try:
        with store.read() as conn:
            return dict(conn.exec_driver_sql(
                "SELECT name, role FROM profile WHERE deleted_at IS NULL").all())
    finally:
        store.close()


def _audit(device) -> list[tuple[str, str, str]]:
    store = Store.open(device.data_dir, PASSPHRASE)
    try:
        with store.read() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(
                "SELECT profile, event, details FROM audit_log WHERE event LIKE 'p%' "
                "ORDER BY seq").all()]
    finally:
        store.close()


def test_profile_changes_need_the_supervisors_pin_once_one_has_a_pin(device, capsys):
    assert device("add", "负责人", "--role", "supervisor", pin="2468") == 0
    assert device("add", "李强", "--role", "clerk", pin="1357") == 1  # no supervisor PIN
    assert "FIELDINSPECT_SUPERVISOR_PIN" in capsys.readouterr().err
    assert device("add", "李强", "--role", "clerk", pin="1357", supervisor_pin="0000") == 1
    assert "Wrong PIN" in capsys.readouterr().err
    assert _profiles(device) == {"负责人": "supervisor"}
    assert device("add", "李强", "--role", "录入员", pin="1357", supervisor_pin="2468") == 0
    assert _profiles(device) == {"负责人": "supervisor", "李强": "clerk"}


def test_a_clerk_cannot_change_profiles_from_the_command_line(device, capsys):
    device("add", "负责人", "--role", "supervisor", pin="2468")
    device("add", "李强", "--role", "clerk", pin="1357", supervisor_pin="2468")
    capsys.readouterr()
    assert device("add", "王五", "--role", "supervisor", pin="1111", supervisor_pin="1357",
                  user="李强") == 1
    assert "only a supervisor with a PIN" in capsys.readouterr().err
    assert device("set-pin", "负责人", pin="9999", supervisor_pin="1357", user="李强") == 1
    assert "王五" not in _profiles(device)


def test_the_last_supervisor_cannot_be_removed_from_the_command_line(device, capsys):
    device("add", "负责人", "--role", "supervisor", pin="2468")
    device("add", "李强", "--role", "clerk", pin="1357", supervisor_pin="2468")
    capsys.readouterr()
    # Removing oneself is the window's refusal too; a second supervisor then removes the first.
    assert device("remove", "负责人", supervisor_pin="2468") == 1
    assert device("add", "赵六", "--role", "supervisor", pin="8642", supervisor_pin="2468") == 0
    assert device("remove", "负责人", supervisor_pin="8642", user="赵六") == 0
    assert device("remove", "赵六", supervisor_pin="8642", user="赵六") == 1
    assert device("remove", "李强", supervisor_pin="8642") == 0  # the one supervisor with a PIN
    assert _profiles(device) == {"赵六": "supervisor"}


def test_every_profile_change_and_refusal_is_audited(device):
    device("add", "负责人", "--role", "supervisor", pin="2468")
    device("add", "李强", "--role", "clerk", pin="1357", supervisor_pin="0000")
    device("set-pin", "负责人", pin="12", supervisor_pin="2468")
    device("set-pin", "负责人", pin="8080", supervisor_pin="2468")
    events = [(who, event) for who, event, _ in _audit(device)]
    assert events == [
        ("command-line set-up", "profile_added"),
        ("负责人", "pin_failed"), ("负责人", "profile_change_refused"),
        ("负责人", "profile_change_refused"),
        ("负责人", "pin_set"), ("负责人", "pin_unblocked")]
    refusals = [details for _, event, details in _audit(device) if event.endswith("refused")]
    assert '"code":"wrong_pin"' in refusals[0].replace(" ", "")
    assert '"code":"profile_pin_too_short"' in refusals[1].replace(" ", "")
    assert "2468" not in str(_audit(device))  # no PIN in the trail


def test_profile_refusals_are_in_chinese_under_a_chinese_locale(device, capsys, monkeypatch):
    device("add", "负责人", "--role", "supervisor", pin="2468")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert device("add", "李强", "--role", "clerk", pin="1357") == 1
    assert "未提供 PIN" in capsys.readouterr().err
    assert device("list") == 0
    out = capsys.readouterr().out
    assert "姓名" in out and "负责人" in out and "已设" in out
