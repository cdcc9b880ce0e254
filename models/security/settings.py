"""Security settings a supervisor sets on the device; the desktop reads them."""

from models.enums import ProfileRole
from models.errors import DomainError, ValidationError
from models.security import audit
from models.store.store import Store, set_meta

IDLE_LOCK_META = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10
MAX_IDLE_LOCK_MINUTES = 240
_MAY_SET = {ProfileRole.SUPERVISOR, ProfileRole.HQ}


def idle_lock_minutes(store: Store) -> int:
    """Minutes without input after which the window locks (0 = never: not allowed to set)."""
    value = store.meta(IDLE_LOCK_META)
    return int(value) if value and value.isdigit() else DEFAULT_IDLE_LOCK_MINUTES


def set_idle_lock_minutes(store: Store, minutes: int, *, profile: str, role: ProfileRole) -> None:
    if ProfileRole(role) not in _MAY_SET:
        raise DomainError("Only a supervisor or HQ sets the idle lock.", code="forbidden")
    if not 1 <= minutes <= MAX_IDLE_LOCK_MINUTES:
        raise ValidationError.single(
            "idle_lock_minutes", f"between 1 and {MAX_IDLE_LOCK_MINUTES} minutes")
    with store.engine.connect().execution_options(immediate=True) as conn, conn.begin():
        set_meta(conn, IDLE_LOCK_META, str(minutes))
        audit.record(conn, "setting", profile=profile,
                     details={"idle_lock_minutes": minutes})
