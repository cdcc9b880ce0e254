"""Photos and scans: bytes in the store's encrypted blob folder, metadata in the store.

The bytes go through `store.blobs` (AES-GCM per file, keyed file names): nothing readable is
written under the data directory, and the same photo attached twice is one file. The original
file name is kept as metadata only, never used as a path.
"""

import os
from pathlib import Path

import sqlalchemy as sa

from models import rules
from models.errors import AppError
from models.records import Attachment
from models.security.attachment_store import BlobStore
from models.security.audit import log_event
from models.security.published import UnsupportedImageError, strip_location
from models.store.writes import WriteSession


def attach_files(w: WriteSession, blobs: BlobStore, owner_table: str, owner_id: str,
                 files: list[str]) -> list[str]:
    """Seal each file into the blob store (fsynced before the row commits), then record it.
    Every file must be a photo by its first bytes (models.rules.photo_problems); one that is
    not refuses the whole action, naming the file, before anything is written."""
    sources = [(Path(name), Path(name).read_bytes()) for name in files]
    rules.raise_if([p for source, data in sources for p in rules.photo_problems(source.name,
                                                                              data[:32])])
    ids = []
    for source, data in sources:
        digest = blobs.put(data)
        media_type = rules.photo_media_type(data[:32])
        ids.append(w.create(Attachment, {
            "sha256": digest, "size": len(data), "media_type": media_type,
            "owner_table": owner_table, "owner_id": owner_id, "original_name": source.name,
        }))
    return ids


def remove_attachment(w: WriteSession, attachment_id: str) -> None:
    """A photo taken off its record: a tombstone through the write path, so the removal is in
    the audit chain and reaches HQ like any other change. The sealed bytes stay (another row may
    name the same photo, and the audit trail may need them)."""
    w.delete(Attachment, attachment_id)


def attachments_of(conn: sa.Connection, blobs: BlobStore, owner_table: str,
                   owner_id: str) -> list[dict]:
    """Each attachment with its bytes (photos are small). An attachment not on this device yet
    (synced from HQ, fetched on demand) or damaged gives empty bytes."""
    t = Attachment.__table__
    rows = conn.execute(
        sa.select(t.c.id, t.c.sha256, t.c.media_type, t.c.original_name)
        .where(t.c.owner_table == owner_table, t.c.owner_id == owner_id,
               t.c.deleted_at.is_(None)).order_by(t.c.created_at)
    ).mappings()
    out = []
    for row in rows:
        try:
            data = blobs.get(row["sha256"])
        except AppError:  # not downloaded yet, or failed authentication
            data = b""
        out.append({**row, "data": data, "local": bool(data)})
    return out


class NotPublishableError(AppError):
    code = "not_publishable"


def publish_copy(store, sha256: str, target: Path, *, profile: str) -> None:
    """A copy of a photo for publication: its location (and all camera metadata) removed, the
    stored original untouched as evidence; written whole or not at all; audited as an export."""
    try:
        clean = strip_location(store.blobs.get(sha256))
    except UnsupportedImageError as exc:
        raise NotPublishableError(code=exc.code) from exc
    target = Path(target)
    partial = target.with_name(f".{target.name}.partial")
    partial.write_bytes(clean)
    os.replace(partial, target)
    log_event(store, "export", profile=profile,
              details={"photo": sha256, "location_removed": True})
