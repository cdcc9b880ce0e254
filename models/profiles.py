"""The people who use a device. The first profile is made on first use."""

import hashlib
import hmac
import secrets

from models.enums import DeviceRole, ProfileRole
from models.errors import NotFoundError
from models.ids import new_id
from models.store.store import Store, get_meta

DEFAULT_ROLE_FOR_DEVICE = {
    DeviceRole.REPRESENTATIVE: ProfileRole.REPRESENTATIVE,
    DeviceRole.OFFICE: ProfileRole.SUPERVISOR,
    DeviceRole.HQ: ProfileRole.HQ,
    DeviceRole.KIOSK: ProfileRole.KIOSK,
    DeviceRole.UNIT: ProfileRole.UNIT,  # a unit's liaison (issue 14 §2)
}


def device_role(store: Store) -> DeviceRole:
    """Fixed at enrollment; a store that never enrolled acts as an office machine."""
    return DeviceRole(store.meta("device_role", DeviceRole.OFFICE.value))


def device_role_name(store: Store) -> str:
    """The role HQ enrolled this device for, as stored. A newer HQ may name a role this version
    does not know: the window then shows no pages and says so (desktop/pages/registry.py),
    instead of failing before it opens."""
    return store.meta("device_role", DeviceRole.OFFICE.value)


def default_profile_role(role_name: str) -> ProfileRole:
    """The first profile's role on a device of this role; on a role this version does not know,
    the least a profile may do (a clerk), never more."""
    try:
        return DEFAULT_ROLE_FOR_DEVICE[DeviceRole(role_name)]
    except ValueError:
        return ProfileRole.CLERK


def is_standalone(store: Store) -> bool:
    """Never enrolled and not a demo: an office with no HQ, which keeps its own reference data
    (campaigns, teams, units, representatives) until it enrolls."""
    return not store.meta("device_role") and not store.is_demo


def list_profiles(store: Store) -> list[dict]:
    # Read at driver level: this runs before the first window is drawn, and the SQLModel table
    # classes (models.device) cost ~0.3 s to import. Every column read is plain text.
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, name, role, pin_hash FROM profile WHERE deleted_at IS NULL "
            "ORDER BY created_at").mappings()
        return [dict(r) for r in rows]


def create_profile(store: Store, name: str, role: ProfileRole, pin: str = "") -> str:
    from models.device import Profile

    profile_id = new_id()
    with store.engine.begin() as conn:
        conn.execute(Profile.__table__.insert().values(
            id=profile_id, name=name.strip(), role=role.value, pin_hash=hash_pin(pin) if pin else "",
            created_device=store.device_id, updated_device=store.device_id,
            created_by=name.strip(), updated_by=name.strip(),
        ))
    return profile_id


def acting_profile(store: Store, requested: str | None) -> str:
    """The named profile, or the device's first one (made on first use)."""
    profiles = list_profiles(store)
    if requested:
        for p in profiles:
            if p["name"] == requested:
                return p["name"]
        raise NotFoundError(code="no_such_profile", params={"name": requested})
    if profiles:
        return profiles[0]["name"]
    create_profile(store, "admin", default_profile_role(device_role_name(store)))
    return "admin"


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**12, r=8, p=1, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_pin(pin_hash: str, pin: str) -> bool:
    if not pin_hash:
        return pin == ""
    _, salt, digest = pin_hash.split("$")
    got = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=2**12, r=8, p=1, dklen=32)
    return hmac.compare_digest(got.hex(), digest)


__all__ = ["get_meta"]
