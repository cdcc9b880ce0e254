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

`check_schema` runs before all of them on every `/v1` route. Every refusal is a `ClientError`.
The dependencies that only look at the request are `async def`: FastAPI runs a plain `def`
dependency on the thread pool, a thread hop each (three per push and per pull, issue 18 §3).
"""

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
    try:
        version = int(x_fieldinspect_schema or "")
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
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise not_authenticated("invalid", "send an access token (Authorization: Bearer ...)")
    return auth.Bearer(token.strip())


BearerToken = Annotated[auth.Bearer, Depends(bearer)]


async def calling_device(db: Db, token: BearerToken) -> DeviceIdentity:
    def check():
        with db.read() as conn:
            return auth.authenticate(conn, token.token)

    return await run_in_threadpool(check)


CallingDevice = Annotated[DeviceIdentity, Depends(calling_device)]


async def pushing_device(db: Db, token: BearerToken) -> DeviceIdentity:
    known = auth.recently_checked(token.token)
    return known if known is not None else await calling_device(db, token)


PushingDevice = Annotated[DeviceIdentity, Depends(pushing_device)]


async def hq_only(who: CallingDevice) -> DeviceIdentity:
    if who.role != "hq":
        raise ClientError(403, "forbidden", "only an HQ device may administer devices")
    return who


HqOnly = Annotated[DeviceIdentity, Depends(hq_only)]
HQ_ONLY = Depends(hq_only)
