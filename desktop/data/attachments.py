"""Photos and scans: bytes under their SHA-256 in the data directory, metadata in the store."""

import hashlib
import mimetypes
import os
import shutil
from pathlib import Path

import sqlalchemy as sa

from models.records import Attachment
from models.store.writes import WriteSession

FOLDER = "attachments"


def blob_path(data_dir: Path, sha256: str) -> Path:
    return Path(data_dir) / FOLDER / sha256[:2] / sha256


def attach_files(w: WriteSession, data_dir: Path, owner_table: str, owner_id: str,
                 files: list[str]) -> list[str]:
    """Copy each file under its hash (fsynced before the row commits), then record it."""
    ids = []
    for name in files:
        source = Path(name)
        data = source.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        target = blob_path(data_dir, digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".part")
            with open(partial, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            shutil.move(partial, target)
        media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        ids.append(w.create(Attachment, {
            "sha256": digest, "size": len(data), "media_type": media_type,
            "owner_table": owner_table, "owner_id": owner_id, "original_name": source.name,
        }))
    return ids


def attachments_of(conn: sa.Connection, data_dir: Path, owner_table: str,
                   owner_id: str) -> list[dict]:
    """Each attachment with its bytes (photos are small; a missing file gives empty bytes)."""
    t = Attachment.__table__
    rows = conn.execute(
        sa.select(t.c.id, t.c.sha256, t.c.media_type, t.c.original_name)
        .where(t.c.owner_table == owner_table, t.c.owner_id == owner_id,
               t.c.deleted_at.is_(None)).order_by(t.c.created_at)
    ).mappings()
    out = []
    for row in rows:
        path = blob_path(data_dir, row["sha256"])
        out.append({**row, "data": path.read_bytes() if path.exists() else b""})
    return out
