"""HQ's worker processes, each listening on a socket of its own (issue 18 §3).

`uvicorn --workers N` has the N processes accept from one shared socket, and whichever is
scheduled first takes the connections waiting. Fifty devices connecting within a few
milliseconds were split 8/42, 35/15 and 18/32 by two workers, and a device keeps its connection
(`sync/client/kept_client.py`), so one process served most of them while the other idled, and
its devices waited up to five times as long (`bench/hq_capacity.py`: p95 ≈ 3 × the median).

On Linux each worker instead opens its own listening socket on the same address with
`SO_REUSEPORT`, and the kernel spreads new connections over the workers' sockets by a hash of
the connection's addresses, whichever worker runs first: the same bursts split 24/26, 30/20 and
23/27. The sockets are made in the workers, not handed down, so a worker that dies takes its
socket with it and its devices reconnect to the others (uvicorn's supervisor starts a new
worker, which opens a new socket). The supervisor keeps one socket bound on the address
without listening, so the port stays held while workers come and go; `serve.check_port` has
already refused a port any program listens on, so a second HQ started on this one's port by
mistake is refused rather than joining it. Where the kernel does not spread `SO_REUSEPORT`
connections (Windows, macOS), uvicorn's shared socket is used as before.
"""

from __future__ import annotations

import contextlib
import fcntl
import mmap
import os
import signal
import socket
import struct
import sys
import threading
import time

from sync.server.settings import server_settings

SPREADS = sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def end_with_supervisor(poll: float = 1.0) -> None:
    """In a worker of `serve --workers N`: stop (as on SIGTERM: requests in hand are finished)
    once the supervisor is gone. A supervisor killed outright (kill -9, the out-of-memory
    killer) does not stop its workers, and they went on serving the port: a restarted HQ was
    then refused its own port (`serve.check_port`) by processes nobody could see. Nothing is
    watched in a process not started so (one process, or uvicorn run by hand): the
    supervisor names itself in its workers' environment (`ServerSettings.supervisor_pid`)."""
    supervisor = server_settings().supervisor_pid
    if supervisor is None or supervisor == os.getpid():
        return

    def watch() -> None:
        while os.getppid() == supervisor:
            time.sleep(poll)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="supervisor-watch", daemon=True).start()


def reuse_port_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to (host, port) with SO_REUSEPORT, not yet listening."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


class OwnSocket:
    """Stands in for the socket uvicorn hands each worker: unpickled in the worker (uvicorn
    starts workers with `spawn` and passes their sockets pickled), it becomes a socket of that
    worker's own, bound to the same address with SO_REUSEPORT. uvicorn then listens on it.
    The workers' load table (`LoadTable`) goes along, as a descriptor of the supervisor's."""

    def __init__(self, host: str, port: int, table: LoadTable | None = None) -> None:
        self.host, self.port, self.table = host, port, table

    def __reduce__(self):
        if self.table is None:
            return reuse_port_socket, (self.host, self.port)
        from multiprocessing.reduction import DupFd

        return _worker_socket, (self.host, self.port, DupFd(self.table.fd))


def _worker_socket(host: str, port: int, table_fd) -> socket.socket:
    """In a worker, as it starts: its socket, and its seat at the load table."""
    global TABLE
    TABLE = LoadTable(table_fd.detach()).seat()
    return reuse_port_socket(host, port)


# This worker's seat at the workers' load table; None outside `serve --workers N` on Linux.
TABLE: LoadTable | None = None


class LoadTable:
    """How many requests each worker has in hand, shared by the workers of one `serve`.

    SO_REUSEPORT hashes each connection to a worker, and a device keeps its connection, so the
    split of the devices is a coin toss per device: 50 devices came out 33/17 (measured, per
    worker, `bench/hq_capacity.py`), and the two workers, each given the same share of the
    CPU, kept the same pace, so the devices of the fuller one waited twice as long: its median
    round 207 ms against 80 ms, and the round's p95 over both was the fuller worker's. A worker
    that holds clearly more than the workers' mean (`Balancer`) answers with `Connection:
    close` now and then, and that device's next connection is hashed afresh.

    The table is an anonymous shared memory file (memfd: no path, nothing left behind), one
    slot per worker of (process id, requests in hand), handed to each worker with its socket;
    a starting worker takes a free slot or the slot of a worker that is gone.
    """

    SLOTS = 64
    _ENTRY = struct.Struct("qq")

    def __init__(self, fd: int | None = None) -> None:
        if fd is None:
            fd = os.memfd_create("fieldinspect-workers", os.MFD_CLOEXEC)
            os.ftruncate(fd, self.SLOTS * self._ENTRY.size)
        self.fd = fd
        self.map = mmap.mmap(fd, self.SLOTS * self._ENTRY.size)
        self.slot = -1

    def seat(self) -> LoadTable:
        with _locked(self.fd):
            for slot in range(self.SLOTS):
                pid, _ = self._ENTRY.unpack_from(self.map, slot * self._ENTRY.size)
                if pid == 0 or not _alive(pid):
                    self._ENTRY.pack_into(self.map, slot * self._ENTRY.size, os.getpid(), 0)
                    self.slot = slot
                    return self
        return self  # more workers than slots: this one does not take part

    def add(self, n: int) -> int:
        """This worker's requests in hand, changed by n (one thread: the worker's loop)."""
        if self.slot < 0:
            return 0
        at = self.slot * self._ENTRY.size + 8
        held = struct.unpack_from("q", self.map, at)[0] + n
        struct.pack_into("q", self.map, at, held)
        return held

    def others(self) -> list[tuple[int, int]]:
        """(process id, requests in hand) of the other seated workers."""
        found = []
        for slot in range(self.SLOTS):
            pid, held = self._ENTRY.unpack_from(self.map, slot * self._ENTRY.size)
            if pid and slot != self.slot:
                found.append((pid, held))
        return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def _locked(fd: int):
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


class Balancer:
    """ASGI wrapper of a worker's app: counts its requests in hand on the load table and, when
    it holds clearly more than the workers' mean (an eighth more and at least
    `MIN_EXCESS` requests), asks the device just answered to reconnect (`Connection: close`,
    which HTTP/1.1 clients, HQ's own included, honour), at most once per `EVERY` seconds, so a
    split of 33/17 evens out within a few seconds and an even one is left alone (a quarter more
    left 27/21 as it was: its devices' median rounds 124 against 93 ms)."""

    MIN_EXCESS = 2
    EVERY = 0.1

    def __init__(self, app, table: LoadTable) -> None:
        self.app, self.table = app, table
        self.last = 0.0

    def _crowded(self, held: int) -> bool:
        now = time.monotonic()
        if now - self.last < self.EVERY:
            return False
        others = [n for pid, n in self.table.others() if n >= 0]
        if not others:
            return False
        mean = (held + sum(others)) / (len(others) + 1)
        if held - mean < max(self.MIN_EXCESS, mean / 8):
            return False
        if not all(_alive(pid) for pid, _ in self.table.others()):
            return False  # a worker gone (its slot not yet taken again): no mean to go by
        self.last = now
        return True

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.table.add(1)

        async def send_maybe_closing(message) -> None:
            if message["type"] == "http.response.start" and self._crowded(self.table.add(0)):
                message = {**message, "headers": [*message.get("headers", []),
                                                  (b"connection", b"close")]}
            await send(message)

        try:
            await self.app(scope, receive, send_maybe_closing)
        finally:
            self.table.add(-1)


def run_workers(config) -> None:
    """Run `config` (a uvicorn Config with workers > 1) under uvicorn's supervisor, each worker
    on a SO_REUSEPORT socket of its own."""
    from uvicorn.supervisors import Multiprocess

    held = reuse_port_socket(config.host, config.port)  # the port, while workers change
    config.port = held.getsockname()[1]  # `--port 0`: the one the system chose, for all
    table = LoadTable()
    try:
        Multiprocess(config, sockets=[OwnSocket(config.host, config.port, table)]).run()
    finally:
        held.close()
        table.map.close()
        os.close(table.fd)
