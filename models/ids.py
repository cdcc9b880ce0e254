"""Row identities: time-ordered UUIDs for records, name-derived UUIDs for reference data."""

import uuid

import uuid_utils

# A fixed namespace so that every device derives the same id from the same natural key.
_NAMESPACE = uuid.UUID("6f1c1f0e-9a57-4d8e-8f0b-5c3d1e2a7b90")


def new_id() -> str:
    """A UUIDv7: made offline on the device, ordered by creation time."""
    return str(uuid_utils.uuid7())


def natural_id(kind: str, *key_parts: str) -> str:
    """A UUIDv5 from a reference row's natural key (a unit's path, a campaign's name...).

    Two laptops that create the same unit offline make the same id, so HQ ends with one record.
    """
    key = "\x1f".join(part.strip() for part in key_parts)
    return str(uuid.uuid5(_NAMESPACE, f"{kind}\x1e{key}"))
