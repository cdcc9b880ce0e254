"""HQ's worker processes share the devices out between them (issue 18 §3,
sync/server/workers.py): devices that connect together are not all taken by one worker."""

import asyncio
import os
import time
from pathlib import Path

import pytest

from sync.server import workers
from tests.sync.load import HqProcess

DEVICES = 100
BURSTS = 3

pytestmark = pytest.mark.skipif(not workers.SPREADS, reason="SO_REUSEPORT spreads on Linux only")


def test_devices_connecting_together_are_spread_over_the_workers(pg_url, tmp_path):
    """A hundred devices connecting within a few milliseconds, three times: each of the two
    workers holds some of them and neither more than two thirds. With the shared socket the
    worker scheduled first took most of a burst (42 of 50, 35 of 50)."""
    hq = HqProcess(tmp_path / "hq", "hq passphrase", pg_url, workers=2)
    hq.codes(1, "office")
    hq.start()
    splits = []
    try:
        _wait_for_listeners(hq.port, 2)  # the second worker may still be starting
        for _ in range(BURSTS):
            splits.append(asyncio.run(_burst(hq)))
    finally:
        hq.stop()
    for held in splits:
        assert len(held) == 2 and sum(held.values()) == DEVICES, splits
        assert max(held.values()) <= DEVICES * 2 // 3, splits


async def _burst(hq: HqProcess) -> dict[int, int]:
    """Open DEVICES connections at once, have each answered, count them per worker."""
    conns = await asyncio.gather(*(asyncio.open_connection("127.0.0.1", hq.port)
                                   for _ in range(DEVICES)))
    try:
        for _reader, writer in conns:
            writer.write(b"GET /docs HTTP/1.1\r\nHost: hq\r\n\r\n")
        for reader, _writer in conns:  # every one answered: a worker accepted it
            assert (await reader.readuntil(b"\r\n")).startswith(b"HTTP/1.1 200")
        return _connections_per_worker(hq.proc.pid, hq.port)
    finally:
        for _reader, writer in conns:
            writer.close()
        await asyncio.sleep(0.5)  # the workers see the closes before the next burst


def _connections_per_worker(supervisor: int, port: int) -> dict[int, int]:
    inodes = _inodes(port, "01")
    held = {}
    for pid in _workers(supervisor):
        count = 0
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                link = os.readlink(fd)
            except OSError:
                continue
            count += link.startswith("socket:[") and link[8:-1] in inodes
        held[pid] = count
    return held


def _workers(pid: int) -> list[int]:
    """uvicorn's worker processes under its supervisor `pid` (not multiprocessing's tracker)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(int(child))
    return found


def _wait_for_listeners(port: int, count: int) -> None:
    deadline = time.monotonic() + 60
    while len(_inodes(port, "0A")) < count:
        assert time.monotonic() < deadline, "the workers did not all start"
        time.sleep(0.1)


def _inodes(port: int, state: str) -> set[str]:
    """Inodes of sockets on local `port` in TCP `state` (01 established, 0A listening)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == state and int(fields[1].rsplit(":", 1)[1], 16) == port:
                found.add(fields[9])
    return found


def test_workers_stop_when_their_supervisor_is_killed_outright(pg_url, tmp_path):
    """`kill -9` of `serve --workers 2` (or the out-of-memory killer) leaves no worker serving
    the port: they finish and exit within seconds, so HQ can be started on its port again.
    Before, they went on serving it, and the restarted HQ was refused the port."""
    hq = HqProcess(tmp_path / "hq", "hq passphrase", pg_url, workers=2)
    hq.start()
    try:
        _wait_for_listeners(hq.port, 2)
        children = _workers(hq.proc.pid)
        assert len(children) == 2
        hq.proc.kill()
        hq.proc.wait()
        deadline = time.monotonic() + 30
        while any(_running(pid) for pid in children) or _inodes(hq.port, "0A"):
            assert time.monotonic() < deadline, "a worker outlived its supervisor"
            time.sleep(0.1)
        hq.start()  # the same port, again
        _wait_for_listeners(hq.port, 2)
    finally:
        hq.stop()


def _running(pid: int) -> bool:
    """Whether `pid` is a live process (a zombie waiting for its parent counts as gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _answer_headers(app, requests: int) -> list[list[tuple[bytes, bytes]]]:
    """Headers of `requests` answers from `app` (ASGI), all of them in hand at once."""
    release = asyncio.Event()
    seen = []

    async def slow(scope, receive, send):
        await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    async def one(balanced):
        async def send(message):
            if message["type"] == "http.response.start":
                seen.append(message["headers"])
        await balanced({"type": "http"}, None, send)

    async def run():
        balanced = app(slow)
        tasks = [asyncio.ensure_future(one(balanced)) for _ in range(requests)]
        await asyncio.sleep(0.01)  # every request in hand
        release.set()
        await asyncio.gather(*tasks)
    asyncio.run(run())
    return seen


def test_a_worker_holding_more_than_its_share_asks_a_device_to_reconnect():
    """A worker with 12 requests in hand while the other has 2 answers one of them with
    `Connection: close` (its device's next connection is hashed to a worker afresh: a split of
    33/17 devices left the fuller worker's devices waiting twice as long); with 7 and 7 it
    closes none. At most one close per `Balancer.EVERY`, so a split evens out without a
    stampede of reconnections."""
    table = workers.LoadTable().seat()
    other = workers.LoadTable(os.dup(table.fd))
    other.slot = 1 - table.slot  # another live worker's slot (this process stands in for it)
    workers.LoadTable._ENTRY.pack_into(other.map, other.slot * 16, os.getppid(), 0)

    other.add(2)
    crowded = _answer_headers(lambda app: workers.Balancer(app, table), 12)
    closes = sum((b"connection", b"close") in headers for headers in crowded)
    assert len(crowded) == 12 and closes == 1, crowded
    assert table.add(0) == 0  # every request counted out again

    other.add(5)  # 7 and 7: even
    time.sleep(workers.Balancer.EVERY)
    even = _answer_headers(lambda app: workers.Balancer(app, table), 7)
    assert not any((b"connection", b"close") in headers for headers in even)


def test_a_starting_worker_takes_the_seat_of_one_that_is_gone():
    """A restarted worker (uvicorn's supervisor replaces one that died) takes the dead one's
    slot, so the table holds only live workers' counts."""
    table = workers.LoadTable()
    dead = os.fork()
    if dead == 0:
        os._exit(0)
    os.waitpid(dead, 0)
    workers.LoadTable._ENTRY.pack_into(table.map, 0, dead, 30)
    seated = workers.LoadTable(os.dup(table.fd)).seat()
    assert seated.slot == 0 and seated.others() == []
