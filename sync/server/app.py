"""The HQ server's FastAPI app: `create_app(database_url)`.

No state lives in the process beyond the database engine: several workers (or hosts) can serve
one PostgreSQL. Every client error is a 4xx with a code and a sentence (one type,
`sync.server.errors.ClientError`, one handler); a 500 is always a bug.
Every request body is capped before it is read (`sync.server.body_limit`). The push and the
pull are served straight from the ASGI scope by the same work as their routes
(`sync.server.fast_path`).
"""

import asyncio
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
from sync.server.auth import TOKEN_TTL
from sync.server.body_limit import BodyLimitMiddleware, BodyTooLarge, too_large_body
from sync.server.db import DB_THREADS, ServerDB, open_server_db
from sync.server.errors import ClientError
from sync.server.fast_path import HqApp
from sync.server.notices import router as notices_router
from sync.server.routes import router, sync_router

log = logging.getLogger("fieldinspect.sync.server")


def create_app(database_url: str | None = None, *, db: ServerDB | None = None,
               blob_dir: Path | None = None, passphrase: str | None = None,
               token_ttl: timedelta = TOKEN_TTL) -> FastAPI:
    db = db or open_server_db(database_url, blob_dir=blob_dir, passphrase=passphrase)
    # FastAPI, with the push and the pull served without its per-request machinery
    app = HqApp(title="FieldInspect HQ", version=str(SCHEMA_VERSION), lifespan=_lifespan)
    app.state.db = db
    app.state.token_ttl = token_ttl
    app.include_router(router)
    app.include_router(sync_router)  # the push and the pull: one dependency each
    app.include_router(notices_router)
    app.add_middleware(BodyLimitMiddleware)  # before any route reads a body
    _install_error_handlers(app)
    return app


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI):
    """No more threads reach the database at once than its pool has connections (DB_THREADS,
    sync/server/db.py says why the thread pool is limited rather than the pool grown). The
    device schema a snapshot is built in is read before the first request: 0.9 s of migrating
    a throw-away store, once per worker, paid at start and not by the day's first new device.
    While HQ serves, the snapshots of the codes that are out are kept fresh enough to be given
    (`snapshot_ahead.keep_ready`)."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = DB_THREADS
    from models.store.snapshot_file import device_schema
    from sync.server.snapshot_ahead import keep_ready

    await anyio.to_thread.run_sync(device_schema)
    refreshing = asyncio.create_task(keep_ready(app.state.db))
    try:
        yield
    finally:
        refreshing.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await refreshing


def client_error_response(exc: ClientError) -> JSONResponse:
    """The one shape of every 4xx (and 503) body: `{"code", "message", "details"}`."""
    return JSONResponse(status_code=exc.status, content=exc.body())


def _refusal(status: int, code: str, message: str):
    return lambda e: ClientError(status, code, message)


def _coded(status: int, code: str, message: str, details: dict) -> ClientError:
    """A refusal whose code and arguments go on the wire, so the device words it."""
    refusal = ClientError(status, code, message)
    refusal.details = dict(details)
    return refusal


# Exceptions raised below the routes that are not `ClientError`s (domain errors shared with
# the command line, the framework's own, the database's), each as the `ClientError` it means.
_AS_CLIENT_ERROR = {
    BodyTooLarge: lambda e: ClientError(413, "too_large", too_large_body(e.limit)["message"],
                                        limit=e.limit),
    NotFoundError: lambda e: _coded(404, e.code, e.message, e.params),
    # a validation error: its first problem's code and arguments, when it has one
    ValidationError: lambda e: _coded(400, e.problems[0].code or e.code, e.message,
                                      e.problems[0].args if e.problems[0].code else e.params),
    AppError: lambda e: _coded(400, e.code, e.message, e.params),
    RequestValidationError: lambda e: ClientError(422, "invalid_request", "; ".join(
        f"{'.'.join(str(p) for p in x['loc'])}: {x['msg']}" for x in e.errors()[:10])),
    # Input the checks let through but the database refused: nothing was written.
    sa.exc.IntegrityError: _refusal(422, "invalid_data",
                                    "HQ's database refused this data; nothing was written"),
    sa.exc.DataError: _refusal(422, "invalid_data",
                               "HQ's database refused this data; nothing was written"),
    # Lock timeouts and serialisation failures: the request wrote nothing; try again.
    sa.exc.OperationalError: _refusal(503, "busy", "HQ is busy; try again shortly"),
    # Every pooled connection stayed lent for the pool's timeout: nothing was read or written.
    sa.exc.TimeoutError: _refusal(503, "busy", "HQ is busy; try again shortly"),
}


def _install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ClientError, _handle_client_error)
    for exc_type in _AS_CLIENT_ERROR:
        app.add_exception_handler(exc_type, _handle_other)


async def _handle_client_error(_request: Request, exc: ClientError) -> JSONResponse:
    return client_error_response(exc)


async def _handle_other(_request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, sa.exc.DBAPIError | sa.exc.TimeoutError):
        log.warning("database refused a request: %s", exc)
    shape = next(_AS_CLIENT_ERROR[t] for t in type(exc).__mro__ if t in _AS_CLIENT_ERROR)
    return client_error_response(shape(exc))
