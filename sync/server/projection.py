"""What a unit's liaison device receives of a problem (issue 14 §2; loop.md, decision 2).

A unit reads its assigned problems, never where they came from: no `source` / `source_id`
(shown as "other", none), none of the reply to the complainant, and for a problem whose source
is confidential (a secret visit's finding, or one HQ cannot resolve) the assignment text HQ
wrote for the unit in place of the description. Applied to every problem row HQ serves a unit
device (the pull is the only path: conflicts go to settlers only, and a unit cannot edit a
problem, so no push answer carries one).
"""

from models import rules
from models.enums import ProblemSource
from models.records import Problem


def _default(name: str) -> object:
    value = Problem.model_fields[name].default
    return getattr(value, "value", value)  # an enum default as the wire's text


# Column -> the value a unit device receives whatever HQ holds.
HIDDEN: dict[str, object] = {
    "source": ProblemSource.OTHER.value, "source_id": None,
    **{name: _default(name) for name in rules.REPLY_FIELDS},
}


def project_problems(columns: list[str], rows: list) -> list:
    """The problem rows (in wire order `columns`) as a unit device may hold them."""
    at = {name: i for i, name in enumerate(columns)}
    hidden = [(at[name], value) for name, value in HIDDEN.items() if name in at]
    flag, text, desc = at["confidential_source"], at["assignment_text"], at["description"]
    out = []
    for row in rows:
        values = list(row)
        for i, value in hidden:
            values[i] = value
        if values[flag]:
            values[desc] = values[text] or ""
        out.append(values)
    return out
