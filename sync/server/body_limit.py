"""Every request body capped before it is read: 413 `too_large`, never HQ's memory.

FastAPI reads a JSON body whole before a route runs, so one 500 MB request to `/v1/enroll`,
which anyone may send, once took HQ to 2.1 GB. This ASGI middleware sits in front of every
route: a declared Content-Length over the route's limit is refused before a byte is read, and a
streamed (chunked) body is counted as it arrives and refused as soon as it passes the limit,
the rest left unread. Limits per route are in `LIMITS` (from `sync.protocol`); anything else
gets the small-JSON limit.
"""

import re

import orjson
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import (
    CHUNK_BODY_BYTES,
    JSON_BODY_BYTES,
    MAX_BODY_BYTES,
    SMALL_BODY_BYTES,
)

# (method, path) -> the most bytes its body may carry.
LIMITS: tuple[tuple[str, re.Pattern, int], ...] = (
    ("POST", re.compile(r"/v1/push\Z"), MAX_BODY_BYTES),
    # an audit head carries the entries after HQ's last anchor, up to ~2 MB a report
    ("POST", re.compile(r"/v1/audit-head\Z"), MAX_BODY_BYTES),
    ("PUT", re.compile(r"/v1/blobs/[^/]+\Z"), CHUNK_BODY_BYTES),
    ("POST", re.compile(r"/v1/(enroll|token)\Z"), SMALL_BODY_BYTES),
)


def limit_for(method: str, path: str) -> int:
    for m, pattern, limit in LIMITS:
        if m == method and pattern.match(path):
            return limit
    return JSON_BODY_BYTES


class BodyTooLarge(HTTPException):
    """Raised from `receive` when a body passes its limit. An HTTPException, so FastAPI's own
    body reading lets it through unchanged (it turns other errors into a 400)."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413)
        self.limit = limit


def too_large_body(limit: int) -> dict:
    """The app's error shape for a body over `limit` bytes."""
    size = f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit // 1024} KB"
    return {"code": "too_large", "message": f"the request is over {size}; send smaller "
            "batches", "details": {"limit": limit}}


async def send_too_large(send: Send, limit: int) -> None:
    body = orjson.dumps(too_large_body(limit))
    await send({"type": "http.response.start", "status": 413, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(scope["method"], scope["path"])
        declared = _declared_length(scope)
        if declared is not None and declared > limit:
            await send_too_large(send, limit)  # nothing read, no route run
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if started:
                raise
            await send_too_large(send, limit)
