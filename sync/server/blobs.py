"""Attachment bytes at HQ: content-addressed by SHA-256, uploaded in resumable chunks.

Files are stored under names HQ makes from the verified hash, never under a name a client
sent; a partial upload lives in `partial/` until its whole hash checks out. Both are sealed
(`sync/server/blob_store.py`): under the HQ store's key on SQLite, under HQ's own attachment key
on PostgreSQL.
"""

import hashlib
import re

import sqlalchemy as sa

from models.security.blobs import BlobCorruptError
from models.timeutil import utcnow
from sync.protocol import MAX_ATTACHMENT_BYTES, BlobStatus
from sync.server import tables as T
from sync.server.db import ServerDB

_SHA = re.compile(r"^[0-9a-f]{64}$")


class BlobError(Exception):
    def __init__(self, status: int, code: str, message: str, **details):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def check_sha(sha: str) -> str:
    if not _SHA.match(sha):
        raise BlobError(400, "bad_hash", "an attachment is named by its SHA-256 in lower-case hex")
    return sha


def content(db: ServerDB, sha: str) -> bytes:
    """A finished attachment's bytes, decrypted."""
    return db.blobs.get(check_sha(sha))


def status(db: ServerDB, sha: str) -> BlobStatus | None:
    check_sha(sha)
    with db.read() as conn:
        row = conn.execute(sa.select(T.blob).where(T.blob.c.sha256 == sha)).first()
    if row is None:
        return None
    received = row.size if row.complete else db.partial.received(sha)
    return BlobStatus(sha256=sha, size=row.size, received=received, complete=row.complete)


def start(db: ServerDB, sha: str, size: int, media_type: str) -> BlobStatus:
    check_sha(sha)
    if size > MAX_ATTACHMENT_BYTES:
        raise BlobError(413, "attachment_too_large",
                        f"attachments are limited to {MAX_ATTACHMENT_BYTES // 2**20} MB; "
                        f"this one has {size / 2**20:.1f} MB", limit=MAX_ATTACHMENT_BYTES)
    current = status(db, sha)
    if current is not None:
        if current.size != size:
            raise BlobError(409, "size_mismatch", "this hash was announced with another size")
        return current
    with db.write() as conn:
        conn.execute(T.blob.insert().values(sha256=sha, size=size, media_type=media_type,
                                            complete=False, created_at=utcnow()))
    return BlobStatus(sha256=sha, size=size, received=0, complete=False)


def append(db: ServerDB, sha: str, offset: int, chunk: bytes) -> BlobStatus:
    current = status(db, sha)
    if current is None:
        raise BlobError(404, "unknown_blob", "start the upload first")
    if current.complete:
        return current
    if offset != current.received:
        raise BlobError(409, "wrong_offset", f"resume at byte {current.received}",
                        received=current.received)
    if offset + len(chunk) > current.size:
        raise BlobError(413, "too_much", "more bytes than announced")
    db.partial.add(sha, offset, chunk)
    return BlobStatus(sha256=sha, size=current.size, received=offset + len(chunk),
                      complete=False)


def finish(db: ServerDB, sha: str) -> BlobStatus:
    current = status(db, sha)
    if current is None:
        raise BlobError(404, "unknown_blob", "start the upload first")
    if current.complete:
        return current
    if current.received != current.size:
        raise BlobError(409, "incomplete", f"only {current.received} of {current.size} bytes "
                        "arrived", received=current.received)
    try:
        data = db.partial.read(sha)
    except BlobCorruptError:
        data = b""
    if hashlib.sha256(data).hexdigest() != sha:
        db.partial.drop(sha)
        raise BlobError(422, "hash_mismatch", "the bytes do not match their SHA-256; upload "
                        "again")
    db.blobs.put(data, expected_sha256=sha)  # sealed, fsynced
    db.partial.drop(sha)
    with db.write() as conn:
        conn.execute(T.blob.update().where(T.blob.c.sha256 == sha).values(complete=True))
    return BlobStatus(sha256=sha, size=current.size, received=current.size, complete=True)
