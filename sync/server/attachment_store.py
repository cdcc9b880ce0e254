"""Where HQ keeps attachment bytes: always sealed (AES-GCM), whatever HQ's database is.

Finished attachments go into a `BlobStore` (file names keyed too); an upload on its way is kept
as one AES-GCM sealed file per chunk (the uploading device, the hash and the offset bound in), so
nothing readable is ever on disk, not even half a photo. The key:

* SQLite HQ (the default): a sub-key of the HQ store's data key (wrapped in `store.key.json`,
  its device part outside the data directory, exactly like the database's).
* PostgreSQL HQ: a random key of its own, wrapped the same way (`models.store.keys`: the
  passphrase AND a device part kept in the keyring or an owner-only file outside the blob
  directory) in `blobs.key.json` inside the blob directory. A copy of the blob directory and its
  key file opens nothing on a machine without the device part. `sync.server.db` makes the key
  under PostgreSQL's migration lock, so workers starting together all get the same one.
"""

import hashlib
import hmac
import secrets
import shutil
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from models.errors import StoreLockedError
from models.security.attachment_store import (
    BlobCorruptError,
    BlobStore,
    derive_subkey,
    write_private_file,
)
from models.store.keys import DeviceKeyMissingError, create_key_file, unwrap_key_file

_NONCE, _TAG = 12, 16
BLOB_KEY_FILE = "blobs.key.json"  # PostgreSQL HQ: the wrapped attachment key


UPLOADS = "uploads"  # uploads on their way, one folder per (device, hash)
LEGACY_PARTIAL = "partial"  # where earlier versions kept them, per hash alone


class Partial:
    """Uploads on their way, each ONE device's: one sealed file per chunk in
    `uploads/<HMAC of device and hash>/<offset>` (AES-GCM, fresh nonce, the device, hash and
    offset as associated data). Another device's upload of the same hash is another folder."""

    def __init__(self, root: Path, key: bytes):
        self.root = Path(root) / UPLOADS
        self._aead = AESGCM(derive_subkey(key, "hq partial uploads"))
        self._name_key = derive_subkey(key, "hq partial upload names")

    def _dir(self, device: str, sha256: str) -> Path:
        name = hmac.new(self._name_key, f"{device}/{sha256}".encode(), hashlib.sha256)
        return self.root / name.hexdigest()

    def _chunks(self, device: str, sha256: str) -> list[tuple[int, Path]]:
        folder = self._dir(device, sha256)
        if not folder.is_dir():
            return []
        return sorted((int(p.name), p) for p in folder.iterdir() if p.name.isdigit())

    def received(self, device: str, sha256: str) -> int:
        """Bytes held from offset 0 without a gap."""
        expected = 0
        for offset, path in self._chunks(device, sha256):
            if offset != expected:
                break
            expected += path.stat().st_size - _NONCE - _TAG
        return expected

    def add(self, device: str, sha256: str, offset: int, chunk: bytes) -> None:
        nonce = secrets.token_bytes(_NONCE)
        sealed = nonce + self._aead.encrypt(nonce, chunk, _bound(device, sha256, offset))
        write_private_file(self._dir(device, sha256) / f"{offset:012d}", sealed)

    def read(self, device: str, sha256: str) -> bytes:
        parts, expected = [], 0
        for offset, path in self._chunks(device, sha256):
            if offset != expected:
                break
            body = path.read_bytes()
            try:
                body = self._aead.decrypt(body[:_NONCE], body[_NONCE:],
                                          _bound(device, sha256, offset))
            except InvalidTag:
                raise BlobCorruptError(code="hq_upload_part_damaged") from None
            parts.append(body)
            expected += len(body)
        return b"".join(parts)

    def drop(self, device: str, sha256: str) -> None:
        folder = self._dir(device, sha256)
        for _, path in self._chunks(device, sha256):
            path.unlink(missing_ok=True)
        if folder.is_dir():
            for leftover in folder.iterdir():
                leftover.unlink(missing_ok=True)
            folder.rmdir()


def _bound(device: str, sha256: str, offset: int) -> bytes:
    return f"{device}/{sha256}:{offset}".encode()


def open_attachment_store(blob_dir: Path, key: bytes) -> tuple[BlobStore, Partial]:
    """The finished attachments and the uploads on their way. Uploads an earlier version kept
    per hash alone (`partial/`, sealed or not) are dropped: their devices start again from zero
    under their own sessions."""
    blob_dir = Path(blob_dir)
    blob_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.rmtree(blob_dir / LEGACY_PARTIAL, ignore_errors=True)
    return BlobStore(blob_dir, key), Partial(blob_dir, key)


def read_blob_key(blob_dir: Path, passphrase: str | None) -> bytes | None:
    """A PostgreSQL HQ's attachment key, or None when it has none yet. Reads only: a wrong
    passphrase or a missing device part raises `StoreLockedError` with nothing written."""
    path = Path(blob_dir) / BLOB_KEY_FILE
    if not path.exists():
        return None
    try:
        return unwrap_key_file(path, passphrase)
    except DeviceKeyMissingError:
        raise DeviceKeyMissingError(code="hq_attachment_key_part_missing",
                                    params={"path": str(path)}) from None


def create_blob_key(blob_dir: Path, passphrase: str | None, *, holds_sealed: bool) -> bytes:
    """The key of a PostgreSQL HQ that has none yet (the caller holds the migration lock, so
    only one worker gets here). An HQ whose attachments were sealed under a key now missing
    refuses: a new key would silently turn them into noise."""
    if not passphrase:
        raise StoreLockedError(code="hq_attachments_locked")
    blob_dir = Path(blob_dir)
    if holds_sealed and any(p.is_file() for p in blob_dir.glob("??/*")):
        raise StoreLockedError(code="hq_attachment_key_file_missing",
                               params={"path": str(blob_dir / BLOB_KEY_FILE)})
    blob_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    return create_key_file(blob_dir / BLOB_KEY_FILE, passphrase)


def seal_plain_files(blobs: BlobStore) -> int:
    """An HQ that kept attachments in the clear before: seal them. (Its partial uploads, clear
    `<sha>.part` files or `<sha>/<offset>` chunk folders, are in `partial/`, which
    `open_attachment_store` drops.)"""
    return blobs.seal_plain_files()
