"""A forgotten passphrase is recovered through HQ's key; a backup restores every record."""

import pytest
import sqlalchemy as sa

from models.errors import StoreLockedError
from models.reference import Unit
from models.security.audit_verify import verify_chain
from models.security.backup import BackupError, backup_store, restore_store
from models.security.escrow import (
    RecoveryError,
    generate_recovery_keypair,
    install_recovery_key,
    recover_store,
)
from models.security.lockout import BLOCK_AFTER, UnlockGuard
from models.store.store import Store
from tests.conftest import PASSPHRASE


def _units(store):
    with store.read() as conn:
        return sorted(conn.execute(sa.text("SELECT name FROM unit")).scalars())


def test_forgotten_passphrase_is_recovered_with_hq_key_without_losing_a_form(store, data_dir):
    private_pem, public_pem = generate_recovery_keypair("hq secret")
    install_recovery_key(store, public_pem)
    with store.write("clerk") as w:
        w.create(Unit, {"name": "白泥镇", "kind": "township"})
    store.close()
    for _ in range(BLOCK_AFTER):
        UnlockGuard(data_dir).failed()  # the clerk guessed until blocked
    with pytest.raises(RecoveryError):
        recover_store(data_dir, private_pem, "new passphrase", password="wrong")
    recover_store(data_dir, private_pem, "new passphrase", password="hq secret")
    with pytest.raises(StoreLockedError):
        Store.open(data_dir, PASSPHRASE)
    again = Store.open(data_dir, "new passphrase")
    assert _units(again) == ["白泥镇"]
    with again.read() as conn:
        events = conn.exec_driver_sql("SELECT event FROM audit_log").scalars().all()
        assert "recovered" in events and verify_chain(conn).ok
    again.close()


def test_another_hq_key_cannot_recover(store, data_dir):
    install_recovery_key(store, generate_recovery_keypair()[1])
    store.close()
    stranger, _ = generate_recovery_keypair()
    with pytest.raises(RecoveryError, match="different HQ recovery key"):
        recover_store(data_dir, stranger, "x")


def test_backup_and_restore_keep_records_and_attachments(store, tmp_path):
    with store.write("clerk") as w:
        w.create(Unit, {"name": "卫生院-canary", "kind": "hospital"})
    sha = store.blobs.put(b"photo bytes" * 100_000)  # > 1 MiB: several chunks
    out = tmp_path / "device.fibackup"
    backup_store(store, out, "backup words")
    raw = out.read_bytes()
    assert b"canary" not in raw and "卫生院".encode() not in raw
    target = tmp_path / "restored"
    with pytest.raises(BackupError, match="Wrong passphrase"):
        restore_store(out, target, "nope")
    restore_store(out, target, "backup words", new_passphrase="fresh")
    restored = Store.open(target, "fresh")
    assert _units(restored) == ["卫生院-canary"]
    assert restored.blobs.get(sha) == b"photo bytes" * 100_000
    with restored.read() as conn:
        assert verify_chain(conn).ok
    restored.close()
    with pytest.raises(BackupError, match="already holds a store"):
        restore_store(out, target, "backup words")


def test_altered_or_cut_backup_is_refused(store, tmp_path):
    store.blobs.put(b"x" * 3_000_000)
    out = tmp_path / "b.fibackup"
    backup_store(store, out, "pw")
    data = out.read_bytes()
    cut = tmp_path / "cut.fibackup"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(BackupError, match="cut short|damaged"):
        restore_store(cut, tmp_path / "r1", "pw")
    flipped = bytearray(data)
    flipped[-100] ^= 1
    (tmp_path / "flip.fibackup").write_bytes(bytes(flipped))
    with pytest.raises(BackupError, match="damaged"):
        restore_store(tmp_path / "flip.fibackup", tmp_path / "r2", "pw")
    assert not (tmp_path / "r1" / "store.key.json").exists()
