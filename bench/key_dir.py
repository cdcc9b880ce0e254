"""A bench's device key parts in a throw-away folder, removed when the bench ends.

The benches run without a keyring, so each store's key parts go to `FIELDINSPECT_KEY_DIR`; a
folder left behind in /tmp would keep the keys of stores that are gone (and of any a bench
left). A folder named by the caller's environment is the caller's and is left alone."""

import atexit
import os
import shutil
import tempfile


def throwaway_key_dir() -> None:
    if "FIELDINSPECT_KEY_DIR" in os.environ:
        return
    path = tempfile.mkdtemp(prefix="fi-bench-keys-")
    os.environ["FIELDINSPECT_KEY_DIR"] = path
    atexit.register(shutil.rmtree, path, True)
