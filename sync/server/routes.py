"""HTTP routes of the HQ API (version 1). Database work runs in the thread pool."""

import asyncio
import copy
import weakref

from fastapi import APIRouter, BackgroundTasks, Depends, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from sync.protocol import (
    CHUNK_BODY_BYTES,
    DEFAULT_PULL_LIMIT,
    FOLLOWS_HEADER,
    MAX_BODY_BYTES,
    MAX_PULL_LIMIT,
    MAX_SEQ,
    MIN_SCHEMA_VERSION,
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
    PushResult,
    TokenResponse,
    push_body_schema,
)
from sync.server import admin, attachments, audit_heads, auth, conflicts, retire
from sync.server.audit_heads import RetireConfirm
from sync.server.body_limit import BodyTooLarge
from sync.server.collector import collector_paused
from sync.server.deps import (
    HQ_ONLY,
    SYNC_HEADERS,
    BearerToken,
    CallingDevice,
    Db,
    Puller,
    Pusher,
    check_schema,
)
from sync.server.errors import ClientError, not_authenticated
from sync.server.form_batch import parse_push_body  # a batch of new forms decoded typed first
from sync.server.pull import pull_page
from sync.server.push import push_batch
from sync.server.snapshot import snapshot_for, stream

router = APIRouter(prefix="/v1", dependencies=[Depends(check_schema)])
# The push and the pull: every check of `router`'s routes in ONE dependency per route
# (`deps.Pusher`, `deps.Puller`: the schema first, then the token), issue 18 §3.
sync_router = APIRouter(prefix="/v1")
# Device administration: HQ devices only, checked before anything else of the route runs.
admin_router = APIRouter(prefix="/admin", dependencies=[HQ_ONLY])


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


# --- enrollment -----------------------------------------------------------------------------
@router.get("/health")
def health() -> dict:
    return {"status": "ok", "schema": [MIN_SCHEMA_VERSION, SCHEMA_VERSION]}


@router.post("/enroll", response_model=EnrollResponse)
def enroll(body: EnrollRequest, db: Db):
    return admin.redeem(db, body.code, body.device_id, body.label,
                        previous_device_id=body.previous_device_id)


@router.post("/token", response_model=TokenResponse)
def token(request: Request, db: Db, authorization: str | None = Header(default=None)):
    scheme, _, credential = (authorization or "").partition(" ")
    if scheme.lower() != "device" or not credential:
        raise not_authenticated("invalid", "send the device credential (Authorization: Device …)")
    with db.write() as conn:
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


# The body is decoded and checked by `parse_push_body` (msgspec, `PushBatch`; a batch of new
# forms with types made from it, sync/server/form_batch.py); the schema that documents it, and
# that schemathesis fuzzes, is `PushBatch`'s.
_PUSH_BODY = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": _inlined(push_body_schema())}}}}


def _documented(**extra) -> dict:
    """A sync route's `openapi_extra`: the headers its one dependency reads, and `extra`."""
    return copy.deepcopy({**SYNC_HEADERS, **extra})


_PUSH_DOCS = _documented(**_PUSH_BODY)
_PUSH_DOCS["parameters"].append({
    "in": "header", "name": FOLLOWS_HEADER.lower(), "required": False,
    "schema": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": FOLLOWS_HEADER}})


@sync_router.post("/push", response_model=PushResult, openapi_extra=_PUSH_DOCS)
async def push(request: Request, caller: Pusher):
    body = await _body(request, MAX_BODY_BYTES)
    return Response(await push_answer(caller.db, caller.who, body,
                                      request.headers.get(FOLLOWS_HEADER)),
                    media_type="application/json")


async def push_answer(db, who, body: bytes, follows_header: str | None) -> bytes:
    """A push's answer (JSON), the caller checked (`deps.Pusher`) and its body read: the
    route's work, shared with its served fast path (`sync.server.fast_path`).

    The cycle collector is paused from the body's decoding until its thousands of entries are
    freed (`_push_answer` returned): they hold no cycle (collector.py), and a collector
    resumed while they were alive walked them all once per batch."""
    with collector_paused():
        return await _push_answer(db, who, body, follows_header)


async def _push_answer(db, who, body: bytes, follows_header: str | None) -> bytes:
    try:
        batch = parse_push_body(body)
    except BadPush as exc:  # `entry`: which one, so a device can hold that one back
        details = {} if exc.entry is None else {"entry": exc.entry}
        raise ClientError(422, "invalid_request", str(exc), **details) from None
    follows = follows_of(follows_header)
    gate = _push_gate(1 if db.is_sqlite else PUSH_GATE_WIDTH)
    await gate.acquire()
    loop = asyncio.get_running_loop()
    started = False
    ask = batch.pull

    def push_then_page() -> tuple[PushResult, bytes | None]:
        """The push, then the page riding on it, in ONE trip to the thread pool (a trip is
        a hand-over between threads HQ pays per request, issue 18 §3). The gate is let go
        as soon as the push is done: the page is made outside it, as a pull of its own."""
        nonlocal started
        started = True
        try:
            result = push_batch(db, who, batch.entries, audit_heads.riding_report(batch.audit),
                                follows)
        finally:
            loop.call_soon_threadsafe(gate.release)
        if ask is None or result.acked_through < batch.entries[-1].seq:
            return result, None  # none asked, or a batch refused as a copy's
        # The first pull page asked with it, made after the push committed.
        try:
            return result, pull_page(db, who, ask.cursor, ask.limit)
        except ClientError:  # e.g. `resync`: the push is answered, the device's own pull
            return result, None  # meets the refusal as before

    try:
        result, page = await run_in_threadpool(push_then_page)
    finally:
        if not started:  # cancelled while waiting for a thread: the push never ran
            gate.release()
    # No `audit` key when no report rode on the push: the answer stays as before for those.
    answer = result.model_dump_json(exclude={"audit", "page"} if result.audit is None else
                                    {"page"}).encode()
    if page is not None:
        answer = b"".join((answer[:-1], b',"page":', page, b"}"))
    return answer


def follows_of(value: str | None) -> int | None:
    """The `FOLLOWS_HEADER` of a pipelined push (sync/protocol.py), if any."""
    if value is None:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        raise ClientError(422, "invalid_request", f"{FOLLOWS_HEADER} must be an entry's "
                          "sequence number")
    return int(value)


# Pushes of one worker process reaching the database at once (PostgreSQL; SQLite: one).
PUSH_GATE_WIDTH = 4
_PUSH_GATES: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore]" = \
    weakref.WeakKeyDictionary()


def _push_gate(width: int) -> asyncio.Semaphore:
    """At most `width` pushes at a time per worker process, the others queued here without a
    thread or a connection. Before versions were taken at a push's end (db.DeferredClock),
    every push waited for the version counter's lock: queued in PostgreSQL instead, a push per
    thread held every thread and connection of the worker (pulls waited for a thread) and each
    commit woke every waiting backend, so the gate let one through. Pushes of new rows now run
    side by side and a few overlap their round trips; an edit still runs alone, waiting in
    PostgreSQL for the writers' gate with at most `width - 1` others (issue 18 §3)."""
    loop = asyncio.get_running_loop()
    gate = _PUSH_GATES.get(loop)
    if gate is None:
        gate = _PUSH_GATES[loop] = asyncio.Semaphore(width)
    return gate


@sync_router.get("/pull", responses={200: {"model": PullPage}}, openapi_extra=_documented())
async def pull(caller: Puller, cursor: int = Query(0, ge=0, le=MAX_SEQ),
               limit: int = Query(DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT)):
    return Response(await pull_answer(caller.db, caller.who, cursor, limit),
                    media_type="application/json")


async def pull_answer(db, who, cursor: int, limit: int,
                      audit: audit_heads.AuditHeadReport | None = None) -> bytes:
    """A pull page (JSON), the caller's headers checked (`deps.Puller`): the route's work,
    shared with its served fast path (`sync.server.fast_path`)."""
    return await run_in_threadpool(pull_page, db, who, cursor, limit, audit)


class PullRequest(BaseModel):
    """A pull with the device's audit head report riding on it (a round with nothing to push:
    one request instead of a pull and an audit-head report)."""

    model_config = ConfigDict(extra="forbid")
    cursor: int = Field(0, ge=0, le=MAX_SEQ)
    limit: int = Field(DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT)
    audit: audit_heads.AuditHeadReport | None = None


@sync_router.post("/pull", responses={200: {"model": PullPage}}, openapi_extra=_documented())
async def pull_reporting(body: PullRequest, caller: Puller):
    return Response(await pull_answer(caller.db, caller.who, body.cursor, body.limit,
                                      body.audit), media_type="application/json")


@router.get("/snapshot", responses={200: {"content": {"application/octet-stream": {}}}})
async def snapshot(db: Db, who: BearerToken, revision: str = Query("", max_length=16),
                   form: str = Query("", max_length=32)):
    """A new device's first sync: its scope's rows as a database image of the device schema
    at `revision`, in the image `form` it takes, in one streamed response
    (sync/server/snapshot.py)."""
    header, body, size = await run_in_threadpool(snapshot_for, db, who, revision, form)
    return StreamingResponse(stream(header, body), media_type="application/octet-stream",
                             headers={"Content-Length": str(size)})


# --- the audit chain's head (issue 6) ------------------------------------------------------------
@router.post("/audit-head")
def audit_head(body: audit_heads.AuditHeadReport, db: Db, who: BearerToken):
    return audit_heads.accept_head(db, who, body)


@router.get("/device/status")
def device_status(db: Db, who: CallingDevice):
    return retire.device_status(db, who)


@router.post("/device/retired")
def device_retired(body: RetireConfirm, db: Db, who: CallingDevice):
    return retire.confirm_retired(db, who, body.last_seq)


# --- attachments ----------------------------------------------------------------------------
# Who may learn what about a hash is decided in `sync.server.attachments`: the status and content
# routes give one and the same 404 for every hash this device may not know about.
@router.get("/blobs/{sha}", response_model=BlobStatus)
def blob_status(sha: str, db: Db, who: CallingDevice):
    return attachments.status(db, who, sha)


@router.post("/blobs/{sha}/start", response_model=BlobStatus)
def blob_start(sha: str, body: BlobStart, db: Db, who: CallingDevice):
    return attachments.start(db, who, sha, body.size, body.media_type)


@router.put("/blobs/{sha}", response_model=BlobStatus)
async def blob_chunk(sha: str, request: Request, db: Db, who: CallingDevice,
                     offset: int = Query(ge=0)):
    attachments.check_may_upload(who)  # before the body is read
    chunk = await _body(request, CHUNK_BODY_BYTES)
    return await run_in_threadpool(attachments.append, db, who, sha, offset, chunk)


@router.post("/blobs/{sha}/finish", response_model=BlobStatus)
def blob_finish(sha: str, db: Db, who: CallingDevice):
    return attachments.finish(db, who, sha)


@router.get("/blobs/{sha}/content")
def blob_content(sha: str, db: Db, who: CallingDevice):
    data = attachments.content(db, who, sha)  # decrypted
    return Response(content=data, media_type="application/octet-stream")


@router.post("/conflicts/{conflict_id}/resolve")
def resolve_conflict(conflict_id: str, db: Db, who: CallingDevice):
    return conflicts.resolve(db, who, conflict_id)


# --- administration for HQ-role devices ------------------------------------------------------
@admin_router.post("/devices", response_model=EnrollDeviceResponse)
def admin_enroll(body: EnrollDeviceRequest, db: Db, after: BackgroundTasks):
    granted = admin.enroll_device(db, role=body.role, team=body.team,
                                  representative=body.representative, unit=body.unit,
                                  label=body.label)
    after.add_task(admin.prepare_first_sync, db, granted["hq_device_id"])
    return granted


@admin_router.get("/devices", response_model=list[DeviceInfo])
def admin_list(db: Db):
    return admin.list_devices(db)


@admin_router.post("/devices/{key}/revoke")
def admin_revoke(key: str, db: Db):
    return admin.revoke_device(db, key)


router.include_router(admin_router)  # after its routes: including copies them
