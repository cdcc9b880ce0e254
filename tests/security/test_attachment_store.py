"""Attachments are encrypted at rest, deduplicated, bound to their hash; published copies
carry no location."""

import hashlib
import struct

import pytest

from models.errors import NotFoundError
from models.security.attachment_store import BlobCorruptError
from models.security.published import UnsupportedImageError, strip_location

PHOTO = b"\xff\xd8" + b"canary-photo-bytes " * 200 + b"\xff\xd9"


def _files(data_dir):
    return [p for p in (data_dir / "attachments").rglob("*") if p.is_file()]


def test_put_get_roundtrip_encrypted_and_deduplicated(store, data_dir):
    sha = store.blobs.put(PHOTO)
    assert sha == hashlib.sha256(PHOTO).hexdigest()
    assert store.blobs.put(PHOTO) == sha  # attached twice, one file
    files = _files(data_dir)
    assert len(files) == 1
    raw = files[0].read_bytes()
    assert b"canary-photo" not in raw and sha not in files[0].name
    assert store.blobs.get(sha) == PHOTO and store.blobs.has(sha)


def test_same_photo_twice_uses_fresh_nonces_but_one_blob(store, data_dir):
    store.blobs.put(b"one")
    first = _files(data_dir)[0].read_bytes()
    store.blobs.delete(hashlib.sha256(b"one").hexdigest())
    store.blobs.put(b"one")
    assert _files(data_dir)[0].read_bytes() != first  # a new nonce each time it is written


def test_swapped_or_damaged_blob_is_refused(store, data_dir):
    a, b = store.blobs.put(b"photo A"), store.blobs.put(b"photo B")
    path_a, path_b = (store.blobs._path(x) for x in (a, b))
    path_a.write_bytes(path_b.read_bytes())  # B's file put under A's name
    with pytest.raises(BlobCorruptError):
        store.blobs.get(a)


def test_wrong_expected_hash_and_unknown_hash(store):
    with pytest.raises(BlobCorruptError):
        store.blobs.put(b"bytes", expected_sha256="0" * 64)
    with pytest.raises(NotFoundError):
        store.blobs.get("1" * 64)
    with pytest.raises(NotFoundError):
        store.blobs.get("../../etc/passwd")


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def test_published_copy_loses_gps_but_keeps_the_picture():
    exif = _segment(0xE1, b"Exif\x00\x00MM\x00*GPSLatitude 27.2N canary-location")
    quant = _segment(0xDB, b"\x00" + bytes(64))
    scan = b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\x12\x34" * 50 + b"\xff\xd9"
    photo = b"\xff\xd8" + exif + quant + scan
    clean = strip_location(photo)
    assert b"canary-location" not in clean and b"GPS" not in clean
    assert clean == b"\xff\xd8" + quant + scan


def test_png_text_chunks_are_dropped_and_other_formats_refused():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + b"\x00\x00\x00\x00"

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", bytes(13)) + chunk(b"eXIf", b"GPS here") + \
        chunk(b"IDAT", b"pixels") + chunk(b"IEND", b"")
    clean = strip_location(png)
    assert b"GPS here" not in clean and b"pixels" in clean
    with pytest.raises(UnsupportedImageError):
        strip_location(b"GIF89a...")


def test_photos_an_earlier_version_kept_in_the_clear_are_sealed_at_the_next_open(store,
                                                                                data_dir):
    from models.store.store import BLOBS_SEALED, Store, set_meta
    from tests.conftest import PASSPHRASE

    sha = hashlib.sha256(PHOTO).hexdigest()
    plain = data_dir / "attachments" / sha[:2] / sha
    plain.parent.mkdir(parents=True, exist_ok=True)
    plain.write_bytes(PHOTO)
    (plain.parent / f"{sha}.part").write_bytes(PHOTO[:100])  # an interrupted clear write
    with store.engine.begin() as conn:
        set_meta(conn, BLOBS_SEALED, "0")  # as a store from before sealing
    store.close()
    again = Store.open(data_dir, PASSPHRASE)
    try:
        assert again.blobs.get(sha) == PHOTO
        files = _files(data_dir)
        assert len(files) == 1 and b"canary-photo" not in files[0].read_bytes()
        assert again.meta(BLOBS_SEALED) == "1"
    finally:
        again.close()
