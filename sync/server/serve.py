"""`fieldinspect serve`: the HQ server's command, kept with the server.

The command line (`desktop/cli`) only lists this module among its commands; the options, help
and exit codes are its own. What the `hq` administration commands share with it (which
database, its passphrase, where a PostgreSQL HQ keeps its attachments) is here too. Headless:
nothing heavy is imported until the command runs, so `fieldinspect --help` stays quick.
"""

import argparse
import getpass
import os
import socket
import sys
from pathlib import Path

from models.errors import AppError, StoreLockedError
from models.messages.language import text
from sync.server.settings import ServerSettings, server_settings

DEFAULT_PORT = 8750


def register(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help=text("help_serve"))
    add_database_option(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--workers", type=int, default=1,
                       help=text("opt_serve_workers"))
    serve.add_argument("--certfile", type=Path, help=text("opt_serve_certfile"))
    serve.add_argument("--keyfile", type=Path, help=text("opt_serve_keyfile"))
    serve.set_defaults(handler=cmd_serve)


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help=text(
        "opt_database_url", {"example": "postgresql+psycopg://..."}))


def database_url(data_dir: Path, given: str | None) -> str:
    """`--database-url`, else the encrypted SQLite database in the data directory."""
    from sync.server.db import default_database_url

    return given or default_database_url(data_dir)


def server_passphrase(url: str) -> str:
    """HQ's passphrase: it unlocks the SQLite store, or a PostgreSQL HQ's attachment key."""
    env = server_settings().passphrase
    if env:
        return env
    sqlite = url.startswith("sqlite")
    if not sys.stdin.isatty():
        raise StoreLockedError(code="hq_database_locked" if sqlite
                               else "hq_attachments_locked")
    return getpass.getpass(text("cli_prompt_hq_database_passphrase" if sqlite
                                else "cli_prompt_hq_attachments_passphrase"))


def blob_dir(data_dir: Path, url: str) -> Path | None:
    """A PostgreSQL HQ's attachments: FIELDINSPECT_BLOB_DIR, else `hq-blobs` in the data
    directory (a SQLite HQ keeps them beside its database)."""
    from sync.server.db import default_pg_blob_dir

    return None if url.startswith("sqlite") else default_pg_blob_dir(data_dir)


def open_hq_db(data_dir: Path, given_url: str | None):
    """HQ's database for a command that works on it directly (`hq enroll-device`, …)."""
    from sync.server.db import open_server_db

    url = database_url(data_dir, given_url)
    return open_server_db(url, blob_dir=blob_dir(data_dir, url),
                          passphrase=server_passphrase(url))


def cmd_serve(ctx, args: argparse.Namespace) -> int:
    """`ctx`: the command line's context; only its data directory (`ctx.path`) is used."""
    tls = tls_files(args.certfile, args.keyfile)
    return run(ctx.path, args.database_url, args.host, args.port, args.workers, tls)


def check_port(host: str, port: int) -> None:
    """Refuse, in the user's language, an address HQ cannot listen on (another program holds
    the port, or the host is not this computer's), before uvicorn would say it in English."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds it
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise AppError(code="cli_port_taken", params={"host": host, "port": port}) from exc


def tls_files(certfile: Path | None, keyfile: Path | None) -> tuple[Path, Path] | None:
    """The certificate and key HQ answers https with: the options, else
    FIELDINSPECT_TLS_CERTFILE / _KEYFILE; None for plain http (behind a proxy, docs/tls.md)."""
    settings = server_settings()
    certfile = certfile or settings.tls_certfile
    keyfile = keyfile or settings.tls_keyfile
    if certfile is None and keyfile is None:
        return None
    if certfile is None or keyfile is None:
        raise AppError(code="cli_tls_needs_both")
    for path in (certfile, keyfile):
        if not os.access(path, os.R_OK) or not path.is_file():
            raise AppError(code="cli_tls_file_missing", params={"path": str(path)})
    return certfile, keyfile


def run(data_dir: Path, given_url: str | None, host: str, port: int, workers: int = 1,
        tls: tuple[Path, Path] | None = None) -> int:
    import uvicorn

    from sync.server.collector import pause_during_pushes

    pause_during_pushes()  # this process serves HQ only (sync/server/collector.py)
    url = database_url(data_dir, given_url)
    passphrase = server_passphrase(url)
    attachments = blob_dir(data_dir, url)
    check_port(host, port)  # a port in use is said now, in the user's language
    print(text("cli_serving_tls" if tls else "cli_serving", {"host": host, "port": port}),
          flush=True)
    ssl_options = {"ssl_certfile": str(tls[0]), "ssl_keyfile": str(tls[1])} if tls else {}
    if workers > 1:
        # The workers are fresh processes: they learn everything from the environment.
        os.environ.update(ServerSettings(
            database_url=url, passphrase=passphrase, blob_dir=attachments,
            tls_certfile=tls[0] if tls else None, tls_keyfile=tls[1] if tls else None,
            supervisor_pid=os.getpid()).to_env())  # workers stop when it is gone, however
        from sync.server.workers import SPREADS, run_workers
        options = dict(factory=True, host=host, port=port, workers=workers, log_level="warning",
                       access_log=False, **ssl_options)
        if SPREADS:  # each worker on a socket of its own: devices spread evenly over them
            run_workers(uvicorn.Config("sync.server.asgi:app_from_env", **options))
        else:
            uvicorn.run("sync.server.asgi:app_from_env", **options)
        return 0
    from sync.server.app import create_app

    uvicorn.run(create_app(url, blob_dir=attachments, passphrase=passphrase), host=host, port=port,
                log_level="warning", access_log=False, **ssl_options)
    return 0
