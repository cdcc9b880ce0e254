"""Attachment bytes on the device side: resumable chunked upload, lazy download.

The bytes live in the store's encrypted blob folder (`store.blobs`, the same one the desktop
writes): an upload reads them decrypted in memory, a download is verified and sealed before it
takes its place. Nothing is written in the clear, not even while it is on its way. HQ's answer
to `start` says how much of THIS device's upload it has, so an upload cut half-way resumes at
that offset, and a file this device sent before is not sent again. A file HQ holds from another
device is sent in full: HQ never tells a device whether it had a photo (`sync/server/attachments.py`).
"""

import hashlib
import logging

from models.errors import NotFoundError
from models.security.attachment_store import BlobCorruptError, BlobStore
from sync.client.hq_client import HqClient, HqRefused
from sync.protocol import CHUNK_BYTES

log = logging.getLogger(__name__)


async def upload(client: HqClient, blobs: BlobStore, sha256: str, media_type: str) -> bool:
    """Make sure HQ holds these bytes; False when the device does not have them either."""
    try:
        data = blobs.get(sha256)
    except NotFoundError:
        return False
    except BlobCorruptError:  # damaged on this device: the record still goes, the bytes cannot
        log.warning("attachment %s… is damaged on this device; not uploaded", sha256[:8])
        return False
    status = await client.blob_start(sha256, len(data), media_type)
    while not status.complete and status.received < status.size:
        chunk = data[status.received:status.received + CHUNK_BYTES]
        try:
            status = await client.blob_chunk(sha256, status.received, chunk)
        except HqRefused as exc:
            if exc.hq_code != "wrong_offset":
                raise
            status = status.model_copy(update={"received": exc.details["received"]})
    if not status.complete:
        await client.blob_finish(sha256)
    return True


async def download(client: HqClient, blobs: BlobStore, sha256: str) -> bytes:
    """An attachment's bytes, fetched from HQ when first opened; verified, then sealed."""
    try:
        return blobs.get(sha256)
    except NotFoundError:
        pass
    except BlobCorruptError:  # a damaged local copy is replaced by HQ's
        blobs.delete(sha256)
    data = await fetch(client, sha256)
    blobs.put(data, expected_sha256=sha256)
    return data


async def fetch(client: HqClient, sha256: str) -> bytes:
    """HQ's copy of an attachment, verified against its hash (sealing is the caller's: on the
    store's worker thread, so the loop never waits on a disk write)."""
    data = await client.blob_content(sha256)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise HqRefused(200, "hash_mismatch", "the attachment arrived damaged; try again")
    return data
