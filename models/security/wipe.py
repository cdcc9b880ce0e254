"""Wiping a device's confidential records and keys (a revoked laptop, a retired one).

The device part goes first: from that moment nothing on the disk can be decrypted, whatever
happens to the rest (crypto-erase; overwriting blocks on an SSD is not something software can
promise). Then the key file, escrow, database with its WAL and SHM, attachments and the HQ
credential file are removed, and a marker says when and why. Only names the app itself writes
are touched, in case the data directory was pointed at a folder holding other files.
"""

import contextlib
import json
import os
import shutil
from pathlib import Path

import sqlalchemy as sa

from models.errors import StoreLockedError
from models.security import keystore
from models.security.attachment_store import BLOB_DIR
from models.store.database import DB_FILE
from models.store.keys import KEY_FILE
from models.timeutil import utcnow

WIPED_MARKER = "WIPED.txt"
_FILES = (KEY_FILE, "store.escrow.json", "unlock_attempts.json", "device.credential",
          DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}-journal", ".backup-export.db")


def _overwrite_and_unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        with path.open("r+b") as fh:
            fh.write(os.urandom(min(size, 1 << 20)))
            fh.flush()
            os.fsync(fh.fileno())
    path.unlink(missing_ok=True)


def _refuse_connect():
    raise StoreLockedError(code="device_wiped")


def wipe_data_dir(data_dir: Path, reason: str) -> None:
    data_dir = Path(data_dir)
    key_path = data_dir / KEY_FILE
    with contextlib.suppress(OSError, ValueError):
        ref = json.loads(key_path.read_text(encoding="utf-8")).get("device_part") or {}
        if ref.get("id"):
            keystore.delete_device_part(ref["id"])
    for name in _FILES:
        _overwrite_and_unlink(data_dir / name)
    shutil.rmtree(data_dir / BLOB_DIR, ignore_errors=True)
    (data_dir / WIPED_MARKER).write_text(
        f"FieldInspect wiped this device's records and keys at {utcnow().isoformat()} "
        f"({reason}).\n", encoding="utf-8")


def wipe_store(store, reason: str) -> None:
    """Close the open store, wipe its data directory, and leave the object unusable."""
    store.changes.close()  # the change check's own connection (models.store.changes)
    store.engine.dispose()
    # A pooled engine would re-create an empty database on the next connect: swap it for one
    # that refuses (and keeps nothing: NullPool, not the URL's default pool).
    store.engine = sa.create_engine("sqlite://", creator=_refuse_connect,
                                    poolclass=sa.pool.NullPool)
    store.data_key = b""
    store.wiped = True
    wipe_data_dir(store.data_dir, reason)


def was_wiped(data_dir: Path) -> bool:
    return (Path(data_dir) / WIPED_MARKER).exists()
