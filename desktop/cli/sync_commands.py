"""Sync commands: `serve`, `hq enroll-device|list-devices|revoke-device`, `enroll`, `sync`.

Headless: imports no Qt. The `hq` commands work on HQ's database directly (default: the same
encrypted SQLite database `serve` uses in this data directory).
"""

import argparse
import asyncio
import getpass
import json
import os
import sys

from desktop import messages
from desktop.cli.context import enum_help, enum_option
from models.enums import DeviceRole
from models.errors import StoreLockedError

DEFAULT_PORT = 8750


def register(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="run the HQ server")
    _database_option(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument("--workers", type=int, default=1,
                       help="worker processes (PostgreSQL only)")
    serve.set_defaults(handler=cmd_serve)

    _register_hq(sub)

    enroll = sub.add_parser("enroll", help="enroll this device with HQ using a one-time code")
    enroll.add_argument("--server", required=True, help="HQ's address, e.g. http://hq:8750")
    enroll.add_argument("--code", required=True)
    enroll.add_argument("--name", default="", help="a label for this device")
    enroll.set_defaults(handler=cmd_enroll)

    sync = sub.add_parser("sync", help="push this device's changes to HQ, then pull")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=cmd_sync)


def _register_hq(sub: argparse._SubParsersAction) -> None:
    hq = sub.add_parser("hq", help="administer HQ: devices")
    hq_sub = hq.add_subparsers(dest="hq_command", metavar="HQ_COMMAND", required=True)
    enroll_dev = hq_sub.add_parser("enroll-device", help="register a device; print its code")
    _database_option(enroll_dev)
    enroll_dev.add_argument("--role", required=True, type=enum_option(DeviceRole),
                            metavar="ROLE", help=enum_help(DeviceRole))
    enroll_dev.add_argument("--team")
    enroll_dev.add_argument("--representative")
    enroll_dev.add_argument("--unit")
    enroll_dev.add_argument("--name", default="", help="a label for the device")
    enroll_dev.set_defaults(handler=cmd_enroll_device)
    list_dev = hq_sub.add_parser("list-devices", help="devices known to HQ")
    _database_option(list_dev)
    list_dev.add_argument("--json", action="store_true")
    list_dev.set_defaults(handler=cmd_list_devices)
    revoke = hq_sub.add_parser("revoke-device", help="revoke a device (id or label)")
    _database_option(revoke)
    revoke.add_argument("device")
    revoke.set_defaults(handler=cmd_revoke_device)

    retire = hq_sub.add_parser("retire-device", help="retire a handed-back device: it pushes "
                               "everything, HQ confirms, then it wipes itself")
    _database_option(retire)
    retire.add_argument("device")
    retire.set_defaults(handler=cmd_retire_device)


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="postgresql+psycopg://... (default: an "
                        "encrypted SQLite database in the data directory)")


def _database_url(ctx, args) -> str:
    from sync.server.db import default_database_url

    return args.database_url or default_database_url(ctx.path)


def _server_passphrase(url: str) -> str:
    """HQ's passphrase: it unlocks the SQLite store, or a PostgreSQL HQ's attachment key."""
    env = os.environ.get("FIELDINSPECT_PASSPHRASE")
    if env:
        return env
    sqlite = url.startswith("sqlite")
    if not sys.stdin.isatty():
        locked = "HQ's database is locked" if sqlite else "HQ's attachments are locked"
        raise StoreLockedError(f"{locked}: set FIELDINSPECT_PASSPHRASE.")
    return getpass.getpass("HQ database passphrase: " if sqlite
                           else "HQ attachments passphrase: ")


def _blob_dir(ctx, url: str):
    """A PostgreSQL HQ's attachments: FIELDINSPECT_BLOB_DIR, else `hq-blobs` in the data
    directory (a SQLite HQ keeps them beside its database)."""
    from sync.server.db import default_pg_blob_dir

    return None if url.startswith("sqlite") else default_pg_blob_dir(ctx.path)


def _server_db(ctx, args):
    from sync.server.db import open_server_db

    url = _database_url(ctx, args)
    return open_server_db(url, blob_dir=_blob_dir(ctx, url), passphrase=_server_passphrase(url))


def cmd_serve(ctx, args) -> int:
    import uvicorn

    url = _database_url(ctx, args)
    passphrase = _server_passphrase(url)
    blob_dir = _blob_dir(ctx, url)
    print(f"FieldInspect HQ on http://{args.host}:{args.port} (API docs at /docs)", flush=True)
    if args.workers > 1:
        # The workers are fresh processes: they learn everything from the environment.
        os.environ["FIELDINSPECT_DATABASE_URL"] = url
        os.environ["FIELDINSPECT_PASSPHRASE"] = passphrase
        if blob_dir is not None:
            os.environ["FIELDINSPECT_BLOB_DIR"] = str(blob_dir)
        uvicorn.run("sync.server.asgi:app_from_env", factory=True, host=args.host,
                    port=args.port, workers=args.workers, log_level="warning")
        return 0
    from sync.server.app import create_app

    uvicorn.run(create_app(url, blob_dir=blob_dir, passphrase=passphrase), host=args.host,
                port=args.port, log_level="warning")
    return 0


def cmd_enroll_device(ctx, args) -> int:
    from sync.server.admin import enroll_device

    db = _server_db(ctx, args)
    try:
        granted = enroll_device(db, role=args.role, team=args.team,
                                representative=args.representative, unit=args.unit,
                                label=args.name)
    finally:
        db.close()
    print(f"Device {args.name or granted['hq_device_id']} ({args.role}) registered as "
          f"{granted['hq_device_id']}.")
    print(f"One-time enrollment code (expires {granted['expires_at']}):")
    print(granted["code"])  # the LAST line: scripts read it
    return 0


def cmd_list_devices(ctx, args) -> int:
    from sync.server.admin import list_devices

    db = _server_db(ctx, args)
    try:
        devices = list_devices(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps(devices, ensure_ascii=False, indent=2))
        return 0
    labels = {d["id"]: d["label"] for d in devices}
    print(f"{'id':36}  {'label':20} {'role':14} {'team':16} {'status':8} last sync")
    for d in devices:
        print(f"{d['id']:36}  {d['label'][:20]:20} {d['role']:14} {(d['team'] or '-')[:16]:16} "
              f"{d['status']:8} {d['last_sync_at'] or 'never'}")
        if d.get("audit_alarm"):
            print(f"{'':38}AUDIT ALARM: {d['audit_alarm']}")
        if d.get("replaces_device_id"):
            old = labels.get(d["replaces_device_id"], "")
            print(f"{'':38}REPLACES: {old} ({d['replaces_device_id']}), whose store this one "
                  "was restored or copied from")
    return 0


def cmd_revoke_device(ctx, args) -> int:
    from sync.server.admin import revoke_device

    db = _server_db(ctx, args)
    try:
        gone = revoke_device(db, args.device)
    finally:
        db.close()
    print(f"Revoked device {gone['label']} ({gone['id']}); its next call is refused.")
    return 0


def cmd_retire_device(ctx, args) -> int:
    from sync.server.retire import mark_retiring

    db = _server_db(ctx, args)
    try:
        gone = mark_retiring(db, args.device)
    finally:
        db.close()
    print(f"Device {gone['label']} ({gone['id']}) will wipe itself after its next full sync.")
    return 0


def cmd_enroll(ctx, args) -> int:
    from sync.client.engine import SyncEngine

    engine = SyncEngine(ctx.store())
    try:
        granted = asyncio.run(engine.enroll(args.server, args.code, args.name))
    finally:
        engine.close()
    print(f"Enrolled with {args.server} as a {granted['role']} device "
          f"({granted['label']}, {granted['hq_device_id']}).")
    return 0


def cmd_sync(ctx, args) -> int:
    from sync.client.engine import SyncEngine
    from sync.client.held_back import held_back_issues
    from sync.protocol import MAX_BATCH_ENTRIES

    # Smaller batches on request (tests kill a client between batches).
    batch = int(os.environ.get("FIELDINSPECT_SYNC_BATCH", MAX_BATCH_ENTRIES))
    store = ctx.store()
    engine = SyncEngine(store, batch_entries=batch)
    try:
        report = asyncio.run(engine.sync())
    finally:
        engine.close()
    held = held_back_issues(store)  # every one not settled yet, not only this round's
    if args.json:
        print(json.dumps({**report.as_dict(), "held_back_records": held}))
        return 0
    print(messages.text("sync_cli_summary", {
        "pushed": report.pushed, "pulled": report.pulled, "rejected": report.rejected,
        "conflicts": report.conflicts}))
    for line in refusal_lines(store):
        print(line)
    for record in held:
        print(held_back_line(record))
    return 0


def refusal_lines(store) -> list[str]:
    """Each change HQ refused and nobody settled yet, by its outcome code, in the command
    line's language: ``Refused by HQ: TABLE ROW: field: why``."""
    from desktop.data import sync_issues as si

    with store.read() as conn:
        refused = si.refused_issues(conn)
    lines = []
    for issue in refused:
        field = si.refused_field(issue)
        why = si.refusal_sentence(issue)
        lines.append(messages.text("sync_cli_refused", {
            "table": _table_label(issue["table_name"]), "row": issue["row_id"],
            "reason": f"{field}: {why}" if field else why}))
    return lines


def held_back_line(record: dict) -> str:
    """One record held back on this device, and what to do about it (by its code, in the
    command line's language; HQ's own words stay in its log)."""
    args = {"table": _table_label(record["table"]), "row": record["row_id"]}
    if record["code"] == "too_large":
        return messages.text("sync_cli_held_back_too_large", {
            **args, "size": f"{record['bytes'] / 2**20:.1f}",
            "limit": f"{record['limit'] / 2**20:.1f}"})
    return messages.text("sync_cli_held_back_refused", args)


def _table_label(table: str) -> str:
    """A kind of record as a person calls it (the table's name when it has no label)."""
    code = f"sync_table_{table}"
    return messages.text(code) if messages.has_text(code) else table
