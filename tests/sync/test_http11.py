"""The device's HTTP/1.1 transport to HQ (`sync.client.http11`): connections kept alive and
reused, one HQ closed while idle replaced without a failed attempt, answers read whole
however they are framed, requests in flight side by side on connections of their own."""

import asyncio

import httpx
import pytest

from sync.client.hq_client import HqClient, HqUnreachable, RetryPolicy
from sync.client.http11 import Http11Transport
from sync.protocol import FOLLOWS_HEADER, SCHEMA_HEADER, SCHEMA_VERSION

ONE_TRY = RetryPolicy(attempts=1)  # any transport error would end the call


class _Server:
    """A loopback HTTP/1.1 server: answers each request with `answer(path)` (bytes of a
    whole answer), counts connections, closes a connection after an answer when asked."""

    def __init__(self, answer):
        self.answer, self.connections, self.writers = answer, 0, []
        self.received: list[tuple[bytes, bytes]] = []  # (head, body) of each request
        self.handlers: list[asyncio.Task] = []

    async def __aenter__(self):
        def serve(reader, writer):
            self.connections += 1
            self.writers.append(writer)
            self.handlers.append(asyncio.ensure_future(self._serve(reader, writer)))

        self.server = await asyncio.start_server(serve, "127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"
        return self

    async def _serve(self, reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                self.received.append((head, await reader.readexactly(length)))
                path = head.split(b" ", 2)[1].decode()
                if path.startswith("/slow"):
                    await asyncio.sleep(0.05)
                writer.write(self.answer(path))
                await writer.drain()
                if path.startswith("/close"):
                    writer.close()
                    return
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    def close_idle(self):
        for writer in self.writers:
            writer.close()

    async def __aexit__(self, *_exc):
        self.server.close()
        self.close_idle()
        await asyncio.gather(*self.handlers, return_exceptions=True)
        await self.server.wait_closed()


def _sized(body: bytes, extra: bytes = b"") -> bytes:
    return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s"
            b"\r\n%s" % (len(body), extra, body))


def _chunked(path: str) -> bytes:
    return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked"
            b"\r\n\r\n5\r\n{\"a\":\r\n4;x=1\r\n \"b\"\r\n1\r\n}\r\n0\r\n\r\n")


def _run(coro):
    return asyncio.run(coro)


def test_one_connection_carries_a_devices_requests_one_after_another():
    async def go():
        async with _Server(lambda p: _sized(b'{"n": 1}')) as hq:
            async with HqClient(hq.url, retry=ONE_TRY) as client:
                answers = [(await client.call("POST", "/v1/push", auth=False,
                                              content=b"x" * 100)).json() for _ in range(5)]
            return answers, hq.connections

    answers, connections = _run(go())
    assert answers == [{"n": 1}] * 5 and connections == 1


def test_a_connection_hq_closed_while_idle_is_replaced_without_a_failed_try():
    async def go():
        async with _Server(lambda p: _sized(b"{}")) as hq:
            async with HqClient(hq.url, retry=ONE_TRY) as client:
                await client.call("GET", "/v1/pull", auth=False)
                hq.close_idle()  # as uvicorn does after 5 s idle
                await asyncio.sleep(0.05)
                first = (await client.call("GET", "/v1/pull", auth=False)).status_code
                hq.close_idle()  # and this time the device has not seen it yet
                second = (await client.call("GET", "/v1/pull", auth=False)).status_code
            return first, second, hq.connections

    assert _run(go()) == (200, 200, 3)


@pytest.mark.parametrize("answer, expected", [
    (_chunked, {"a": "b"}),
    (lambda p: _sized(b'{"closing": true}', b"Connection: close\r\n"), {"closing": True}),
    (lambda p: b'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{"to": "the end"}',
     {"to": "the end"}),
])
def test_answers_are_read_whole_however_they_are_framed(answer, expected):
    async def go():
        async with _Server(answer) as hq:
            async with HqClient(hq.url, retry=ONE_TRY) as client:
                got = [(await client.call("GET", "/close" if b"close" in answer("/")
                                          else "/v1/pull", auth=False)).json()
                       for _ in range(2)]
            return got

    assert _run(go()) == [expected, expected]


def test_requests_in_flight_together_each_have_a_connection():
    async def go():
        async with _Server(lambda p: _sized(b'{"p": "%s"}' % p.encode())) as hq:
            async with HqClient(hq.url, retry=ONE_TRY) as client:
                answers = await asyncio.gather(*(client.call("POST", f"/slow/{i}", auth=False,
                                                             content=b"{}") for i in range(3)))
                again = await client.call("POST", "/slow/again", auth=False, content=b"{}")
            return [a.json()["p"] for a in answers], again.json()["p"], hq.connections

    assert _run(go()) == (["/slow/0", "/slow/1", "/slow/2"], "/slow/again", 3)


def test_hq_not_listening_is_unreachable():
    async def go():
        async with _Server(lambda p: b"") as hq:
            url = hq.url
        async with HqClient(url, retry=ONE_TRY) as client:
            await client.call("GET", "/v1/pull", auth=False)

    with pytest.raises(HqUnreachable):
        _run(go())


def _head_fields(head: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    line, *fields = head[:-4].split(b"\r\n")
    return line, sorted((n.strip().lower(), v.strip()) for n, _, v in
                        (f.partition(b":") for f in fields))


def test_hq_gets_each_request_as_httpx_s_client_would_send_it_without_its_client_layer(
        monkeypatch):
    """HqClient hands its requests straight to the transport (the client object's layer cost
    more than the transport itself): HQ still gets the same request line, headers (the schema,
    httpx's defaults, the body's type and length, the token) and body as httpx's client sent."""
    async def via_httpx(url, method, path, **kw):
        async with httpx.AsyncClient(base_url=url, transport=Http11Transport(),
                                     headers={SCHEMA_HEADER: str(SCHEMA_VERSION)}) as http:
            await http.request(method, path, **kw)

    calls = [("POST", "/v1/push", {"content": b'{"entries": []}',
                                   "headers": {"Content-Type": "application/json",
                                               FOLLOWS_HEADER: "7"}}),
             ("GET", "/v1/pull", {"params": {"cursor": 5, "limit": 100}}),
             ("POST", "/v1/audit-head", {"json": {"seq": 1, "hash": "ab"}}),
             ("PUT", "/v1/blobs/ab", {"params": {"offset": 0}, "content": b"\x00" * 10})]

    async def go():
        async with _Server(lambda p: _sized(b"{}")) as hq:
            async with HqClient(hq.url, retry=ONE_TRY, token="t0k") as client:
                with monkeypatch.context() as m:  # never through httpx's client layer
                    m.setattr(httpx.AsyncClient, "send", None)
                    for method, path, kw in calls:
                        await client.call(method, path, **kw)
            for method, path, kw in calls:
                given = dict(kw.get("headers", {}), Authorization="Bearer t0k")
                await via_httpx(hq.url, method, path, **{**kw, "headers": given})
            return hq.received

    received = _run(go())
    ours, theirs = received[:len(calls)], received[len(calls):]
    assert [(_head_fields(h), b) for h, b in ours] == [(_head_fields(h), b) for h, b in theirs]
    line, fields = _head_fields(ours[0][0])
    assert line == b"POST /v1/push HTTP/1.1"
    assert (SCHEMA_HEADER.lower().encode(), str(SCHEMA_VERSION).encode()) in fields
    assert (b"authorization", b"Bearer t0k") in fields and (FOLLOWS_HEADER.lower().encode(), b"7") in fields


def test_a_call_option_hq_client_does_not_send_is_refused():
    async def go():
        async with HqClient("http://127.0.0.1:9", retry=ONE_TRY) as client:
            await client.call("GET", "/v1/health", auth=False, cookies={"a": "b"})

    with pytest.raises(TypeError):
        _run(go())


def test_a_kept_client_does_not_keep_a_parsed_url_for_every_blob_it_sent():
    async def go():
        async with _Server(lambda p: _sized(b"{}")) as hq:
            async with HqClient(hq.url, retry=ONE_TRY, token="t") as client:
                for i in range(100):
                    await client.call("GET", f"/v1/blobs/{i:064x}")
                again = (await client.call("GET", "/v1/blobs/" + "0" * 64)).status_code
            return again, len(client._urls)

    again, kept = _run(go())
    assert again == 200 and kept <= 16
