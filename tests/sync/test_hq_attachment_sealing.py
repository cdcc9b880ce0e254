"""Attachments at HQ are sealed at rest on PostgreSQL too: HQ's own attachment key, wrapped like a
store key (passphrase + device part) in `blobs.key.json`, made once even when workers start
together; clear files an earlier version left are sealed at open."""

import hashlib
import stat
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from models.errors import StoreLockedError
from models.records import Attachment, Evaluation
from models.store.keys import DeviceKeyMissingError, WrongPassphraseError
from sync.client import attachments as client_attachments
from sync.server import attachments as hq_attachments
from sync.server.attachment_store import BLOB_KEY_FILE
from sync.server.db import HQ_BLOBS_SEALED, open_server_db
from tests.sync.helpers import PASSPHRASE, form, run, seed_reference

CANARY = b"PG-HQ-CANARY-a41f9c"


def _files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _assert_nothing_readable(folder: Path, data: bytes, sha: str) -> None:
    held = _files(folder)
    assert held
    assert not [p for p, body in held.items() if CANARY in body or data[:64] in body]
    assert not [p for p in folder.rglob("*") if sha in p.name]


def test_a_photo_pushed_to_hq_is_sealed_and_pulled_back_intact(hq, monkeypatch):
    """On SQLite and PostgreSQL alike: the canary is nowhere in the blob directory, not while
    the upload is half-way and not once it is finished, and another device gets it back."""
    monkeypatch.setattr(client_attachments, "CHUNK_BYTES", 700)
    field, office = hq.device("office"), hq.device("hq")
    ids = seed_reference(field)
    photo = b"\xff\xd8\xff\xe0" + (CANARY + b"\x00\x17") * 200 + b"\xff\xd9"
    sha = field.store.blobs.put(photo)
    with field.write() as w:
        fid = w.create(Evaluation, form(ids, "PG1"))
        w.create(Attachment, {"sha256": sha, "size": len(photo), "owner_table": "evaluation",
                              "owner_id": fid, "original_name": "site.jpg"})
    who = hq.identity(field)
    hq_attachments.start(hq.db, who, sha, len(photo), "image/jpeg")  # three chunks arrived, then
    for offset in (0, 700, 1400):                               # the network dropped
        hq_attachments.append(hq.db, who, sha, offset, photo[offset:offset + 700])
    assert hq.db.partial.received(who.store_device_id, sha) == 2100
    _assert_nothing_readable(hq.root / "blobs", photo, sha)
    assert field.sync().attachments == 1
    _assert_nothing_readable(hq.root / "blobs", photo, sha)
    office.sync()
    assert run(office.engine.fetch_attachment(sha)) == photo


def test_a_pg_hq_keeps_its_attachment_key_wrapped_in_the_blob_directory(pg_url, tmp_path):
    db = open_server_db(pg_url, blob_dir=tmp_path / "blobs", passphrase=PASSPHRASE)
    sha = db.blobs.put(CANARY * 10)
    key = db.blob_key
    db.close()
    key_file = tmp_path / "blobs" / BLOB_KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key.hex() not in key_file.read_text() and key not in key_file.read_bytes()
    again = open_server_db(pg_url, blob_dir=tmp_path / "blobs", passphrase=PASSPHRASE)
    try:
        assert again.blob_key == key and again.blobs.get(sha) == CANARY * 10
    finally:
        again.close()


def test_a_pg_hq_seals_the_clear_files_an_earlier_version_left(pg_url, tmp_path):
    blob_dir = tmp_path / "blobs"
    data = CANARY * 100
    sha = hashlib.sha256(data).hexdigest()
    clear = blob_dir / sha[:2] / sha  # how an earlier PostgreSQL HQ kept a finished photo
    clear.parent.mkdir(parents=True)
    clear.write_bytes(data)
    half = hashlib.sha256(b"half a photo").hexdigest()
    chunk = blob_dir / "partial" / half / f"{0:012d}"  # and an upload on its way
    chunk.parent.mkdir(parents=True)
    chunk.write_bytes(CANARY * 3)
    db = open_server_db(pg_url, blob_dir=blob_dir, passphrase=PASSPHRASE)
    try:
        assert db.blobs.get(sha) == data
        assert not (blob_dir / "partial").exists()  # dropped: the device sends it again
        _assert_nothing_readable(blob_dir, data, sha)
        with db.read() as conn:
            assert conn.execute(sa.text("SELECT value FROM store_meta WHERE key = :k"),
                                {"k": HQ_BLOBS_SEALED}).scalar() == "1"
    finally:
        db.close()


def test_a_pg_hq_without_a_passphrase_is_locked_and_writes_nothing(pg_url, tmp_path,
                                                                   monkeypatch):
    monkeypatch.delenv("FIELDINSPECT_PASSPHRASE")
    with pytest.raises(StoreLockedError, match="FIELDINSPECT_PASSPHRASE"):
        open_server_db(pg_url, blob_dir=tmp_path / "blobs")
    assert not (tmp_path / "blobs").exists()
    engine = sa.create_engine(pg_url)
    try:
        assert not sa.inspect(engine).get_table_names()  # not even migrated
    finally:
        engine.dispose()


def test_a_wrong_passphrase_or_a_copied_blob_directory_opens_nothing(pg_url, tmp_path,
                                                                     monkeypatch):
    blob_dir = tmp_path / "blobs"
    db = open_server_db(pg_url, blob_dir=blob_dir, passphrase=PASSPHRASE)
    db.blobs.put(CANARY * 10)
    db.close()
    before = _files(blob_dir)
    with pytest.raises(WrongPassphraseError, match="Wrong passphrase"):
        open_server_db(pg_url, blob_dir=blob_dir, passphrase="not it")
    assert _files(blob_dir) == before
    elsewhere = tmp_path / "other-machine-keys"  # the blob directory and its key file, copied
    elsewhere.mkdir()                          # to a machine without the device part
    monkeypatch.setenv("FIELDINSPECT_KEY_DIR", str(elsewhere))
    with pytest.raises(DeviceKeyMissingError, match="not on this computer"):
        open_server_db(pg_url, blob_dir=blob_dir, passphrase=PASSPHRASE)
    assert _files(blob_dir) == before


def test_a_lost_key_file_is_refused_rather_than_replaced(pg_url, tmp_path):
    blob_dir = tmp_path / "blobs"
    db = open_server_db(pg_url, blob_dir=blob_dir, passphrase=PASSPHRASE)
    db.blobs.put(CANARY * 10)
    db.close()
    (blob_dir / BLOB_KEY_FILE).unlink()
    with pytest.raises(StoreLockedError, match="missing"):
        open_server_db(pg_url, blob_dir=blob_dir, passphrase=PASSPHRASE)
    assert not (blob_dir / BLOB_KEY_FILE).exists()


def test_workers_starting_together_make_one_key(pg_url, tmp_path):
    blob_dir, workers = tmp_path / "blobs", 4
    start = threading.Barrier(workers)
    keys: list[bytes] = []
    errors: list[BaseException] = []

    def worker() -> None:
        start.wait()
        try:
            db = open_server_db(pg_url, blob_dir=blob_dir, passphrase=PASSPHRASE)
            keys.append(db.blob_key)
            db.close()
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors and len(keys) == workers
    assert len(set(keys)) == 1
    assert [p.name for p in blob_dir.iterdir() if p.is_file()] == [BLOB_KEY_FILE]


def test_the_multi_worker_factory_seals_with_the_passphrase_from_the_environment(
        pg_url, tmp_path, monkeypatch):
    from sync.server.asgi import app_from_env

    monkeypatch.setenv("FIELDINSPECT_DATABASE_URL", pg_url)
    monkeypatch.setenv("FIELDINSPECT_BLOB_DIR", str(tmp_path / "shared-blobs"))
    db = app_from_env().state.db
    try:
        sha = db.blobs.put(CANARY * 10)
        assert (tmp_path / "shared-blobs" / BLOB_KEY_FILE).exists()
        _assert_nothing_readable(tmp_path / "shared-blobs", CANARY * 10, sha)
    finally:
        db.close()


def test_the_cli_asks_for_a_pg_hq_passphrase_and_keeps_its_blobs_in_the_data_directory(
        tmp_path, monkeypatch):
    from sync.server.serve import blob_dir, server_passphrase

    url = "postgresql+psycopg://hq@db.example/fieldinspect"
    monkeypatch.delenv("FIELDINSPECT_PASSPHRASE")
    monkeypatch.delenv("FIELDINSPECT_BLOB_DIR", raising=False)
    with pytest.raises(StoreLockedError, match="FIELDINSPECT_PASSPHRASE"):  # stdin: no terminal
        server_passphrase(url)
    monkeypatch.setenv("FIELDINSPECT_PASSPHRASE", PASSPHRASE)
    assert server_passphrase(url) == PASSPHRASE
    data_dir = tmp_path / "hq"
    assert blob_dir(data_dir, url) == tmp_path / "hq" / "hq-blobs"
    monkeypatch.setenv("FIELDINSPECT_BLOB_DIR", str(tmp_path / "elsewhere"))
    assert blob_dir(data_dir, url) == tmp_path / "elsewhere"
    assert blob_dir(data_dir, f"sqlite:///{tmp_path / 'hq-server'}") is None
