"""Loopback ports for tests that start a real server (`fieldinspect serve`): picked by the OS,
never fixed, so that parallel test workers (pytest-xdist) do not fight over one."""

import socket


def free_port() -> int:
    """A port nothing listens on now. The server binds it a moment later; if another process
    took it in between, the server exits at once and the caller starts it again on a new port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
