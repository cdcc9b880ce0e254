"""The HQ server's FastAPI app: `create_app(database_url)`.

No state lives in the process beyond the database engine: several workers (or hosts) can serve
one PostgreSQL. Every client error is a 4xx with a code and a sentence; a 500 is always a bug.
Every request body is capped before it is read (`sync.server.body_limit`).
"""

import contextlib
import logging
from datetime import timedelta
from pathlib import Path

import anyio.to_thread
import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from models.errors import AppError, NotFoundError, ValidationError
from sync.protocol import SCHEMA_VERSION
from sync.server.auth import TOKEN_TTL, AuthFailure
from sync.server.blobs import BlobError
from sync.server.body_limit import BodyLimitMiddleware, BodyTooLarge, too_large_body
from sync.server.db import DB_THREADS, ServerDB, open_server_db
from sync.server.errors import ClientError
from sync.server.notices import router as notices_router
from sync.server.pull import CursorAhead
from sync.server.push import BadBatch, SequenceGap
from sync.server.routes import router

log = logging.getLogger("fieldinspect.sync.server")


def create_app(database_url: str | None = None, *, db: ServerDB | None = None,
               blob_dir: Path | None = None, passphrase: str | None = None,
               token_ttl: timedelta = TOKEN_TTL) -> FastAPI:
    db = db or open_server_db(database_url, blob_dir=blob_dir, passphrase=passphrase)
    app = FastAPI(title="FieldInspect HQ", version=str(SCHEMA_VERSION), lifespan=_lifespan)
    app.state.db = db
    app.state.token_ttl = token_ttl
    app.include_router(router)
    app.include_router(notices_router)
    app.add_middleware(BodyLimitMiddleware)  # before any route reads a body
    _install_error_handlers(app)
    return app


@contextlib.asynccontextmanager
async def _lifespan(_app: FastAPI):
    """No more threads reach the database at once than its pool has connections (DB_THREADS,
    sync/server/db.py says why the thread pool is limited rather than the pool grown)."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = DB_THREADS
    yield


def error(status: int, code: str, message: str, **details) -> JSONResponse:
    return JSONResponse(status_code=status,
                          content={"code": code, "message": message, "details": details})


# Each refusal: exception type -> (status, code, message, details).
_REFUSALS = {
    ClientError: lambda e: (e.status, e.code, e.message, e.details),
    BlobError: lambda e: (e.status, e.code, e.message, e.details),
    AuthFailure: lambda e: (401, e.code, e.message, {}),
    BodyTooLarge: lambda e: (413, "too_large", too_large_body(e.limit)["message"],
                             {"limit": e.limit}),
    # An app error's code and arguments go on the wire, so the device words it (a validation
    # error: its first problem's code and arguments, when it has one).
    NotFoundError: lambda e: (404, e.code, e.message, e.params),
    ValidationError: lambda e: (400, e.problems[0].code or e.code, e.message,
                                e.problems[0].args if e.problems[0].code else {}),
    AppError: lambda e: (400, e.code, e.message, e.params),
    SequenceGap: lambda e: (409, "sequence_gap", str(e), {"expected": e.expected}),
    BadBatch: lambda e: (422, "bad_batch", str(e), {}),
    CursorAhead: lambda e: (409, "resync", f"{e}; push your changes, then resync from scratch",
                            {}),
    RequestValidationError: lambda e: (422, "invalid_request", "; ".join(
        f"{'.'.join(str(p) for p in x['loc'])}: {x['msg']}" for x in e.errors()[:10]), {}),
    # Input the checks let through but the database refused: nothing was written.
    sa.exc.IntegrityError: lambda e: (422, "invalid_data",
                                      "HQ's database refused this data; nothing was written", {}),
    sa.exc.DataError: lambda e: (422, "invalid_data",
                                 "HQ's database refused this data; nothing was written", {}),
    # Lock timeouts and serialisation failures: the request wrote nothing; try again.
    sa.exc.OperationalError: lambda e: (503, "busy", "HQ is busy; try again shortly", {}),
    # Every pooled connection stayed lent for the pool's timeout: nothing was read or written.
    sa.exc.TimeoutError: lambda e: (503, "busy", "HQ is busy; try again shortly", {}),
}


def _install_error_handlers(app: FastAPI) -> None:
    for exc_type, shape in _REFUSALS.items():
        app.add_exception_handler(exc_type, _handler(shape))


def _handler(shape):
    async def handle(_request: Request, exc: Exception):
        status, code, message, details = shape(exc)
        if isinstance(exc, sa.exc.DBAPIError | sa.exc.TimeoutError):
            log.warning("database refused a request: %s", exc)
        return error(status, code, message, **details)

    return handle
