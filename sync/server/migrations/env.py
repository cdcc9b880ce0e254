"""Alembic environment for HQ's own tables, versioned in `sync_alembic_version`.

The shared data tables are migrated by models/migrations (table `alembic_version`); the two
version tables live side by side in the HQ database.
"""

from alembic import context

from sync.server.tables import metadata

connection = context.config.attributes.get("connection")
VERSION_TABLE = "sync_alembic_version"


def _include(obj, name, type_, reflected, compare_to) -> bool:
    # Only our own tables: the models' tables share this database.
    return type_ != "table" or name in metadata.tables


def run_migrations_online() -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        include_object=_include,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
