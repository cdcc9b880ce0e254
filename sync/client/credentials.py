"""Where a device keeps its long-lived HQ credential: the OS keyring, else an owner-only file.

Kept per data directory (the keyring entry is named after the store's device id), so several
data directories on one machine are several devices. The store records which place it used.
"""

import contextlib
import os
from pathlib import Path

from models.store.store import Store

SERVICE = "FieldInspect"
FILE_NAME = "device.credential"


def keyring_usable() -> bool:
    """A real backend, not keyring's fail/null stand-ins (headless Linux has none)."""
    if os.environ.get("FIELDINSPECT_NO_KEYRING") == "1":
        return False
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 0) > 0


class CredentialStore:
    def __init__(self, store: Store):
        self.store = store

    @property
    def _user(self) -> str:
        return f"device:{self.store.device_id}"

    @property
    def _file(self) -> Path:
        return self.store.data_dir / FILE_NAME

    def save(self, secret: str) -> str:
        """Keep the secret; return where ('keyring' or 'file')."""
        if keyring_usable():
            import keyring

            try:
                keyring.set_password(SERVICE, self._user, secret)
                self.store.set_meta("credential_store", "keyring")
                return "keyring"
            except Exception:  # noqa: BLE001 - a locked or broken keyring: fall back to a file
                pass
        self._write_file(secret)
        self.store.set_meta("credential_store", "file")
        return "file"

    def load(self) -> str | None:
        if self.store.meta("credential_store") == "keyring":
            import keyring

            return keyring.get_password(SERVICE, self._user)
        return self._file.read_text(encoding="utf-8").strip() if self._file.exists() else None

    def delete(self) -> None:
        if self.store.meta("credential_store") == "keyring":
            import keyring

            with contextlib.suppress(Exception):
                keyring.delete_password(SERVICE, self._user)
        self._file.unlink(missing_ok=True)

    def _write_file(self, secret: str) -> None:
        # Created 0600 from the start: the secret never sits in a world-readable file.
        tmp = self._file.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(secret)
        os.replace(tmp, self._file)
