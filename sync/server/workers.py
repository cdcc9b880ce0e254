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

import os
import signal
import socket
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
    worker's own, bound to the same address with SO_REUSEPORT. uvicorn then listens on it."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port

    def __reduce__(self):
        return reuse_port_socket, (self.host, self.port)


def run_workers(config) -> None:
    """Run `config` (a uvicorn Config with workers > 1) under uvicorn's supervisor, each worker
    on a SO_REUSEPORT socket of its own."""
    from uvicorn.supervisors import Multiprocess

    held = reuse_port_socket(config.host, config.port)  # the port, while workers change
    config.port = held.getsockname()[1]  # `--port 0`: the one the system chose, for all
    try:
        Multiprocess(config, sockets=[OwnSocket(config.host, config.port)]).run()
    finally:
        held.close()
