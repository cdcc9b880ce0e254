"""Where a device keeps its long-lived HQ credential: the OS keyring, else inside the store.

Without a keyring the credential lives in the encrypted store itself (never in a plain file in
the data directory: a copied data directory would then let anyone sync as this device). Kept
per data directory (the keyring entry is named after the store's device id), so several data
directories on one machine are several devices. The store records which place it used; a
credential an earlier version left in a plain file is moved into the store and the file removed.
"""

import contextlib
from pathlib import Path

from models.settings import device_settings
from models.store.database import write_transaction
from models.store.store import Store, set_meta

SERVICE = "FieldInspect"
FILE_NAME = "device.credential"  # where versions before 2026-11 kept it, in the clear
META_KEY = "device_credential"


def keyring_usable() -> bool:
    """A real backend, not keyring's fail/null stand-ins (headless Linux has none)."""
    if not device_settings().keyring:  # FIELDINSPECT_KEYRING=0: no keyring for anything
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
        """Keep the secret; return where ('keyring' or 'store')."""
        if keyring_usable():
            import keyring

            try:
                keyring.set_password(SERVICE, self._user, secret)
                self.store.set_meta("credential_store", "keyring")
                return "keyring"
            except Exception:  # noqa: BLE001 - a locked or broken keyring: the store instead
                pass
        self._keep_in_store(secret)
        return "store"

    def load(self) -> str | None:
        where = self.store.meta("credential_store")
        if where == "keyring":
            import keyring

            return keyring.get_password(SERVICE, self._user)
        if where == "file" and self._file.exists():  # an earlier version's plain file
            secret = self._file.read_text(encoding="utf-8").strip()
            self._keep_in_store(secret)
            return secret
        return self.store.meta(META_KEY) or None

    def delete(self) -> None:
        if self.store.meta("credential_store") == "keyring":
            import keyring

            with contextlib.suppress(Exception):
                keyring.delete_password(SERVICE, self._user)
        self.store.set_meta(META_KEY, "")
        self._file.unlink(missing_ok=True)

    def _keep_in_store(self, secret: str) -> None:
        with write_transaction(self.store.engine) as conn:
            set_meta(conn, META_KEY, secret)
            set_meta(conn, "credential_store", "store")
        self._file.unlink(missing_ok=True)
