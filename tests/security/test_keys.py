"""A copied data directory opens nothing; the device part lives outside it; old stores migrate."""

import json
import os
import shutil
import stat

import keyring
import pytest
from keyring.backend import KeyringBackend

from models.reference import Unit
from models.security import keystore
from models.store.keys import DeviceKeyMissingError, KdfParams, WrongPassphraseError
from models.store.store import Store
from tests.conftest import PASSPHRASE


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.items = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


@pytest.fixture
def fake_keyring(monkeypatch):
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("FIELDINSPECT_KEYRING", "1")
    yield backend
    keyring.set_keyring(previous)


def _key_doc(data_dir):
    return json.loads((data_dir / "store.key.json").read_text())


def test_fallback_file_is_owner_only_and_outside_the_data_dir(store, data_dir):
    ref = _key_doc(data_dir)["device_part"]
    assert ref["where"] == "file"
    key_file = keystore.key_dir() / f"{ref['id']}.key"
    assert key_file.exists() and data_dir not in key_file.parents
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert not [p for p in data_dir.rglob("*") if p.read_bytes().strip() == key_file.read_bytes()]


def test_copied_data_dir_opens_nothing_elsewhere(store, data_dir, tmp_path, monkeypatch):
    with store.write("clerk") as w:
        w.create(Unit, {"name": "白泥镇", "kind": "township"})
    store.close()
    copy = tmp_path / "stolen"
    shutil.copytree(data_dir, copy)
    monkeypatch.setenv("FIELDINSPECT_KEY_DIR", str(tmp_path / "other-machine-keys"))
    with pytest.raises(DeviceKeyMissingError, match="not on this computer"):
        Store.open(copy, PASSPHRASE)


def test_keyring_holds_the_device_part_when_there_is_one(fake_keyring, data_dir, monkeypatch,
                                                         tmp_path):
    monkeypatch.setenv("FIELDINSPECT_KEY_DIR", str(tmp_path / "unused"))
    Store.open(data_dir, PASSPHRASE).close()
    ref = _key_doc(data_dir)["device_part"]
    assert ref["where"] == "keyring"
    assert len(fake_keyring.items) == 1 and not (tmp_path / "unused").exists()
    Store.open(data_dir, PASSPHRASE).close()
    fake_keyring.items.clear()  # the keyring was wiped
    with pytest.raises(DeviceKeyMissingError):
        Store.open(data_dir, PASSPHRASE)


def test_store_with_its_key_only_in_the_data_dir_is_migrated(data_dir):
    """A version-1 store (passphrase-only key file) opens and is rewritten to need the part."""
    store = Store.open(data_dir, PASSPHRASE)
    with store.write("clerk") as w:
        w.create(Unit, {"name": "旧单位", "kind": "other"})
    key = store.data_key
    store.close()
    _write_v1(data_dir / "store.key.json", key)
    again = Store.open(data_dir, PASSPHRASE)
    assert again.data_key == key
    again.close()
    doc = _key_doc(data_dir)
    assert doc["version"] == 2 and doc["device_part"]["where"] == "file"
    with pytest.raises(WrongPassphraseError):
        Store.open(data_dir, "wrong")


def _write_v1(path, key):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params = KdfParams(salt=os.urandom(16), log2n=10)
    nonce = os.urandom(12)
    wrapped = AESGCM(params.derive(PASSPHRASE)).encrypt(nonce, key, b"fieldinspect-store")
    path.write_text(json.dumps({
        "version": 1, "kdf": "scrypt", "salt": params.salt.hex(), "log2n": 10, "r": 8, "p": 1,
        "nonce": nonce.hex(), "wrapped_key": wrapped.hex()}))


def test_key_folder_inside_the_data_dir_is_refused(data_dir, monkeypatch):
    from models.security.keystore import KeyStorageError

    monkeypatch.setenv("FIELDINSPECT_KEY_DIR", str(data_dir / "keys"))
    with pytest.raises(KeyStorageError, match="inside the data directory"):
        Store.open(data_dir, PASSPHRASE)


def test_one_switch_keeps_both_the_device_part_and_the_sync_credential_out_of_the_keyring(
        fake_keyring, data_dir, monkeypatch):
    """`FIELDINSPECT_KEYRING=0` used to keep only the device part out; the sync credential
    listened to `FIELDINSPECT_NO_KEYRING` and went to the keyring all the same."""
    from sync.client.credentials import CredentialStore

    monkeypatch.setenv("FIELDINSPECT_KEYRING", "0")
    monkeypatch.delenv("FIELDINSPECT_NO_KEYRING", raising=False)
    store = Store.open(data_dir, PASSPHRASE)
    try:
        assert _key_doc(data_dir)["device_part"]["where"] == "file"
        key_file = keystore.key_dir() / f"{_key_doc(data_dir)['device_part']['id']}.key"
        assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
        assert CredentialStore(store).save("device secret") == "store"
        assert CredentialStore(store).load() == "device secret"
    finally:
        store.close()
    assert fake_keyring.items == {}


def test_with_the_keyring_on_both_secrets_go_to_the_keyring(fake_keyring, data_dir):
    from sync.client.credentials import CredentialStore

    store = Store.open(data_dir, PASSPHRASE)
    try:
        assert _key_doc(data_dir)["device_part"]["where"] == "keyring"
        assert CredentialStore(store).save("device secret") == "keyring"
        assert CredentialStore(store).load() == "device secret"
    finally:
        store.close()
    assert len(fake_keyring.items) == 2


def _counting_scrypt(monkeypatch) -> list[str]:
    """hashlib.scrypt, each call's thread name recorded."""
    import hashlib
    import threading

    calls, real = [], hashlib.scrypt

    def scrypt(*args, **kwargs):
        calls.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", scrypt)
    return calls


def test_a_key_derivation_started_early_is_the_one_the_store_opens_with(store, data_dir,
                                                                       monkeypatch):
    """A command starts the scrypt while it imports its modules; opening the store takes that
    result instead of deriving again, and a derivation of another passphrase is not used."""
    from models.store.keys import KEY_FILE, start_derivation

    store.close()
    calls = _counting_scrypt(monkeypatch)
    start_derivation(data_dir / KEY_FILE, PASSPHRASE)
    Store.open(data_dir, PASSPHRASE).close()
    assert calls == ["fieldinspect-kdf"]
    start_derivation(data_dir / KEY_FILE, "guess")
    Store.open(data_dir, PASSPHRASE).close()  # the right passphrase, derived again
    assert calls == ["fieldinspect-kdf"] * 2 + ["MainThread"]


def test_an_early_wrong_passphrase_is_refused_and_counted_once(store, data_dir, monkeypatch):
    from models.security.lockout import UnlockGuard
    from models.store.keys import KEY_FILE, start_derivation

    store.close()
    calls = _counting_scrypt(monkeypatch)
    start_derivation(data_dir / KEY_FILE, "guess")
    with pytest.raises(WrongPassphraseError):
        Store.open(data_dir, "guess")
    assert calls == ["fieldinspect-kdf"] and UnlockGuard(data_dir).state().failures == 1
    start_derivation(data_dir / "missing.key.json", "guess")  # nothing to start: no error
    assert len(calls) == 1


def test_the_import_command_derives_the_key_while_it_imports(data_dir, tmp_path, monkeypatch):
    """`fieldinspect import` (and `stats`) with the passphrase in the environment start the
    key's derivation before their modules load; the store opens with it (one scrypt)."""
    from tests.cli_runner import run_cli

    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": PASSPHRASE}
    assert run_cli(["--data-dir", data_dir, "stats"], env).returncode == 0  # made here
    units = tmp_path / "units.csv"
    units.write_text("name,kind,parent\n卫生院,other,\n", encoding="utf-8")
    calls = _counting_scrypt(monkeypatch)
    res = run_cli(["--data-dir", data_dir, "import", "units", units], env)
    assert res.returncode == 0, res.stderr
    assert calls == ["fieldinspect-kdf"]
    res = run_cli(["--data-dir", data_dir, "stats"], {**env, "FIELDINSPECT_PASSPHRASE": "no"})
    assert res.returncode == 4 and "Wrong passphrase" in res.stderr
    assert calls == ["fieldinspect-kdf"] * 2
