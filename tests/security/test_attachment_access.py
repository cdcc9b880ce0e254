"""Attachments at HQ reach only the devices that may see them, and nobody can squat a hash
(issue 11 §2, parts 2 and 3). On SQLite and PostgreSQL.

Knowing a photo's SHA-256 gives nothing: HQ answers a device outside the photo's scope exactly
as it answers for a hash it never saw; an upload on its way is its own device's business; bytes
HQ already holds are taken again in full with the answers of a fresh upload; a device or kiosk
announcing a hash with a wrong size never blocks the photo's owner.
"""

import hashlib

import sqlalchemy as sa
from alembic import command

from models.records import Attachment, Finding, Visit
from models.tables import SYNCED_TABLES
from sync.client import attachments as client_attachments
from sync.client.hq_client import HqRefused
from sync.server import tables as T
from sync.server.db import alembic_config, open_server_db
from sync.server.rows import stamp_insert
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import PASSPHRASE, run, seed_reference

database_url = sync_conftest.database_url  # the HQ fixtures of tests/sync, SQLite and PG
hq = sync_conftest.hq

PHOTO = b"\xff\xd8\xff\xe0" + b"window 2, fees charged twice " * 300 + b"\xff\xd9"
SHA = hashlib.sha256(PHOTO).hexdigest()
NEVER_SEEN = hashlib.sha256(b"a photo HQ never saw").hexdigest()


def _answer(dev, method: str, path: str, **kw) -> tuple:
    """HQ's answer to one call by this device: (status, body) or (status, code, message,
    details) for a refusal, so two answers can be compared whole."""
    async def call():
        client = dev.engine.client()
        try:
            response = await client.call(method, path, **kw)
        except HqRefused as exc:
            return exc.status, exc.hq_code, str(exc), exc.details
        finally:
            await client.aclose()
        kind = response.headers.get("content-type", "")
        return response.status_code, response.json() if "json" in kind else response.content

    return run(call())


def _start(dev, sha: str, size: int = len(PHOTO)) -> tuple:
    return _answer(dev, "POST", f"/v1/blobs/{sha}/start",
                   json={"size": size, "media_type": "image/jpeg"})


def _same_as_never_seen(dev, sha: str) -> bool:
    """The status and content routes answer this device as for a hash HQ never saw."""
    for path in ("/v1/blobs/{}", "/v1/blobs/{}/content"):
        got, unknown = _answer(dev, "GET", path.format(sha)), \
            _answer(dev, "GET", path.format(NEVER_SEEN))
        if unknown[0] != 404 or got != unknown:
            return False
    return True


def _teams(hq):
    boss = hq.device("hq", name="hq")
    seed_reference(boss)
    boss.sync()
    one = hq.device("representative", representative="Li Wei", team="Team 1")
    mate = hq.device("representative", representative="Zhao Min", team="Team 1")
    two = hq.device("representative", representative="Wang Fang", team="Team 2")
    for d in (one, mate, two):
        d.sync()
    return boss, one, mate, two


def _finding(w, team_id: str) -> str:
    visit = w.create(Visit, {"kind": "open", "team_id": team_id, "status": "done"})
    return w.create(Finding, {"visit_id": visit, "description": "fees charged twice"})


def _photo_on_a_finding(dev, photo: bytes = PHOTO):
    """What a representative does: a done visit of its team, a finding, the photo attached;
    then a sync. Returns the finding's id and the sync report."""
    sha, team = dev.store.blobs.put(photo), dev.store.meta("team_id")
    with dev.write() as w:
        fid = _finding(w, team)
        w.create(Attachment, {"sha256": sha, "size": len(photo), "owner_table": "finding",
                              "owner_id": fid, "original_name": "window.jpg"})
    return fid, dev.sync()


def _held_by_hq_attachments(hq, sha: str) -> dict[str, str]:
    return {r["owner_id"]: r["created_device"] for r in hq.rows("attachment").values()
            if r["sha256"] == sha}


def test_knowing_a_photos_hash_is_not_enough_to_download_it(hq):
    boss, one, mate, two = _teams(hq)
    fid, _ = _photo_on_a_finding(one)
    # Team 2 knows the hash: it names it on Team 1's finding, and on a finding of its own.
    team = two.store.meta("team_id")
    with two.write() as w:
        w.create(Attachment, {"sha256": SHA, "size": len(PHOTO), "owner_table": "finding",
                              "owner_id": fid})
        own = _finding(w, team)
        w.create(Attachment, {"sha256": SHA, "size": len(PHOTO), "owner_table": "finding",
                              "owner_id": own})
    report = two.sync()
    assert report.forbidden == 1  # not its record to attach to: refused on its own
    assert _held_by_hq_attachments(hq, SHA)[fid] == one.store.device_id
    assert _held_by_hq_attachments(hq, SHA)[own] == two.store.device_id
    # Its own row names bytes it never uploaded: HQ answers as for a hash it never saw.
    assert _same_as_never_seen(two, SHA)
    with two.write() as w:  # nor does attaching it to a record HQ does not know help
        w.create(Attachment, {"sha256": SHA, "size": len(PHOTO), "owner_table": "finding",
                              "owner_id": "0190f0c0-0000-7000-8000-000000000000"})
    assert two.sync().forbidden == 1
    assert _same_as_never_seen(two, SHA)
    assert _answer(mate, "GET", f"/v1/blobs/{SHA}/content") == (200, PHOTO)  # its team may


def test_an_upload_on_its_way_is_seen_only_by_the_device_that_started_it(hq):
    boss, one, mate, two = _teams(hq)
    assert _start(one, SHA)[1]["received"] == 0
    put = _answer(one, "PUT", f"/v1/blobs/{SHA}", params={"offset": 0}, content=PHOTO[:1000])
    assert put[1]["received"] == 1000
    assert _answer(one, "GET", f"/v1/blobs/{SHA}")[1]["received"] == 1000  # its own upload
    for other in (mate, two, boss):  # HQ's own device included
        assert _same_as_never_seen(other, SHA)
    # Another device starting the same hash starts from zero, and neither moves the other.
    fresh = _start(two, NEVER_SEEN)
    assert _start(two, SHA) == (200, {**fresh[1], "sha256": SHA})
    assert _answer(two, "PUT", f"/v1/blobs/{SHA}", params={"offset": 0},
                   content=PHOTO[:10])[1]["received"] == 10
    assert _answer(one, "GET", f"/v1/blobs/{SHA}")[1]["received"] == 1000
    assert _answer(two, "GET", f"/v1/blobs/{SHA}")[1]["received"] == 10


def test_bytes_hq_already_holds_are_taken_again_without_saying_so(hq):
    boss, one, mate, two = _teams(hq)
    _, report = _photo_on_a_finding(one)
    assert report.attachments == 1
    # Team 2 happens to hold the same photo. Every answer to its upload is the answer to a
    # fresh one of the same size (only the hash differs): HQ does not say it had the bytes.
    other = PHOTO[:-1] + b"\x00"
    other_sha = hashlib.sha256(other).hexdigest()

    def same(held: tuple, fresh: tuple) -> bool:
        return held[0] == fresh[0] == 200 and held[1] == {**fresh[1], "sha256": SHA}

    assert same(_start(two, SHA), _start(two, other_sha))
    put = {"params": {"offset": 0}}
    assert same(_answer(two, "PUT", f"/v1/blobs/{SHA}", content=PHOTO, **put),
                _answer(two, "PUT", f"/v1/blobs/{other_sha}", content=other, **put))
    assert same(_answer(two, "POST", f"/v1/blobs/{SHA}/finish"),
                _answer(two, "POST", f"/v1/blobs/{other_sha}/finish"))
    assert _answer(two, "GET", f"/v1/blobs/{SHA}/content") == (200, PHOTO)  # it proved it
    # The client's own path: a representative of a third team attaching the same photo
    # uploads it in full, and its sync succeeds.
    three = hq.device("representative", representative="Sun Li", team="Team 3")
    three.sync()
    before = len(three.transport.requests)
    fid, report = _photo_on_a_finding(three)
    assert report.attachments == 1 and report.forbidden == report.rejected == 0
    assert ("PUT", f"/v1/blobs/{SHA}") in three.transport.requests[before:]
    assert _held_by_hq_attachments(hq, SHA)[fid] == three.store.device_id
    assert hq.db.blobs.get(SHA) == PHOTO


def test_a_wrong_size_announced_by_another_device_never_blocks_the_owner(hq):
    boss, one, mate, two = _teams(hq)
    # Team 2 and an office device announce the photo's hash first, with wrong sizes; Team 2
    # even sends bytes and asks HQ to finish them.
    office = hq.device("office")
    assert _start(two, SHA, size=1)[0] == 200
    _answer(two, "PUT", f"/v1/blobs/{SHA}", params={"offset": 0}, content=b"x")
    assert _answer(two, "POST", f"/v1/blobs/{SHA}/finish")[:2] == (422, "hash_mismatch")
    assert _start(office, SHA, size=len(PHOTO) + 1)[0] == 200
    # The photo's owner syncs, and syncs again: never a 409.
    fid, report = _photo_on_a_finding(one)
    assert report.attachments == 1 and report.rejected == 0
    assert one.sync().rejected == 0
    assert hq.db.blobs.get(SHA) == PHOTO
    assert run(mate.engine.fetch_attachment(SHA)) == PHOTO


def test_kiosks_can_neither_upload_nor_fetch_attachments(hq):
    boss, one, mate, two = _teams(hq)
    _photo_on_a_finding(one)
    kiosk = hq.device("kiosk", unit="County Hall/Window 1")
    kiosk.sync()
    fresh = hashlib.sha256(b"a kiosk's upload").hexdigest()
    for sha in (SHA, fresh):
        for answer in (_start(kiosk, sha),
                       _answer(kiosk, "PUT", f"/v1/blobs/{sha}", params={"offset": 0},
                               content=b"x"),
                       _answer(kiosk, "POST", f"/v1/blobs/{sha}/finish")):
            assert answer[:2] == (403, "attachment_upload_forbidden")
    assert _same_as_never_seen(kiosk, SHA)
    assert _same_as_never_seen(one, fresh)  # nothing of the kiosk's attempt was kept


def test_a_representatives_photo_reaches_hq_and_its_team(hq, monkeypatch):
    monkeypatch.setattr(client_attachments, "CHUNK_BYTES", 1000)  # several chunks
    boss, one, mate, two = _teams(hq)
    _, report = _photo_on_a_finding(one)
    assert report.attachments == 1 and report.forbidden == report.rejected == 0
    status = _answer(one, "GET", f"/v1/blobs/{SHA}")[1]
    assert status == {"sha256": SHA, "size": len(PHOTO), "received": len(PHOTO),
                      "complete": True}
    for reader in (boss, mate):
        reader.sync()
        assert run(reader.engine.fetch_attachment(SHA)) == PHOTO
    two.sync()
    assert _same_as_never_seen(two, SHA)


def test_an_upgraded_hq_keeps_its_photos_for_their_devices_and_drops_half_uploads(
        database_url, tmp_path):
    """An HQ from before per-device uploads (s0002): the devices whose attachment rows name a
    finished photo hold it; an upload on its way (kept per hash alone) starts again."""
    half = hashlib.sha256(b"half a photo").hexdigest()
    db = open_server_db(database_url, blob_dir=tmp_path / "blobs", passphrase=PASSPHRASE)
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "s0002")
    with db.engine.begin() as conn:
        for sha, done in ((SHA, True), (half, False)):
            conn.execute(sa.text("INSERT INTO sync_blob (sha256, size, media_type, complete, "
                                 "created_at) VALUES (:s, 1, 'image/jpeg', :d, :t)"),
                         {"s": sha, "d": done, "t": "2026-03-01 08:00:00.000000"})
        conn.execute(SYNCED_TABLES["attachment"].__table__.insert(), [stamp_insert(
            {"sha256": sha, "size": 1, "media_type": "image/jpeg", "owner_table": "finding",
             "owner_id": "f1", "original_name": ""}, f"a-{sha[:8]}", "laptop-1", "li", 1)
            for sha in (SHA, half)])
    (tmp_path / "blobs" / "partial" / "abc").mkdir(parents=True)
    (tmp_path / "blobs" / "partial" / "abc" / "000000000000").write_bytes(b"old chunk")
    db.close()
    db = open_server_db(database_url, blob_dir=tmp_path / "blobs", passphrase=PASSPHRASE)
    try:
        with db.engine.connect() as conn:
            holders = conn.execute(sa.select(T.blob_holder.c.sha256,
                                             T.blob_holder.c.store_device_id)).all()
            finished = conn.execute(sa.select(T.blob.c.sha256)).scalars().all()
        assert [tuple(h) for h in holders] == [(SHA, "laptop-1")] and finished == [SHA]
        assert not (tmp_path / "blobs" / "partial").exists()
    finally:
        db.close()
