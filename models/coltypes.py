"""Column types and timestamp text shared by the tables and the driver-level write path; kept
apart from models.base so the store opens without importing SQLModel (and pydantic, and the ORM).
`UTCDateTime`, a SQLAlchemy type, is made when first asked for (module `__getattr__`): the
driver-level write path (models/store/driver.py) runs without SQLAlchemy.
"""

import threading
from datetime import UTC, datetime

# Columns the write path manages itself: a caller never sets them (SyncedRow's fields; a test
# checks the two agree).
META_COLUMNS = frozenset({"id", "created_at", "updated_at", "created_device", "created_by",
                          "updated_device", "updated_by", "deleted_at", "server_version"})


def _utc_datetime_type():
    import sqlalchemy as sa

    class UTCDateTime(sa.types.TypeDecorator):
        """Timezone-aware UTC datetimes on every backend (SQLite has no time zones)."""

        impl = sa.DateTime
        cache_ok = True

        def load_dialect_impl(self, dialect):
            return dialect.type_descriptor(sa.DateTime(timezone=dialect.name != "sqlite"))

        def process_bind_param(self, value, dialect):
            if value is None:
                return None
            value = as_utc(value)
            return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

        def process_result_value(self, value, dialect):
            return as_utc(value)

    UTCDateTime.__module__, UTCDateTime.__qualname__ = __name__, "UTCDateTime"
    return UTCDateTime


_MAKING = threading.Lock()


def __getattr__(name: str):
    if name == "UTCDateTime":
        with _MAKING:  # one class, made once, whichever thread asks first
            made = globals().get("UTCDateTime")
            if made is None:
                made = globals()["UTCDateTime"] = _utc_datetime_type()
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def sqlite_timestamp(value: datetime) -> str:
    """The text SQLAlchemy's SQLite DateTime stores, for driver-level bulk inserts."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def as_utc(value: datetime | str | None) -> datetime | None:
    """A timestamp as an aware UTC datetime: an aware or naive one (naive is UTC, as the store
    keeps it), or its text (`sqlite_timestamp`'s, or ISO); what `UTCDateTime` reads back, for
    driver-level reads too. None stays None."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
