"""Attachment bytes at HQ: content-addressed by SHA-256, uploaded in resumable chunks, and
handed only to the devices that may see them.

Knowing a photo's hash must give nothing (issue 11 §2), so:

* An upload is a session of ONE device, keyed by (device, hash) (`sync_blob_upload`, its chunks
  sealed under both): no other device sees it, resumes it, or is blocked by the size it
  announced. Kiosks upload nothing.
* A device that has not sent these bytes itself sends them in full even when HQ holds them; HQ
  verifies them, writes them again, and answers exactly as for a fresh upload. Deduplication
  saves disk, never says that HQ had the photo.
* A device that sent the whole verified bytes is a holder (`sync_blob_holder`). A device may read
  a finished attachment when it is a holder, or when a live attachment row naming the hash is in
  its scope AND that row's device is a holder: naming a known hash in a record of one's own
  opens nothing. Every other case, "no such hash", "not yours" and "someone else's upload on its
  way", is one and the same 404 (`not_found`), from the status route and the content route.

Files are stored under names HQ makes from the verified hash, never under a name a client
sent; both finished and partial files are sealed (`sync/server/attachment_store.py`).

A unit's liaison device sends only JPEG or PNG photos already stripped of location and camera
data (the device strips them before hashing, so every copy is the stripped one): HQ checks the
finished bytes and refuses anything else (`photo_format`, `photo_metadata`), keeping nothing.
"""

import hashlib
import re
import struct

import sqlalchemy as sa

from models.errors import NotFoundError
from models.security.attachment_store import BlobCorruptError
from models.security.published import UnsupportedImageError, strip_location
from models.tables import SYNCED_TABLES
from models.timeutil import utcnow
from sync.protocol import MAX_ATTACHMENT_BYTES, BlobStatus
from sync.server import tables as T
from sync.server.auth import DeviceIdentity
from sync.server.db import ServerDB
from sync.server.errors import ClientError
from sync.server.pull import row_lookup
from sync.server.rows import insert_ignore, upsert
from sync.server.scope import MATRIX, load_scope, row_visible

_SHA = re.compile(r"^[0-9a-f]{64}$")


def check_sha(sha: str) -> str:
    if not _SHA.match(sha):
        raise ClientError(400, "bad_hash", "an attachment is named by its SHA-256 in lower-case hex")
    return sha


def not_found() -> ClientError:
    """The one answer for a hash this device may not know about, whatever the reason."""
    return ClientError(404, "unknown_blob", "HQ has no attachment with this hash for you")


def check_may_upload(device: DeviceIdentity) -> None:
    """Only roles that create attachment records send bytes (a kiosk does not)."""
    if "c" not in MATRIX[device.role].get("attachment", ""):
        raise ClientError(403, "attachment_upload_forbidden",
                        f"a {device.role} device may not upload attachments", role=device.role)


# --- reading --------------------------------------------------------------------------------
def status(db: ServerDB, device: DeviceIdentity, sha: str) -> BlobStatus:
    """The device's own upload on its way, or a finished attachment it may read."""
    check_sha(sha)
    me = device.store_device_id
    with db.read() as conn:
        session = _session(conn, me, sha)
        size = _finished_size(conn, sha)
        readable = may_read(conn, device, sha)  # asked in every case: the same work each time
    if session is not None:
        return BlobStatus(sha256=sha, size=session.size,
                          received=db.partial.received(me, sha), complete=False)
    if size is None or not readable:
        raise not_found()
    return BlobStatus(sha256=sha, size=size, received=size, complete=True)


def content(db: ServerDB, device: DeviceIdentity, sha: str) -> bytes:
    """A finished attachment's bytes, decrypted, for a device that may read them."""
    check_sha(sha)
    with db.read() as conn:
        size = _finished_size(conn, sha)
        readable = may_read(conn, device, sha)
    if size is None or not readable:
        raise not_found()
    try:
        return db.blobs.get(sha)
    except NotFoundError:
        raise not_found() from None


def may_read(conn: sa.Connection, device: DeviceIdentity, sha: str) -> bool:
    """A holder, or a live attachment row in the device's scope whose device is a holder. The
    queries run whether or not such rows exist (see docs/security.md on what timing leaves)."""
    if "r" not in MATRIX[device.role].get("attachment", ""):
        return False
    a, h = SYNCED_TABLES["attachment"].__table__, T.blob_holder
    holds = _holds(conn, device.store_device_id, sha)
    rows = conn.execute(sa.select(a).where(
        a.c.sha256 == sha, a.c.deleted_at.is_(None),
        sa.exists().where(h.c.sha256 == sha, h.c.store_device_id == a.c.created_device),
    )).mappings().all()
    scope, lookup = load_scope(conn, device), row_lookup(conn)
    return holds or any(row_visible(scope, "attachment", dict(r), lookup) for r in rows)


def _holds(conn: sa.Connection, me: str, sha: str) -> bool:
    h = T.blob_holder.c
    return conn.execute(sa.select(h.sha256).where(
        h.sha256 == sha, h.store_device_id == me)).first() is not None


def _session(conn: sa.Connection, me: str, sha: str):
    u = T.blob_upload.c
    return conn.execute(sa.select(T.blob_upload).where(
        u.store_device_id == me, u.sha256 == sha)).first()


def _finished_size(conn: sa.Connection, sha: str) -> int | None:
    return conn.execute(sa.select(T.blob.c.size).where(T.blob.c.sha256 == sha)).scalar()


def _complete(sha: str, size: int) -> BlobStatus:
    return BlobStatus(sha256=sha, size=size, received=size, complete=True)


# --- uploading ------------------------------------------------------------------------------
def start(db: ServerDB, device: DeviceIdentity, sha: str, size: int,
          media_type: str) -> BlobStatus:
    """Open (or resume) this device's upload. Only the device's own state decides the answer:
    bytes it sent before are complete; anything else, even bytes HQ holds from another
    device, is an upload starting at zero (or where this device's own upload stopped)."""
    check_sha(sha)
    check_may_upload(device)
    if size > MAX_ATTACHMENT_BYTES:
        raise ClientError(413, "attachment_too_large",
                        f"attachments are limited to {MAX_ATTACHMENT_BYTES // 2**20} MB; "
                        f"this one has {size / 2**20:.1f} MB", limit=MAX_ATTACHMENT_BYTES)
    me = device.store_device_id
    with db.write() as conn:
        if _holds(conn, me, sha):
            return _complete(sha, _finished_size(conn, sha) or size)
        session = _session(conn, me, sha)
        if session is not None and session.size == size:
            return BlobStatus(sha256=sha, size=size, received=db.partial.received(me, sha),
                              complete=False)
        db.partial.drop(me, sha)  # its own earlier attempt with another size starts over
        upsert(conn, T.blob_upload, [{"store_device_id": me, "sha256": sha, "size": size,
                                      "media_type": media_type, "created_at": utcnow()}],
               ["store_device_id", "sha256"], ["size", "media_type", "created_at"])
    return BlobStatus(sha256=sha, size=size, received=0, complete=False)


def append(db: ServerDB, device: DeviceIdentity, sha: str, offset: int,
           chunk: bytes) -> BlobStatus:
    check_sha(sha)
    check_may_upload(device)
    me = device.store_device_id
    session, done = _own_state(db, me, sha)
    if done is not None:
        return done
    received = db.partial.received(me, sha)
    if offset != received:
        raise ClientError(409, "wrong_offset", f"resume at byte {received}", received=received)
    if offset + len(chunk) > session.size:
        raise ClientError(413, "too_much", "more bytes than announced")
    db.partial.add(me, sha, offset, chunk)
    return BlobStatus(sha256=sha, size=session.size, received=offset + len(chunk),
                      complete=False)


def finish(db: ServerDB, device: DeviceIdentity, sha: str) -> BlobStatus:
    """Verify this device's bytes and keep them. Bytes HQ already held are sealed and written
    again all the same, so the answer and the work behind it are those of a fresh upload."""
    check_sha(sha)
    check_may_upload(device)
    me = device.store_device_id
    session, done = _own_state(db, me, sha)
    if done is not None:
        return done
    received = db.partial.received(me, sha)
    if received != session.size:
        raise ClientError(409, "incomplete", f"only {received} of {session.size} bytes arrived",
                        received=received)
    try:
        data = db.partial.read(me, sha)
    except BlobCorruptError:
        data = b""
    if hashlib.sha256(data).hexdigest() != sha:
        db.partial.drop(me, sha)
        raise ClientError(422, "hash_mismatch", "the bytes do not match their SHA-256; upload "
                        "again")
    refusal = photo_refusal(device, data)
    if refusal is not None:
        db.partial.drop(me, sha)
        raise refusal
    db.blobs.put(data, expected_sha256=sha, rewrite=True)  # sealed, fsynced
    _record_holder(db, me, sha, len(data), session.media_type)
    db.partial.drop(me, sha)
    return _complete(sha, len(data))


def photo_refusal(device: DeviceIdentity, data: bytes) -> ClientError | None:
    """Why HQ refuses these bytes from this device: from a unit device, anything but a JPEG
    or PNG that stripping would leave unchanged (no EXIF, XMP, IPTC or text blocks)."""
    if device.role != "unit":
        return None
    try:
        clean = strip_location(data) == data
    except (UnsupportedImageError, IndexError, struct.error):
        return ClientError(422, "photo_format", "a unit device sends JPEG or PNG photos only")
    if not clean:
        return ClientError(422, "photo_metadata", "the photo still carries location or camera "
                           "data; the device removes them before sending")
    return None


def _own_state(db: ServerDB, me: str, sha: str):
    """(this device's upload session, None), or (None, complete status) when it already sent
    these bytes; an upload never started is its own 404 (it says nothing of other devices)."""
    with db.read() as conn:
        session = _session(conn, me, sha)
        if session is None and _holds(conn, me, sha):
            return None, _complete(sha, _finished_size(conn, sha))
    if session is None:
        raise ClientError(404, "unknown_blob", "start the upload first")
    return session, None


def _record_holder(db: ServerDB, me: str, sha: str, size: int, media_type: str) -> None:
    now = utcnow()
    with db.write() as conn:
        conn.execute(insert_ignore(conn, T.blob), {
            "sha256": sha, "size": size, "media_type": media_type, "created_at": now})
        conn.execute(insert_ignore(conn, T.blob_holder), {
            "sha256": sha, "store_device_id": me, "held_since": now})
        conn.execute(T.blob_upload.delete().where(T.blob_upload.c.store_device_id == me,
                                                  T.blob_upload.c.sha256 == sha))
