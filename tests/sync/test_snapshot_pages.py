"""A snapshot travels as a compressed database image and each page is encrypted under the new
device's own key as it is written (issue 18 §1): HQ never knows the key of a device's store,
the answer is a fraction of the store it becomes, and a damaged answer changes nothing."""

import os
import secrets
import zlib

import httpx
import pytest
import sqlcipher3

from models.errors import SyncError
from models.records import Evaluation
from models.store import snapshot_file
from models.store.database import DB_FILE
from models.store.sqlcipher_pages import (
    PAGE,
    NotAnImage,
    decrypt_image,
    encrypt_pages,
)
from models.store.store import Store
from sync.client import snapshot as client_snapshot
from tests.sync.helpers import form, seed_reference

SNAPSHOT = "/v1/snapshot"


def _world(hq, n=300):
    boss = hq.device("hq", name="hq")
    ids = seed_reference(boss)
    with boss.write() as w:
        w.create_many(Evaluation, [form(ids, f"P{i}", suggestion="on time " * 20)
                                   for i in range(n)])
    boss.sync()
    return boss


class _Answers(httpx.AsyncBaseTransport):
    """Keeps the snapshot's answers; `damage` flips one byte of the body in the first
    `times` of them."""

    def __init__(self, inner: httpx.AsyncBaseTransport, times: int = 0):
        self.inner, self.left, self.bodies = inner, times, []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if request.url.path != SNAPSHOT or response.status_code != 200:
            return response
        body = await response.aread()
        self.bodies.append(body)
        if self.left:
            self.left -= 1
            body = bytearray(body)
            body[-len(body) // 3] ^= 0xFF  # in the compressed image, past the header
            body = bytes(body)
        return httpx.Response(200, headers=response.headers, content=body, request=request)


def _header(answer: bytes) -> dict:
    return client_snapshot.read_header(answer)[0]


def _opens_under(path, key: bytes) -> int:
    conn = sqlcipher3.dbapi2.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
        return conn.execute("SELECT count(*) FROM evaluation").fetchone()[0]
    finally:
        conn.close()


def test_a_new_devices_store_is_under_its_own_key_and_its_answer_a_fraction_of_it(hq):
    _world(hq)
    dev = hq.device("office")
    answers = _Answers(dev.transport.inner)
    dev.transport.inner = answers
    dev.sync()
    assert len(answers.bodies) == 1 and len(dev.rows("evaluation")) == 300
    header = _header(answers.bodies[0])
    assert "key" not in header  # HQ sent no key: it never knew one the store is under
    store_file = dev.store.data_dir / DB_FILE
    dev.store.engine.dispose()
    assert _opens_under(store_file, dev.store.data_key) == 300
    assert len(answers.bodies[0]) * 3 < store_file.stat().st_size


def test_a_damaged_snapshot_answer_changes_nothing_and_the_next_sync_has_every_row(hq):
    _world(hq, 50)
    dev = hq.device("office")
    answers = _Answers(dev.transport.inner, times=1)
    dev.transport.inner = answers
    with pytest.raises(SyncError):
        dev.sync()
    assert dev.rows("evaluation") == {} and dev.store.meta("sync_cursor", "0") == "0"
    assert not client_snapshot.part_path(dev.store).exists()
    dev.sync()
    assert len(dev.rows("evaluation")) == 50 and len(answers.bodies) == 2
    with dev.store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM evaluation").scalar() == 50


def test_pages_encrypted_in_python_open_in_sqlcipher_and_a_wrong_key_is_refused(tmp_path):
    """The page format against SQLCipher itself: a store's file decrypted to its image and
    encrypted under another key opens under that key with every row and page intact."""
    store = Store.open(tmp_path / "a", "a passphrase")
    ids = seed_reference_store(store)
    with store.write("clerk") as w:
        w.create_many(Evaluation, [form(ids, f"Q{i}") for i in range(200)])
    store.engine.dispose()
    with store.engine.connect() as conn:  # the log folded in: the file alone holds it all
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.engine.dispose()
    data = (store.data_dir / DB_FILE).read_bytes()
    image = decrypt_image(data, store.data_key)
    assert len(image) == len(data) and image.startswith(b"SQLite format 3\0")
    with pytest.raises(NotAnImage):
        decrypt_image(data, secrets.token_bytes(32))
    key = secrets.token_bytes(32)
    for lanes, size in ((1, 10_000), (2, 10_000), (2, 70_000), (2, 3_000)):
        target = tmp_path / f"b{lanes}-{size}.db"
        with target.open("wb") as out:  # in uneven pieces, as an inflated body comes
            pieces = [image[at:at + size] for at in range(0, len(image), size)]
            assert encrypt_pages(key, pieces, out.write, lanes) == len(image) // PAGE
        assert _opens_under(target, key) == 200
        written = target.read_bytes()
        assert image[PAGE:2 * PAGE] not in written
        assert decrypt_image(written, key) == image
        ivs = {written[at + PAGE - 80:at + PAGE - 64] for at in range(0, len(written), PAGE)}
        assert len(ivs) == len(image) // PAGE  # every page under an IV of its own
    with pytest.raises(NotAnImage):  # cut short of a page
        encrypt_pages(key, [image[:-100]], lambda _b: None)


def seed_reference_store(store):
    class Clerk:
        def write(self):
            return store.write("clerk")

    return seed_reference(Clerk())


def test_the_swap_skips_the_re_key_of_a_file_already_under_the_stores_key(hq, monkeypatch):
    _world(hq, 20)
    dev = hq.device("office")
    statements = []
    real_raw = snapshot_file._raw

    def raw(path, key):
        conn = real_raw(path, key)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(snapshot_file, "_raw", raw)
    dev.sync()
    assert len(dev.rows("evaluation")) == 20
    assert statements and not any("rekey" in s.lower() for s in statements)


@pytest.mark.parametrize("parts", [1, 2, 3])
def test_a_body_deflated_in_pieces_is_one_zlib_stream_of_the_image(parts):
    """HQ deflates a large image in pieces at once; whatever the cut, the device's inflater
    takes the body as one stream, whole, and gets the image byte for byte."""
    from sync.server.snapshot import CHUNK, compress

    image = b"".join(os.urandom(64) + bytes(900) + b"form text " * 300 for _ in range(1500))
    assert len(image) > 2 * CHUNK
    body = compress(image, parts)
    inflate = zlib.decompressobj()
    assert inflate.decompress(body) == image
    assert inflate.eof and not inflate.unused_data
    assert zlib.decompress(body) == image
    assert len(body) < len(image) // 2


def test_pieces_deflated_while_the_image_was_built_are_taken_only_where_it_is_unchanged():
    """HQ deflates the image's pieces from a copy taken part-way through its build, beside
    the indexes' build; the body is still exactly the finished image: a piece whose bytes
    changed since (or past the copy's end) is deflated again, the others are taken."""
    from concurrent.futures import ThreadPoolExecutor, wait

    from sync.server.snapshot import PIECE, Ahead, compress

    final = bytearray(b"".join(os.urandom(64) + bytes(900) + b"form text " * 300
                               for _ in range(8_000)))
    early = bytes(final[:5 * PIECE + 1234])
    final[10] ^= 1  # the header page, written again at the commit
    final[3 * PIECE + 77] ^= 1  # a page changed later in the build
    taken = []
    with ThreadPoolExecutor(1) as pool:
        ahead = Ahead(pool, early)
        real_taken = ahead.taken

        def seen(image, cuts):
            found = real_taken(image, cuts)
            taken.append(sorted(found))
            return found

        ahead.taken = seen
        wait(ahead.pieces)  # the indexes' build took long enough for every piece
        body = compress(memoryview(final), ahead=ahead)
    assert taken == [[1, 2, 4]]
    inflate = zlib.decompressobj()
    assert inflate.decompress(body) == final
    assert inflate.eof and not inflate.unused_data
    assert len(body) < len(final) // 2


def test_the_adler32_of_two_pieces_combines_as_the_whole_ones():
    """HQ sums each deflated piece on its own thread and combines the sums: the whole
    image's Adler-32, whatever the lengths (empty, below and past the modulus, large)."""
    from sync.server.snapshot import adler32_combine

    data = os.urandom(300_000) + bytes(200_000) + b"\xff" * 70_000
    for cut in (0, 1, 65_520, 65_521, 65_522, 131_043, 250_001, len(data) - 1, len(data)):
        first, second = data[:cut], data[cut:]
        assert adler32_combine(zlib.adler32(first), zlib.adler32(second),
                               len(second)) == zlib.adler32(data), cut
