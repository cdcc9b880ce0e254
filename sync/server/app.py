"""The HQ server's FastAPI app: `create_app(database_url)`.

No state lives in the process beyond the database engine: several workers (or hosts) can serve
one PostgreSQL. Every client error is a 4xx with a code and a sentence; a 500 is always a bug.
"""

import logging
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from models.errors import AppError, NotFoundError
from sync.protocol import SCHEMA_VERSION
from sync.server.auth import TOKEN_TTL, AuthFailure
from sync.server.blobs import BlobError
from sync.server.db import ServerDB, open_server_db
from sync.server.errors import ClientError
from sync.server.pull import CursorAhead
from sync.server.push import BadBatch, SequenceGap
from sync.server.notices import router as notices_router
from sync.server.routes import router

log = logging.getLogger("fieldinspect.sync.server")


def create_app(database_url: str | None = None, *, db: ServerDB | None = None,
               blob_dir: Path | None = None, passphrase: str | None = None,
               token_ttl: timedelta = TOKEN_TTL) -> FastAPI:
    db = db or open_server_db(database_url, blob_dir=blob_dir, passphrase=passphrase)
    app = FastAPI(title="FieldInspect HQ", version=str(SCHEMA_VERSION))
    app.state.db = db
    app.state.token_ttl = token_ttl
    app.include_router(router)
    app.include_router(notices_router)
    _install_error_handlers(app)
    return app


def error(status: int, code: str, message: str, **details) -> JSONResponse:
    return JSONResponse(status_code=status,
                          content={"code": code, "message": message, "details": details})


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ClientError)
    async def _client(_r: Request, exc: ClientError):
        return error(exc.status, exc.code, exc.message, **exc.details)

    @app.exception_handler(AuthFailure)
    async def _auth(_r: Request, exc: AuthFailure):
        return error(401, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_r: Request, exc: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return error(422, "invalid_request", "; ".join(problems[:10]) or "invalid request")

    @app.exception_handler(NotFoundError)
    async def _not_found(_r: Request, exc: NotFoundError):
        return error(404, exc.code, exc.message)

    @app.exception_handler(AppError)
    async def _app(_r: Request, exc: AppError):
        return error(400, exc.code, exc.message)

    @app.exception_handler(BlobError)
    async def _blob(_r: Request, exc: BlobError):
        return error(exc.status, exc.code, exc.message, **exc.details)

    @app.exception_handler(SequenceGap)
    async def _gap(_r: Request, exc: SequenceGap):
        return error(409, "sequence_gap", str(exc), expected=exc.expected)

    @app.exception_handler(BadBatch)
    async def _bad_batch(_r: Request, exc: BadBatch):
        return error(422, "bad_batch", str(exc))

    @app.exception_handler(CursorAhead)
    async def _ahead(_r: Request, exc: CursorAhead):
        return error(409, "resync", f"{exc}; push your changes, then resync from scratch")

    @app.exception_handler(sa.exc.IntegrityError)
    @app.exception_handler(sa.exc.DataError)
    async def _data(_r: Request, exc: sa.exc.DBAPIError):
        # Input the checks let through but the database refused: nothing was written.
        log.error("database refused a request's data: %s", exc)
        return error(422, "invalid_data", "HQ's database refused this data; nothing was written")

    @app.exception_handler(sa.exc.OperationalError)
    async def _busy(_r: Request, exc: sa.exc.OperationalError):
        # Lock timeouts and serialisation failures: the request wrote nothing; try again.
        log.warning("database busy: %s", exc)
        return error(503, "busy", "HQ is busy; try again shortly")
