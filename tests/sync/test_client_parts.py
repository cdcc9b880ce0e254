"""Client pieces: the device credential's home, attachments, progress and cancellation."""

import hashlib
from datetime import date

import keyring
import pytest
from keyring.backend import KeyringBackend

from models.errors import SyncError
from models.ids import new_id
from models.records import Attachment, Evaluation
from sync.client import attachments as client_attachments
from sync.client.credentials import CredentialStore
from sync.client.engine import SyncCancelled
from sync.protocol import MAX_ATTACHMENT_BYTES
from tests.sync.helpers import HQ_ON_SQLITE_ONLY, form, run, seed_reference


class MemoryKeyring(KeyringBackend):
    priority = 10

    def __init__(self):
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@HQ_ON_SQLITE_ONLY  # the client's own part
def test_credential_without_a_keyring_is_inside_the_encrypted_store(hq):
    a, b = hq.device("office"), hq.device("office")
    secrets = [CredentialStore(d.store).load() for d in (a, b)]
    assert all(secrets) and secrets[0] != secrets[1]  # two data dirs = two devices
    assert a.store.meta("credential_store") == "store"
    for device, secret in zip((a, b), secrets, strict=True):
        assert not (device.store.data_dir / "device.credential").exists()
        for path in device.store.data_dir.rglob("*"):  # a copied data dir cannot sync as it
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), path
    a.sync(), b.sync()


@HQ_ON_SQLITE_ONLY  # the client's own part
def test_a_credential_an_earlier_version_left_in_a_file_moves_into_the_store(hq):
    a = hq.device("office")
    secret = CredentialStore(a.store).load()
    plain = a.store.data_dir / "device.credential"
    plain.write_text(secret)
    a.store.set_meta("credential_store", "file")
    a.store.set_meta("device_credential", "")
    assert CredentialStore(a.store).load() == secret
    assert not plain.exists() and a.store.meta("credential_store") == "store"
    seed_reference(a)
    assert a.sync().pushed == 3


@HQ_ON_SQLITE_ONLY  # the client's own part
def test_credential_in_the_keyring_when_one_exists(hq, monkeypatch):
    ring = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    monkeypatch.setenv("FIELDINSPECT_KEYRING", "1")
    try:
        a, b = hq.device("office"), hq.device("office")
        assert a.store.meta("credential_store") == "keyring"
        assert not (a.store.data_dir / "device.credential").exists()
        credentials = lambda: [k for k in ring.secrets if k[0] == "FieldInspect"]  # noqa: E731
        assert len(credentials()) == 2  # one entry per data directory
        # The same switch put each store's device part in the keyring too.
        assert len(ring.secrets) == 4
        seed_reference(a)
        a.sync(), b.sync()
        assert len(b.rows("unit")) == 2
        CredentialStore(a.store).delete()
        assert len(credentials()) == 1
    finally:
        keyring.set_keyring(previous)


def test_attachment_uploads_in_chunks_resumes_dedupes_and_downloads_lazily(hq, monkeypatch):
    monkeypatch.setattr(client_attachments, "CHUNK_BYTES", 1000)
    a, boss = hq.device("office"), hq.device("hq")
    ids = seed_reference(a)
    data = bytes(range(256)) * 20  # 5,120 bytes: six chunks
    sha = a.store.blobs.put(data)
    assert sha == hashlib.sha256(data).hexdigest()
    with a.write() as w:
        fid = w.create(Evaluation, form(ids, "A1"))
        w.create(Attachment, {"sha256": sha, "size": len(data), "owner_table": "evaluation",
                              "owner_id": fid, "original_name": "../../etc/passwd"})
    a.transport.cut(f"/v1/blobs/{sha}", "after", times=2)  # chunks land, replies lost
    report = a.sync()
    assert report.attachments == 1
    assert hq.db.blobs.get(sha) == data
    held = [p for p in (hq.root / "blobs").rglob("*") if p.is_file() and p.suffix != ".json"]
    assert len(held) == 1  # the chunks were put together and removed (beside a PG HQ's key)
    assert data[:64] not in held[0].read_bytes() and sha not in held[0].name  # sealed
    assert not list((hq.root / "blobs").rglob("passwd"))
    boss.sync()
    assert not boss.store.blobs.has(sha)  # lazy
    got = run(boss.engine.fetch_attachment(sha))
    assert got == data
    assert boss.store.blobs.get(sha) == data  # sealed into the device's blob folder
    stored = [p for p in boss.store.data_dir.rglob("*") if p.is_file()]
    assert not any(data[:64] in p.read_bytes() for p in stored)
    before = len(boss.transport.requests)
    assert run(boss.engine.fetch_attachment(sha)) == data  # opened again: no second download
    assert len(boss.transport.requests) == before
    before = len(a.transport.requests)
    assert run(client_attachments.upload(a.engine.client(), a.store.blobs, sha, "image/png"))
    assert ("PUT", f"/v1/blobs/{sha}") not in a.transport.requests[before:]  # deduplicated


def test_a_missing_or_damaged_local_attachment_is_not_uploaded_but_fetched_again(hq):
    a = hq.device("office")
    ids = seed_reference(a)
    data = b"photo bytes " * 100
    sha = a.store.blobs.put(data)
    with a.write() as w:
        fid = w.create(Evaluation, form(ids, "B1"))
        w.create(Attachment, {"sha256": sha, "size": len(data), "owner_table": "evaluation",
                              "owner_id": fid, "original_name": "p.jpg"})
    assert a.sync().attachments == 1
    missing = hashlib.sha256(b"never attached").hexdigest()
    assert not run(client_attachments.upload(a.engine.client(), a.store.blobs, missing,
                                             "image/jpeg"))
    (sealed,) = [p for p in (a.store.data_dir / "attachments").rglob("*") if p.is_file()]
    body = sealed.read_bytes()  # damaged on the device: its last byte flipped (a fixed
    sealed.write_bytes(body[:-1] + bytes([body[-1] ^ 0xFF]))  # byte matched it 1 time in 256)
    assert not run(client_attachments.upload(a.engine.client(), a.store.blobs, sha,
                                             "image/jpeg"))
    assert run(a.engine.fetch_attachment(sha)) == data  # HQ's copy replaces it
    assert a.store.blobs.get(sha) == data


@HQ_ON_SQLITE_ONLY  # the client's own part
def test_an_attachment_over_the_limit_gets_a_clear_message(hq):
    a = hq.device("office")
    client = a.engine.client()

    async def start():
        try:
            await client.call("POST", f"/v1/blobs/{'a' * 64}/start",
                              json={"size": MAX_ATTACHMENT_BYTES + 1})
        finally:
            await client.aclose()

    with pytest.raises(SyncError, match="limited to 64 MB"):
        run(start())


@HQ_ON_SQLITE_ONLY  # the client's own part
def test_progress_is_reported_and_cancel_stops_between_batches(hq):
    a = hq.device("office")
    ids = seed_reference(a)
    with a.write() as w:
        w.create_many(Evaluation, [form(ids, f"C{i}") for i in range(30)])
    a.engine.batch_entries = 10
    seen: list[float] = []

    def progress(fraction: float) -> None:
        seen.append(fraction)
        if len(seen) == 2:
            a.engine.cancel()

    with pytest.raises(SyncCancelled):
        run(a.engine.sync(progress))
    assert 0 < len(hq.rows("evaluation")) < 30
    second: list[float] = []
    done = run(a.engine.sync(second.append))
    assert len(hq.rows("evaluation")) == 30 and done.pushed > 0
    assert second == sorted(second) and second[-1] == 1.0


@HQ_ON_SQLITE_ONLY  # the client's own part
def test_a_demo_store_refuses_to_enroll(hq, tmp_path):
    from models.errors import DomainError
    from models.store.store import Store
    from sync.client.engine import SyncEngine
    from sync.server.admin import enroll_device
    from tests.sync.helpers import PASSPHRASE

    store = Store.open(tmp_path / "demo", PASSPHRASE)
    store.set_meta("demo", "1")
    engine = SyncEngine(store)
    code = enroll_device(hq.db, role="office")["code"]
    with pytest.raises(DomainError, match="demo data"):
        run(engine.enroll("http://hq.test", code))
    engine.close()
    store.close()


def test_records_made_before_the_outbox_are_pushed_at_the_first_sync(hq):
    a = hq.device("office")
    ids = seed_reference(a)
    fid = new_id()
    values = {**form(ids, "OLD-1"), "evaluated_on": date(2026, 3, 1)}
    with a.store.engine.begin() as conn:  # written before the outbox existed: no entry
        conn.execute(Evaluation.__table__.insert().values(
            id=fid, created_device=a.store.device_id, **values))
    a.sync()
    assert fid in hq.rows("evaluation")


def test_an_upload_cut_half_way_leaves_only_sealed_chunks_at_hq(hq, monkeypatch):
    monkeypatch.setattr(client_attachments, "CHUNK_BYTES", 1000)
    a = hq.device("hq")
    ids = seed_reference(a)
    data = b"HALFWAYPHOTO" * 500  # 6,000 bytes: six chunks
    sha = a.store.blobs.put(data)
    with a.write() as w:
        fid = w.create(Evaluation, form(ids, "H1"))
        w.create(Attachment, {"sha256": sha, "size": len(data), "owner_table": "evaluation",
                              "owner_id": fid, "original_name": "h.jpg"})
    from sync.server import attachments as hq_attachments

    who = hq.identity(a)
    hq_attachments.start(hq.db, who, sha, len(data), "image/jpeg")  # two chunks arrived, then the
    for offset in (0, 1000):                                   # network dropped
        hq_attachments.append(hq.db, who, sha, offset, data[offset:offset + 1000])
    assert hq.db.partial.received(who.store_device_id, sha) == 2000
    held = [p for p in (hq.root / "blobs").rglob("*") if p.is_file()]
    assert held
    assert not [p for p in held if b"HALFWAYPHOTO" in p.read_bytes() or sha in str(p)]
    assert a.sync().attachments == 1  # resumes where it stopped
    assert hq.db.blobs.get(sha) == data
    assert not list((hq.root / "blobs" / "uploads").rglob("*"))


def test_a_sqlite_hq_seals_the_clear_files_an_earlier_version_left(tmp_path):
    from sync.server.db import HQ_BLOBS_SEALED, open_server_db
    from tests.sync.helpers import PASSPHRASE

    url = f"sqlite:///{tmp_path / 'hq-server'}"
    db = open_server_db(url, blob_dir=tmp_path / "blobs", passphrase=PASSPHRASE)
    with db.write() as conn:
        conn.exec_driver_sql(f"DELETE FROM store_meta WHERE key = '{HQ_BLOBS_SEALED}'")
    db.close()
    data = b"OLDCLEARPHOTO" * 100
    sha = hashlib.sha256(data).hexdigest()
    clear = tmp_path / "blobs" / sha[:2] / sha
    clear.parent.mkdir(parents=True)
    clear.write_bytes(data)
    (tmp_path / "blobs" / "partial").mkdir()
    (tmp_path / "blobs" / "partial" / f"{sha}.part").write_bytes(data[:50])
    db = open_server_db(url, blob_dir=tmp_path / "blobs", passphrase=PASSPHRASE)
    try:
        assert db.blobs.get(sha) == data
        files = [p for p in (tmp_path / "blobs").rglob("*") if p.is_file()]
        assert len(files) == 1 and b"OLDCLEARPHOTO" not in files[0].read_bytes()
    finally:
        db.close()


def test_a_failed_settle_of_hqs_answer_is_logged_not_swallowed(monkeypatch, caplog):
    """Settling HQ's answer may fail harmlessly (the batch is sent again), but the log says so
    and names only the error's type (an exception's text may quote a record)."""
    import asyncio
    import logging
    from types import SimpleNamespace

    import sync.client.engine as engine_module

    def failing_settle(store, result):
        raise RuntimeError("store closed while settling 张敏's form")

    monkeypatch.setattr(engine_module, "settle", failing_settle)
    engine = engine_module.SyncEngine(SimpleNamespace(wiped=False))
    engine._unsettled = object()
    try:
        with caplog.at_level(logging.WARNING, logger="sync.client.engine"):
            asyncio.run(engine._settle_left())
    finally:
        engine.close()
    assert "could not settle" in caplog.text and "RuntimeError" in caplog.text
    assert "张敏" not in caplog.text


@HQ_ON_SQLITE_ONLY  # the client's own part
def test_an_older_answer_settled_late_never_lowers_what_hq_acknowledged(hq):
    """HQ's answer to an earlier batch, stored after the answer to a later one (a retried
    round), leaves the device's acknowledged number where it was: the next round pushes only
    what is new, and HQ takes it without a gap or a replay."""
    from sync.client.outbox import ACKED_KEY, settle
    from sync.protocol import PushResult

    dev = hq.device("office")
    ids = seed_reference(dev)
    with dev.write() as w:
        for i in range(3):
            w.create(Evaluation, form(ids, f"LATE{i}"))
    assert dev.sync().pushed > 3
    acked = int(dev.store.meta(ACKED_KEY))
    settle(dev.store, PushResult(acked_through=acked - 2, outcomes=[]))
    assert int(dev.store.meta(ACKED_KEY)) == acked
    with dev.write() as w:
        w.create(Evaluation, form(ids, "LATE3"))
    report = dev.sync()
    assert (report.pushed, report.rejected) == (1, 0)
    assert int(dev.store.meta(ACKED_KEY)) == acked + 1
    assert {r["form_no"] for r in hq.rows("evaluation").values()} >= {
        "LATE0", "LATE1", "LATE2", "LATE3"}
