"""An app factory for running HQ as several uvicorn worker processes:

    FIELDINSPECT_DATABASE_URL=postgresql+psycopg://... FIELDINSPECT_PASSPHRASE=... \
    FIELDINSPECT_BLOB_DIR=/srv/fieldinspect/hq-blobs \
        uvicorn --factory sync.server.asgi:app_from_env --workers 4

(`fieldinspect serve --workers N` does exactly this.) Workers share nothing but the database and
the blob directory. The passphrase unlocks the key that seals the attachments; the first worker
to start makes that key (under the migration lock), the others unwrap the same one. Without
FIELDINSPECT_BLOB_DIR the blob directory is `hq-blobs` in the data directory.
"""

from fastapi import FastAPI
from starlette.types import ASGIApp

from models.errors import ValidationError
from sync.server import profiling, workers
from sync.server.app import create_app
from sync.server.collector import pause_during_pushes
from sync.server.settings import server_settings
from sync.server.timing import enabled as timing_enabled
from sync.server.timing import timed
from sync.server.workers import end_with_supervisor


def app_from_env() -> FastAPI | ASGIApp:
    pause_during_pushes()  # a worker process serves HQ only (sync/server/collector.py)
    end_with_supervisor()  # a worker of `serve --workers N` does not outlive it
    url = server_settings().database_url
    if not url:
        raise ValidationError.single("FIELDINSPECT_DATABASE_URL", "set it to HQ's database "
                                     "(postgresql+psycopg://...)")
    profile_to = profiling.folder()
    if profile_to is not None:  # bench/hq_capacity.py --profile only
        profiling.install(profile_to)
    app = create_app(url)
    served = workers.Balancer(app, workers.TABLE) if workers.TABLE is not None else app
    return timed(served) if timing_enabled() else served  # timed: bench/hq_capacity.py only
