"""The folder an output goes into: made when it is missing, or a clear refusal saying why not.

Every file the app writes for a person (a report, an exported list, a rejects file) goes
through here first, so a missing folder is created and a folder that cannot be used (a file in
the way, no permission, a read-only or full disk) is refused with a reason a clerk can act on
(`OutputFolderError.reason`, shown in the window's language) instead of a crash log or a file
dropped in the process's current directory.
"""

import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path

from models.errors import AppError

_REASONS = {
    errno.EACCES: "permission", errno.EPERM: "permission",
    errno.EEXIST: "not_a_folder", errno.ENOTDIR: "not_a_folder",
    errno.EROFS: "read_only",
    errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full",
    errno.EISDIR: "is_a_folder",
}


class OutputFolderError(AppError):
    """`reason`: permission | not_a_folder | read_only | disk_full | is_a_folder |
    cannot_write; the message code is ``output_folder_<reason>`` (models/messages/documents.py)
    with the folder as its argument."""

    code = "output_folder"

    def __init__(self, folder: Path, reason: str) -> None:
        self.folder, self.reason = Path(folder), reason
        super().__init__(code=f"output_folder_{reason}", params={"folder": str(self.folder)})

    @classmethod
    def from_os_error(cls, folder: Path, exc: OSError) -> "OutputFolderError":
        return cls(folder, _REASONS.get(exc.errno, "cannot_write"))


def ensure_folder(folder: Path | str) -> Path:
    """`folder`, made (with its parents) when missing; OutputFolderError when it cannot be."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFolderError.from_os_error(folder, exc) from exc
    return folder


def _about(exc: OSError, folder: Path) -> bool:
    """The error concerns the folder or a file in it (not, say, a font the writer reads)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS) or not exc.filename:
        return True
    name = Path(str(exc.filename))
    return name.is_relative_to(folder) or folder.is_relative_to(name)


def refusal(folder: Path, exc: OSError) -> Exception:
    """What to raise for `exc` met while writing in `folder`: an OutputFolderError when the
    file system refused the folder or a file in it, else `exc` itself."""
    if isinstance(exc, FileNotFoundError) or not _about(exc, folder):
        return exc
    return OutputFolderError.from_os_error(folder, exc)


@contextlib.contextmanager
def writing_file(path: Path | str) -> Iterator[Path]:
    """Make the folder of `path` if needed and refuse a `path` that is a folder; a file-system
    refusal inside the block about that folder (permission, disk full...) becomes an
    OutputFolderError."""
    path = Path(path)
    folder = ensure_folder(path.parent)
    if path.is_dir():
        raise OutputFolderError(path, "is_a_folder")
    try:
        yield path
    except OSError as exc:
        error = refusal(folder, exc)
        if error is exc:
            raise
        raise error from exc


def default_output_folder(documents: str | Path | None) -> Path:
    """Where a Save dialog opens: the person's Documents folder, made when it is missing (a
    dialog pointed at a missing folder falls back to the process's current directory, and the
    file went there); the home folder when Documents cannot be made."""
    if documents:
        try:
            return ensure_folder(documents)
        except OutputFolderError:
            pass
    return Path.home()
