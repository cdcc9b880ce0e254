"""HTTP/1.1 to HQ over asyncio's streams: httpx's client, a transport of a few calls under it.

Measured on the 2-core machine (a loopback server answering a 1 KB push at once, load ~10),
httpx's own transport (httpcore's pool, its h11 protocol object, anyio streams, the
one-write stream that preceded this) cost the device 0.35-0.5 ms of CPU a request against
~0.12 ms for httpx's client above it and ~0.02 ms for the write and reads themselves; a
one-record round makes one request per device (issue 18 §2). This transport keeps what HqClient
relies on: a pool of kept-alive connections per host (one per request in flight, so pipelined
push batches each have theirs), a request's head and body in ONE socket write (a body past
`COALESCE_LIMIT` goes after its head, uncopied), TLS with the client's verifying context,
httpx's timeouts (connect, read, write) and httpx's exception types (a certificate that does
not verify is a `ConnectError` caused by the ssl error, as HqClient looks for it). A kept
connection HQ closed while idle (uvicorn keeps one 5 s) is dropped before it is used; one that
closes before its answer's first byte is tried once more on a new connection.

Requests are HTTP/1.1 with a Content-Length or chunked body; answers with a Content-Length,
chunked, or up to the connection's close, read whole (HqClient reads every answer whole).
"""

from __future__ import annotations

import asyncio
import contextlib
import select
import ssl

import httpx

COALESCE_LIMIT = 256 * 1024  # bytes of a request sent in one write; a bigger body goes alone
MAX_IDLE = 8  # kept-alive connections kept per host
HEAD_LIMIT = 1 << 20  # the most bytes an answer's head may take
_NO_BODY = {204, 304}


class _Closed(Exception):
    """The connection closed before its answer's first byte."""


class _Connection:
    __slots__ = ("reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    def usable(self) -> bool:
        """Still open, and nothing arrived while idle (HQ's close, or stray bytes)."""
        if self.writer.is_closing() or self.reader.at_eof():
            return False
        sock = self.writer.get_extra_info("socket")
        if sock is None:
            return False
        try:
            readable, _, _ = select.select([sock], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable

    def close(self) -> None:
        self.writer.close()


class Http11Transport(httpx.AsyncBaseTransport):
    """httpx transport for HQ (module docstring). `verify`: the TLS context of https HQs."""

    def __init__(self, verify: ssl.SSLContext | bool = True) -> None:
        if verify is True:
            verify = ssl.create_default_context()
        self._tls = verify if isinstance(verify, ssl.SSLContext) else _unverified()
        self._idle: dict[tuple[str, str, int], list[_Connection]] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        if url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"no {url.scheme!r} here", request=request)
        key = (url.scheme, url.host, url.port or (443 if url.scheme == "https" else 80))
        timeouts = request.extensions.get("timeout", {})
        body = await request.aread()
        data = _request_bytes(request, body)
        for attempt in (0, 1):
            conn, kept = self._take(key), True
            if conn is None:
                conn, kept = await self._connect(key, timeouts.get("connect"), request), False
            try:
                status, reason, headers, content, keep = await _exchange(
                    conn, data, request.method, timeouts, request)
            except _Closed:
                conn.close()
                if kept and attempt == 0:
                    continue  # closed by HQ while idle: once more, on a new connection
                raise httpx.RemoteProtocolError("Server disconnected without sending a "
                                                "response.", request=request) from None
            except BaseException:
                conn.close()
                raise
            if keep:
                self._keep(key, conn)
            else:
                conn.close()
            return httpx.Response(status, headers=headers, stream=httpx.ByteStream(content),
                                  extensions={"http_version": b"HTTP/1.1",
                                              "reason_phrase": reason})
        raise AssertionError("unreachable")

    def _take(self, key) -> _Connection | None:
        idle = self._idle.get(key)
        while idle:
            conn = idle.pop()
            if conn.usable():
                return conn
            conn.close()
        return None

    def _keep(self, key, conn: _Connection) -> None:
        idle = self._idle.setdefault(key, [])
        if len(idle) < MAX_IDLE:
            idle.append(conn)
        else:
            conn.close()

    async def _connect(self, key, timeout: float | None,
                       request: httpx.Request) -> _Connection:
        scheme, host, port = key
        tls = {"ssl": self._tls, "server_hostname": host} if scheme == "https" else {}
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(host, port, limit=HEAD_LIMIT,
                                                               **tls)
        except TimeoutError as exc:
            raise httpx.ConnectTimeout(str(exc) or "connect timed out",
                                       request=request) from exc
        except (OSError, ssl.SSLError) as exc:  # ssl's verification errors are OSErrors too
            raise httpx.ConnectError(str(exc), request=request) from exc
        return _Connection(reader, writer)

    async def aclose(self) -> None:
        idle, self._idle = self._idle, {}
        for conns in idle.values():
            for conn in conns:
                with contextlib.suppress(Exception):
                    conn.close()


def _unverified() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _request_bytes(request: httpx.Request, body: bytes) -> list[bytes]:
    """The request as the pieces to write: [head + body] or, past COALESCE_LIMIT, [head,
    body]."""
    lines = [b"%s %s HTTP/1.1" % (request.method.encode(), request.url.raw_path)]
    chunked = False
    for name, value in request.headers.raw:
        if name.lower() == b"transfer-encoding" and value.lower() == b"chunked":
            chunked = True
        lines.append(b"%s: %s" % (name, value))
    head = b"\r\n".join(lines) + b"\r\n\r\n"
    if chunked:
        body = (b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)) if body else b"0\r\n\r\n"
    if len(head) + len(body) <= COALESCE_LIMIT:
        return [head + body]
    return [head, body]


async def _exchange(conn: _Connection, data: list[bytes], method: str, timeouts: dict,
                    request: httpx.Request):
    writer, reader = conn.writer, conn.reader
    try:
        async with asyncio.timeout(timeouts.get("write")):
            for piece in data:
                writer.write(piece)
            await writer.drain()
    except TimeoutError as exc:
        raise httpx.WriteTimeout("write timed out", request=request) from exc
    except OSError as exc:
        raise _Closed() from exc
    try:
        async with asyncio.timeout(timeouts.get("read")):
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except asyncio.IncompleteReadError as exc:
                    if not exc.partial:
                        raise _Closed() from None
                    raise httpx.RemoteProtocolError("the answer's head was cut",
                                                    request=request) from None
                status, reason, headers, http11 = _head(head, request)
                if not 100 <= status < 200:
                    break
            content, keep = await _body(reader, method, status, headers, request)
            keep = keep and http11
    except TimeoutError as exc:
        raise httpx.ReadTimeout("read timed out", request=request) from exc
    except asyncio.LimitOverrunError as exc:
        raise httpx.RemoteProtocolError("the answer's head is too long",
                                        request=request) from exc
    except ConnectionResetError as exc:
        raise _Closed() from exc
    except OSError as exc:
        raise httpx.ReadError(str(exc), request=request) from exc
    return status, reason, headers, content, keep


def _head(head: bytes, request: httpx.Request
          ) -> tuple[int, bytes, list[tuple[bytes, bytes]], bool]:
    lines = head[:-4].split(b"\r\n")
    version, _, rest = lines[0].partition(b" ")
    code, _, reason = rest.partition(b" ")
    if not version.startswith(b"HTTP/1.") or len(code) != 3 or not code.isdigit():
        raise httpx.RemoteProtocolError("not an HTTP/1.1 answer", request=request)
    headers = []
    for line in lines[1:]:
        name, colon, value = line.partition(b":")
        if not colon or not name or name != name.strip():
            raise httpx.RemoteProtocolError("a malformed header", request=request)
        headers.append((name, value.strip()))
    return int(code), reason, headers, version == b"HTTP/1.1"


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    found = None
    for key, value in headers:
        if key.lower() == name:
            found = value if found is None else found + b", " + value
    return found


async def _body(reader: asyncio.StreamReader, method: str, status: int,
                headers: list[tuple[bytes, bytes]], request: httpx.Request
                ) -> tuple[bytes, bool]:
    """The answer's body, read whole, and whether the connection may be used again."""
    connection = (_header(headers, b"connection") or b"").lower()
    keep = b"close" not in connection
    if method == "HEAD" or status in _NO_BODY:
        return b"", keep
    try:
        if b"chunked" in (_header(headers, b"transfer-encoding") or b"").lower():
            parts = []
            while True:
                size_line = await reader.readuntil(b"\r\n")
                size = int(size_line.split(b";", 1)[0].strip(), 16)
                if size == 0:
                    while await reader.readuntil(b"\r\n") != b"\r\n":
                        pass  # trailers
                    return b"".join(parts), keep
                parts.append(await reader.readexactly(size))
                if await reader.readexactly(2) != b"\r\n":
                    raise ValueError("chunk")
        length = _header(headers, b"content-length")
        if length is not None:
            return await reader.readexactly(int(length)), keep
        return await reader.read(), False  # up to the close
    except (asyncio.IncompleteReadError, ValueError) as exc:
        raise httpx.RemoteProtocolError("the answer's body was cut or malformed",
                                        request=request) from exc
