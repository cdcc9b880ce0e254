"""Headless security commands: audit verify, backup, restore, HQ recovery, idle lock.

Passphrases come from the environment (FIELDINSPECT_PASSPHRASE, FIELDINSPECT_BACKUP_PASSPHRASE,
FIELDINSPECT_RECOVERY_KEY_PASSPHRASE) or a terminal prompt, never from the command line, where
other users and shell histories would see them. Never imports Qt.
"""

import getpass
import json
import os
import sys
from pathlib import Path

from desktop import messages
from desktop.cli.context import say
from models.errors import StoreLockedError
from models.settings import VARIABLES, device_settings


def register(sub) -> None:
    audit = sub.add_parser("audit", help=messages.text("help_audit"))
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = audit_sub.add_parser("verify", help=messages.text("help_audit_verify"))
    verify.add_argument("--head", metavar="SEQ:HASH", help=messages.text("opt_audit_head"))
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=audit_verify_command)

    backup = sub.add_parser("backup", help=messages.text("help_backup"))
    backup.add_argument("--out", required=True, metavar="FILE")
    backup.set_defaults(handler=backup_command)

    restore = sub.add_parser("restore", help=messages.text("help_restore"))
    restore.add_argument("file")
    restore.set_defaults(handler=restore_command)

    recover = sub.add_parser("recover", help=messages.text("help_recover"))
    recover.add_argument("--recovery-key", required=True, metavar="PRIVATE.pem")
    recover.set_defaults(handler=recover_command)

    rk = sub.add_parser("recovery-key", help=messages.text("help_recovery_key"))
    rk_sub = rk.add_subparsers(dest="rk_command", required=True, metavar="ACTION")
    gen = rk_sub.add_parser("generate", help=messages.text("help_recovery_key_generate"))
    gen.add_argument("--out", required=True, metavar="PRIVATE.pem")
    gen.set_defaults(handler=recovery_keygen_command)
    inst = rk_sub.add_parser("install", help=messages.text("help_recovery_key_install"))
    inst.add_argument("public_key", metavar="PUBLIC.pem")
    inst.set_defaults(handler=recovery_install_command)

    idle = sub.add_parser("idle-lock", help=messages.text("help_idle_lock"))
    idle.add_argument("minutes", nargs="?", type=int)
    idle.set_defaults(handler=idle_lock_command)


def _secret(settings: tuple[str, ...], prompt: str, *, confirm: bool = False) -> str:
    """The first of these device settings that is set, else typed at the terminal after
    `prompt` (a message code)."""
    given = device_settings()
    for name in settings:
        value = getattr(given, name)
        if value:
            return value
    if not sys.stdin.isatty():
        raise StoreLockedError(code="cli_secret_needed",
                               params={"variable": VARIABLES[settings[0]]})
    first = getpass.getpass(messages.text(prompt))
    if confirm and getpass.getpass(messages.text("cli_prompt_repeat_it")) != first:
        raise StoreLockedError(code="cli_entries_differ")
    return first


def audit_verify_command(ctx, args) -> int:
    from models.security.audit_verify import parse_head, verify_chain

    expected = {}
    if args.head:
        head = parse_head(args.head)
        if head is None:
            say(messages.text("cli_head_format"))
            return 2
        expected["the given head"] = head
    with ctx.store().read() as conn:
        report = verify_chain(conn, expected_heads=expected)
    if args.json:
        broken = report.broken
        print(json.dumps({"ok": report.ok, "checked": report.checked,
                          "head": f"{report.head_seq}:{report.head_hash}",
                          "broken": None if broken is None else
                          {"seq": broken.seq, "kind": broken.kind, "message": broken.message}}))
    elif report.ok:
        print(messages.text("cli_audit_intact", {
            "checked": report.checked, "head": f"{report.head_seq}:{report.head_hash}"}))
    else:
        print(report.broken, file=sys.stderr)
    return 0 if report.ok else 1


def backup_command(ctx, args) -> int:
    from models.security.backup import backup_store

    store = ctx.store()
    words = _secret(("backup_passphrase", "passphrase"), "cli_prompt_backup_passphrase",
                    confirm=True)
    size = backup_store(store, Path(args.out), words, profile=ctx.profile())
    print(messages.text("cli_backup_written", {"path": args.out, "size": size}))
    return 0


def restore_command(ctx, args) -> int:
    from models.security.backup import restore_store

    words = _secret(("backup_passphrase", "passphrase"), "cli_prompt_backup_passphrase_to_open")
    new = device_settings().passphrase or words
    count = restore_store(Path(args.file), ctx.path, words, new_passphrase=new)
    print(messages.text("cli_restored", {"count": count, "path": ctx.path}))
    print(messages.text("cli_restored_enroll_again"))
    return 0


def recover_command(ctx, args) -> int:
    from models.security.escrow import recover_store

    private_pem = Path(args.recovery_key).read_bytes()
    new = _secret(("passphrase",), "cli_prompt_new_passphrase", confirm=True)
    recover_store(ctx.path, private_pem, new,
                  password=device_settings().recovery_key_passphrase or None)
    print(messages.text("cli_store_recovered"))
    return 0


def recovery_keygen_command(ctx, args) -> int:
    from models.security.escrow import generate_recovery_keypair

    out = Path(args.out)
    if out.exists():
        say(messages.text("cli_exists_not_overwritten", {"path": out}))
        return 1
    password = device_settings().recovery_key_passphrase or None
    private_pem, public_pem = generate_recovery_keypair(password)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(private_pem)
    sys.stdout.write(public_pem.decode("ascii"))
    return 0


def recovery_install_command(ctx, args) -> int:
    from models.security.escrow import install_recovery_key

    fingerprint = install_recovery_key(ctx.store(), Path(args.public_key).read_bytes(),
                                       profile=ctx.profile())
    print(messages.text("cli_recovery_key_installed", {"fingerprint": fingerprint}))
    return 0


def idle_lock_command(ctx, args) -> int:
    from models.profiles import list_profiles
    from models.security.settings import idle_lock_minutes, set_idle_lock_minutes

    store = ctx.store()
    if args.minutes is not None:
        name = ctx.profile()
        role = next(p["role"] for p in list_profiles(store) if p["name"] == name)
        set_idle_lock_minutes(store, args.minutes, profile=name, role=role)
    print(idle_lock_minutes(store))
    return 0
