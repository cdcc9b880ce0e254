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
from sync.client.http import HQClient, HQRefused
from sync.protocol import CHUNK_BYTES, BlobStatus

log = logging.getLogger(__name__)


async def upload(client: HQClient, blobs: BlobStore, sha256: str, media_type: str) -> bool:
    """Make sure HQ holds these bytes; False when the device does not have them either."""
    try:
        data = blobs.get(sha256)
    except NotFoundError:
        return False
    except BlobCorruptError:  # damaged on this device: the record still goes, the bytes cannot
        log.warning("attachment %s… is damaged on this device; not uploaded", sha256[:8])
        return False
    response = await client.call("POST", f"/v1/blobs/{sha256}/start",
                                 json={"size": len(data), "media_type": media_type})
    status = BlobStatus.model_validate_json(response.content)
    while not status.complete and status.received < status.size:
        chunk = data[status.received:status.received + CHUNK_BYTES]
        try:
            response = await client.call("PUT", f"/v1/blobs/{sha256}",
                                         params={"offset": status.received}, content=chunk)
        except HQRefused as exc:
            if exc.code != "wrong_offset":
                raise
            status = status.model_copy(update={"received": exc.details["received"]})
            continue
        status = BlobStatus.model_validate_json(response.content)
    if not status.complete:
        await client.call("POST", f"/v1/blobs/{sha256}/finish")
    return True


async def download(client: HQClient, blobs: BlobStore, sha256: str) -> bytes:
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


async def fetch(client: HQClient, sha256: str) -> bytes:
    """HQ's copy of an attachment, verified against its hash (sealing is the caller's: on the
    store's worker thread, so the loop never waits on a disk write)."""
    response = await client.call("GET", f"/v1/blobs/{sha256}/content")
    data = response.content
    if hashlib.sha256(data).hexdigest() != sha256:
        raise HQRefused(200, "hash_mismatch", "the attachment arrived damaged; try again")
    return data
