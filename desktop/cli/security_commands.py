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

from models.errors import StoreLockedError
from models.settings import VARIABLES, device_settings


def register(sub) -> None:
    audit = sub.add_parser("audit", help="check the tamper-evident audit chain")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    verify = audit_sub.add_parser("verify", help="report the first broken link, if any")
    verify.add_argument("--head", metavar="SEQ:HASH", help="a head recorded elsewhere (e.g. HQ)")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=audit_verify_command)

    backup = sub.add_parser("backup", help="write an encrypted backup of this store")
    backup.add_argument("--out", required=True, metavar="FILE")
    backup.set_defaults(handler=backup_command)

    restore = sub.add_parser("restore", help="restore a backup into an empty data directory")
    restore.add_argument("file")
    restore.set_defaults(handler=restore_command)

    recover = sub.add_parser("recover", help="re-open a store with HQ's recovery key")
    recover.add_argument("--recovery-key", required=True, metavar="PRIVATE.pem")
    recover.set_defaults(handler=recover_command)

    rk = sub.add_parser("recovery-key", help="HQ's recovery key pair (escrow)")
    rk_sub = rk.add_subparsers(dest="rk_command", required=True, metavar="ACTION")
    gen = rk_sub.add_parser("generate", help="make HQ's key pair (keep the private file offline)")
    gen.add_argument("--out", required=True, metavar="PRIVATE.pem")
    gen.set_defaults(handler=recovery_keygen_command)
    inst = rk_sub.add_parser("install", help="seal this store's key to HQ's public key")
    inst.add_argument("public_key", metavar="PUBLIC.pem")
    inst.set_defaults(handler=recovery_install_command)

    idle = sub.add_parser("idle-lock", help="show or set the minutes before the window locks")
    idle.add_argument("minutes", nargs="?", type=int)
    idle.set_defaults(handler=idle_lock_command)


def _secret(settings: tuple[str, ...], prompt: str, *, confirm: bool = False) -> str:
    """The first of these device settings that is set, else asked in the terminal."""
    given = device_settings()
    for name in settings:
        value = getattr(given, name)
        if value:
            return value
    if not sys.stdin.isatty():
        raise StoreLockedError(code="cli_secret_needed",
                               params={"variable": VARIABLES[settings[0]]})
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise StoreLockedError(code="cli_entries_differ")
    return first


def audit_verify_command(ctx, args) -> int:
    from models.security.audit_verify import parse_head, verify_chain

    expected = {}
    if args.head:
        head = parse_head(args.head)
        if head is None:
            print("fieldinspect: --head takes SEQ:HASH", file=sys.stderr)
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
        print(f"audit chain intact: {report.checked} entries, head "
              f"{report.head_seq}:{report.head_hash}")
    else:
        print(report.broken, file=sys.stderr)
    return 0 if report.ok else 1


def backup_command(ctx, args) -> int:
    from models.security.backup import backup_store

    store = ctx.store()
    words = _secret(("backup_passphrase", "passphrase"), "Passphrase for the backup: ",
                    confirm=True)
    size = backup_store(store, Path(args.out), words, profile=ctx.profile())
    print(f"backup written: {args.out} ({size} bytes)")
    return 0


def restore_command(ctx, args) -> int:
    from models.security.backup import restore_store

    words = _secret(("backup_passphrase", "passphrase"), "The backup's passphrase: ")
    new = device_settings().passphrase or words
    count = restore_store(Path(args.file), ctx.path, words, new_passphrase=new)
    print(f"restored {count} files into {ctx.path}")
    print("This store syncs only after it enrolls again: ask HQ for a new enrollment code "
          "(登记码), then run `fieldinspect enroll`. Its unsent changes are kept.")
    return 0


def recover_command(ctx, args) -> int:
    from models.security.escrow import recover_store

    private_pem = Path(args.recovery_key).read_bytes()
    new = _secret(("passphrase",), "New passphrase for this store: ", confirm=True)
    recover_store(ctx.path, private_pem, new,
                  password=device_settings().recovery_key_passphrase or None)
    print("store recovered: it now opens with the new passphrase")
    return 0


def recovery_keygen_command(ctx, args) -> int:
    from models.security.escrow import generate_recovery_keypair

    out = Path(args.out)
    if out.exists():
        print(f"fieldinspect: {out} exists; not overwritten", file=sys.stderr)
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

    print("recovery key installed: "
          + install_recovery_key(ctx.store(), Path(args.public_key).read_bytes(),
                                 profile=ctx.profile()))
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
