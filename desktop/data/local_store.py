"""Opening this device's store, for the window, the self-test and the command line.

The rest of `desktop/` reaches the store through here and the other `desktop.data` modules, never
through `models.store` or SQLAlchemy (an import contract in pyproject.toml checks it).
`models.store.store` is imported only when a store is opened: SQLAlchemy alone is a third of a
second on an old laptop, and the window imports it while the passphrase is being typed.
"""

from pathlib import Path

from models.store.changes import EVERYTHING as EVERYTHING  # announced: "another process wrote"
from models.store.keys import KEY_FILE, drop_started_derivation, start_derivation, unlock_key


def store_exists(data_dir: Path) -> bool:
    """A store was created in `data_dir` (its key file is there); nothing is opened."""
    return (Path(data_dir) / KEY_FILE).exists()


def start_unlocking(data_dir: Path, passphrase: str) -> None:
    """Begin deriving an existing store's key from `passphrase` on a thread (scrypt, ~0.1 s):
    a command calls it before importing what it needs, and `open_local_store` then finds the
    derivation done or under way (models.store.keys.start_derivation). Nothing for a store
    that does not exist yet."""
    if store_exists(data_dir):
        start_derivation(Path(data_dir) / KEY_FILE, passphrase)


def stop_unlocking() -> None:
    """Forget a derivation `start_unlocking` began that no store was opened with."""
    drop_started_derivation()


def open_local_store(data_dir: Path, passphrase: str | None, *, driver_only: bool = False):
    """`Store.open`: unlock the store in `data_dir`, creating it when absent.

    An existing store's data key is unwrapped first, before `models.store.store` is imported:
    the window's warm-up thread is importing SQLAlchemy meanwhile, and the scrypt derivation
    (~0.1 s) releases the GIL, so the two overlap instead of the derivation waiting for the
    import's lock (~0.1 s off the start). `driver_only`: the store's connections are the SQLite
    driver's alone, without SQLAlchemy (models/store/driver.py), for a headless command whose
    path sends only driver SQL."""
    key = None
    if store_exists(data_dir):
        key = unlock_key(Path(data_dir), Path(data_dir) / KEY_FILE, passphrase)
    from models.store.store import Store

    return Store.open(data_dir, passphrase, key=key, driver_only=driver_only)
