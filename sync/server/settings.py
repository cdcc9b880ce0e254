"""The HQ server's settings from the environment: every `FIELDINSPECT_*` variable the server
reads, in one place (the device has its own, `models/settings.py`; a SQLite HQ's store, made by
the device's machinery, also follows the device's key settings). The README lists each one.

Read afresh on each call: `fieldinspect serve --workers N` hands its workers what it resolved
through these variables, and a worker process reads them when it builds its app.
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from models.settings import path_var


@dataclass(frozen=True)
class ServerSettings:
    database_url: str | None = None  # FIELDINSPECT_DATABASE_URL (the workers' database)
    passphrase: str | None = None  # FIELDINSPECT_PASSPHRASE (SQLite store / attachment key)
    blob_dir: Path | None = None  # FIELDINSPECT_BLOB_DIR (a PostgreSQL HQ's attachments)
    data_dir: Path | None = None  # FIELDINSPECT_DATA_DIR (where `hq-blobs` goes by default)
    tls_certfile: Path | None = None  # FIELDINSPECT_TLS_CERTFILE (HQ answers on https)
    tls_keyfile: Path | None = None  # FIELDINSPECT_TLS_KEYFILE (that certificate's key)
    # FIELDINSPECT_SUPERVISOR_PID: set by `serve --workers N` for its workers, which stop
    # when that process is gone (sync/server/workers.py); never set by hand
    supervisor_pid: int | None = None
    # FIELDINSPECT_HQ_TIMING=1: each answer carries HQ's own time (sync/server/timing.py), for
    # bench/hq_capacity.py only
    hq_timing: bool = False
    # FIELDINSPECT_HQ_PROFILE=<folder>: each worker writes a cProfile of its threads there
    # (sync/server/profiling.py), for bench/hq_capacity.py --profile only
    hq_profile: Path | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "ServerSettings":
        env = os.environ if env is None else env
        return cls(
            database_url=env.get("FIELDINSPECT_DATABASE_URL") or None,
            passphrase=env.get("FIELDINSPECT_PASSPHRASE"),
            blob_dir=path_var(env, "FIELDINSPECT_BLOB_DIR"),
            data_dir=path_var(env, "FIELDINSPECT_DATA_DIR"),
            tls_certfile=path_var(env, "FIELDINSPECT_TLS_CERTFILE"),
            tls_keyfile=path_var(env, "FIELDINSPECT_TLS_KEYFILE"),
            supervisor_pid=_pid(env.get("FIELDINSPECT_SUPERVISOR_PID")),
            hq_timing=env.get("FIELDINSPECT_HQ_TIMING") == "1",
            hq_profile=path_var(env, "FIELDINSPECT_HQ_PROFILE"),
        )

    def to_env(self) -> dict[str, str]:
        """These settings as the variables a worker process reads (those that are set)."""
        values = {"FIELDINSPECT_DATABASE_URL": self.database_url,
                  "FIELDINSPECT_PASSPHRASE": self.passphrase,
                  "FIELDINSPECT_BLOB_DIR": self.blob_dir, "FIELDINSPECT_DATA_DIR": self.data_dir,
                  "FIELDINSPECT_TLS_CERTFILE": self.tls_certfile,
                  "FIELDINSPECT_TLS_KEYFILE": self.tls_keyfile,
                  "FIELDINSPECT_SUPERVISOR_PID": self.supervisor_pid,
                  "FIELDINSPECT_HQ_TIMING": "1" if self.hq_timing else None,
                  "FIELDINSPECT_HQ_PROFILE": self.hq_profile}
        return {name: str(value) for name, value in values.items() if value is not None}


def _pid(value: str | None) -> int | None:
    return int(value) if value and value.isascii() and value.isdigit() else None


def server_settings() -> ServerSettings:
    return ServerSettings.from_env()
