"""Fresh stores in tests without running every migration again: the first fresh SQLite store of
a test process is migrated by Alembic as always, and what that made (its tables, indexes,
views and triggers, in SQLite's own words, and the rows the chain left: the revision) is
replayed into each later fresh store in one transaction.

Why: nearly every test opens a new store, and the device chain (0001..HEAD) took about 0.7 s of
each open, HQ's SQLite chain about as much again: a good part of the whole suite's time.
The result is the same schema, checked by test_schema_template.py against a real migration.
Only a store with no table at all, brought to HEAD, is replayed: migration tests that start
from an older revision, and PostgreSQL, always run the real chain. Installed by
tests/conftest.py; FIELDINSPECT_TEST_REAL_MIGRATIONS=1 turns it off.
"""

from dataclasses import dataclass

import sqlalchemy as sa

_ORDER = {"table": 0, "view": 1, "index": 2, "trigger": 3}
REAL: dict[str, object] = {}  # the wrapped functions, for test_schema_template.py


@dataclass(frozen=True)
class Template:
    objects: tuple[tuple[str, str, str], ...]  # (type, name, sql), tables first
    rows: tuple[tuple[str, tuple[tuple, ...]], ...]  # (table, its rows)
    # What a later chain dropped of the first one's objects: (type, name), dropped first
    dropped: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, conn: sa.Connection) -> "Template":
        found = conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all()
        objects = tuple(tuple(o) for o in sorted(found, key=lambda o: _ORDER[o[0]]))
        rows = ((name, tuple(tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{name}"')))
                for kind, name, _sql in objects if kind == "table")
        return cls(objects, tuple((t, r) for t, r in rows if r))

    @property
    def ddl(self) -> tuple[str, ...]:
        return tuple(sql for _kind, _name, sql in self.objects)

    def minus(self, before: "Template") -> "Template | None":
        """What a later chain added to `before` (its objects, and the rows of the tables it
        made) and dropped of it (HQ's s0009 drops two device indexes); None when it changed
        an object that was there."""
        old, new = set(before.objects), set(self.objects)
        added = tuple(o for o in self.objects if o not in old)
        gone = tuple((kind, name) for kind, name, _sql in before.objects
                     if (kind, name, _sql) not in new)
        names = {(kind, name) for kind, name, _sql in added}
        if any(g in names for g in gone):
            return None  # it altered an object of the first chain
        new_tables = {name for kind, name, _sql in added if kind == "table"}
        return Template(added, tuple((t, r) for t, r in self.rows if t in new_tables),
                        gone)

    def replay(self, conn: sa.Connection) -> None:
        for kind, name in self.dropped:
            conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
        for sql in self.ddl:
            conn.exec_driver_sql(sql)
        for table, rows in self.rows:
            marks = ", ".join("?" * len(rows[0]))
            conn.exec_driver_sql(f'INSERT INTO "{table}" VALUES ({marks})', list(rows))


def is_empty(engine: sa.Engine) -> bool:
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar() == 0


def has_table(engine: sa.Engine, name: str) -> bool:
    with engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
            (name,)).scalar() > 0


def snapshot(engine: sa.Engine) -> Template:
    with engine.connect() as conn:
        return Template.of(conn)


def install(monkeypatch_like) -> None:
    """Wrap the device chain (models.store.schema.upgrade) and HQ's (sync.server.db's
    _migrate_both) for the rest of this process."""
    from models.store import schema
    from sync.server import db as server_db

    real_upgrade, real_both = schema.upgrade, server_db._migrate_both
    REAL.update(upgrade=real_upgrade, migrate_both=real_both)
    made: dict[str, Template | None] = {}

    def upgrade(engine: sa.Engine, revision: str, *, device: bool = True) -> None:
        # HQ's server database runs the device chain without the results counts
        # (device=False): a template of its own.
        key = "device" if device else "hq_device"
        if engine.dialect.name != "sqlite" or revision != schema.HEAD or not is_empty(engine):
            return real_upgrade(engine, revision, device=device)
        if key not in made:
            real_upgrade(engine, revision, device=device)
            made[key] = snapshot(engine)
            return None
        with engine.begin() as conn:
            made[key].replay(conn)
        engine.dispose()  # as the real chain ends: no connection keeps the replay's statements
        return None

    def migrate_both(engine: sa.Engine) -> None:
        device = made.get("hq_device")
        fresh = (engine.dialect.name == "sqlite" and device is not None
                 and not has_table(engine, "sync_alembic_version")
                 and sorted(snapshot(engine).objects) == sorted(device.objects))
        if fresh and made.get("server") is not None:
            with engine.begin() as conn:
                made["server"].replay(conn)
            return
        real_both(engine)
        if fresh and "server" not in made:
            made["server"] = snapshot(engine).minus(device)

    monkeypatch_like(schema, "upgrade", upgrade)
    monkeypatch_like(server_db, "_migrate_both", migrate_both)
