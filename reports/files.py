"""Writing an output file whole or not at all, into a folder made when missing.

A folder that cannot be used (no permission, a file in the way, a full disk) is refused with
`models.output_folder.OutputFolderError`, which says why; never a crash log.
"""

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from models.output_folder import writing_file


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary name beside `path`, renamed onto it only when writing succeeded."""
    with writing_file(path) as path:
        tmp = path.with_name(f".{path.stem}.part{path.suffix}")
        try:
            yield tmp
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
