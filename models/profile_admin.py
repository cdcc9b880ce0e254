"""The people who share this device: adding and removing profiles, setting PINs (no Qt).

Profiles are local to the device (never synced). The roles offered follow the device's role:
an office device has clerks and supervisors; the others have their one role. Every change is
audited; a PIN change clears that profile's lockout.
"""

import json

import sqlalchemy as sa

from models.device import Profile
from models.enums import DeviceRole, ProfileRole
from models.errors import DomainError, Problem, ValidationError
from models.profiles import create_profile, hash_pin, list_profiles
from models.security import audit
from models.security.lockout import wait_after
from models.security.pins import reset_pin_lockout
from models.store.database import write_transaction
from models.store.store import Store
from models.timeutil import utcnow

_T = Profile.__table__
MIN_PIN = 4

ROLES_FOR_DEVICE: dict[str, tuple[ProfileRole, ...]] = {
    DeviceRole.OFFICE: (ProfileRole.CLERK, ProfileRole.SUPERVISOR),
    DeviceRole.HQ: (ProfileRole.HQ,),
    DeviceRole.REPRESENTATIVE: (ProfileRole.REPRESENTATIVE,),
    DeviceRole.KIOSK: (ProfileRole.KIOSK, ProfileRole.SUPERVISOR),
    DeviceRole.UNIT: (ProfileRole.UNIT,),
}


def roles_for_device(device_role: str) -> tuple[ProfileRole, ...]:
    return ROLES_FOR_DEVICE.get(device_role, ROLES_FOR_DEVICE[DeviceRole.OFFICE])


def may_manage(profile_role: str) -> bool:
    """Everyone but a clerk (and a kiosk) may add profiles and set others' PINs."""
    return profile_role not in (ProfileRole.CLERK, ProfileRole.KIOSK)


def _check_pin(pin: str) -> None:
    if pin and (len(pin) < MIN_PIN or not pin.isdigit()):
        raise ValidationError(Problem.of("pin", "profile_pin_too_short", minimum=MIN_PIN))


def add_profile(store: Store, name: str, role: str, pin: str, *, device_role: str,
                by: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError(Problem.of("name", "profile_needs_name"))
    if role not in roles_for_device(device_role):
        raise ValidationError(Problem.of("role", "profile_role_not_on_device",
                                         device_role=device_role, role=role))
    if any(p["name"] == name for p in list_profiles(store)):
        raise ValidationError(Problem.of("name", "profile_name_taken", name=name))
    _check_pin(pin)
    with store.read() as conn:
        removed = conn.execute(sa.select(_T.c.id).where(
            _T.c.name == name, _T.c.deleted_at.is_not(None))).scalar()
    # A name that comes back gets its old (removed) row again: names are unique on a device.
    profile_id = removed or create_profile(store, name, ProfileRole(role), pin)
    with write_transaction(store.engine) as conn:
        if removed:
            conn.execute(_T.update().where(_T.c.id == removed).values(
                deleted_at=None, role=role, pin_hash=hash_pin(pin) if pin else "",
                updated_by=by, updated_at=utcnow()))
        audit.record(conn, "profile_added", profile=by, details={"profile": name, "role": role})
    if removed:
        reset_pin_lockout(store, name, by=by)
    return profile_id


def remove_profile(store: Store, name: str, *, by: str, by_role: str) -> None:
    """A person stops using this device. What they wrote keeps their name; the device keeps at
    least one profile that can manage the others, and nobody removes themselves."""
    if not may_manage(by_role):
        raise DomainError(code="remove_profile_needs_supervisor")
    if name == by:
        raise DomainError(code="remove_self")
    profiles = list_profiles(store)
    target = next((p for p in profiles if p["name"] == name), None)
    if target is None:
        raise ValidationError(Problem.of("name", "profile_not_found", name=name))
    managers = [p for p in profiles if may_manage(p["role"])]
    if may_manage(target["role"]) and len(managers) <= 1:
        raise DomainError(code="last_manager")
    with write_transaction(store.engine) as conn:
        conn.execute(_T.update().where(_T.c.id == target["id"]).values(
            deleted_at=utcnow(), updated_by=by, updated_at=utcnow()))
        audit.record(conn, "profile_removed", profile=by, details={"profile": name})


def set_pin(store: Store, name: str, pin: str, *, by: str, by_role: str) -> None:
    """Set (or, with an empty PIN, remove) a profile's PIN; clears its lockout."""
    if name != by and not may_manage(by_role):
        raise DomainError(code="pin_needs_supervisor")
    _check_pin(pin)
    with write_transaction(store.engine) as conn:
        done = conn.execute(_T.update().where(_T.c.name == name, _T.c.deleted_at.is_(None))
                            .values(pin_hash=hash_pin(pin) if pin else "", updated_by=by,
                                    updated_at=utcnow()))
        if done.rowcount != 1:
            raise ValidationError(Problem.of("name", "profile_not_found", name=name))
        audit.record(conn, "pin_set", profile=by, details={"profile": name})
    reset_pin_lockout(store, name, by=by)


def profile_rows(store: Store) -> list[dict]:
    """Name, role, whether a PIN is set, and the PIN lockout count (for the settings list)."""
    from models.store.store import get_meta

    with store.read() as conn:
        rows = conn.execute(sa.select(_T.c.id, _T.c.name, _T.c.role, _T.c.pin_hash)
                            .where(_T.c.deleted_at.is_(None)).order_by(_T.c.created_at)).all()
        out = []
        for r in rows:
            raw = get_meta(conn, f"pin_failures:{r.id}")
            failures = int(json.loads(raw)["failures"]) if raw else 0
            out.append({"name": r.name, "role": r.role, "has_pin": bool(r.pin_hash),
                        "locked": wait_after(failures) != 0.0})
    return out


def pin_protected_managers(store: Store) -> list[dict]:
    """The profiles that may manage the others and have a PIN to prove who they are."""
    return [p for p in list_profiles(store) if may_manage(p["role"]) and p["pin_hash"]]


def acting_manager(store: Store, requested: str | None) -> dict | None:
    """Who changes profiles without the window (`fieldinspect profile …`): None on a store with
    no PIN-protected supervisor yet (setting a machine up), else the named profile, or the one
    PIN-protected manager when `requested` is None. Its PIN is checked by the caller
    (`models.security.pins.verify_pin`: lockout and audit as at the window's lock)."""
    managers = pin_protected_managers(store)
    if not managers:
        return None
    if requested is None:
        if len(managers) > 1:
            raise DomainError(code="profile_change_which_supervisor",
                              params={"names": ", ".join(p["name"] for p in managers)})
        return managers[0]
    found = next((p for p in managers if p["name"] == requested), None)
    if found is None:
        if not any(p["name"] == requested for p in list_profiles(store)):
            raise ValidationError(Problem.of("name", "profile_not_found", name=requested))
        raise DomainError(code="profile_change_needs_supervisor", params={"name": requested})
    return found


def record_refusal(store: Store, by: str, change: str, name: str, code: str) -> None:
    """A profile change refused (a wrong PIN, the last supervisor, a clerk asking…) stays in the
    audit trail with who asked, what for and why."""
    with write_transaction(store.engine) as conn:
        audit.record(conn, "profile_change_refused", profile=by,
                     details={"change": change, "profile": name, "code": code})
