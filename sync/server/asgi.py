"""An app factory for running HQ as several uvicorn worker processes:

    FIELDINSPECT_DATABASE_URL=postgresql+psycopg://... \
        uvicorn --factory sync.server.asgi:app_from_env --workers 4

(`fieldinspect serve --workers N` does exactly this.) Workers share nothing but the database.
"""

import os

from fastapi import FastAPI

from sync.server.app import create_app


def app_from_env() -> FastAPI:
    return create_app(os.environ["FIELDINSPECT_DATABASE_URL"])
