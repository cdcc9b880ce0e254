"""`fieldinspect kiosk --unit NAME [--campaign NAME]`: the satisfaction kiosk, full screen.

The checks (an open campaign, the unit, a supervisor PIN to leave) run before Qt is imported,
so a terminal misconfigured at boot says what is wrong and exits 1."""

import sys


def register(sub) -> None:
    kiosk = sub.add_parser("kiosk", help="run the satisfaction kiosk full screen at a window")
    kiosk.add_argument("--unit", required=True, metavar="NAME", help="the service window rated")
    kiosk.add_argument("--campaign", metavar="NAME", help="default: the open campaign")
    kiosk.add_argument("--windowed", action="store_true", help="not full screen (for set-up)")
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
        print("fieldinspect: no supervisor profile with a PIN on this device, so kiosk mode "
              "could not be left; create one when setting up the terminal.", file=sys.stderr)
        return 1
    profile = ctx.profile()
    from desktop.kiosk.run import run_kiosk

    return run_kiosk(store, profile, target, full_screen=not args.windowed)
