"""Talking to HQ: schema header, access tokens, retries with capped exponential backoff.

A 401 `expired` fetches a new token and carries on; a 401 `revoked` stops the device; network
faults and 502/503/504 are retried; any other refusal is a SyncError with HQ's reason.
"""

import asyncio
import functools
import random
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from models.errors import SyncError
from sync.protocol import SCHEMA_HEADER, SCHEMA_VERSION

RETRYABLE_STATUS = {502, 503, 504}


class DeviceRevoked(SyncError):
    code = "revoked"


class HQRefused(SyncError):
    def __init__(self, status: int, code: str, message: str, details: dict | None = None):
        super().__init__(f"HQ refused ({status} {code}): {message}", code=code)
        self.reason = message  # HQ's own sentence
        self.status = status
        self.details = details or {}


@dataclass
class RetryPolicy:
    attempts: int = 6
    base_delay: float = 0.25
    max_delay: float = 8.0

    def delay(self, attempt: int) -> float:
        # Full jitter: fifty laptops coming back online do not retry in step.
        return random.uniform(0, min(self.max_delay, self.base_delay * 2 ** attempt))


class HQClient:
    def __init__(self, base_url: str, *, credential: Callable[[], str | None] | None = None,
                 transport: httpx.AsyncBaseTransport | None = None,
                 retry: RetryPolicy | None = None, timeout: float = 60.0,
                 token: str | None = None):
        self.credential = credential
        self.retry = retry or RetryPolicy()
        self._token = token  # a still-valid token from an earlier round saves a request
        self._http = httpx.AsyncClient(base_url=base_url.rstrip("/"), transport=transport,
                                       timeout=timeout, verify=_tls_context(),
                                       headers={SCHEMA_HEADER: str(SCHEMA_VERSION)})

    @property
    def token(self) -> str | None:
        return self._token

    async def aclose(self) -> None:
        await self._http.aclose()

    async def call(self, method: str, path: str, *, auth: bool = True,
                   **kw: Any) -> httpx.Response:
        """One logical request; retried on faults, with one token refresh on `expired`."""
        refreshed = False
        attempt = 0
        while True:
            try:
                response = await self._send(method, path, auth, kw)
            except httpx.TransportError as exc:
                attempt = await self._backoff(attempt, f"HQ cannot be reached ({exc!r})")
                continue
            if response.status_code in RETRYABLE_STATUS:
                attempt = await self._backoff(attempt, f"HQ is unavailable "
                                                       f"({response.status_code})")
                continue
            if response.status_code == 401 and auth and not refreshed:
                body = _json(response)
                if body.get("code") == "revoked":
                    raise DeviceRevoked(body.get("message", "HQ has revoked this device."))
                self._token = None
                refreshed = True
                continue
            if response.status_code >= 400:
                raise _refusal(response)
            return response

    async def _send(self, method: str, path: str, auth: bool, kw: dict) -> httpx.Response:
        headers = dict(kw.pop("headers", None) or {})
        if auth:
            headers["Authorization"] = f"Bearer {await self._access_token()}"
        return await self._http.request(method, path, headers=headers, **kw)

    async def _access_token(self) -> str:
        if self._token is None:
            secret = self.credential() if self.credential else None
            if not secret:
                raise SyncError("This device holds no HQ credential: enroll it first.")
            response = await self.call("POST", "/v1/token", auth=False,
                                       headers={"Authorization": f"Device {secret}"})
            self._token = response.json()["access_token"]
        return self._token

    async def _backoff(self, attempt: int, message: str) -> int:
        if attempt + 1 >= self.retry.attempts:
            raise SyncError(message)
        await asyncio.sleep(self.retry.delay(attempt))
        return attempt + 1


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One verifying TLS context for the process: building one costs ~20 ms, more than a whole
    one-record sync round on loopback."""
    import certifi  # httpx's own trust store, so behaviour matches httpx's default

    return ssl.create_default_context(cafile=certifi.where())


def _json(response: httpx.Response) -> dict:
    try:
        body = orjson.loads(response.content)
        return body if isinstance(body, dict) else {}
    except orjson.JSONDecodeError:
        return {}


def _refusal(response: httpx.Response) -> SyncError:
    body = _json(response)
    code = body.get("code", "refused")
    message = body.get("message") or response.text[:200] or response.reason_phrase
    if response.status_code == 401 and code == "revoked":
        return DeviceRevoked(message)
    return HQRefused(response.status_code, code, message, body.get("details"))
