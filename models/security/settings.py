"""Security settings a supervisor sets on the device; the desktop reads them."""

from models.enums import DeviceRole, ProfileRole
from models.errors import DomainError, Problem, ValidationError
from models.security import audit
from models.store.database import write_transaction
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
        raise DomainError(code="idle_lock_needs_supervisor")
    if not 1 <= minutes <= MAX_IDLE_LOCK_MINUTES:
        raise ValidationError(Problem.of("idle_lock_minutes", "idle_lock_out_of_range",
                                         low=1, high=MAX_IDLE_LOCK_MINUTES))
    with write_transaction(store.engine) as conn:
        set_meta(conn, IDLE_LOCK_META, str(minutes))
        audit.record(conn, "setting", profile=profile,
                     details={"idle_lock_minutes": minutes})


# Download attachments after sync up to this size each (MB; 0 = only when opened). HQ reviews
# every finding, so its photos should be there when a finding is opened: on by default. A field
# laptop is often on a phone's data plan and should carry as few decrypted-on-open copies of
# evidence as it needs: off by default there (its own photos are already on it; others' are
# fetched when opened).
DOWNLOAD_CAP_META = "attachment_download_mb"
DEFAULT_HQ_DOWNLOAD_MB = 20
MAX_DOWNLOAD_MB = 500


def attachment_download_mb(store: Store) -> int:
    value = store.meta(DOWNLOAD_CAP_META)
    if value and value.isdigit():
        return int(value)
    return DEFAULT_HQ_DOWNLOAD_MB if store.meta("device_role") == DeviceRole.HQ else 0


def set_attachment_download_mb(store: Store, mb: int, *, profile: str, role: ProfileRole) -> None:
    if ProfileRole(role) not in _MAY_SET:
        raise DomainError(code="download_cap_needs_supervisor")
    if not 0 <= mb <= MAX_DOWNLOAD_MB:
        raise ValidationError(Problem.of("attachment_download_mb", "download_cap_out_of_range",
                                         low=0, high=MAX_DOWNLOAD_MB))
    with write_transaction(store.engine) as conn:
        set_meta(conn, DOWNLOAD_CAP_META, str(mb))
        audit.record(conn, "setting", profile=profile, details={"attachment_download_mb": mb})
