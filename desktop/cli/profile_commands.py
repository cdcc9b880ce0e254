"""`fieldinspect profile add|list|remove|set-pin`: the people of a device, set up without the
window (a kiosk at a service window, over SSH). Never imports Qt.

The rules are the window's (`models.profile_admin`: the roles a device offers, PINs of at least
four digits, never the last supervisor). A change needs a PIN-protected supervisor's PIN —
`FIELDINSPECT_SUPERVISOR_PIN`, else a prompt; `--user` names the supervisor when there are
several — except on a store with no PIN-protected supervisor yet, where the first is made. The
new PIN comes from `FIELDINSPECT_PIN`, else a prompt typed twice. Every change is audited by the
service; every refusal here too (`profile_change_refused`, with its code).
"""

import getpass
import os
import sys
from collections.abc import Callable

from desktop import messages
from desktop.cli.context import enum_help, enum_option, label, pad, say
from desktop.cli.usage import columns
from models.enums import ProfileRole
from models.errors import AppError, ValidationError

SUPERVISOR_PIN_VAR = "FIELDINSPECT_SUPERVISOR_PIN"
NEW_PIN_VAR = "FIELDINSPECT_PIN"
# Who the audit trail names for a change made before any supervisor has a PIN.
SETUP_BY = "command-line set-up"


def register(sub) -> None:
    profile = sub.add_parser("profile", help=messages.text("help_profile"))
    profile_sub = profile.add_subparsers(dest="profile_command", required=True,
                                         metavar="COMMAND")
    add = profile_sub.add_parser("add", help=messages.text("help_profile_add"))
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, type=enum_option(ProfileRole),
                     help=enum_help(ProfileRole))
    add.set_defaults(handler=add_command)
    listing = profile_sub.add_parser("list", help=messages.text("help_profile_list"))
    listing.set_defaults(handler=list_command)
    remove = profile_sub.add_parser("remove", help=messages.text("help_profile_remove"))
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=remove_command)
    set_pin = profile_sub.add_parser("set-pin", help=messages.text("help_profile_set_pin"))
    set_pin.add_argument("name", metavar="NAME")
    set_pin.set_defaults(handler=set_pin_command)


def _secret(variable: str, prompt_code: str, *, twice: bool = False, **args) -> str:
    """A PIN from the environment, else typed at a terminal (never echoed)."""
    given = os.environ.get(variable)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise AppError(code="profile_pin_not_given", params={"variable": variable})
    pin = getpass.getpass(messages.text(prompt_code, args))
    if twice and getpass.getpass(messages.text("profile_prompt_repeat_pin")) != pin:
        raise AppError(code="profile_pins_differ")
    return pin


def _new_pin(name: str) -> str:
    pin = _secret(NEW_PIN_VAR, "profile_prompt_new_pin", twice=True, name=name)
    if not pin:
        raise AppError(code="profile_pin_not_given", params={"variable": NEW_PIN_VAR})
    return pin


def _refusal_code(exc: AppError) -> str:
    if isinstance(exc, ValidationError) and exc.problems and exc.problems[0].code:
        return exc.problems[0].code
    return exc.code


def _change(ctx, change: str, name: str, apply: Callable[[object, str, str], None]) -> int:
    """Check who asks (a supervisor's PIN unless none has one yet), then `apply(store, by,
    by_role)`; a refusal is audited and reported like any error."""
    from models.profile_admin import acting_manager, record_refusal
    from models.security.pins import verify_pin

    store = ctx.store()
    by = ctx.user or SETUP_BY
    try:
        manager = acting_manager(store, ctx.user)
        if manager is None:
            by_role = ProfileRole.SUPERVISOR.value
        else:
            by, by_role = manager["name"], manager["role"]
            verify_pin(store, by, _secret(SUPERVISOR_PIN_VAR, "profile_prompt_supervisor_pin",
                                          name=by))
        apply(store, by, by_role)
    except AppError as exc:
        record_refusal(store, by, change, name, _refusal_code(exc))
        raise
    return 0


def add_command(ctx, args) -> int:
    from models.profile_admin import add_profile
    from models.profiles import device_role_name

    def apply(store, by, by_role):
        add_profile(store, args.name, args.role, _new_pin(args.name.strip()),
                    device_role=device_role_name(store), by=by)

    done = _change(ctx, "add", args.name, apply)
    say(messages.text("profile_added", {"name": args.name.strip(),
                                        "role": label(ProfileRole, args.role)}))
    return done


def remove_command(ctx, args) -> int:
    from models.profile_admin import remove_profile

    done = _change(ctx, "remove", args.name, lambda store, by, by_role: remove_profile(
        store, args.name, by=by, by_role=by_role))
    say(messages.text("profile_removed", {"name": args.name}))
    return done


def set_pin_command(ctx, args) -> int:
    from models.profile_admin import set_pin

    done = _change(ctx, "set-pin", args.name, lambda store, by, by_role: set_pin(
        store, args.name, _new_pin(args.name), by=by, by_role=by_role))
    say(messages.text("profile_pin_changed", {"name": args.name}))
    return done


def list_command(ctx, args) -> int:
    """One line a profile: name, role, whether it has a PIN, whether it is locked out."""
    from models.profile_admin import profile_rows

    rows = [(p["name"], label(ProfileRole, p["role"]),
             messages.text("profile_has_pin" if p["has_pin"] else "profile_has_no_pin"),
             messages.text("profile_locked") if p["locked"] else "")
            for p in profile_rows(ctx.store())]
    header = tuple(messages.text(code) for code in
                   ("profile_col_name", "profile_col_role", "profile_col_pin", "profile_col_state"))
    widths = [max(columns(c) for c in column) for column in zip(header, *rows)]
    for row in (header, *rows):
        print("  ".join(pad(cell, width) for cell, width in zip(row, widths)).rstrip())
    return 0
