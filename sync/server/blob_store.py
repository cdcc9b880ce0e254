"""Where HQ keeps attachment bytes: sealed when HQ's database is its encrypted SQLite store.

* SQLite HQ (the default): finished attachments go into a `BlobStore` under a sub-key of the
  HQ store's data key (the key wrapped in `store.key.json`, its device part outside the data
  directory, exactly like the database's), file names keyed too; an upload on its way is kept
  as one AES-GCM sealed file per chunk (the hash and offset bound in), so nothing readable is
  ever on disk, not even half a photo.
* PostgreSQL HQ: files named by their hash, in the clear (`FIELDINSPECT_BLOB_DIR`); the
  operator's disk encryption protects them, as it protects the database (docs/security.md).
"""

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from models.errors import NotFoundError
from models.security.blobs import BlobCorruptError, BlobStore, derive_subkey

_NONCE, _TAG = 12, 16


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class PlainBlobs:
    """PostgreSQL HQ: `ab/<sha256>` in the clear (the operator's disk encryption covers it)."""

    sealed = False

    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def put(self, data: bytes, *, expected_sha256: str | None = None) -> str:
        sha256 = hashlib.sha256(data).hexdigest()
        if expected_sha256 is not None and expected_sha256 != sha256:
            raise BlobCorruptError("The attachment's bytes do not match its hash; nothing was kept.")
        if not self.has(sha256):
            _write(self.path(sha256), data)
        return sha256

    def get(self, sha256: str) -> bytes:
        try:
            return self.path(sha256).read_bytes()
        except FileNotFoundError:
            raise NotFoundError("HQ does not have this attachment.") from None


class SealedBlobs(BlobStore):
    """SQLite HQ: a `BlobStore` under the HQ store's key."""

    sealed = True


class Partial:
    """An upload on its way: one file per chunk in `partial/<name>/<offset>`.

    Sealed (AES-GCM, fresh nonce, `sha256:offset` as associated data, folder named by an HMAC
    of the hash) when HQ seals its attachments, else the chunk bytes as they came."""

    def __init__(self, root: Path, key: bytes | None):
        self.root = Path(root) / "partial"
        self._aead = AESGCM(derive_subkey(key, "hq partial uploads")) if key else None
        self._name_key = derive_subkey(key, "hq partial upload names") if key else None

    def _dir(self, sha256: str) -> Path:
        if self._name_key is None:
            return self.root / sha256
        return self.root / hmac.new(self._name_key, sha256.encode(), hashlib.sha256).hexdigest()

    def _chunks(self, sha256: str) -> list[tuple[int, Path]]:
        folder = self._dir(sha256)
        if not folder.is_dir():
            return []
        return sorted((int(p.name), p) for p in folder.iterdir() if p.name.isdigit())

    def _plain_size(self, path: Path) -> int:
        size = path.stat().st_size
        return size - _NONCE - _TAG if self._aead else size

    def received(self, sha256: str) -> int:
        """Bytes held from offset 0 without a gap."""
        expected = 0
        for offset, path in self._chunks(sha256):
            if offset != expected:
                break
            expected += self._plain_size(path)
        return expected

    def add(self, sha256: str, offset: int, chunk: bytes) -> None:
        if self._aead:
            nonce = secrets.token_bytes(_NONCE)
            chunk = nonce + self._aead.encrypt(nonce, chunk, f"{sha256}:{offset}".encode())
        _write(self._dir(sha256) / f"{offset:012d}", chunk)

    def read(self, sha256: str) -> bytes:
        parts, expected = [], 0
        for offset, path in self._chunks(sha256):
            if offset != expected:
                break
            body = path.read_bytes()
            if self._aead:
                try:
                    body = self._aead.decrypt(body[:_NONCE], body[_NONCE:],
                                              f"{sha256}:{offset}".encode())
                except InvalidTag:
                    raise BlobCorruptError("A part of this upload is damaged.") from None
            parts.append(body)
            expected += len(body)
        return b"".join(parts)

    def drop(self, sha256: str) -> None:
        folder = self._dir(sha256)
        for _, path in self._chunks(sha256):
            path.unlink(missing_ok=True)
        if folder.is_dir():
            for leftover in folder.iterdir():
                leftover.unlink(missing_ok=True)
            folder.rmdir()


def open_blob_store(blob_dir: Path,
                    key: bytes | None) -> tuple[PlainBlobs | SealedBlobs, Partial]:
    blob_dir = Path(blob_dir)
    blob_dir.mkdir(parents=True, exist_ok=True)
    store = SealedBlobs(blob_dir, key) if key else PlainBlobs(blob_dir)
    return store, Partial(blob_dir, key)


def seal_plain_files(blobs: SealedBlobs, partial_dir: Path) -> int:
    """An HQ that kept attachments in the clear before: seal them, drop clear partial uploads
    (the device resumes from zero)."""
    sealed = blobs.seal_plain_files()
    for leftover in Path(partial_dir).glob("*.part"):
        leftover.unlink(missing_ok=True)
    return sealed
