"""A canary in every kind of record, entered through the app's own paths; then every byte of
every file under the data directory is searched: zero hits."""

import datetime as dt
import uuid

import sqlalchemy as sa

from models import services
from models.enums import ProfileRole
from models.imports import run_import
from models.profiles import create_profile
from models.records import (
    AccountabilityCase,
    Attachment,
    Finding,
    Opinion,
    PersonnelCriticism,
    Problem,
    Visit,
)
from models.security import audit
from models.security.backup import backup_store
from models.security.escrow import generate_recovery_keypair, install_recovery_key
from models.store.store import Store
from tests.conftest import PASSPHRASE
from tests.models.helpers import FORM_HEADER, write_csv

TAG = uuid.uuid4().hex[:10]
CANARIES = {
    "unit": f"CANUNIT{TAG}镇", "rep": f"CANREP{TAG}", "team": f"CANTEAM{TAG}组",
    "phone": f"1390{int(TAG, 16) % 10**7:07d}", "form_no": f"CANFORM{TAG}",
    "reason": f"CANREASON{TAG}推诿", "suggestion": f"CANSUGG{TAG}建议",
    "visit": f"CANVISIT{TAG}暗访", "finding": f"CANFIND{TAG}", "person": f"CANPERSON{TAG}李",
    "behaviour": f"CANBEHAV{TAG}", "violation": f"CANVIOL{TAG}", "opinion": f"CANOPIN{TAG}",
    "contact": f"CANCONTACT{TAG}", "problem": f"CANPROB{TAG}", "measures": f"CANMEAS{TAG}",
    "photo": f"CANPHOTO{TAG}", "photo_name": f"CANNAME{TAG}.jpg", "profile": f"CANPROFILE{TAG}",
    "campaign": f"CANCAMP{TAG}评议",
}


def _hits(data_dir) -> list[str]:
    needles = {name: [value.encode("utf-8"), value.encode("utf-16-le")]
               for name, value in CANARIES.items()}
    found = []
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found += [f"{name} in {path.name}" for name, forms in needles.items()
                  if any(form in data for form in forms)]
    return found


def _enter_everything(store, tmp_path):
    c = CANARIES
    create_profile(store, c["profile"], ProfileRole.SUPERVISOR, pin="1357")
    who = c["profile"]
    run_import(store, "units", write_csv(tmp_path / "u.csv", ["name", "kind", "parent"],
                                         [[c["unit"], "township", ""]]), profile=who)
    run_import(store, "representatives", write_csv(
        tmp_path / "r.csv", ["姓名", "类别", "乡镇", "电话", "所属组"],
        [[c["rep"], "人大代表", c["unit"], c["phone"], c["team"]]]), profile=who)
    run_import(store, "evaluations", write_csv(tmp_path / "f.csv", FORM_HEADER, [
        [c["form_no"], c["campaign"], "citizen", c["unit"], "不满意", c["reason"],
         c["suggestion"], "2024-05-01"]]), profile=who)
    with store.read() as conn:
        unit_id = conn.execute(sa.text("SELECT id FROM unit")).scalar()
        rep_id, team_id = conn.execute(sa.text("SELECT id, team_id FROM representative")).one()
    sha = store.blobs.put(c["photo"].encode() * 50)
    day = dt.date(2024, 5, 2)
    with store.write(who) as w:
        visit = services.create_record(w, Visit, {"kind": "secret", "unit_id": unit_id,
                                                  "team_id": team_id,
                                                  "representative_ids": [rep_id],
                                                  "summary": c["visit"], "place": c["visit"]})
        finding = services.create_record(w, Finding, {"visit_id": visit, "unit_id": unit_id,
                                                      "description": c["finding"]})
        services.create_record(w, PersonnelCriticism, {
            "person_name": c["person"], "unit_id": unit_id, "behaviour": c["behaviour"],
            "finding_id": finding})
        services.create_record(w, AccountabilityCase, {
            "person_name": c["person"], "unit_id": unit_id, "violation": c["violation"],
            "outcome": "disciplinary"})
        services.create_record(w, Opinion, {"text": c["opinion"], "contact": c["contact"]})
        problem = services.create_record(w, Problem, {
            "description": c["problem"], "unit_id": unit_id, "reported_on": day})
        services.create_record(w, Attachment, {
            "sha256": sha, "size": 1, "owner_table": "finding", "owner_id": finding,
            "original_name": c["photo_name"]})
    with store.write(who) as w:
        services.update_record(w, Problem, problem, {"measures": c["measures"]})
        audit.record(w.conn, "export", profile=who, details={"file": c["photo_name"]})


def test_no_canary_anywhere_under_the_data_directory(store, data_dir, tmp_path):
    _enter_everything(store, tmp_path)
    install_recovery_key(store, generate_recovery_keypair()[1])
    backup_store(store, data_dir / "routine.fibackup", "backup words")
    with store.read() as conn:  # the canaries really are in the store
        assert conn.execute(sa.text("SELECT count(*) FROM personnel_criticism")).scalar() == 1
        assert CANARIES["contact"] in conn.execute(sa.text("SELECT contact FROM opinion "
                                                           "WHERE contact != ''")).scalar()
    files = {p.name for p in data_dir.rglob("*") if p.is_file()}
    assert {"fieldinspect.db", "fieldinspect.db-wal", "store.key.json"} <= files
    assert _hits(data_dir) == []  # with the WAL and SHM still there
    store.close()
    reopened = Store.open(data_dir, PASSPHRASE)
    reopened.close()
    assert _hits(data_dir) == []


def test_the_search_itself_finds_a_plaintext_canary(tmp_path):
    (tmp_path / "settings.ini").write_text(f"x={CANARIES['person']}", encoding="utf-8")
    assert _hits(tmp_path) == ["person in settings.ini"]


def test_no_photo_canary_on_the_device_or_at_hq_after_attaching_and_syncing(tmp_path,
                                                                            monkeypatch):
    """A photo attached through the desktop's own path (Findings page → attach_files), synced
    to a SQLite HQ in chunks and fetched by another device: its bytes, its name and its hash
    appear nowhere on disk, on either device or at HQ."""
    import hashlib

    from desktop.data.attachments import attach_files, attachments_of
    from sync.client import attachments as client_attachments
    from tests.sync.helpers import Hq, run, seed_reference

    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    monkeypatch.setattr(client_attachments, "CHUNK_BYTES", 700)  # several chunks, each one sealed
    photo = b"\xff\xd8\xff\xe0" + (CANARIES["photo"].encode() + b"\x00\x11") * 120 + b"\xff\xd9"
    source = tmp_path / "camera" / CANARIES["photo_name"]
    source.parent.mkdir()
    source.write_bytes(photo)
    sha = hashlib.sha256(photo).hexdigest()
    root = tmp_path / "hq"
    hq = Hq.start(f"sqlite:///{root / 'hq-server'}", root)
    try:
        field, office = hq.device("hq"), hq.device("hq")  # findings are made at HQ desks too
        ids = seed_reference(field)
        with field.write("clerk") as w:
            finding = services.create_record(w, Finding, {"unit_id": ids["unit"],
                                                          "description": CANARIES["finding"]})
            attach_files(w, field.store.blobs, "finding", finding, [str(source)])
        assert field.sync().attachments == 1
        office.sync()
        assert run(office.engine.fetch_attachment(sha)) == photo
        with office.store.read() as conn:
            (shown,) = attachments_of(conn, office.store.blobs, "finding", finding)
        assert shown["data"] == photo and shown["original_name"] == CANARIES["photo_name"]
        assert hq.db.blobs.get(sha) == photo
        data_dirs = [field.store.data_dir, office.store.data_dir, root / "hq-server",
                     root / "blobs"]
        assert all(any(p.is_file() for p in d.rglob("*")) for d in data_dirs)
        for directory in data_dirs:
            assert _hits(directory) == [], directory
            names = [p.name for p in directory.rglob("*")]
            assert not [n for n in names if sha in n or CANARIES["photo_name"] in n]
            assert not [p for p in directory.rglob("*") if p.is_file()
                        and photo[:200] in p.read_bytes()]
    finally:
        hq.close()
    assert _hits(root) == []  # closed: WAL checkpointed, nothing left behind
