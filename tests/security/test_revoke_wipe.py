"""A revoked laptop wipes its records and keys on HQ's answer; an expired token never does."""

import pytest

from models.security.wipe import was_wiped
from models.store.store import Store
from sync.client.hq_client import DeviceRevoked
from sync.server.admin import revoke_device
from tests.sync.helpers import PASSPHRASE, Hq, form, seed_reference


@pytest.fixture
def hq(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    server = Hq.start(f"sqlite:///{tmp_path / 'hq-server'}", tmp_path)
    yield server
    server.close()


def test_revoked_device_wipes_records_and_keys(hq):
    from models.records import Evaluation

    laptop = hq.device("office", name="lost-laptop")
    ids = seed_reference(laptop)
    laptop.sync()
    laptop.store.blobs.put(b"evidence photo")
    with laptop.write() as w:
        w.create(Evaluation, form(ids, "L-1"))
    data_dir = laptop.store.data_dir
    revoke_device(hq.db, "lost-laptop")
    with pytest.raises(DeviceRevoked):
        laptop.sync()
    assert len(hq.rows("evaluation")) == 0  # the queued push was refused
    assert was_wiped(data_dir)
    left = sorted(p.name for p in data_dir.rglob("*") if p.is_file())
    assert left == ["WIPED.txt"]
    with pytest.raises(DeviceRevoked):  # and it stays stopped, without calling HQ
        laptop.sync()


def test_expired_token_never_wipes(hq):
    laptop = hq.device("office", name="laptop-ok")
    seed_reference(laptop)
    laptop.engine._token = "not-a-token"  # noqa: SLF001 - as if the token had expired
    laptop.sync()
    assert not was_wiped(laptop.store.data_dir)
    data_dir = laptop.store.data_dir
    laptop.close()
    Store.open(data_dir, PASSPHRASE).close()
