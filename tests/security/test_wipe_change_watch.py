"""The window's check for other processes' writes (models.store.changes) keeps a connection of
its own: a wipe must close it (on Windows an open handle keeps the database file from being
deleted) and a later check must not bring the database back."""

import os
from pathlib import Path

import pytest


def _open_files_under(folder: Path) -> list[str]:
    fds = Path("/proc/self/fd")
    names = []
    for fd in fds.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(folder)):
            names.append(target)
    return names


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc to list handles")
def test_wipe_leaves_no_handle_on_the_database_and_the_check_does_not_recreate_it(store):
    from models.security.wipe import wipe_store

    data_dir = store.data_dir
    assert store.changes.changed_elsewhere() is False  # the check's connection is open
    wipe_store(store, "revoked")
    assert _open_files_under(data_dir) == []
    with pytest.raises(Exception):  # noqa: B017, PT011 - the wiped store refuses to connect
        store.changes.changed_elsewhere()
    left = sorted(p.name for p in data_dir.rglob("*") if p.is_file())
    assert left == ["WIPED.txt"]
