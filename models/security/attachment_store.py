"""Attachment bytes at rest: AES-GCM per file, a fresh nonce each, the content hash bound in.

Callers name a blob by the SHA-256 of its plaintext (`put(bytes) -> sha256`, `get(sha256)`).
On disk the file is named by an HMAC of that hash under a store key, so a copied data directory
does not even say whether it holds a given, known photo; the same photo attached twice is one
file. The content hash is the associated data: a blob swapped for another fails to decrypt.
"""

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from models.errors import AppError, NotFoundError

BLOB_DIR = "attachments"
_MAGIC = b"FIB1"
_NONCE = 12


def write_private_file(path: Path, data: bytes) -> None:
    """Owner-only, whole or not at all: a `.part` file fsynced, then renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class BlobCorruptError(AppError):
    code = "blob_corrupt"


def derive_subkey(data_key: bytes, purpose: str) -> bytes:
    """A key for one purpose only, so the database key is never used twice."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"fieldinspect {purpose} v1".encode()).derive(data_key)


def _check_hash(sha256: str) -> str:
    sha256 = sha256.lower()
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise NotFoundError(code="attachment_ref_not_hash")
    return sha256


class BlobStore:
    def __init__(self, root: Path, data_key: bytes):
        self.root = Path(root)
        self._aead = AESGCM(derive_subkey(data_key, "attachments"))
        self._name_key = derive_subkey(data_key, "attachment names")

    def _path(self, sha256: str) -> Path:
        name = hmac.new(self._name_key, sha256.encode(), hashlib.sha256).hexdigest()
        return self.root / name[:2] / name

    def has(self, sha256: str) -> bool:
        return self._path(_check_hash(sha256)).exists()

    def put(self, data: bytes, *, expected_sha256: str | None = None,
            rewrite: bool = False) -> str:
        """Store the bytes (once); return their SHA-256. A wrong `expected_sha256` stores nothing.
        `rewrite`: seal and write them even when held (atomically replacing the same content),
        so that taking bytes already held costs what taking new ones does (HQ, where the time
        of an answer must not say whether it had them)."""
        sha256 = hashlib.sha256(data).hexdigest()
        if expected_sha256 is not None and _check_hash(expected_sha256) != sha256:
            raise BlobCorruptError(code="attachment_hash_mismatch")
        path = self._path(sha256)
        if path.exists() and not rewrite:
            return sha256
        nonce = secrets.token_bytes(_NONCE)
        write_private_file(path, _MAGIC + nonce + self._aead.encrypt(nonce, data, sha256.encode()))
        return sha256

    def get(self, sha256: str) -> bytes:
        sha256 = _check_hash(sha256)
        try:
            sealed = self._path(sha256).read_bytes()
        except FileNotFoundError:
            raise NotFoundError(code="attachment_not_here") from None
        if not sealed.startswith(_MAGIC):
            raise BlobCorruptError(code="attachment_damaged")
        nonce, body = sealed[len(_MAGIC):len(_MAGIC) + _NONCE], sealed[len(_MAGIC) + _NONCE:]
        try:
            return self._aead.decrypt(nonce, body, sha256.encode())
        except InvalidTag:
            raise BlobCorruptError(code="attachment_replaced") from None

    def delete(self, sha256: str) -> None:
        self._path(_check_hash(sha256)).unlink(missing_ok=True)

    def seal_plain_files(self) -> int:
        """Seal what earlier versions wrote in the clear (`ab/<sha256>`, named by the hash of
        its bytes) and remove the clear copy and any clear `.part` leftovers; how many sealed.

        A sealed file starts with the magic and its name is an HMAC, not its own hash, so it
        is told apart by reading four bytes. Unlinking does not scrub the disk blocks: a store
        that held clear photos keeps relying on the disk's own encryption for those."""
        if not self.root.is_dir():
            return 0
        sealed = 0
        for path in sorted(self.root.glob("??/*")):
            name = path.name
            if not path.is_file() or name.startswith("."):
                continue
            if name.endswith(".part"):  # an interrupted clear write
                path.unlink(missing_ok=True)
                continue
            with path.open("rb") as fh:
                if fh.read(len(_MAGIC)) == _MAGIC:
                    continue
            data = path.read_bytes()
            if len(name) == 64 and hashlib.sha256(data).hexdigest() == name:
                self.put(data, expected_sha256=name)
                path.unlink()
                sealed += 1
        return sealed
