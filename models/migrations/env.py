"""Alembic environment for a device store (and any database holding the shared tables)."""

from alembic import context

from models.tables import metadata

connection = context.config.attributes.get("connection")


def run_migrations_online() -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
