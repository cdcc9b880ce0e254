"""A new device's first sync from HQ's snapshot: every row of its scope as an SQLCipher file of
this app's store schema, swapped in as the store, then ordinary pulls from its cursor.

Asked for only by a new store: cursor at zero, nothing in the outbox, no row in any synced
table (so nothing local can be overwritten or left unpushed). HQ refuses a device that ever
pushed (409 `snapshot_not_new`) or of another schema (409 `snapshot_other_schema`), and an HQ
older than snapshots has no route (404): all mean ordinary pulls, which give the same rows.

The file arrives as a database image, zlib-compressed, over the authenticated connection (as
pulled rows do); it is inflated and each page encrypted under the store's own key in memory as
it is written next to the store (`models.store.sqlcipher_pages`), so it is never on disk in the
clear and never under a key HQ knew. The store's own rows are copied in with the cursor, the
history versions and HQ's conflicts (in the transaction that ends the swap), and it is renamed
over the store file (`models.store.snapshot_file.swap_in`). Cut at any byte or killed at any
moment, the old store stays as it was until that rename; a half-written file is deleted by the
next try. The answer is read whole (a tenth of the store: 5.8 MB for 100,000 forms).
"""

import os
import struct
import zlib
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson
import sqlalchemy as sa

from models.security.audit import HISTORY_TABLES, record_pulled_versions
from models.store.database import DB_FILE
from models.store.schema import HEAD
from models.store.snapshot_file import swap_in
from models.store.sqlcipher_pages import IMAGE_FORM, PAGE, NotAnImage, PageEncryptor
from models.store.store import Store, get_meta, set_meta
from sync.client.apply import CURSOR_KEY, keep_conflicts, kept_as_versions
from sync.client.failures import HqRefused, HqUnreachable
from sync.client.hq_client import HqClient

SNAPSHOT_PATH = "/v1/snapshot"
MAGIC = b"FIS1"
# What HQ answers when a snapshot is not for this device: pull row by row instead.
NOT_OFFERED = {404, 409}
PART_SUFFIX = ".snapshot"  # the file as it arrives, beside the store (never in the clear)
INFLATE = 1 << 16  # the body is inflated 64 KiB at a time (about 0.7 MB of image)


def wants_snapshot(store: Store) -> bool:
    """A new store: cursor zero, empty outbox, no synced record beyond what ships with the
    app (the default checklists, which every store and HQ hold under the same ids). A store
    that no longer wants one drops a file a killed try left beside it."""
    wants = _is_new(store)
    if not wants:
        part_path(store).unlink(missing_ok=True)
    return wants


def _is_new(store: Store) -> bool:
    with store.read() as conn:
        if get_meta(conn, CURSOR_KEY, "0") != "0":
            return False
        if conn.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM outbox)").scalar():
            return False
    return not store.holds_records()


def part_path(store: Store) -> Path:
    return store.data_dir / f"{DB_FILE}{PART_SUFFIX}"


async def take_snapshot(client: HqClient, store: Store,
                        on_db: Callable[..., Awaitable]) -> int:
    """Fetch and install the snapshot; how many rows it held (0 when HQ offers none or the
    store could not take it: the ordinary pulls then bring the same rows)."""
    try:
        response = await client.call("GET", SNAPSHOT_PATH,
                                     params={"revision": HEAD, "form": IMAGE_FORM})
    except HqRefused as exc:
        if exc.status in NOT_OFFERED:
            return 0
        raise
    try:
        header, at = read_header(response.content)
    except ValueError as exc:  # cut short: the round fails as a cut pull does; asked again next
        raise HqUnreachable(client.url) from exc
    try:
        return await on_db(install, store, header, memoryview(response.content)[at:])
    except NotAnImage as exc:  # damaged on the way: asked again next round, as a cut answer
        raise HqUnreachable(client.url) from exc


def read_header(body: bytes) -> tuple[dict, int]:
    """The answer's header and where the file starts in it; ValueError if it is not whole."""
    if len(body) < 8 or body[:4] != MAGIC:
        raise ValueError("the snapshot's answer is not whole")
    (length,) = struct.unpack(">I", body[4:8])
    if len(body) < 8 + length:
        raise ValueError("the snapshot's answer is not whole")
    header = orjson.loads(body[8:8 + length])
    if len(body) != 8 + length + header["size"]:
        raise ValueError("the snapshot's answer is not whole")
    return header, 8 + length


def install(store: Store, header: dict, body: bytes | memoryview) -> int:
    """Write the image beside the store, each page encrypted under the store's key, and swap
    it in with the store's own rows, the cursor, the versions and the conflicts; 0 if the
    store took rows of its own meanwhile (or is held elsewhere): then the ordinary pulls bring
    the same rows. NotAnImage if the body is not a whole image (the file is deleted)."""
    if header.get("revision") != HEAD or header.get("form") != IMAGE_FORM \
            or not wants_snapshot(store):
        return 0
    path = part_path(store)
    path.unlink(missing_ok=True)  # a try cut or killed earlier
    try:
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600),
                       "wb") as out, WriteBack(out) as write:
            write_image(store.data_key, body, int(header["image"]), write)
    except BaseException:
        path.unlink(missing_ok=True)
        raise

    def fill(conn: sa.Connection) -> None:
        keep_conflicts(conn, header["conflicts"])
        history = {name: set(conn.exec_driver_sql(f'SELECT id FROM main."{name}"').scalars())
                   for name in HISTORY_TABLES}
        record_pulled_versions(conn, kept_as_versions(conn, history))
        set_meta(conn, CURSOR_KEY, str(header["cursor"]))

    if not swap_in(store, path, store.data_key, fill):
        return 0
    return int(header["rows"])


class WriteBack:
    """A file's `write` that has the disk take what is written while later pages are still
    being inflated and encrypted: every `FLUSH_EVERY` bytes, an `fdatasync` on a thread (one at
    a time). The swap's own fsync of the whole file then waits only for the tail, not for all
    62 MB of a 100,000-form store at once. The pages written are already encrypted; an error
    of the disk is raised by the block's end."""

    FLUSH_EVERY = 8 << 20

    def __init__(self, out):
        self._out, self._written, self._flushed = out, 0, 0
        self._flushing = ThreadPoolExecutor(1, thread_name_prefix="fi-writeback")
        self._pending = None

    def __enter__(self) -> Callable[[bytes], None]:
        return self.write

    def write(self, data: bytes) -> None:
        self._out.write(data)
        self._written += len(data)
        if self._written - self._flushed >= self.FLUSH_EVERY and (
                self._pending is None or self._pending.done()):
            if self._pending is not None:
                self._pending.result()  # a disk error shows here
            self._out.flush()
            self._pending = self._flushing.submit(os.fdatasync, self._out.fileno())
            self._flushed = self._written

    def __exit__(self, *exc) -> None:
        try:
            if self._pending is not None:
                self._pending.result()
        finally:
            self._flushing.shutdown()


def write_image(key: bytes, body: bytes | memoryview, size: int, write) -> None:
    """Inflate `body` (zlib) a piece at a time and hand its pages, encrypted under `key`, to
    `write`; NotAnImage unless it is whole and `size` bytes long. The next piece inflates on
    a thread while this one is encrypted, on two lanes (zlib and HMAC let go of the GIL)."""
    encryptor, inflate, view = PageEncryptor(key, write, lanes=2), zlib.decompressobj(), \
        memoryview(body)
    pieces = [view[at:at + INFLATE] for at in range(0, len(view), INFLATE)]
    try:
        with ThreadPoolExecutor(1, thread_name_prefix="fi-inflate") as inflating:
            pending = inflating.submit(inflate.decompress, pieces[0]) if pieces else None
            for piece in pieces[1:]:
                image = pending.result()
                pending = inflating.submit(inflate.decompress, piece)
                encryptor.feed(image)
            if pending is not None:
                encryptor.feed(pending.result())
        if not inflate.eof or inflate.unused_data or encryptor.finish() * PAGE != size:
            raise NotAnImage("the image is not whole")
    except zlib.error as exc:
        raise NotAnImage("the image does not inflate") from exc
    finally:
        encryptor.close()
