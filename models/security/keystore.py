"""Where a store's device part lives: the OS keyring, or an owner-only file outside the data dir.

The key that unwraps a store's data key needs both the passphrase and this random device part,
so a copied data directory opens nothing on another machine, even with the passphrase.

`FIELDINSPECT_KEYRING=0` turns the keyring off (the tests, headless servers), for the sync
credential too (`models.settings`); the fallback folder is `FIELDINSPECT_KEY_DIR`, else the
platform's per-user config folder.
"""

import contextlib
import os
import secrets
from pathlib import Path

import platformdirs

from models.errors import AppError
from models.paths import APP_NAME
from models.settings import device_settings

SERVICE = "FieldInspect store key"
KEYRING = "keyring"
FILE = "file"


class KeyStorageError(AppError):
    code = "key_storage"


def _keyring():
    """The keyring module when a real backend is there; None otherwise."""
    if not device_settings().keyring:
        return None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring install must not stop the app
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def key_dir() -> Path:
    env = device_settings().key_dir
    if env:
        return env
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "keys"


def _file_for(key_id: str) -> Path:
    if not key_id.isalnum():
        raise KeyStorageError(code="key_reference_damaged")
    return key_dir() / f"{key_id}.key"


def _outside(folder: Path, data_dir: Path) -> bool:
    folder, data_dir = folder.resolve(), data_dir.resolve()
    return folder != data_dir and data_dir not in folder.parents


def new_device_part(data_dir: Path) -> tuple[str, str, bytes]:
    """Make and keep a device part; return (key id, where it went, the part)."""
    key_id, secret = secrets.token_hex(16), secrets.token_bytes(32)
    kr = _keyring()
    if kr is not None:
        try:
            kr.set_password(SERVICE, key_id, secret.hex())
            return key_id, KEYRING, secret
        except Exception:  # locked or refusing keyring: fall back to the file
            pass
    folder = key_dir()
    if not _outside(folder, Path(data_dir)):
        raise KeyStorageError(code="key_folder_inside_data", params={"folder": str(folder)})
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(folder, 0o700)
    path = _file_for(key_id)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secret.hex())
        fh.flush()
        os.fsync(fh.fileno())
    return key_id, FILE, secret


def load_device_part(key_id: str, where: str) -> bytes | None:
    """The device part, looked for where it was put first, then in the other place."""
    order = (KEYRING, FILE) if where == KEYRING else (FILE, KEYRING)
    for place in order:
        found = _load_from(place, key_id)
        if found is not None:
            return found
    return None


def _load_from(place: str, key_id: str) -> bytes | None:
    if place == KEYRING:
        kr = _keyring()
        if kr is None:
            return None
        try:
            value = kr.get_password(SERVICE, key_id)
        except Exception:
            return None
        return bytes.fromhex(value) if value else None
    try:
        return bytes.fromhex(_file_for(key_id).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def delete_device_part(key_id: str) -> None:
    """Forget a device part (wipe, or after re-keying); missing is fine."""
    kr = _keyring()
    if kr is not None:
        with contextlib.suppress(Exception):
            kr.delete_password(SERVICE, key_id)
    with contextlib.suppress(OSError, KeyStorageError):
        _file_for(key_id).unlink()
