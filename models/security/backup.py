"""An encrypted backup of a device store in one file, and its restore, for the office's routine.

File: a magic line, a length-prefixed JSON header (scrypt parameters, the data key wrapped by the
backup passphrase, the data key sealed to HQ's recovery key when the store has one), then the body
in AES-GCM chunks of 1 MiB. Each chunk's associated data binds the header, its index and whether
it is the last, so a reordered, cut or spliced file is refused. The body frames a consistent
SQLCipher export of the database (still encrypted with the data key) and the attachment files
(already encrypted). Nothing is written in plain text, not even a temporary file.
"""

import json
import os
import secrets
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from models.errors import AppError
from models.security import audit, escrow
from models.security.attachment_store import BLOB_DIR, derive_subkey
from models.store.database import DB_FILE, open_engine, write_transaction
from models.store.identity import RESTORED, release_identity
from models.store.keys import KEY_FILE, KdfParams, _kdf_cost, write_key_file

MAGIC = b"FIELDINSPECT-BACKUP-1\n"
CHUNK = 1 << 20
_DB_EXPORT = ".backup-export.db"


class BackupError(AppError):
    code = "backup"


def _export_database(store, target: Path) -> None:
    """A consistent copy via sqlcipher_export, encrypted with the same data key."""
    target.unlink(missing_ok=True)
    raw = store.engine.raw_connection()
    try:
        cur = raw.driver_connection.cursor()
        cur.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{store.data_key.hex()}'\"", (str(target),))
        try:
            # A read snapshot on the driver, not `write_transaction`: ATTACH is refused inside a
            # transaction, and SQLAlchemy would begin one first; IMMEDIATE would stop writers.
            cur.execute("BEGIN")
            cur.execute("SELECT sqlcipher_export('backup')")
            cur.execute("COMMIT")
        finally:
            cur.execute("DETACH DATABASE backup")
    finally:
        raw.close()


def _frames(store, db_copy: Path) -> Iterator[bytes]:
    """name-length, name, data-length, data ... for the database then every attachment file."""
    root = store.data_dir
    files = [(DB_FILE, db_copy)]
    files += sorted((p.relative_to(root).as_posix(), p) for p in (root / BLOB_DIR).rglob("*")
                    if p.is_file() and not p.name.endswith(".part"))
    if (root / escrow.ESCROW_FILE).exists():
        files.append((escrow.ESCROW_FILE, root / escrow.ESCROW_FILE))
    for name, path in files:
        encoded = name.encode()
        yield struct.pack(">H", len(encoded)) + encoded + struct.pack(">Q", path.stat().st_size)
        with path.open("rb") as fh:
            while block := fh.read(CHUNK):
                yield block


def _header(store, passphrase: str) -> dict:
    params = KdfParams(salt=secrets.token_bytes(16), log2n=_kdf_cost())
    nonce = secrets.token_bytes(12)
    head = {"format": "fieldinspect-backup", "version": 1, "salt": params.salt.hex(),
            "log2n": params.log2n, "r": params.r, "p": params.p, "nonce": nonce.hex(),
            "wrapped_key": AESGCM(params.derive(passphrase)).encrypt(
                nonce, store.data_key, b"fieldinspect-backup").hex(),
            "body_salt": secrets.token_hex(16), "nonce_prefix": secrets.token_hex(8)}
    public_pem = store.meta(escrow.PUBLIC_KEY_META)
    if public_pem:
        head["escrow"] = escrow.seal(store.data_key, public_pem.encode("ascii"))
    return head


def _body_key(data_key: bytes, head: dict) -> AESGCM:
    return AESGCM(derive_subkey(data_key, "backup " + head["body_salt"]))


def _nonce(head: dict, index: int) -> bytes:
    return bytes.fromhex(head["nonce_prefix"]) + struct.pack(">I", index)


def _aad(header_bytes: bytes, index: int, last: bool) -> bytes:
    return header_bytes + struct.pack(">I?", index, last)


def backup_store(store, out_path: Path, passphrase: str, *, profile: str = "") -> int:
    """Write the backup; return its size in bytes. The passphrase protects the file."""
    if not passphrase:
        raise BackupError(code="backup_needs_passphrase")
    out_path = Path(out_path)
    db_copy = store.data_dir / _DB_EXPORT
    _export_database(store, db_copy)
    head = _header(store, passphrase)
    header_bytes = json.dumps(head, sort_keys=True).encode()
    aead = _body_key(store.data_key, head)
    tmp = out_path.with_name(f".{out_path.name}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes)
            _write_chunks(out, _frames(store, db_copy), aead, head, header_bytes)
        os.replace(tmp, out_path)
    finally:
        db_copy.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
    with write_transaction(store.engine) as conn:
        audit.record(conn, "backup", profile=profile)
    return out_path.stat().st_size


def _write_chunks(out: BinaryIO, frames: Iterator[bytes], aead: AESGCM, head: dict,
                  header_bytes: bytes) -> None:
    buffer, index = bytearray(), 0
    for piece in frames:
        buffer += piece
        while len(buffer) > CHUNK:
            _seal_chunk(out, bytes(buffer[:CHUNK]), aead, head, header_bytes, index, False)
            del buffer[:CHUNK]
            index += 1
    _seal_chunk(out, bytes(buffer), aead, head, header_bytes, index, True)


def _seal_chunk(out, plain, aead, head, header_bytes, index, last) -> None:
    sealed = aead.encrypt(_nonce(head, index), plain, _aad(header_bytes, index, last))
    out.write(struct.pack(">I", len(sealed)) + sealed)


class _Plaintext:
    """The decrypted body as a readable stream, checking order and the final chunk."""

    def __init__(self, fh: BinaryIO, aead: AESGCM, head: dict, header_bytes: bytes):
        self.fh, self.aead, self.head, self.header_bytes = fh, aead, head, header_bytes
        self.buffer, self.index, self.done = bytearray(), 0, False

    def _next_chunk(self) -> None:
        size = self.fh.read(4)
        if len(size) < 4:
            raise BackupError(code="backup_cut_short")
        sealed = self.fh.read(struct.unpack(">I", size)[0])
        for last in (False, True):
            try:
                plain = self.aead.decrypt(_nonce(self.head, self.index), sealed,
                                          _aad(self.header_bytes, self.index, last))
            except InvalidTag:
                continue
            self.buffer += plain
            self.index += 1
            self.done = last
            return
        raise BackupError(code="backup_damaged")

    def read(self, n: int) -> bytes:
        while len(self.buffer) < n and not self.done:
            self._next_chunk()
        if len(self.buffer) < n:
            raise BackupError(code="backup_cut_short")
        out = bytes(self.buffer[:n])
        del self.buffer[:n]
        return out

    def at_end(self) -> bool:
        while not self.buffer and not self.done:
            self._next_chunk()
        return not self.buffer and self.done


def _read_header(fh: BinaryIO) -> tuple[dict, bytes]:
    if fh.read(len(MAGIC)) != MAGIC:
        raise BackupError(code="backup_not_a_backup")
    (size,) = struct.unpack(">I", fh.read(4))
    header_bytes = fh.read(size)
    return json.loads(header_bytes), header_bytes


def _unwrap(head: dict, passphrase: str) -> bytes:
    params = KdfParams(salt=bytes.fromhex(head["salt"]), log2n=head["log2n"], r=head["r"],
                       p=head["p"])
    try:
        return AESGCM(params.derive(passphrase)).decrypt(
            bytes.fromhex(head["nonce"]), bytes.fromhex(head["wrapped_key"]), b"fieldinspect-backup")
    except InvalidTag:
        raise BackupError(code="backup_wrong_passphrase") from None


def _safe_target(root: Path, name: str) -> Path:
    """Only the names a backup writes: the database, escrow, and hashed attachment files."""
    parts = name.split("/")
    allowed = name in (DB_FILE, escrow.ESCROW_FILE) or (
        len(parts) == 3 and parts[0] == BLOB_DIR and all(p.isalnum() for p in parts[1:]))
    if not allowed:
        raise BackupError(code="backup_unexpected_name", params={"name": name})
    return root / name


def restore_store(backup_path: Path, data_dir: Path, passphrase: str,
                  *, new_passphrase: str | None = None) -> int:
    """Restore into an empty data directory; return the number of files restored. The store
    gets a new device id and must enroll with HQ again (models.store.identity)."""
    data_dir = Path(data_dir)
    if (data_dir / KEY_FILE).exists() or (data_dir / DB_FILE).exists():
        raise BackupError(code="backup_target_not_empty", params={"folder": str(data_dir)})
    staging = data_dir.with_name(f".{data_dir.name}.restoring")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True, mode=0o700)
    try:
        with Path(backup_path).open("rb") as fh:
            head, header_bytes = _read_header(fh)
            data_key = _unwrap(head, passphrase)
            count = _unpack(_Plaintext(fh, _body_key(data_key, head), head, header_bytes), staging)
        write_key_file(staging / KEY_FILE, data_key, new_passphrase or passphrase)
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        for item in staging.iterdir():
            os.replace(item, data_dir / item.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    engine = open_engine(data_dir / DB_FILE, data_key)
    try:
        with write_transaction(engine) as conn:
            audit.record(conn, "restore")
            # Never under the identity it was backed up with: the original may sync on.
            release_identity(conn, RESTORED)
    finally:
        engine.dispose()
    return count


def _unpack(body: _Plaintext, root: Path) -> int:
    count = 0
    while not body.at_end():
        (name_len,) = struct.unpack(">H", body.read(2))
        target = _safe_target(root, body.read(name_len).decode())
        (size,) = struct.unpack(">Q", body.read(8))
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            left = size
            while left:
                block = body.read(min(left, CHUNK))
                out.write(block)
                left -= len(block)
        count += 1
    return count
