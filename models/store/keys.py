"""The store's data key: random, wrapped by a key derived once from the device passphrase.

The wrapped key lives in a small JSON file beside the database. A wrong passphrase fails the
AES-GCM authentication of the wrapped key, which we report as a locked store.
"""

import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from models.errors import StoreLockedError

KEY_FILE = "store.key.json"
# scrypt cost; tests lower it through FIELDINSPECT_KDF_LOG2N to stay quick.
DEFAULT_LOG2N = 15


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    log2n: int
    r: int = 8
    p: int = 1

    def derive(self, passphrase: str) -> bytes:
        return hashlib.scrypt(
            passphrase.encode("utf-8"),
            salt=self.salt,
            n=2**self.log2n,
            r=self.r,
            p=self.p,
            maxmem=2**self.log2n * self.r * 256,
            dklen=32,
        )


def _kdf_cost() -> int:
    return int(os.environ.get("FIELDINSPECT_KDF_LOG2N", DEFAULT_LOG2N))


def create_key_file(path: Path, passphrase: str) -> bytes:
    """Make a new data key, wrap it with the passphrase, write the file; return the data key."""
    if not passphrase:
        raise StoreLockedError("A passphrase is needed to protect a new store.")
    data_key = secrets.token_bytes(32)
    write_key_file(path, data_key, passphrase)
    return data_key


def write_key_file(path: Path, data_key: bytes, passphrase: str) -> None:
    params = KdfParams(salt=secrets.token_bytes(16), log2n=_kdf_cost())
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(params.derive(passphrase)).encrypt(nonce, data_key, b"fieldinspect-store")
    doc = {
        "version": 1,
        "kdf": "scrypt",
        "salt": params.salt.hex(),
        "log2n": params.log2n,
        "r": params.r,
        "p": params.p,
        "nonce": nonce.hex(),
        "wrapped_key": wrapped.hex(),
    }
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc), encoding="utf-8")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def unwrap_key_file(path: Path, passphrase: str | None) -> bytes:
    if not passphrase:
        raise StoreLockedError(
            "The store is locked: give its passphrase (FIELDINSPECT_PASSPHRASE or the prompt)."
        )
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        params = KdfParams(
            salt=bytes.fromhex(doc["salt"]), log2n=doc["log2n"], r=doc["r"], p=doc["p"]
        )
        nonce, wrapped = bytes.fromhex(doc["nonce"]), bytes.fromhex(doc["wrapped_key"])
    except (OSError, ValueError, KeyError) as exc:
        raise StoreLockedError(f"The store's key file {path} is damaged or unreadable.") from exc
    try:
        return AESGCM(params.derive(passphrase)).decrypt(nonce, wrapped, b"fieldinspect-store")
    except InvalidTag:
        raise StoreLockedError("Wrong passphrase: the store stays locked.") from None
