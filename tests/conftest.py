"""Shared test set-up: cheap key derivation, and a fresh data directory per test."""

import os
import tempfile

import pytest

os.environ.setdefault("FIELDINSPECT_KDF_LOG2N", "10")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Device key parts go to a throw-away folder, never the real keyring or the user's config.
os.environ.setdefault("FIELDINSPECT_KEYRING", "0")
os.environ.setdefault("FIELDINSPECT_KEY_DIR", tempfile.mkdtemp(prefix="fieldinspect-keys-"))

PASSPHRASE = "correct horse"


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "device"


@pytest.fixture
def store(data_dir):
    from models.store.store import Store

    s = Store.open(data_dir, PASSPHRASE)
    yield s
    s.close()
