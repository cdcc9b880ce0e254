"""What may be published, and how free text is cleaned before it is (docs/redaction.md).

A public output is built from an allow-list of fields; on top of that, every free text that
is published passes `Redactor.scrub`, which masks the confidential strings gathered here.
Whether a problem's source is confidential is HQ's synced flag (models/confidential.py), so
every device publishes the same; this device judges only the problems HQ has not judged yet.
"""

import re
from dataclasses import dataclass, field

import sqlalchemy as sa

from models.confidential import CATEGORY, FLAG, unjudged_confidential
from models.enums import FindingCategory, ProblemSource, Sanction, VisitKind
from models.records import AccountabilityCase, Opinion, PersonnelCriticism, Visit
from models.reference import Representative
from reports.labels import zh

PHONE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
DATE = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}月\d{1,2}日")
SEPARATORS = re.compile(r"[\s,，;；:：/、()（）]+")
MASK = "***"


def mask_name(name: str) -> str:
    """王小明 → 王某 (the customary way to leave a person unnamed)."""
    return f"{name[0]}某" if name else name


@dataclass
class Redactor:
    names: set[str] = field(default_factory=set)      # people who must stay unnamed
    literals: set[str] = field(default_factory=set)   # contacts, secret-visit places and notes
    # Problems HQ has not judged yet (never pushed, or relinked since) whose source counts as
    # confidential here: id → the finding's category when this device holds it.
    unjudged: dict[str, str | None] = field(default_factory=dict)

    def scrub(self, text: str | None, *, drop_dates: bool = False) -> str:
        out = text or ""
        for literal in sorted(self.literals, key=len, reverse=True):
            out = out.replace(literal, MASK)
        for name in sorted(self.names, key=len, reverse=True):
            out = out.replace(name, mask_name(name))
        out = ID_NUMBER.sub(MASK, PHONE.sub(MASK, out))
        return DATE.sub("", out) if drop_dates else out

    def is_secret(self, problem: dict) -> bool:
        """From the synced flag only (so every device publishes the same), except for a
        problem HQ has not judged yet, which this device judges by the same rule."""
        return bool(problem.get(FLAG)) or problem["id"] in self.unjudged

    def public_problem(self, p: dict) -> dict:
        """The published fields of a problem. One whose source is confidential (an unannounced
        visit's finding) is described by its category only, with no date, place or account
        of the visit."""
        secret = self.is_secret(p)
        if secret:
            category = p.get(CATEGORY) or self.unjudged.get(p["id"]) or "other"
            description = f"存在{zh(FindingCategory, category)}问题"
        else:
            description = self.scrub(p["description"])
        return {"unit": p["unit_label"], "description": description,
                "measures": self.scrub(p["measures"], drop_dates=secret),
                "responsible_person": p["responsible_person"], "deadline": p["deadline"],
                "status": p["status"], "source": "督查发现" if p["source"] == "finding"
                else zh(ProblemSource, p["source"])}


def _strings(conn: sa.Connection, *columns, where=()) -> set[str]:
    rows = conn.execute(sa.select(*columns).where(*where)).all()
    return {str(v).strip() for row in rows for v in row if v and str(v).strip()}


def build_redactor(conn: sa.Connection) -> Redactor:
    pc, ac = PersonnelCriticism.__table__, AccountabilityCase.__table__
    op, rep = Opinion.__table__, Representative.__table__
    v = Visit.__table__
    names = _strings(conn, pc.c.person_name,
                     where=[pc.c.sanction != Sanction.CIRCULATED_CRITICISM])
    names |= _strings(conn, ac.c.person_name)
    names |= _strings(conn, rep.c.name)
    # A contact ("李某某 138…") is masked whole and part by part, name and number alike.
    contacts = _strings(conn, op.c.contact)
    literals = contacts | {part for c in contacts for part in SEPARATORS.split(c)}
    literals |= _strings(conn, rep.c.phone)
    literals |= _strings(conn, v.c.place, v.c.summary, where=[v.c.kind == VisitKind.SECRET])
    # Free text never names these people, even when someone of the same name is named in a
    # circulated criticism: that name is printed only from the criticism's own record.
    return Redactor(names={n for n in names if len(n) >= 2},
                    literals={s for s in literals if len(s) >= 2},
                    unjudged=unjudged_confidential(conn))
