"""The store's data key: random, wrapped by a key derived from the passphrase AND a device part.

The wrapped key lives in a small JSON file beside the database; the device part lives in the OS
keyring or an owner-only file outside the data directory (`models.security.keystore`), so a
copied data directory opens nothing elsewhere. A wrong passphrase fails the AES-GCM
authentication of the wrapped key, which we report as a locked store. Version 1 files (the
passphrase alone) still open, and `Store.open` rewrites them as version 2.
"""

import hashlib
import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# The errors live in models.errors (the window catches them without reaching into the store).
from models.errors import DeviceKeyMissingError, StoreLockedError, WrongPassphraseError
from models.security import keystore
from models.security.lockout import UnlockGuard
from models.settings import DEFAULT_KDF_LOG2N, device_settings

KEY_FILE = "store.key.json"
# scrypt cost; tests lower it through FIELDINSPECT_KDF_LOG2N to stay quick.
DEFAULT_LOG2N = DEFAULT_KDF_LOG2N
KEY_FILE_VERSION = 2


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    log2n: int
    r: int = 8
    p: int = 1

    def derive(self, passphrase: str) -> bytes:
        started = _take_started(self, passphrase)
        if started is not None:
            return started.result()
        return self.scrypt(passphrase)

    def scrypt(self, passphrase: str) -> bytes:
        return hashlib.scrypt(
            passphrase.encode("utf-8"),
            salt=self.salt,
            n=2**self.log2n,
            r=self.r,
            p=self.p,
            maxmem=2**self.log2n * self.r * 256,
            dklen=32,
        )


class _Derivation:
    """A passphrase's scrypt under a key file's parameters, running on a thread of its own
    (hashlib releases the GIL for it)."""

    def __init__(self, params: KdfParams, passphrase: str):
        self.params, self.passphrase = params, passphrase
        self._key: bytes | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="fieldinspect-kdf", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._key = self.params.scrypt(self.passphrase)
        except BaseException as exc:  # raised where the key is asked for (MemoryError...)
            self._error = exc

    def result(self) -> bytes:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._key


_started: _Derivation | None = None
_started_lock = threading.Lock()


def start_derivation(key_path: Path, passphrase: str) -> None:
    """Begin the scrypt of `passphrase` under the key file's parameters on a thread: the
    first `KdfParams.derive` of the same parameters and passphrase (`unlock_key`) takes its
    result instead of deriving again. A headless command starts it before importing its
    modules (SQLAlchemy ~0.2 s), so the two overlap instead of following each other.
    Nothing is decided here: the attempt lockout, the unwrapping and the counting of a
    wrong passphrase stay in `unlock_key`, which may never come (the derivation is then
    dropped). A missing or unreadable key file starts nothing; `unlock_key` reports it."""
    global _started
    try:
        doc = json.loads(Path(key_path).read_text(encoding="utf-8"))
        params = KdfParams(salt=bytes.fromhex(doc["salt"]), log2n=int(doc["log2n"]),
                           r=int(doc["r"]), p=int(doc["p"]))
    except (OSError, ValueError, KeyError, TypeError):
        return
    with _started_lock:
        _started = _Derivation(params, passphrase)


def drop_started_derivation() -> None:
    """Forget a derivation nobody took (a command that stopped before opening its store)."""
    global _started
    with _started_lock:
        _started = None


def _take_started(params: KdfParams, passphrase: str) -> "_Derivation | None":
    """The derivation `start_derivation` began for these parameters and passphrase, once."""
    global _started
    with _started_lock:
        started = _started
        if started is None or started.params != params or started.passphrase != passphrase:
            return None
        _started = None
        return started


def _kdf_cost() -> int:
    return device_settings().kdf_log2n


def create_key_file(path: Path, passphrase: str) -> bytes:
    """Make a new data key, wrap it with the passphrase, write the file; return the data key."""
    if not passphrase:
        raise StoreLockedError(code="store_needs_new_passphrase")
    data_key = secrets.token_bytes(32)
    write_key_file(path, data_key, passphrase)
    return data_key


def _kek(passphrase: str, params: "KdfParams", device_part: bytes | None) -> bytes:
    stretched = params.derive(passphrase)
    if device_part is None:  # a version-1 file
        return stretched
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=device_part,
                info=b"fieldinspect store kek v2").derive(stretched)


def read_key_doc(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreLockedError(code="key_file_damaged", params={"path": str(path)}) from exc


def write_key_file(path: Path, data_key: bytes, passphrase: str) -> None:
    """Wrap `data_key` under the passphrase and a fresh device part; forget the old part."""
    old_id = read_key_doc(path).get("device_part", {}).get("id") if path.exists() else None
    key_id, where, device_part = keystore.new_device_part(path.parent)
    params = KdfParams(salt=secrets.token_bytes(16), log2n=_kdf_cost())
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(_kek(passphrase, params, device_part)).encrypt(
        nonce, data_key, b"fieldinspect-store")
    doc = {
        "version": KEY_FILE_VERSION,
        "kdf": "scrypt",
        "salt": params.salt.hex(),
        "log2n": params.log2n,
        "r": params.r,
        "p": params.p,
        "nonce": nonce.hex(),
        "wrapped_key": wrapped.hex(),
        "device_part": {"id": key_id, "where": where},
    }
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc), encoding="utf-8")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    if old_id and old_id != key_id:
        keystore.delete_device_part(old_id)


def key_file_version(path: Path) -> int:
    return int(read_key_doc(path).get("version", 1))


def unwrap_key_file(path: Path, passphrase: str | None) -> bytes:
    if not passphrase:
        raise StoreLockedError(code="store_locked_no_passphrase")
    doc = read_key_doc(path)
    try:
        params = KdfParams(
            salt=bytes.fromhex(doc["salt"]), log2n=doc["log2n"], r=doc["r"], p=doc["p"]
        )
        nonce, wrapped = bytes.fromhex(doc["nonce"]), bytes.fromhex(doc["wrapped_key"])
        part_ref = doc.get("device_part")
    except (ValueError, KeyError) as exc:
        raise StoreLockedError(code="key_file_damaged", params={"path": str(path)}) from exc
    device_part = None
    if part_ref:
        device_part = keystore.load_device_part(part_ref["id"], part_ref.get("where", ""))
        if device_part is None:
            raise DeviceKeyMissingError(code="device_key_missing")
    try:
        return AESGCM(_kek(passphrase, params, device_part)).decrypt(
            nonce, wrapped, b"fieldinspect-store")
    except InvalidTag:
        raise WrongPassphraseError(code="wrong_passphrase") from None


def unlock_key(data_dir: Path, key_path: Path, passphrase: str | None) -> bytes:
    """Unwrap the data key under the attempt lockout; move a version-1 key file to version 2.
    Needs neither SQLAlchemy nor the database: the scrypt derivation (~0.1 s, the GIL
    released) can run while another thread imports them."""
    guard = UnlockGuard(data_dir)
    guard.check()
    try:
        key = unwrap_key_file(key_path, passphrase)
    except WrongPassphraseError:
        guard.failed()
        raise
    guard.succeeded()
    if key_file_version(key_path) < KEY_FILE_VERSION:
        write_key_file(key_path, key, passphrase)
    return key
