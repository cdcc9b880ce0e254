"""What HQ's routes share, declared once (after the FastAPI template's `api/deps.py`).

A route names what it needs by type, and FastAPI provides it:

* `Db`: HQ's database (`ServerDB`, one per app).
* `BearerToken`: the caller's access token, not checked yet: the route checks it inside its own
  transaction (one transaction per request instead of two; pull and audit-head do this).
* `CallingDevice`: the caller, checked in a transaction of its own: for requests whose body must
  not be read for a stranger (a push) and for the rarer calls.
* `PushingDevice`: the caller of a push, checked before its body is read: against this worker's
  memory of the token's last check (a few seconds), else in a transaction of its own; the push
  checks it again, authoritatively, in its writing transaction (`auth.check_pushing`), so a
  push costs one transaction, not two.
* `HqOnly`: the caller, who must be an HQ device (a router's `dependencies=[HQ_ONLY]`).
* `Pusher` / `Puller`: the push's and the pull's checks in ONE dependency each (issue 18 §3):
  the schema, the token's form, the database handle and, for a push, `PushingDevice`'s check,
  in that order, from headers read once. FastAPI's solving of a dependency tree was nearly
  half of the event loop's CPU of a push (check_schema, get_db, bearer, pushing_device and two
  header parameters); `SYNC_HEADERS` documents the same two headers in `/docs` as before.

`check_schema` runs before all of them on every `/v1` route. Every refusal is a `ClientError`.
The dependencies that only look at the request are `async def`: FastAPI runs a plain `def`
dependency on the thread pool, a thread hop each (three per push and per pull, issue 18 §3).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool

from sync.protocol import MIN_SCHEMA_VERSION, SCHEMA_HEADER, SCHEMA_VERSION
from sync.server import auth
from sync.server.auth import DeviceIdentity
from sync.server.db import ServerDB
from sync.server.errors import ClientError, not_authenticated


async def check_schema(x_fieldinspect_schema: str | None = Header(default=None)) -> int:
    """Every call names the app's schema; outside HQ's window nothing is read or written."""
    return schema_version(x_fieldinspect_schema)


def schema_version(header: str | None) -> int:
    """`check_schema`'s check of the header's value (shared with `Pusher` and `Puller`)."""
    try:
        version = int(header or "")
    except ValueError:
        raise ClientError(400, "schema_missing",
                          f"send the app's schema version in {SCHEMA_HEADER}") from None
    if version < MIN_SCHEMA_VERSION:
        raise ClientError(426, "update_app", "This app is too old for HQ: update the app, "
                          "then sync again. Nothing was changed.",
                          accepted=[MIN_SCHEMA_VERSION, SCHEMA_VERSION])
    if version > SCHEMA_VERSION:
        raise ClientError(426, "update_hq", "HQ runs an older version than this app: ask HQ "
                          "to update the server. Nothing was changed.",
                          accepted=[MIN_SCHEMA_VERSION, SCHEMA_VERSION])
    return version


async def get_db(request: Request) -> ServerDB:
    return request.app.state.db


Db = Annotated[ServerDB, Depends(get_db)]


async def bearer(authorization: str | None = Header(default=None)) -> auth.Bearer:
    return bearer_of(authorization)


def bearer_of(authorization: str | None) -> auth.Bearer:
    """`bearer`'s check of the header's value (shared with `Pusher` and `Puller`)."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise not_authenticated("invalid", "send an access token (Authorization: Bearer ...)")
    return auth.Bearer(token.strip())


BearerToken = Annotated[auth.Bearer, Depends(bearer)]


async def calling_device(db: Db, token: BearerToken) -> DeviceIdentity:
    return await _checked(db, token)


async def _checked(db: ServerDB, token: auth.Bearer) -> DeviceIdentity:
    def check():
        with db.read() as conn:
            return auth.authenticate(conn, token.token)

    return await run_in_threadpool(check)


CallingDevice = Annotated[DeviceIdentity, Depends(calling_device)]


async def pushing_device(db: Db, token: BearerToken) -> DeviceIdentity:
    known = auth.recently_checked(token.token)
    return known if known is not None else await _checked(db, token)


PushingDevice = Annotated[DeviceIdentity, Depends(pushing_device)]


async def hq_only(who: CallingDevice) -> DeviceIdentity:
    if who.role != "hq":
        raise ClientError(403, "forbidden", "only an HQ device may administer devices")
    return who


HqOnly = Annotated[DeviceIdentity, Depends(hq_only)]
HQ_ONLY = Depends(hq_only)


# --- the push's and the pull's checks, one dependency each (issue 18 §3) -----------------------
@dataclass(frozen=True, slots=True)
class Caller:
    """What a push or a pull route is given: HQ's database and who calls (for a pull, the
    token not checked yet: `pull_page` checks it in its own transaction)."""

    db: ServerDB
    who: DeviceIdentity | auth.Bearer


def sync_token(headers: Mapping[str, str]) -> auth.Bearer:
    """A push's or a pull's headers checked: the schema first, as `check_schema` on other
    routes, then the token's form."""
    schema_version(headers.get(SCHEMA_HEADER))
    return bearer_of(headers.get("authorization"))


async def pushing_caller(request: Request) -> Caller:
    """`check_schema`, `get_db`, `bearer` and `pushing_device`, in that order, as one."""
    return await pusher(request.app.state.db, request.headers)


async def pusher(db: ServerDB, headers: Mapping[str, str]) -> Caller:
    """`pushing_caller` from HQ's database and the request's headers (shared with the
    served fast path, `sync.server.fast_path`)."""
    token = sync_token(headers)
    known = auth.recently_checked(token.token)
    return Caller(db, known if known is not None else await _checked(db, token))


async def pulling_caller(request: Request) -> Caller:
    """`check_schema`, `get_db` and `bearer`, in that order, as one."""
    return Caller(request.app.state.db, sync_token(request.headers))


Pusher = Annotated[Caller, Depends(pushing_caller)]
Puller = Annotated[Caller, Depends(pulling_caller)]

# The two headers `Pusher` and `Puller` read, documented in `/docs` as FastAPI documents the
# `Header` parameters of `check_schema` and `bearer` (a route's `openapi_extra`).
_OPTIONAL_TEXT = {"anyOf": [{"type": "string"}, {"type": "null"}]}
SYNC_HEADERS = {"parameters": [
    {"in": "header", "name": "x-fieldinspect-schema", "required": False,
     "schema": {**_OPTIONAL_TEXT, "title": "X-Fieldinspect-Schema"}},
    {"in": "header", "name": "authorization", "required": False,
     "schema": {**_OPTIONAL_TEXT, "title": "Authorization"}},
]}
