"""The one client for HQ's API: a method per endpoint, taking and returning the messages of
`sync.protocol`, failing with the types of `sync.client.failures`.

Every call carries the schema header. A 401 `expired` fetches a new token and carries on; a
401 `revoked` is `DeviceRevoked`; network faults and 502/503/504 are retried with capped,
jittered backoff and end as `HqUnreachable`; a certificate that does not verify is
`HqUntrusted` at once (no retry mends it); any other 4xx is an `HqRefused` (or one of its
kinds) with HQ's wire code. The sync engine, the administration calls and the numbering of
circulated notices all go through here (docs/sync.md).
"""

import asyncio
import functools
import importlib.util
import random
import ssl
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from models.settings import device_settings
from sync.client.failures import (
    CaFileUnreadable,
    DeviceRevoked,
    EnrollmentExpired,
    HqRefused,
    HqUnreachable,
    HqUntrusted,
    NeedsUpdate,
    NotEnrolled,
    refusal,
)
from sync.client.http11 import Http11Transport
from sync.protocol import (
    FOLLOWS_HEADER,
    SCHEMA_HEADER,
    SCHEMA_VERSION,
    BlobStatus,
    DeviceInfo,
    EnrollDeviceRequest,
    EnrollDeviceResponse,
    EnrollRequest,
    EnrollResponse,
    NumberRequest,
    NumberResponse,
    PulledPage,
    PushResult,
)

__all__ = ["DeviceRevoked", "EnrollmentExpired", "HqClient", "HqRefused", "HqUnreachable",
           "HqUntrusted", "NeedsUpdate", "RetryPolicy"]

# httpcore asks `import sniffio` on every request it sends, and httpx's ASGI transport on every
# request it serves (which event loop is this?). Without the package (anyio no longer needs it)
# each ask is a failed import that walks sys.path: ten per sync round, ~1 ms of the device's
# CPU (cProfile, issue 18 §2). A `None` in sys.modules makes the same ImportError instant;
# an installed sniffio is left alone.
if importlib.util.find_spec("sniffio") is None:
    sys.modules.setdefault("sniffio", None)

RETRYABLE_STATUS = {502, 503, 504}
_JSON = {"Content-Type": "application/json"}
_CALL_OPTIONS = frozenset({"headers", "params", "content", "json"})  # `HqClient.call`'s
_KEPT_URLS = 16  # parsed URLs a client keeps (a kept client lives as long as the window)


@dataclass
class RetryPolicy:
    attempts: int = 6
    base_delay: float = 0.25
    max_delay: float = 8.0

    def delay(self, attempt: int) -> float:
        # Full jitter: fifty laptops coming back online do not retry in step.
        return random.uniform(0, min(self.max_delay, self.base_delay * 2 ** attempt))


class HqClient:
    """One HQ at `base_url`; `credential` gives this device's secret (for a token)."""

    def __init__(self, base_url: str, *, credential: Callable[[], str | None] | None = None,
                 transport: httpx.AsyncBaseTransport | None = None,
                 retry: RetryPolicy | None = None, timeout: float = 60.0,
                 token: str | None = None):
        self.url = base_url.rstrip("/")
        self.credential = credential
        self.retry = retry or RetryPolicy()
        self._token = token  # a still-valid token from an earlier round saves a request
        verify = _tls_context(_ca_file(self.url))
        self._transport = transport or Http11Transport(verify)
        # Kept for its lifetime (closing closes the transport) and its defaults: a request
        # goes straight to the transport with the headers and timeouts the client would give
        # it (`_send`).
        self._http = httpx.AsyncClient(base_url=self.url, transport=self._transport,
                                       timeout=timeout, verify=verify,
                                       headers={SCHEMA_HEADER: str(SCHEMA_VERSION)})
        self._headers = self._http.headers.multi_items()
        self._timeout = self._http.timeout.as_dict()
        self._urls: dict[str, httpx.URL] = {}

    @property
    def token(self) -> str | None:
        return self._token

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> "HqClient":
        return self

    async def __aexit__(self, *_exc) -> None:
        await self.aclose()

    # --- enrollment and health --------------------------------------------------------------
    async def health(self) -> dict:
        return (await self.call("GET", "/v1/health", auth=False)).json()

    async def enroll(self, request: EnrollRequest) -> EnrollResponse:
        response = await self.call("POST", "/v1/enroll", auth=False,
                                   content=request.model_dump_json(exclude_none=True),
                                   headers=_JSON)
        return EnrollResponse.model_validate_json(response.content)

    # --- push and pull ----------------------------------------------------------------------
    async def push(self, entries: list[dict], audit: dict | None = None,
                   pull: tuple[int, int] | None = None,
                   follows: int | None = None) -> PushResult:
        """A batch of outbox entries (as `PushEntry`, serialised with orjson: a model per
        entry would cost a tenth of a 26,000-form push); `audit`: the audit head report to
        ride on it (HQ's answer in `PushResult.audit`); `pull`: (cursor, limit) of the pull
        page to ride on it (HQ's answer in `PushResult.page`, the page's JSON as decoded);
        `follows`: the last entry of the batch sent before this one whose answer is not in
        yet (HQ applies this one only after it)."""
        body: dict = {"entries": entries}
        if audit is not None:
            body["audit"] = audit
        if pull is not None:
            body["pull"] = {"cursor": pull[0], "limit": pull[1]}
        headers = _JSON if follows is None else {**_JSON, FOLLOWS_HEADER: str(follows)}
        response = await self.call("POST", "/v1/push", content=orjson.dumps(body),
                                   headers=headers)
        if pull is None:
            return PushResult.model_validate_json(response.content)
        doc = orjson.loads(response.content)
        page = doc.pop("page", None) if isinstance(doc, dict) else None
        result = PushResult.model_validate(doc)  # the page's rows are not a model's
        result.page = page if isinstance(page, dict) else None
        return result

    async def pull(self, cursor: int, limit: int, audit: dict | None = None) -> PulledPage:
        """A page after `cursor`; with `audit`, the audit head report rides on it (a POST;
        HQ's answer in `PulledPage.audit`)."""
        if audit is None:
            response = await self.call("GET", "/v1/pull",
                                       params={"cursor": cursor, "limit": limit})
        else:
            response = await self.call("POST", "/v1/pull", content=orjson.dumps(
                {"cursor": cursor, "limit": limit, "audit": audit}), headers=_JSON)
        return PulledPage.from_json(response.content)

    # --- the device's own standing ------------------------------------------------------------
    async def audit_head(self, report: dict) -> dict:
        """The audit chain's head report (sync/server/audit_heads.py's AuditHeadReport)."""
        return (await self.call("POST", "/v1/audit-head", json=report)).json()

    async def device_status(self) -> str | None:
        return (await self.call("GET", "/v1/device/status")).json().get("status")

    async def device_retired(self, last_seq: int) -> bool:
        answer = await self.call("POST", "/v1/device/retired", json={"last_seq": last_seq})
        return bool(answer.json().get("confirmed"))

    # --- attachments --------------------------------------------------------------------------
    async def blob_start(self, sha256: str, size: int, media_type: str) -> BlobStatus:
        response = await self.call("POST", f"/v1/blobs/{sha256}/start",
                                   json={"size": size, "media_type": media_type})
        return BlobStatus.model_validate_json(response.content)

    async def blob_chunk(self, sha256: str, offset: int, chunk: bytes) -> BlobStatus:
        response = await self.call("PUT", f"/v1/blobs/{sha256}", params={"offset": offset},
                                   content=chunk)
        return BlobStatus.model_validate_json(response.content)

    async def blob_finish(self, sha256: str) -> BlobStatus:
        response = await self.call("POST", f"/v1/blobs/{sha256}/finish")
        return BlobStatus.model_validate_json(response.content)

    async def blob_content(self, sha256: str) -> bytes:
        return (await self.call("GET", f"/v1/blobs/{sha256}/content")).content

    # --- supervisors and HQ ----------------------------------------------------------------------
    async def resolve_conflict(self, conflict_id: str) -> dict:
        return (await self.call("POST", f"/v1/conflicts/{conflict_id}/resolve")).json()

    async def notice_number(self, request: NumberRequest) -> NumberResponse:
        response = await self.call("POST", "/v1/notices/number",
                                   content=request.model_dump_json(), headers=_JSON)
        return NumberResponse.model_validate_json(response.content)

    async def enroll_device(self, request: EnrollDeviceRequest) -> EnrollDeviceResponse:
        response = await self.call("POST", "/v1/admin/devices",
                                   content=request.model_dump_json(exclude_none=True),
                                   headers=_JSON)
        return EnrollDeviceResponse.model_validate_json(response.content)

    async def devices(self) -> list[DeviceInfo]:
        response = await self.call("GET", "/v1/admin/devices")
        return [DeviceInfo.model_validate(d) for d in orjson.loads(response.content)]

    async def revoke_device(self, key: str) -> dict:
        return (await self.call("POST", f"/v1/admin/devices/{key}/revoke")).json()

    # --- one request ----------------------------------------------------------------------------
    async def call(self, method: str, path: str, *, auth: bool = True,
                   **kw: Any) -> httpx.Response:
        """One logical request; retried on faults, with one token refresh on `expired`.
        The typed methods above are the API; this stays public for tests that probe HQ."""
        refreshed = False
        attempt = 0
        while True:
            try:
                response = await self._send(method, path, auth, kw)
            except httpx.TransportError as exc:
                _raise_if_untrusted(self.url, exc)
                attempt = await self._backoff(attempt, None, exc)
                continue
            if response.status_code in RETRYABLE_STATUS:
                attempt = await self._backoff(attempt, response.status_code, None)
                continue
            if response.status_code == 401 and auth and not refreshed:
                body = _json(response)
                if body.get("code") == "revoked":
                    raise refusal(401, body, "")
                self._token = None
                refreshed = True
                continue
            if response.status_code >= 400:
                raise refusal(response.status_code, _json(response),
                              response.text[:200] or response.reason_phrase)
            return response

    async def _send(self, method: str, path: str, auth: bool, kw: dict) -> httpx.Response:
        """One request, sent straight to the transport as httpx's client would send it (its
        default headers, the schema header, its timeouts), the answer read whole. The client
        object's own layer (URL joining and parsing, five `Headers` merges, the cookie jar,
        redirect and auth flows HqClient never uses) cost ~0.08 ms of the device's CPU a
        request against ~0.02 ms for this (issue 18 §2)."""
        if kw.keys() - _CALL_OPTIONS:
            raise TypeError(f"HqClient.call takes none of {sorted(kw.keys() - _CALL_OPTIONS)}")
        given = kw.get("headers") or {}
        headers = list(self._headers) if not given else [
            (k, v) for k, v in self._headers if k.lower() not in {g.lower() for g in given}]
        headers.extend(given.items())
        if auth:
            headers.append(("Authorization", f"Bearer {await self._access_token()}"))
        url = self._urls.get(path)
        if url is None:
            url = httpx.URL(self.url + path)
            if len(self._urls) < _KEPT_URLS:  # the sync calls' few paths, not every blob's
                self._urls[path] = url
        request = httpx.Request(method, url, params=kw.get("params"), headers=headers,
                                content=kw.get("content"), json=kw.get("json"),
                                extensions={"timeout": self._timeout})
        response = await self._transport.handle_async_request(request)
        response.request = request
        try:
            await response.aread()
        finally:
            await response.aclose()
        return response

    async def _access_token(self) -> str:
        if self._token is None:
            secret = self.credential() if self.credential else None
            if not secret:
                raise NotEnrolled(code="hq_no_credential")
            response = await self.call("POST", "/v1/token", auth=False,
                                       headers={"Authorization": f"Device {secret}"})
            self._token = response.json()["access_token"]
        return self._token

    async def _backoff(self, attempt: int, status: int | None,
                       cause: BaseException | None) -> int:
        if attempt + 1 >= self.retry.attempts:
            raise HqUnreachable(self.url, status) from cause
        await asyncio.sleep(self.retry.delay(attempt))
        return attempt + 1


def _ca_file(url: str) -> str | None:
    """The office's CA file (FIELDINSPECT_CA_FILE), read only for an https HQ: a plain-http
    HQ keeps working whatever the variable holds."""
    ca_file = device_settings().ca_file
    return str(ca_file) if ca_file and url.startswith("https:") else None


@functools.cache
def _tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """One verifying TLS context per CA file for the process: building one costs ~20 ms, more
    than a whole one-record sync round on loopback. The office's CA is trusted beside the
    usual authorities, never instead of them."""
    import certifi  # httpx's own trust store, so behaviour matches httpx's default

    context = ssl.create_default_context(cafile=certifi.where())
    if ca_file:
        try:
            context.load_verify_locations(cafile=ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise CaFileUnreadable(ca_file) from exc
    return context


def _raise_if_untrusted(url: str, exc: httpx.TransportError) -> None:
    """A TLS verification failure (unknown authority, wrong host name, expired) as
    `HqUntrusted`; httpx wraps the ssl error, so look along the chain of causes."""
    cause: BaseException | None = exc
    for _ in range(8):  # a short chain; never follow a cycle
        if cause is None:
            return
        if isinstance(cause, ssl.SSLCertVerificationError):
            raise HqUntrusted(url, str(getattr(cause, "verify_message", None) or cause)) from exc
        cause = cause.__cause__ or cause.__context__


def _json(response: httpx.Response) -> dict:
    try:
        body = orjson.loads(response.content)
        return body if isinstance(body, dict) else {}
    except orjson.JSONDecodeError:
        return {}
