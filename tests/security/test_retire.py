"""A laptop handed back pushes everything, HQ confirms, then it wipes itself; nothing is lost."""

import pytest

from models.records import Evaluation
from models.security.wipe import was_wiped
from sync.client.retire import DeviceRetired
from sync.server.retire import confirm_retired, mark_retiring
from tests.sync.helpers import Hq, form, seed_reference


@pytest.fixture
def hq(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    server = Hq.start(f"sqlite:///{tmp_path / 'hq-server'}", tmp_path)
    yield server
    server.close()


def test_retired_device_pushes_everything_then_wipes(hq):
    laptop = hq.device("office", name="handed-back")
    ids = seed_reference(laptop)
    laptop.sync()
    mark_retiring(hq.db, "handed-back")
    with laptop.write() as w:  # made after HQ asked, still never lost
        for i in range(3):
            w.create(Evaluation, form(ids, f"R-{i}"))
    data_dir = laptop.store.data_dir
    with pytest.raises(DeviceRetired):
        laptop.sync()
    assert len(hq.rows("evaluation")) == 3
    assert was_wiped(data_dir)
    assert sorted(p.name for p in data_dir.rglob("*") if p.is_file()) == ["WIPED.txt"]


def test_hq_does_not_confirm_before_it_holds_everything(hq):
    laptop = hq.device("office", name="slow")
    seed_reference(laptop)
    mark_retiring(hq.db, "slow")
    from sync.server.auth import DeviceIdentity

    hq_id = laptop.store.meta("hq_device_id")
    who = DeviceIdentity(id=hq_id, role="office", store_device_id=laptop.store.device_id,
                         team_id=None, representative_id=None, unit_id=None, label="slow")
    answer = confirm_retired(hq.db, who, last_seq=3)  # nothing pushed yet
    assert answer["confirmed"] is False
    assert not was_wiped(laptop.store.data_dir)


def test_active_device_is_not_retired(hq):
    laptop = hq.device("office", name="in-use")
    seed_reference(laptop)
    laptop.sync()
    laptop.sync()
    assert not was_wiped(laptop.store.data_dir)
