"""Attachment bytes on the device side: resumable chunked upload, lazy download.

The local layout (`attachments/ab/abcdef...` in the data directory) is the one the desktop
writes; the server's answer to `start` says how much it already has, so an upload cut half-way
resumes at that offset, and a file HQ already holds is never sent again.
"""

import hashlib
import os
from pathlib import Path

from sync.client.http import HQClient, HQRefused
from sync.protocol import CHUNK_BYTES, BlobStatus

FOLDER = "attachments"


def local_blob_path(data_dir: Path, sha256: str) -> Path:
    return Path(data_dir) / FOLDER / sha256[:2] / sha256


async def upload(client: HQClient, data_dir: Path, sha256: str, media_type: str) -> bool:
    """Make sure HQ holds these bytes; False when the device does not have them either."""
    path = local_blob_path(data_dir, sha256)
    if not path.exists():
        return False
    size = path.stat().st_size
    response = await client.call("POST", f"/v1/blobs/{sha256}/start",
                                 json={"size": size, "media_type": media_type})
    status = BlobStatus.model_validate_json(response.content)
    with path.open("rb") as fh:
        while not status.complete and status.received < status.size:
            fh.seek(status.received)
            chunk = fh.read(CHUNK_BYTES)
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


async def download(client: HQClient, data_dir: Path, sha256: str) -> Path:
    """Fetch an attachment when it is opened; verified before it takes its place."""
    target = local_blob_path(data_dir, sha256)
    if target.exists():
        return target
    response = await client.call("GET", f"/v1/blobs/{sha256}/content")
    if hashlib.sha256(response.content).hexdigest() != sha256:
        raise HQRefused(200, "hash_mismatch", "the attachment arrived damaged; try again")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    tmp.write_bytes(response.content)
    os.replace(tmp, target)
    return target
