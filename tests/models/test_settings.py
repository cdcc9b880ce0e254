"""One settings object per side reads every `FIELDINSPECT_*` variable (issue 13 §5): the
device's (`models/settings.py`) and HQ's (`sync/server/settings.py`); no other module reads
the environment, and the README lists each variable."""

import logging
import re
from pathlib import Path

import pytest

from models import settings as device
from models.settings import VARIABLES, DeviceSettings
from sync.server.settings import ServerSettings

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_MODULES = {"models/settings.py", "sync/server/settings.py"}
SERVER_ONLY = ("FIELDINSPECT_DATABASE_URL", "FIELDINSPECT_BLOB_DIR", "FIELDINSPECT_TLS_CERTFILE",
               "FIELDINSPECT_TLS_KEYFILE", "FIELDINSPECT_SUPERVISOR_PID",
               "FIELDINSPECT_HQ_TIMING", "FIELDINSPECT_HQ_PROFILE")


@pytest.fixture
def clean_env(monkeypatch):
    for name in [*VARIABLES.values(), device.LEGACY_NO_KEYRING, *SERVER_ONLY]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(device, "_warned", set())
    return monkeypatch


def test_the_device_settings_read_every_device_variable(clean_env, tmp_path):
    assert DeviceSettings.from_env() == DeviceSettings()  # nothing set: the defaults
    values = {
        "FIELDINSPECT_DATA_DIR": str(tmp_path / "data"),
        "FIELDINSPECT_PASSPHRASE": "correct horse",
        "FIELDINSPECT_BACKUP_PASSPHRASE": "backup words",
        "FIELDINSPECT_RECOVERY_KEY_PASSPHRASE": "recovery words",
        "FIELDINSPECT_KEYRING": "0",
        "FIELDINSPECT_KEY_DIR": str(tmp_path / "keys"),
        "FIELDINSPECT_KDF_LOG2N": "11",
        "FIELDINSPECT_CJK_FONT": str(tmp_path / "font.ttc"),
        "FIELDINSPECT_SYNC_BATCH": "50",
        "FIELDINSPECT_CA_FILE": str(tmp_path / "office-ca.pem"),
    }
    assert set(values) == set(VARIABLES.values())
    for name, value in values.items():
        clean_env.setenv(name, value)
    assert DeviceSettings.from_env() == DeviceSettings(
        data_dir=tmp_path / "data", passphrase="correct horse", backup_passphrase="backup words",
        recovery_key_passphrase="recovery words", keyring=False, key_dir=tmp_path / "keys",
        kdf_log2n=11, cjk_font=tmp_path / "font.ttc", sync_batch=50,
        ca_file=tmp_path / "office-ca.pem")


def test_the_server_settings_read_every_server_variable(clean_env, tmp_path):
    assert ServerSettings.from_env() == ServerSettings()
    url = "postgresql+psycopg://hq@db/fi"
    clean_env.setenv("FIELDINSPECT_DATABASE_URL", url)
    clean_env.setenv("FIELDINSPECT_PASSPHRASE", "hq words")
    clean_env.setenv("FIELDINSPECT_BLOB_DIR", str(tmp_path / "blobs"))
    clean_env.setenv("FIELDINSPECT_DATA_DIR", str(tmp_path / "hq"))
    clean_env.setenv("FIELDINSPECT_TLS_CERTFILE", str(tmp_path / "hq-cert.pem"))
    clean_env.setenv("FIELDINSPECT_TLS_KEYFILE", str(tmp_path / "hq-key.pem"))
    read = ServerSettings.from_env()
    assert read == ServerSettings(database_url=url, passphrase="hq words",
                                  blob_dir=tmp_path / "blobs", data_dir=tmp_path / "hq",
                                  tls_certfile=tmp_path / "hq-cert.pem",
                                  tls_keyfile=tmp_path / "hq-key.pem")
    assert ServerSettings.from_env(read.to_env()) == read  # what `serve --workers` hands on


@pytest.mark.parametrize(("keyring", "no_keyring", "on"), [
    (None, None, True), ("0", None, False), ("1", None, True),
    (None, "1", False), (None, "0", True),  # the retired switch, for one release
    ("1", "1", True), ("0", "0", False),  # both set: FIELDINSPECT_KEYRING decides
])
def test_one_keyring_switch_and_the_retired_one_still_understood(clean_env, caplog, keyring,
                                                                 no_keyring, on):
    if keyring is not None:
        clean_env.setenv("FIELDINSPECT_KEYRING", keyring)
    if no_keyring is not None:
        clean_env.setenv("FIELDINSPECT_NO_KEYRING", no_keyring)
    with caplog.at_level(logging.WARNING, logger="fieldinspect.settings"):
        assert DeviceSettings.from_env().keyring is on
    warned = [r for r in caplog.records if "FIELDINSPECT_NO_KEYRING is retired" in r.message]
    assert len(warned) == (no_keyring is not None)


# A read: os.environ.get("FIELDINSPECT_…"), os.environ["FIELDINSPECT_…"] not assigned, getenv.
_READ = re.compile(r"""(environ\.get\(|getenv\(|environ\[)\s*["']FIELDINSPECT_\w+["']\]?(?!\s*=[^=])""")


def test_no_module_but_the_settings_reads_a_fieldinspect_variable():
    readers = sorted(
        str(path.relative_to(ROOT)) for package in ("models", "sync", "reports", "desktop")
        for path in (ROOT / package).rglob("*.py")
        if _READ.search(path.read_text(encoding="utf-8"))
        and str(path.relative_to(ROOT)) not in SETTINGS_MODULES)
    assert readers == []


def test_the_readme_documents_every_variable():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = {*VARIABLES.values(), *SERVER_ONLY}
    table = set(re.findall(r"^\| `(FIELDINSPECT_\w+)`", readme, re.MULTILINE))
    assert names <= table

