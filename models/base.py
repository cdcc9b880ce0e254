"""What every synced row carries, and the column types shared by SQLite and PostgreSQL."""

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from pydantic import create_model
from sqlmodel import Field, SQLModel

from models.timeutil import utcnow


class UTCDateTime(sa.types.TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite has no time zones)."""

    impl = sa.DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(sa.DateTime(timezone=dialect.name != "sqlite"))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def sqlite_timestamp(value: datetime) -> str:
    """The text SQLAlchemy's SQLite DateTime stores, for driver-level bulk inserts."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def Timestamp(**kw: Any) -> Any:  # noqa: N802 - reads like a type in field declarations
    return Field(sa_type=UTCDateTime, **kw)


def Code(**kw: Any) -> Any:  # noqa: N802
    """An enum identifier stored as plain text (no native ENUM types to migrate)."""
    return Field(sa_type=sa.String(40), **kw)


def JsonList(**kw: Any) -> Any:  # noqa: N802
    return Field(default_factory=list, sa_type=sa.JSON, **kw)


class SyncedRow(SQLModel):
    """Identity, attribution, tombstone and server version carried by every synced row."""

    id: str = Field(primary_key=True, max_length=36)
    created_at: datetime = Timestamp(default_factory=utcnow)
    updated_at: datetime = Timestamp(default_factory=utcnow)
    created_device: str = Field(default="", max_length=36)
    created_by: str = Field(default="", max_length=80)
    updated_device: str = Field(default="", max_length=36)
    updated_by: str = Field(default="", max_length=80)
    deleted_at: datetime | None = Timestamp(default=None, nullable=True)
    # Indexed: the pull feed pages through rows by server version.
    server_version: int | None = Field(default=None, index=True)


# Columns the write path manages itself: a caller never sets them.
META_COLUMNS = frozenset(SyncedRow.model_fields)


def update_variant(base: type[SQLModel]) -> type[SQLModel]:
    """`XUpdate`: every field of `XBase`, optional, for partial edits."""
    fields = {
        name: (info.annotation | None, None) for name, info in base.model_fields.items()
    }
    return create_model(f"{base.__name__.removesuffix('Base')}Update", __base__=SQLModel, **fields)


def public_variant(base: type[SQLModel]) -> type[SQLModel]:
    """`XPublic`: what the API and the window read: the fields plus identity and attribution."""
    name = f"{base.__name__.removesuffix('Base')}Public"
    return type(name, (base, SyncedRow), {})


def variant_getattr(namespace: dict[str, Any]):
    """A module `__getattr__` that builds `XUpdate` / `XPublic` from `XBase` on first use.

    Building pydantic models costs start-up time that headless commands never need.
    """

    def __getattr__(name: str) -> Any:
        for suffix, make in (("Update", update_variant), ("Public", public_variant)):
            base = namespace.get(name.removesuffix(suffix) + "Base")
            if name.endswith(suffix) and base is not None:
                namespace[name] = made = make(base)
                return made
        raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")

    return __getattr__
