"""`fieldinspect kiosk --unit NAME [--campaign NAME]`: the satisfaction kiosk, full screen.

The checks (an open campaign, the unit, a supervisor PIN to leave) run before Qt is imported,
so a terminal misconfigured at boot says what is wrong and exits 1. `--self-test` starts the
kiosk as at boot, then closes it and exits 0: a machine set up over SSH is checked before the
clerk arrives."""

from desktop import messages
from desktop.cli.context import say


def register(sub) -> None:
    kiosk = sub.add_parser("kiosk", help=messages.text("help_kiosk"))
    kiosk.add_argument("--unit", required=True, metavar="NAME",
                       help=messages.text("opt_kiosk_unit"))
    kiosk.add_argument("--campaign", metavar="NAME", help=messages.text("opt_kiosk_campaign"))
    kiosk.add_argument("--windowed", action="store_true", help=messages.text("opt_kiosk_windowed"))
    kiosk.add_argument("--self-test", action="store_true",
                       help=messages.text("opt_kiosk_self_test"))
    kiosk.set_defaults(handler=kiosk_command)


def kiosk_target(store, unit: str, campaign: str | None) -> dict:
    from models.batches import find_campaign, find_unit, group_for_unit

    with store.read() as conn:
        found_campaign = find_campaign(conn, campaign)
        found_unit = find_unit(conn, unit)
    return {"campaign_id": found_campaign["id"], "unit_id": found_unit["id"],
            "unit_name": found_unit["name"], "group": group_for_unit(found_unit["kind"]).value}


def has_supervisor_pin(store) -> bool:
    from models.enums import ProfileRole
    from models.profiles import list_profiles

    return any(p["role"] in (ProfileRole.SUPERVISOR, ProfileRole.HQ) and p["pin_hash"]
               for p in list_profiles(store))


def kiosk_command(ctx, args) -> int:
    store = ctx.store()
    target = kiosk_target(store, args.unit, args.campaign)
    if not has_supervisor_pin(store):
        say(messages.text("cli_kiosk_no_supervisor_pin"))
        return 1
    profile = ctx.profile()
    from desktop.kiosk.run import run_kiosk

    return run_kiosk(store, profile, target, full_screen=not args.windowed,
                     self_test=args.self_test)
