"""Where a device keeps its data: --data-dir, else FIELDINSPECT_DATA_DIR, else the platform's."""

import os
from pathlib import Path

import platformdirs

from models.settings import device_settings

APP_NAME = "FieldInspect"


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = device_settings().data_dir
    if env:
        return env
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
