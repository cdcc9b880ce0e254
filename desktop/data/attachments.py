"""Photos and scans: bytes in the store's encrypted blob folder, metadata in the store.

The bytes go through `store.blobs` (AES-GCM per file, keyed file names): nothing readable is
written under the data directory, and the same photo attached twice is one file. The original
file name is kept as metadata only, never used as a path.
"""

import mimetypes
from pathlib import Path

import sqlalchemy as sa

from models.errors import AppError
from models.records import Attachment
from models.security.blobs import BlobStore
from models.store.writes import WriteSession


def attach_files(w: WriteSession, blobs: BlobStore, owner_table: str, owner_id: str,
                 files: list[str]) -> list[str]:
    """Seal each file into the blob store (fsynced before the row commits), then record it."""
    ids = []
    for name in files:
        source = Path(name)
        data = source.read_bytes()
        digest = blobs.put(data)
        media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        ids.append(w.create(Attachment, {
            "sha256": digest, "size": len(data), "media_type": media_type,
            "owner_table": owner_table, "owner_id": owner_id, "original_name": source.name,
        }))
    return ids


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
        out.append({**row, "data": data})
    return out
