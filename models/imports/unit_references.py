"""A representative's township and unit of work as unit references (issue 16 §1), read from
the names an import carries: the township by name when exactly one live township unit has it,
the unit of work by its whole path, the end of its path or its name, when exactly one answers."""

from dataclasses import dataclass

import sqlalchemy as sa

from models.enums import UnitKind
from models.errors import Problem
from models.reference import Unit


@dataclass
class UnitReferences:
    paths: dict[str, str]
    townships: dict[str, list[str]]

    def township(self, name: str) -> str | None:
        found = self.townships.get(name.strip(), [])
        return found[0] if len(found) == 1 else None

    def work_unit(self, text: str, problems: list[Problem]) -> str | None:
        wanted = "/".join(p.strip() for p in text.strip().strip("/").split("/") if p.strip())
        if not wanted:
            return None
        found = [uid for uid, path in self.paths.items()
                 if path == wanted or path.endswith("/" + wanted)]
        if len(found) != 1:
            problems.append(Problem.of("work_unit", "representative_work_unit_unknown"
                                       if not found else "representative_work_unit_ambiguous",
                                       unit=text, count=len(found)))
            return None
        return found[0]


def unit_references(conn: sa.Connection) -> UnitReferences:
    from models.acceptance import unit_paths

    t = Unit.__table__
    townships: dict[str, list[str]] = {}
    for uid, name in conn.execute(sa.select(t.c.id, t.c.name).where(
            t.c.kind == UnitKind.TOWNSHIP, t.c.deleted_at.is_(None))):
        townships.setdefault(name, []).append(uid)
    return UnitReferences(unit_paths(conn), townships)
