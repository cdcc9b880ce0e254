"""A bench's device key parts and data directory in throw-away folders, removed when the bench
ends.

The benches run without a keyring, so each store's key parts go to `FIELDINSPECT_KEY_DIR`; a
folder left behind in /tmp would keep the keys of stores that are gone (and of any a bench
left). The bench's own calls into a PostgreSQL HQ (its migration, its seeding) open HQ without
a data directory, so HQ's attachment key (`hq-blobs/`) would go to the user's real data
directory: `FIELDINSPECT_DATA_DIR` is a throw-away folder too. A folder named by the caller's
environment is the caller's and is left alone."""

import atexit
import os
import shutil
import tempfile


def throwaway_key_dir() -> None:
    for variable, prefix in (("FIELDINSPECT_KEY_DIR", "fi-bench-keys-"),
                             ("FIELDINSPECT_DATA_DIR", "fi-bench-data-")):
        if variable in os.environ:
            continue
        path = tempfile.mkdtemp(prefix=prefix)
        os.environ[variable] = path
        atexit.register(shutil.rmtree, path, True)
