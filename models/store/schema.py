"""Keeping a store's schema current with Alembic, without paying Alembic's import on every start.

Revisions are numbered "0001", "0002", ...; `HEAD` names the newest this app knows (a test checks
it against Alembic's own view). A store at HEAD opens at once; an older one is migrated in place;
one whose revision this app does not know was written by a newer app and is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import StoreTooNewError

if TYPE_CHECKING:
    import sqlalchemy as sa

HEAD = "0028"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def current_revision(conn: sa.Connection) -> str | None:
    has_table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).first() if conn.dialect.name == "sqlite" else _has_table(conn, "alembic_version")
    if not has_table:
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def _has_table(conn: sa.Connection, name: str) -> bool:
    import sqlalchemy as sa

    return sa.inspect(conn).has_table(name)


def alembic_config(connection: sa.Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def ensure_schema(engine: sa.Engine, *, device: bool = True) -> None:
    """`device=False`: HQ's server database, which holds the record tables but computes no
    results figure (migration 0024 keeps no counts there)."""
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision == HEAD:
        return
    if revision is not None and revision > HEAD:
        raise StoreTooNewError(code="store_too_new", params={"revision": revision, "head": HEAD})
    upgrade(engine, HEAD, device=device)


def upgrade(engine: sa.Engine, revision: str, *, device: bool = True) -> None:
    from alembic import command

    if getattr(engine, "driver_only", False):  # a store opened through the driver alone
        engine = engine.full_engine()
    with engine.begin() as conn:
        cfg = alembic_config(conn)
        cfg.attributes["device"] = device
        command.upgrade(cfg, revision)
    if engine.dialect.name == "sqlite":
        # The migrations' connection holds their few hundred statements, each run once, in its
        # statement cache (a new store: 272), which then throws out the statements the app
        # runs again and again (`models.store.database.STATEMENT_CACHE`): it is closed, and
        # the store's next checkout opens a connection with an empty cache.
        engine.dispose()
