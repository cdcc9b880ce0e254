"""Which unit lives on as which (issue 15 §3): a unit merged into another or replaced by a
renamed one keeps its history under its successor when campaigns are compared.

`unit_succession` is a synced table HQ alone writes and holds (sync/server/scope.py gives no
other role access). One row per old unit (its id derives from the old unit's id), so recording
another successor for it updates that row. models/comparison.py follows the chain.
"""

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.base import SyncedRow
from models.errors import DomainError
from models.ids import natural_id
from models.security.roles import require_hq_device
from models.store.writes import WriteSession

HQ_ONLY = "succession_hq_only"


class UnitSuccessionBase(SQLModel):
    old_unit_id: str = Field(max_length=36, index=True)
    new_unit_id: str = Field(max_length=36, index=True)


class UnitSuccession(UnitSuccessionBase, SyncedRow, table=True):
    __tablename__ = "unit_succession"


class UnitSuccessionCreate(UnitSuccessionBase):
    pass


def _refuse(code: str, **args) -> DomainError:
    return DomainError(code=code, params=args)


def _live_units(conn: sa.Connection) -> dict[str, str]:
    from models.stats import UNIT

    return dict(conn.execute(sa.select(UNIT.c.id, UNIT.c.name)
                             .where(UNIT.c.deleted_at.is_(None))).all())


def find_unit(conn: sa.Connection, text: str) -> str:
    """The id of the unit named by `text`: its whole path ("余庆县/白泥镇/卫生院"), the end of
    its path ("白泥镇/卫生院") or its name, when exactly one unit answers."""
    from models.acceptance import unit_paths

    wanted = "/".join(part.strip() for part in text.strip().strip("/").split("/"))
    found = [uid for uid, path in unit_paths(conn).items()
             if path == wanted or path.endswith("/" + wanted)]
    if not found:
        raise _refuse("succession_unknown_unit", unit=text)
    if len(found) > 1:
        raise _refuse("succession_ambiguous_unit", unit=text, count=len(found))
    return found[0]


def _chain(conn: sa.Connection) -> dict[str, str]:
    t = UnitSuccession.__table__
    return dict(conn.execute(sa.select(t.c.old_unit_id, t.c.new_unit_id)
                             .where(t.c.deleted_at.is_(None))).all())


def record_succession(w: WriteSession, old_unit_id: str, new_unit_id: str) -> str:
    """HQ records that `old_unit_id` lives on as `new_unit_id`; returns the row's id. Refused:
    not HQ, an unknown unit, the same unit, or a chain that would lead back to the old one."""
    require_hq_device(w.conn, ["new_unit_id"], "Only HQ records a unit's successor.", HQ_ONLY)
    units = _live_units(w.conn)
    for uid in (old_unit_id, new_unit_id):
        if uid not in units:
            raise _refuse("succession_unknown_unit", unit=uid)
    if old_unit_id == new_unit_id:
        raise _refuse("succession_same_unit", unit=units[old_unit_id])
    chain, node = _chain(w.conn), new_unit_id
    while node in chain and node != old_unit_id:
        node = chain[node]
    if node == old_unit_id:
        raise _refuse("succession_cycle", old=units[old_unit_id], new=units[new_unit_id])
    row_id = natural_id("unit_succession", old_unit_id)
    t = UnitSuccession.__table__
    if w.conn.execute(sa.select(t.c.id).where(t.c.id == row_id)).first() is not None:
        w.update(UnitSuccession, row_id, {"new_unit_id": new_unit_id, "deleted_at": None})
    else:
        w.create(UnitSuccession, {"id": row_id, "old_unit_id": old_unit_id,
                                  "new_unit_id": new_unit_id})
    return row_id
