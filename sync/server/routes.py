"""HTTP routes of the HQ API (version 1). Database work runs in the thread pool."""

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError as PydanticError

from sync.protocol import (
    CHUNK_BODY_BYTES,
    DEFAULT_PULL_LIMIT,
    MAX_BODY_BYTES,
    MAX_PULL_LIMIT,
    MIN_SCHEMA_VERSION,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    BadPush,
    BlobStart,
    BlobStatus,
    DeviceInfo,
    EnrollDeviceRequest,
    EnrollDeviceResponse,
    EnrollRequest,
    EnrollResponse,
    PullPage,
    PushBatch,
    PushResult,
    TokenResponse,
    parse_push_batch,
)
from sync.server import admin, attachments, audit_heads, auth, conflicts, retire
from sync.server.audit_heads import RetireConfirm
from sync.server.body_limit import BodyTooLarge
from sync.server.db import ServerDB
from sync.server.errors import ClientError
from sync.server.pull import pull_page
from sync.server.push import push_batch


def _db(request: Request) -> ServerDB:
    return request.app.state.db


def _client_error(status: int, code: str, message: str, **details) -> ClientError:
    return ClientError(status, code, message, **details)


def check_schema(x_fieldinspect_schema: str | None = Header(default=None)) -> int:
    """Every call names the app's schema; outside HQ's window nothing is read or written."""
    try:
        version = int(x_fieldinspect_schema or "")
    except ValueError:
        raise _client_error(400, "schema_missing",
                            f"send the app's schema version in {SCHEMA_HEADER}") from None
    if version < MIN_SCHEMA_VERSION:
        raise _client_error(426, "update_app", "This app is too old for HQ: update the app, "
                            "then sync again. Nothing was changed.",
                            accepted=[MIN_SCHEMA_VERSION, SCHEMA_VERSION])
    if version > SCHEMA_VERSION:
        raise _client_error(426, "update_hq", "HQ runs an older version than this app: ask HQ "
                            "to update the server. Nothing was changed.",
                            accepted=[MIN_SCHEMA_VERSION, SCHEMA_VERSION])
    return version


router = APIRouter(prefix="/v1", dependencies=[Depends(check_schema)])


def bearer(authorization: str | None = Header(default=None)) -> auth.Bearer:
    """The access token, checked later inside the request's own transaction (one
    transaction per request instead of two)."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise auth.AuthFailure("invalid", "send an access token (Authorization: Bearer ...)")
    return auth.Bearer(token.strip())


async def device(request: Request, token: auth.Bearer = Depends(bearer)):
    """The caller, checked in a transaction of its own: for requests whose body must not be
    read for a stranger (a push) and for the rarer calls."""
    db = _db(request)
    token = token.token

    def check():
        with db.read() as conn:
            return auth.authenticate(conn, token.strip())

    return await run_in_threadpool(check)


async def _body(request: Request, limit: int) -> bytes:
    """The body, read as it streams in; `BodyLimitMiddleware` caps every route in front of
    this, the check here keeps a route's own limit next to it."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(limit)
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise BodyTooLarge(limit)
    return bytes(body)


def _parse(model, body: bytes):
    try:
        return model.model_validate_json(body)
    except PydanticError as exc:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise _client_error(422, "invalid_request", "; ".join(problems[:10])) from None


# --- enrollment -----------------------------------------------------------------------------
@router.get("/health")
def health() -> dict:
    return {"status": "ok", "schema": [MIN_SCHEMA_VERSION, SCHEMA_VERSION]}


@router.post("/enroll", response_model=EnrollResponse)
def enroll(body: EnrollRequest, request: Request):
    return admin.redeem(_db(request), body.code, body.device_id, body.label,
                        previous_device_id=body.previous_device_id)


@router.post("/token", response_model=TokenResponse)
def token(request: Request, authorization: str | None = Header(default=None)):
    scheme, _, credential = (authorization or "").partition(" ")
    if scheme.lower() != "device" or not credential:
        raise auth.AuthFailure("invalid", "send the device credential (Authorization: Device …)")
    with _db(request).write() as conn:
        access, ttl = auth.issue_token(conn, credential.strip(), request.app.state.token_ttl)
    return {"access_token": access, "expires_in": ttl}


# --- push and pull --------------------------------------------------------------------------
def _inlined(schema: dict) -> dict:
    """A model's JSON schema with its `$defs` written in place (for `openapi_extra`)."""
    defs = schema.pop("$defs", {})

    def walk(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return walk(dict(defs[ref.rsplit("/", 1)[-1]]))
            return {k: walk(v) for k, v in node.items()}
        return [walk(v) for v in node] if isinstance(node, list) else node

    return walk(schema)


# The body is checked by `parse_push_batch` (faster than a model per entry); the schema that
# documents it, and that schemathesis fuzzes, is still `PushBatch`'s.
_PUSH_BODY = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": _inlined(PushBatch.model_json_schema())}}}}


@router.post("/push", response_model=PushResult, openapi_extra=_PUSH_BODY)
async def push(request: Request, who=Depends(device)):
    try:
        entries = parse_push_batch(await _body(request, MAX_BODY_BYTES))
    except BadPush as exc:  # `entry`: which one, so a device can hold that one back
        details = {} if exc.entry is None else {"entry": exc.entry}
        raise _client_error(422, "invalid_request", str(exc), **details) from None
    result = await run_in_threadpool(push_batch, _db(request), who, entries)
    return Response(result.model_dump_json(), media_type="application/json")


@router.get("/pull", responses={200: {"model": PullPage}})
async def pull(request: Request, cursor: int = Query(0, ge=0),
               limit: int = Query(DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT),
               who=Depends(bearer)):
    body = await run_in_threadpool(pull_page, _db(request), who, cursor, limit)
    return Response(body, media_type="application/json")


# --- the audit chain's head (issue 6) ------------------------------------------------------------
@router.post("/audit-head")
def audit_head(body: audit_heads.AuditHeadReport, request: Request, who=Depends(bearer)):
    return audit_heads.accept_head(_db(request), who, body)


@router.get("/device/status")
def device_status(request: Request, who=Depends(device)):
    return retire.device_status(_db(request), who)


@router.post("/device/retired")
def device_retired(body: RetireConfirm, request: Request, who=Depends(device)):
    return retire.confirm_retired(_db(request), who, body.last_seq)


# --- attachments ----------------------------------------------------------------------------
# Who may learn what about a hash is decided in `sync.server.attachments`: the status and content
# routes give one and the same 404 for every hash this device may not know about.
@router.get("/blobs/{sha}", response_model=BlobStatus)
def blob_status(sha: str, request: Request, who=Depends(device)):
    return attachments.status(_db(request), who, sha)


@router.post("/blobs/{sha}/start", response_model=BlobStatus)
def blob_start(sha: str, body: BlobStart, request: Request, who=Depends(device)):
    return attachments.start(_db(request), who, sha, body.size, body.media_type)


@router.put("/blobs/{sha}", response_model=BlobStatus)
async def blob_chunk(sha: str, request: Request, offset: int = Query(ge=0),
                     who=Depends(device)):
    attachments.check_may_upload(who)  # before the body is read
    chunk = await _body(request, CHUNK_BODY_BYTES)
    return await run_in_threadpool(attachments.append, _db(request), who, sha, offset, chunk)


@router.post("/blobs/{sha}/finish", response_model=BlobStatus)
def blob_finish(sha: str, request: Request, who=Depends(device)):
    return attachments.finish(_db(request), who, sha)


@router.get("/blobs/{sha}/content")
def blob_content(sha: str, request: Request, who=Depends(device)):
    data = attachments.content(_db(request), who, sha)  # decrypted
    return Response(content=data, media_type="application/octet-stream")


@router.post("/conflicts/{conflict_id}/resolve")
def resolve_conflict(conflict_id: str, request: Request, who=Depends(device)):
    return conflicts.resolve(_db(request), who, conflict_id)


# --- administration for HQ-role devices ------------------------------------------------------
def _hq_only(who) -> None:
    if who.role != "hq":
        raise _client_error(403, "forbidden", "only an HQ device may administer devices")


@router.post("/admin/devices", response_model=EnrollDeviceResponse)
def admin_enroll(body: EnrollDeviceRequest, request: Request, who=Depends(device)):
    _hq_only(who)
    return admin.enroll_device(_db(request), role=body.role, team=body.team,
                               representative=body.representative, unit=body.unit,
                               label=body.label)


@router.get("/admin/devices", response_model=list[DeviceInfo])
def admin_list(request: Request, who=Depends(device)):
    _hq_only(who)
    return admin.list_devices(_db(request))


@router.post("/admin/devices/{key}/revoke")
def admin_revoke(key: str, request: Request, who=Depends(device)):
    _hq_only(who)
    return admin.revoke_device(_db(request), key)

