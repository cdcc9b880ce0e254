"""The domain rules, in one place, used by every entry path (window, import, sync, server)."""

import json
from datetime import date
from functools import cache
from typing import Any

from models.enums import (
    PROBLEM_STATUS_ORDER,
    ZH_LABELS,
    KioskReason,
    Level,
    ProblemStatus,
    ProfileRole,
)
from models.errors import DomainError, Problem, ValidationError

# A campaign's defaults: points per level (satisfied .. dissatisfied) and the fewest valid forms
# a unit needs to be ranked.
DEFAULT_WEIGHTS = (100.0, 80.0, 60.0, 0.0)
DEFAULT_MIN_SAMPLE = 30

# How much free text a field holds, in characters: a clerk's reason or note fits in a paragraph;
# a description, a summary or the measures taken in a few pages. (Names, posts and places keep
# the lengths their columns declare, 100 to 300.) The models declare these as `max_length`, so
# the window's path (pydantic) and HQ (per pushed field) check them; the write path and the
# importers check them with `text_limits`. The largest record, a problem with every text full,
# stays near 80 KB of UTF-8: far below HQ's 8 MB push cap, so a record saved here always fits.
NOTE_CHARS = 2000
TEXT_CHARS = 5000
# A cell of an imported file that is looked up or parsed (a unit path, a level, a date).
LOOKUP_CHARS = 1000

# Who may reopen a problem (send it back a step): a supervisor at the office, or HQ.
REOPEN_ROLES = (ProfileRole.SUPERVISOR, ProfileRole.HQ)

# A campaign's settings that decide results: the points per level (every score) and the fewest
# forms a unit needs to be ranked (models.stats.ranking_from_counts). HQ alone sets them, so the
# whole county is ranked by one rule; every other device reads them. A campaign's name, year,
# dates and open/closed state decide no figure and stay the office's.
RESULT_SETTINGS = ("weight_satisfied", "weight_fairly_satisfied", "weight_basically_satisfied",
                   "weight_dissatisfied", "min_sample")
RESULT_DEFAULTS = dict(zip(RESULT_SETTINGS, (*DEFAULT_WEIGHTS, DEFAULT_MIN_SAMPLE), strict=True))

# A visit's assignment decides who receives it (a planned secret visit: its representatives
# only), so once the visit exists only HQ changes it.
VISIT_ASSIGNMENT = ("team_id", "representative_ids")


def result_settings_set(before: dict | None, after: dict | None) -> list[str]:
    """The result-deciding settings a campaign change sets: those whose value changes, or, on a
    new campaign (`before` None), those that differ from the defaults."""
    if after is None:
        return []
    base = RESULT_DEFAULTS if before is None else before
    return [name for name in RESULT_SETTINGS
            if name in after and after[name] != base.get(name, RESULT_DEFAULTS[name])]


def assignment_changed(before: dict, after: dict) -> list[str]:
    """The assignment fields of a visit this change alters."""
    return [name for name in VISIT_ASSIGNMENT
            if _assignment(name, before.get(name)) != _assignment(name, after.get(name))]


def _assignment(name: str, value):
    if name != "representative_ids":
        return value or None
    if isinstance(value, str):  # the JSON text a driver may hand back
        value = json.loads(value) if value else []
    return sorted(set(value or []))  # who is assigned, not in which order


def evaluation_problems(level: str | None, reason: str | None) -> list[Problem]:
    """A dissatisfied form needs a reason."""
    if level == Level.DISSATISFIED and not (reason or "").strip():
        return [Problem("reason", "a reason is required when the level is dissatisfied")]
    return []


def criticism_problems(person_name: str | None, unit_id: str | None) -> list[Problem]:
    """A criticism names a person and a unit."""
    problems = []
    if not (person_name or "").strip():
        problems.append(Problem("person_name", "name the person criticised"))
    if not unit_id:
        problems.append(Problem("unit_id", "name the unit the person works in"))
    return problems


def deadline_problems(reported_on: date | None, deadline: date | None) -> list[Problem]:
    """A rectification deadline cannot precede the problem."""
    if reported_on and deadline and deadline < reported_on:
        return [Problem("deadline", f"the deadline {deadline} is before the problem was "
                                    f"reported ({reported_on})")]
    return []


def status_rank(status: str) -> int:
    return PROBLEM_STATUS_ORDER.index(ProblemStatus(status))


def check_status_change(
    current: str, new: str, *, actor_role: str | None = None, reopen_reason: str | None = None
) -> None:
    """open → investigating → rectifying → rectified → verified; skipping forward is allowed;
    going back only by a supervisor's explicit reopen with a reason, and never from verified."""
    if current == new:
        return
    if status_rank(new) > status_rank(current):
        return
    if current == ProblemStatus.VERIFIED:
        raise DomainError("A verified problem is closed and cannot be reopened.",
                          code="verified_is_final")
    if actor_role not in REOPEN_ROLES:
        raise DomainError("Only a supervisor can reopen a problem (move it back a step).",
                          code="reopen_needs_supervisor")
    if not (reopen_reason or "").strip():
        raise ValidationError.single("reopen_reason", "give the reason for reopening")


def is_overdue(deadline: date | None, status: str, as_of: date) -> bool:
    """Overdue: the deadline has passed and the problem is not yet rectified."""
    return (
        deadline is not None
        and deadline < as_of
        and status_rank(status) < status_rank(ProblemStatus.RECTIFIED)
    )


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


@cache
def text_limits(model: Any) -> dict[str, int]:
    """{field: most characters} of every text field of a SQLModel class that has a limit."""
    limits = {}
    for name, info in model.model_fields.items():
        for meta in info.metadata:
            limit = getattr(meta, "max_length", None)
            if isinstance(limit, int):
                limits[name] = limit
    return limits


def too_long(field: str, length: int, limit: int) -> Problem:
    return Problem(field, f"the text is {length:,} characters long; at most {limit:,} fit here",
                   code="too_long", args={"length": length, "limit": limit})


def length_problems(model: Any, values: dict[str, Any]) -> list[Problem]:
    """Text values longer than their field holds (`model`'s limits)."""
    limits = text_limits(model)
    return [too_long(name, len(value), limits[name]) for name, value in values.items()
            if type(value) is str and name in limits and len(value) > limits[name]]


# What kiosks before issue 12 stored: the button's text in the kiosk's language. Read back as
# the code wherever a reason is shown or counted, so old rows (on HQ, on every device that
# pulled them, and from a kiosk not yet upgraded) read like new ones.
_LEGACY_KIOSK_TEXT = {
    "Waited too long": KioskReason.WAITED_TOO_LONG,
    "Unfriendly attitude": KioskReason.UNFRIENDLY_ATTITUDE,
    "Sent back and forth": KioskReason.SENT_BACK_AND_FORTH,
    "Unclear explanation": KioskReason.UNCLEAR_EXPLANATION,
    "Staff absent from the window": KioskReason.STAFF_ABSENT,
    "Irregular fees": KioskReason.IRREGULAR_FEES,
    "No reason given": KioskReason.NOT_GIVEN,
    **{zh: member for member, zh in ZH_LABELS[KioskReason].items()},
}


_KIOSK_CODES = {m.value for m in KioskReason}


def kiosk_reason(reason: str | None) -> KioskReason | None:
    """The kiosk reason a stored reason names (its code, or an old kiosk's text in either
    language); None for a reason someone typed."""
    text = (reason or "").strip()
    if text in _KIOSK_CODES:
        return KioskReason(text)
    return _LEGACY_KIOSK_TEXT.get(text)


def kiosk_reasons_matching(text: str) -> list[str]:
    """Codes of the kiosk reasons whose words (English or Chinese) contain `text`: a search for
    "态度" or "attitude" finds forms that store `unfriendly_attitude`."""
    needle = text.strip().casefold()
    if not needle:
        return []
    return sorted({m.value for words, m in _LEGACY_KIOSK_TEXT.items()
                   if needle in words.casefold()})
