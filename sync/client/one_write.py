"""A request's head and body leave the device in one socket write (issue 18 §2).

httpcore writes an HTTP/1.1 request in pieces: the head, then each chunk of the body (a push or
a riding pull is one chunk). Each write is a `send` system call, and on loopback or a LAN each
wakes HQ's worker: uvicorn parses the head, starts the request, goes back to its loop, and is
woken again for the body. On the 2-core machine, under load, the head's `send` cost the device
~1.1 ms and the body's ~0.8 ms of a one-record round (cProfile of the served A->B round, load
10). Here the pieces of a request are kept until the connection is read from (the request is
then whole: HTTP/1.1 reads the answer only after sending) and go in one write. A body past
`COALESCE_LIMIT` goes as it did (head, then body), without copying it.

httpx stays the client: only the stream under httpcore's connections changes, through the
transport's pool (`one_write_transport`); TLS streams (https HQs) are wrapped the same way.
"""

from __future__ import annotations

import ssl
import typing

import httpcore
import httpx

COALESCE_LIMIT = 256 * 1024  # bytes of a request kept for one write; a bigger body goes alone


class OneWriteStream(httpcore.AsyncNetworkStream):
    """A network stream whose writes wait for the next read (or a big piece) to go at once."""

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._pending: list[bytes] = []
        self._size = 0

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        if self._size + len(buffer) <= COALESCE_LIMIT:
            self._pending.append(buffer)
            self._size += len(buffer)
            return
        await self._flush(timeout)
        await self._inner.write(buffer, timeout)

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        await self._flush(timeout)
        return await self._inner.read(max_bytes, timeout)

    async def _flush(self, timeout: float | None) -> None:
        if self._pending:
            data = self._pending[0] if len(self._pending) == 1 else b"".join(self._pending)
            self._pending, self._size = [], 0
            await self._inner.write(data, timeout)

    async def aclose(self) -> None:
        self._pending, self._size = [], 0
        await self._inner.aclose()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        await self._flush(timeout)
        return OneWriteStream(await self._inner.start_tls(ssl_context, server_hostname,
                                                          timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class OneWriteBackend(httpcore.AsyncNetworkBackend):
    """A network backend (`inner`: httpcore's own) whose streams are `OneWriteStream`s."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: typing.Iterable | None = None
                          ) -> httpcore.AsyncNetworkStream:
        return OneWriteStream(await self._inner.connect_tcp(
            host, port, timeout=timeout, local_address=local_address,
            socket_options=socket_options))

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: typing.Iterable | None = None
                                  ) -> httpcore.AsyncNetworkStream:
        return OneWriteStream(await self._inner.connect_unix_socket(
            path, timeout=timeout, socket_options=socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def one_write_transport(verify: ssl.SSLContext | bool = True,
                        backend: httpcore.AsyncNetworkBackend | None = None
                        ) -> httpx.AsyncHTTPTransport:
    """httpx's own transport (its pool, limits and error mapping), its connections writing
    each request once. `backend`: the network under it (tests give a recording one)."""
    transport = httpx.AsyncHTTPTransport(verify=verify)
    pool = transport._pool  # httpx builds the pool without a backend argument of its own
    if not isinstance(pool, httpcore.AsyncConnectionPool) or not hasattr(
            pool, "_network_backend"):
        return transport  # another httpcore: requests go in pieces, as before
    pool._network_backend = OneWriteBackend(backend or pool._network_backend)
    return transport
