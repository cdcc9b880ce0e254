"""Sync commands: `hq enroll-device|list-devices|revoke-device|retire-device`, `enroll`, `sync`.

Headless: imports no Qt. The `hq` commands work on HQ's database directly (default: the same
encrypted SQLite database `serve` uses in this data directory); `serve` itself lives with the
server (`sync/server/serve.py`).
"""

import argparse
import asyncio
import json

from desktop import messages
from desktop.cli.context import enum_help, enum_option, label, pad
from models.enums import DeviceRole
from models.settings import device_settings
from sync.server.serve import add_database_option, open_hq_db


def register(sub: argparse._SubParsersAction) -> None:
    _register_hq(sub)

    enroll = sub.add_parser("enroll", help=messages.text("help_enroll"))
    enroll.add_argument("--server", required=True,
                        help=messages.text("opt_enroll_server", {"example": "http://hq:8750"}))
    enroll.add_argument("--code", required=True)
    enroll.add_argument("--name", default="", help=messages.text("opt_enroll_name"))
    enroll.set_defaults(handler=cmd_enroll)

    sync = sub.add_parser("sync", help=messages.text("help_sync"))
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=cmd_sync)


def _register_hq(sub: argparse._SubParsersAction) -> None:
    hq = sub.add_parser("hq", help=messages.text("help_hq"))
    hq_sub = hq.add_subparsers(dest="hq_command", metavar="HQ_COMMAND", required=True)
    enroll_dev = hq_sub.add_parser("enroll-device", help=messages.text("help_hq_enroll_device"))
    add_database_option(enroll_dev)
    enroll_dev.add_argument("--role", required=True, type=enum_option(DeviceRole),
                            metavar="ROLE", help=enum_help(DeviceRole))
    enroll_dev.add_argument("--team")
    enroll_dev.add_argument("--representative")
    enroll_dev.add_argument("--unit")
    enroll_dev.add_argument("--name", default="", help=messages.text("opt_hq_device_name"))
    enroll_dev.set_defaults(handler=cmd_enroll_device)
    list_dev = hq_sub.add_parser("list-devices", help=messages.text("help_hq_list_devices"))
    add_database_option(list_dev)
    list_dev.add_argument("--json", action="store_true")
    list_dev.set_defaults(handler=cmd_list_devices)
    revoke = hq_sub.add_parser("revoke-device", help=messages.text("help_hq_revoke_device"))
    add_database_option(revoke)
    revoke.add_argument("device")
    revoke.set_defaults(handler=cmd_revoke_device)

    retire = hq_sub.add_parser("retire-device", help=messages.text("help_hq_retire_device"))
    add_database_option(retire)
    retire.add_argument("device")
    retire.set_defaults(handler=cmd_retire_device)


def cmd_enroll_device(ctx, args) -> int:
    from sync.server.admin import enroll_device, prepare_first_sync

    db = open_hq_db(ctx.path, args.database_url)
    try:
        granted = enroll_device(db, role=args.role, team=args.team,
                                representative=args.representative, unit=args.unit,
                                label=args.name)
        print(messages.text("cli_device_registered", {
            "name": args.name or granted["hq_device_id"], "role": label(DeviceRole, args.role),
            "id": granted["hq_device_id"]}))
        print(messages.text("cli_enrollment_code", {"expires": granted["expires_at"]}))
        print(granted["code"], flush=True)  # the LAST line: scripts read it
        prepare_first_sync(db, granted["hq_device_id"], quiet=True)  # first sync: cached
    finally:
        db.close()
    return 0


def cmd_list_devices(ctx, args) -> int:
    from sync.server.admin import list_devices

    db = open_hq_db(ctx.path, args.database_url)
    try:
        devices = list_devices(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps(devices, ensure_ascii=False, indent=2))
        return 0
    labels = {d["id"]: d["label"] for d in devices}
    print(_device_row("id", *(messages.text(code) for code in (
        "cli_column_label", "cli_column_role", "cli_column_team", "cli_column_unit",
        "cli_column_status", "cli_column_last_sync"))))
    for d in devices:  # a kiosk or a unit liaison's device serves one unit: HQ finds it by it
        print(_device_row(d["id"], d["label"][:20], label(DeviceRole, d["role"]),
                          (d["team"] or "-")[:16], (d.get("unit") or "-")[:16], d["status"],
                          d["last_sync_at"] or messages.text("cli_device_never_synced")))
        if d.get("audit_alarm"):
            print(" " * 38 + messages.text("cli_device_audit_alarm", {"alarm": d["audit_alarm"]}))
        if d.get("replaces_device_id"):
            print(" " * 38 + messages.text("cli_device_replaces", {
                "label": labels.get(d["replaces_device_id"], ""),
                "id": d["replaces_device_id"]}))
    return 0


def _device_row(device_id: str, name: str, role: str, team: str, unit: str, status: str,
                last_sync: str) -> str:
    return (f"{pad(device_id, 36)}  {pad(name, 20)} {pad(role, 20)} {pad(team, 16)} "
            f"{pad(unit, 16)} {pad(status, 8)} {last_sync}")


def cmd_revoke_device(ctx, args) -> int:
    from sync.server.admin import revoke_device

    db = open_hq_db(ctx.path, args.database_url)
    try:
        gone = revoke_device(db, args.device)
    finally:
        db.close()
    print(messages.text("cli_device_revoked", {"label": gone["label"], "id": gone["id"]}))
    return 0


def cmd_retire_device(ctx, args) -> int:
    from sync.server.retire import mark_retiring

    db = open_hq_db(ctx.path, args.database_url)
    try:
        gone = mark_retiring(db, args.device)
    finally:
        db.close()
    print(messages.text("cli_device_retiring", {"label": gone["label"], "id": gone["id"]}))
    return 0


def cmd_enroll(ctx, args) -> int:
    from sync.client.engine import SyncEngine

    engine = SyncEngine(ctx.store())
    try:
        granted = asyncio.run(engine.enroll(args.server, args.code, args.name))
    finally:
        engine.close()
    print(messages.text("cli_enrolled", {
        "server": args.server, "role": label(DeviceRole, granted["role"]),
        "label": granted["label"], "id": granted["hq_device_id"]}))
    return 0


def cmd_sync(ctx, args) -> int:
    from sync.client.engine import SyncEngine
    from sync.client.held_back import held_back_issues
    from sync.protocol import MAX_BATCH_ENTRIES

    # Smaller batches on request (tests kill a client between batches).
    batch = device_settings().sync_batch or MAX_BATCH_ENTRIES
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
    print(messages.text("cli_synced", {"pushed": report.pushed, "pulled": report.pulled,
                                       "rejected": report.rejected,
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
