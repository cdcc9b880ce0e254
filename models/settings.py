"""The device's settings from the environment: every `FIELDINSPECT_*` variable the app, the
command line and the documents read, in one place (the HQ server has its own,
`sync/server/settings.py`). The README lists each one.

`device_settings()` reads the environment each time it is called (a dozen dictionary lookups):
a variable set after start-up, by a test's monkeypatch or by the command line for its workers,
is seen at once, and nothing is cached that could go stale.

One keyring switch: `FIELDINSPECT_KEYRING=0` keeps both the store's device part and the sync
credential out of the OS keyring. Until 2026-12 the sync credential had its own switch with the
opposite sense, `FIELDINSPECT_NO_KEYRING=1`; it still works for one release, with a warning,
when `FIELDINSPECT_KEYRING` is not set.
"""

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("fieldinspect.settings")

PREFIX = "FIELDINSPECT_"
DEFAULT_KDF_LOG2N = 15  # scrypt cost of the store's key; tests lower it to stay quick
LEGACY_NO_KEYRING = "FIELDINSPECT_NO_KEYRING"
_warned: set[str] = set()

# Each setting and the variable it is read from.
VARIABLES = {
    "data_dir": "FIELDINSPECT_DATA_DIR",
    "passphrase": "FIELDINSPECT_PASSPHRASE",
    "backup_passphrase": "FIELDINSPECT_BACKUP_PASSPHRASE",
    "recovery_key_passphrase": "FIELDINSPECT_RECOVERY_KEY_PASSPHRASE",
    "keyring": "FIELDINSPECT_KEYRING",
    "key_dir": "FIELDINSPECT_KEY_DIR",
    "kdf_log2n": "FIELDINSPECT_KDF_LOG2N",
    "cjk_font": "FIELDINSPECT_CJK_FONT",
    "sync_batch": "FIELDINSPECT_SYNC_BATCH",
    "ca_file": "FIELDINSPECT_CA_FILE",
}


@dataclass(frozen=True)
class DeviceSettings:
    data_dir: Path | None = None  # same as --data-dir
    passphrase: str | None = None  # the store's (the window still asks when it is wrong)
    backup_passphrase: str | None = None  # `backup` / `restore`, else `passphrase`
    recovery_key_passphrase: str | None = None  # protects HQ's recovery private key
    keyring: bool = True  # the OS keyring, for the device part and the sync credential
    key_dir: Path | None = None  # the device part's folder when there is no keyring
    kdf_log2n: int = DEFAULT_KDF_LOG2N  # scrypt cost of a NEW store's key
    cjk_font: Path | None = None  # a .ttf/.ttc for the PDFs' Chinese
    sync_batch: int | None = None  # entries per push (tests cut a client between batches)
    ca_file: Path | None = None  # the office's CA (PEM), trusted for HQ beside the system's

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "DeviceSettings":
        env = os.environ if env is None else env
        v = VARIABLES
        batch = env.get(v["sync_batch"])
        return cls(
            data_dir=path_var(env, v["data_dir"]),
            passphrase=env.get(v["passphrase"]),
            backup_passphrase=env.get(v["backup_passphrase"]),
            recovery_key_passphrase=env.get(v["recovery_key_passphrase"]),
            keyring=keyring_switch(env),
            key_dir=path_var(env, v["key_dir"]),
            kdf_log2n=int(env.get(v["kdf_log2n"]) or DEFAULT_KDF_LOG2N),
            cjk_font=path_var(env, v["cjk_font"], expand=False),
            sync_batch=int(batch) if batch else None,
            ca_file=path_var(env, v["ca_file"]),
        )


def device_settings() -> DeviceSettings:
    return DeviceSettings.from_env()


def path_var(env: Mapping[str, str], name: str, *, expand: bool = True) -> Path | None:
    value = env.get(name)
    if not value:
        return None
    return Path(value).expanduser() if expand else Path(value)


def keyring_switch(env: Mapping[str, str]) -> bool:
    """FIELDINSPECT_KEYRING (default on; `0` turns it off). The retired
    FIELDINSPECT_NO_KEYRING counts only when FIELDINSPECT_KEYRING is not set."""
    legacy = env.get(LEGACY_NO_KEYRING)
    if legacy is not None:
        _warn_once(LEGACY_NO_KEYRING, "%s is retired: use FIELDINSPECT_KEYRING=0 (no keyring) "
                   "or 1; it is ignored when FIELDINSPECT_KEYRING is set", LEGACY_NO_KEYRING)
    value = env.get(VARIABLES["keyring"])
    if value is not None:
        return value != "0"
    return legacy != "1"


def _warn_once(key: str, message: str, *args) -> None:
    if key not in _warned:
        _warned.add(key)
        log.warning(message, *args)
