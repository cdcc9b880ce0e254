"""The push and the pull served without FastAPI's per-request machinery (issue 18 §2).

A one-record round is one request per device, and HQ's CPU for it outside the route (the
middleware stack, FastAPI's route matching over every route, its solving of dependencies, the
request and response objects) was ~0.15 ms of a pull quiet and ~0.3 ms profiled, per request.
`HqApp` is HQ's FastAPI app with the three sync calls (`POST /v1/push`, `GET /v1/pull`,
`POST /v1/pull`) answered straight from the ASGI scope, by the same work as their FastAPI routes
(`routes.push_answer`, `routes.pull_answer`, `deps.pusher`, `deps.sync_token`), in the same
order of checks, with the app's own exception handlers for every refusal. The FastAPI routes stay
declared: `/docs` and the OpenAPI schema (which schemathesis fuzzes) describe them as before.

Only a well-formed request takes this path. A pull whose query or body FastAPI would have to
judge (a value out of range, a field too many, not JSON, another content type) goes to the
FastAPI route, its body handed on as read, so every refusal reads exactly as before.
"""

import orjson
from fastapi import FastAPI
from pydantic import ValidationError
from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect, Request
from starlette.types import Message, Receive, Scope, Send

from sync.protocol import DEFAULT_PULL_LIMIT, FOLLOWS_HEADER, MAX_PULL_LIMIT
from sync.server import routes
from sync.server.body_limit import BodyTooLarge, limit_for, send_too_large
from sync.server.deps import Caller, pusher, sync_token


class HqApp(FastAPI):
    """HQ's app: FastAPI, with the push and the pull answered by `FAST` (module docstring)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.root_path:
            serve = FAST.get((scope["method"], scope["path"]))
            if serve is not None:
                await serve(self, scope, receive, send)
                return
        await super().__call__(scope, receive, send)


async def _push(app: HqApp, scope: Scope, receive: Receive, send: Send) -> None:
    async def answer() -> bytes:
        headers = Headers(scope=scope)
        caller = await pusher(app.state.db, headers)  # before the body is read
        # the route's own limit, as `routes._body` checks it
        if _too_large(scope, routes.MAX_BODY_BYTES):
            raise BodyTooLarge(routes.MAX_BODY_BYTES)
        body = await _read(receive, routes.MAX_BODY_BYTES)
        return await routes.push_answer(caller.db, caller.who, body, headers.get(FOLLOWS_HEADER))

    await _respond(app, scope, receive, send, limit_for("POST", "/v1/push"), answer)


async def _pull(app: HqApp, scope: Scope, receive: Receive, send: Send) -> None:
    asked = _pull_query(scope.get("query_string", b""))
    if asked is None:  # FastAPI judges it (and words its refusal)
        await FastAPI.__call__(app, scope, receive, send)
        return

    async def answer() -> bytes:
        caller = Caller(app.state.db, sync_token(Headers(scope=scope)))
        return await routes.pull_answer(caller.db, caller.who, *asked)

    await _respond(app, scope, receive, send, limit_for("GET", "/v1/pull"), answer)


async def _pull_reporting(app: HqApp, scope: Scope, receive: Receive, send: Send) -> None:
    limit = limit_for("POST", "/v1/pull")
    if _too_large(scope, limit):
        await send_too_large(send, limit)
        return
    headers = Headers(scope=scope)
    try:
        body = await _read(receive, limit)
    except BodyTooLarge as exc:
        await _refuse(app, scope, receive, send, exc)
        return
    asked = _pull_body(headers, body)
    if asked is None:  # FastAPI judges it, the body handed on as read
        await FastAPI.__call__(app, scope, _replayed(body, receive), send)
        return

    async def answer() -> bytes:
        caller = Caller(app.state.db, sync_token(headers))
        return await routes.pull_answer(caller.db, caller.who, asked.cursor, asked.limit,
                                        asked.audit)

    await _respond(app, scope, receive, send, None, answer)


FAST = {("POST", "/v1/push"): _push, ("GET", "/v1/pull"): _pull,
        ("POST", "/v1/pull"): _pull_reporting}


def _pull_query(query: bytes) -> tuple[int, int] | None:
    """(cursor, limit) of a plain `cursor=…&limit=…` query, each at most once, in range;
    None for anything else."""
    asked = {b"cursor": 0, b"limit": DEFAULT_PULL_LIMIT}
    seen = set()
    for part in query.split(b"&") if query else ():
        name, eq, value = part.partition(b"=")
        if (not eq or name not in asked or name in seen or not value.isdigit()
                or len(value) > 18):
            return None
        seen.add(name)
        asked[name] = int(value)
    if not 1 <= asked[b"limit"] <= MAX_PULL_LIMIT:
        return None
    return asked[b"cursor"], asked[b"limit"]


def _pull_body(headers: Headers, body: bytes) -> "routes.PullRequest | None":
    """A `POST /v1/pull` body as FastAPI reads it (JSON, checked by `PullRequest` as a
    Python object), or None when FastAPI should judge it."""
    if headers.get("content-type") != "application/json":
        return None
    try:
        return routes.PullRequest.model_validate(orjson.loads(body))
    except (orjson.JSONDecodeError, ValidationError):
        return None


def _too_large(scope: Scope, limit: int) -> bool:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return value.isdigit() and int(value) > limit
    return False


async def _read(receive: Receive, limit: int) -> bytes:
    """The body as it streams in, refused as soon as it passes `limit`."""
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientDisconnect()
        body.extend(message.get("body", b""))
        if len(body) > limit:
            raise BodyTooLarge(limit)
        if not message.get("more_body", False):
            return bytes(body)


def _replayed(body: bytes, receive: Receive) -> Receive:
    """`receive` with the body already read given again first."""
    given = False

    async def again() -> Message:
        nonlocal given
        if given:
            return await receive()
        given = True
        return {"type": "http.request", "body": body, "more_body": False}

    return again


async def _respond(app: HqApp, scope: Scope, receive: Receive, send: Send, limit: int | None,
                   answer) -> None:
    """A declared body over `limit` refused before anything else (`BodyLimitMiddleware`),
    then `answer()`'s JSON, or its refusal through the app's exception handlers."""
    if limit is not None and _too_large(scope, limit):
        await send_too_large(send, limit)
        return
    try:
        body = await answer()
    except Exception as exc:  # noqa: BLE001 - refused as FastAPI would, or raised on
        await _refuse(app, scope, receive, send, exc)
        return
    await send({"type": "http.response.start", "status": 200, "headers": [
        (b"content-length", str(len(body)).encode()), (b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})


async def _refuse(app: HqApp, scope: Scope, receive: Receive, send: Send,
                  exc: Exception) -> None:
    """`exc` answered by the app's handler for it (as Starlette's `ExceptionMiddleware` looks
    one up); an exception no handler takes is raised on (a 500: a bug)."""
    for kind in type(exc).__mro__:
        handler = app.exception_handlers.get(kind)
        if handler is not None and kind is not Exception:
            response = await handler(Request(scope, receive), exc)
            await response(scope, receive, send)
            return
    raise exc
