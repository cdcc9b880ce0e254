"""The domain rules, in one place, used by every entry path (window, import, sync, server)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlalchemy as sa

from models.enums import (
    PROBLEM_STATUS_ORDER,
    ZH_LABELS,
    AppraisalCategory,
    FindingCategory,
    KioskReason,
    Level,
    ProblemStatus,
    ProfileRole,
    RespondentGroup,
    UnitKind,
    VisitKind,
)
from models.errors import DomainError, Problem, ValidationError

# A campaign's defaults: points per level (satisfied .. dissatisfied) and the fewest valid forms
# a unit needs to be ranked.
DEFAULT_WEIGHTS = (100.0, 80.0, 60.0, 0.0)
DEFAULT_MIN_SAMPLE = 30
# A campaign's bands and appraisal points (issue 15 §2): 先进 the top 10 % of each appraisal
# category, 末位 its last 3, 合格 the rest; a score of 100 is worth 10 appraisal points.
DEFAULT_BANDS = (10.0, 3, 10.0)

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
# The bands (先进 / 末位) and the appraisal points decide rewards and punishments: HQ's too,
# and so does whether units are ranked within their appraisal category or in one county list.
RESULT_SETTINGS = ("weight_satisfied", "weight_fairly_satisfied", "weight_basically_satisfied",
                   "weight_dissatisfied", "min_sample",
                   "band_top_percent", "band_bottom_count", "appraisal_points", "rank_by_category")
RESULT_DEFAULTS = dict(zip(RESULT_SETTINGS, (*DEFAULT_WEIGHTS, DEFAULT_MIN_SAMPLE, *DEFAULT_BANDS,
                                             True), strict=True))

# A visit's assignment decides who receives it (a planned secret visit: its representatives
# only), so once the visit exists only HQ changes it.
VISIT_ASSIGNMENT = ("team_id", "representative_ids")

# K of the office settings until HQ sets it (models.reference.OfficeSettings, models.chase)
DEFAULT_ACCOUNTABILITY_THRESHOLD = 3


# The reply to the complainant (issue 14 §4): HQ alone records it; every other device reads it.
REPLY_FIELDS = ("reply_method", "replied_on", "replied_by", "complainant_view")
# Fields only HQ sets (issue 14): a problem's assignment to its unit, HQ's answer to a unit's
# extension request, and HQ's acceptance of a unit's rectification report.
ASSIGNMENT_FIELDS = ("assignment_text", "assignment_no", "assigned_on")
EXTENSION_DECISION_FIELDS = ("decision", "decision_reason", "decided_on", "decided_by")
REPORT_REVIEW_FIELDS = ("review", "review_reason", "reviewed_on", "reviewed_by")


def reply_changed(before: dict | None, after: dict | None) -> list[str]:
    """The reply fields a problem change sets (on a new problem: those given a value)."""
    if after is None:
        return []
    return [name for name in REPLY_FIELDS if name in after
            and (after[name] or None) != ((before or {}).get(name) or None)]


def answer_changed(names: tuple[str, ...], before: dict | None, after: dict | None) -> list[str]:
    """HQ's answer fields (`EXTENSION_DECISION_FIELDS`, `REPORT_REVIEW_FIELDS`) a change sets:
    on a new row, those not at their blank default ("pending", "", None); on an edit, those
    whose value changes."""
    if after is None:
        return []

    def blank(value: Any) -> Any:
        return None if value in ("", "pending") else value
    return [name for name in names if name in after
            and blank(after[name]) != blank((before or {}).get(name))]


def reply_problems(row: dict, contact: str | None) -> list[Problem]:
    """A reply only to an opinion's author who left a contact; its method needs their view."""
    if not any(row.get(name) for name in REPLY_FIELDS):
        return []
    if row.get("source") != "opinion" or not (contact or "").strip():
        return [Problem.of("reply_method", "reply_needs_contact")]
    if row.get("reply_method") and not row.get("complainant_view"):
        return [Problem.of("complainant_view", "reply_needs_view")]
    return []


def problem_assignment_set(before: dict | None, after: dict | None) -> list[str]:
    """The assignment fields a problem change sets (on a new problem: those given a value)."""
    if after is None:
        return []
    return [name for name in ASSIGNMENT_FIELDS if name in after
            and (after[name] or None) != ((before or {}).get(name) or None)]


# What gives a secret visit away in a finding's text (issue 14 §1): any date, and the time of
# day ("上午9点", "9:30", "14时20分"); its place, team and people are taken out by name.
_VISIT_DATE = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}月\d{1,2}日")
_DAY_PART = r"凌晨|早上|上午|中午|下午|傍晚|晚上"
_VISIT_TIME = re.compile(rf"(?:{_DAY_PART})?\d{{1,2}}(?:[:：]\d{{2}}|[点时](?:\d{{1,2}}分|半)?)|{_DAY_PART}")
_LEFT_OVER = re.compile(r"[（(][\s，,、]*[）)]|[ \t]{2,}|^[，,；;、 ]+|[，,；;、 ]+$")


def propose_assignment_text(findings: Iterable[tuple[str | None, str | None]],
                            secrets: Iterable[str] = ()) -> str:
    """The unit-facing text HQ is offered for a problem made from findings (category,
    description): per finding "存在<category>问题：<description>", the description without any
    date or time of day and without `secrets` (the visit's place, account, team and people),
    so the unit learns what to rectify and nothing of the visit that found it."""
    words = sorted({s.strip() for s in secrets if s and len(s.strip()) >= 2}, key=len,
                   reverse=True)
    lines = []
    for category, description in findings:
        text = description or ""
        for word in words:
            text = text.replace(word, "")
        text = _VISIT_TIME.sub("", _VISIT_DATE.sub("", text))
        text = _LEFT_OVER.sub("", _LEFT_OVER.sub("", text.strip())).strip()
        label = ZH_LABELS[FindingCategory].get(FindingCategory(category or "other"), "")
        lines.append(f"存在{label}问题：{text}" if text else f"存在{label}问题")
    return "\n".join(dict.fromkeys(lines))


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
        return [Problem.of("reason", "reason_required")]
    return []


def criticism_problems(person_name: str | None, unit_id: str | None) -> list[Problem]:
    """A criticism names a person and a unit."""
    problems = []
    if not (person_name or "").strip():
        problems.append(Problem.of("person_name", "criticism_needs_person"))
    if not unit_id:
        problems.append(Problem.of("unit_id", "criticism_needs_unit"))
    return problems


def deadline_problems(reported_on: date | None, deadline: date | None) -> list[Problem]:
    """A rectification deadline cannot precede the problem."""
    if reported_on and deadline and deadline < reported_on:
        # ISO dates: the arguments travel in HQ's outcome details, which are JSON
        return [Problem.of("deadline", "deadline_before_report", deadline=deadline.isoformat(),
                           reported=reported_on.isoformat())]
    return []


# --- what each entry form needs (issue 12 §4) -------------------------------------------------
# Each refusal names its field and carries a stable code (with arguments) that the window
# renders in the user's language; the English message is for logs, the CLI and HQ's outcomes.
# On HQ and on an edit they run only when one of their fields is set (`changed`), so a row an
# older device made before the rule existed is not refused for a field nobody touched.
SECRET_VISIT_NEEDS = (("unit_id", "secret_visit_needs_unit"),
                      ("team_id", "secret_visit_needs_team"),
                      ("representative_ids", "secret_visit_needs_representatives"))
WEIGHT_RANGE = (0.0, 100.0)
MIN_SAMPLE_FLOOR = 1


def _touches(changed: set[str] | None, *names: str) -> bool:
    return changed is None or any(name in changed for name in names)


def visit_problems(row: dict, changed: set[str] | None = None) -> list[Problem]:
    """A secret visit names the unit visited, the team and the representatives who go: without
    them nobody but HQ receives it, and nobody can be sent."""
    if row.get("kind") != VisitKind.SECRET:
        return []
    if not _touches(changed, "kind", *(name for name, *_ in SECRET_VISIT_NEEDS)):
        return []
    return [Problem.of(name, code) for name, code in SECRET_VISIT_NEEDS if not row.get(name)]


def finding_problems(row: dict, changed: set[str] | None = None) -> list[Problem]:
    """A finding says what was found."""
    if _touches(changed, "description") and not (row.get("description") or "").strip():
        return [Problem.of("description", "finding_needs_description")]
    return []


def verification_problems(status: str | None, measures: str | None) -> list[Problem]:
    """A problem is verified only once the measures taken are written down."""
    if status == ProblemStatus.VERIFIED and not (measures or "").strip():
        return [Problem.of("measures", "verify_needs_measures")]
    return []


def campaign_problems(row: dict, changed: set[str] | None = None) -> list[Problem]:
    """Weights run from satisfied down to dissatisfied, each within 0..100, and a unit is ranked
    on at least one form (a minimum of 0 would rank a unit nobody evaluated)."""
    if not _touches(changed, *RESULT_SETTINGS):
        return []
    problems, above = [], None
    low, high = WEIGHT_RANGE
    for name in RESULT_SETTINGS[:4]:
        value = row.get(name, RESULT_DEFAULTS[name])
        if value is None or not low <= value <= high:
            problems.append(Problem.of(name, "weight_out_of_range", low=low, high=high))
        elif above is not None and value > above[1]:
            problems.append(Problem.of(name, "weight_above_previous", limit=above[1],
                                       above=above[0]))
        else:
            above = (name, value)
    min_sample = row.get("min_sample", DEFAULT_MIN_SAMPLE)
    if min_sample is None or min_sample < MIN_SAMPLE_FLOOR:
        problems.append(Problem.of("min_sample", "min_sample_too_small",
                                   minimum=MIN_SAMPLE_FLOOR))
    return problems + band_problems(row)


def band_problems(row: dict) -> list[Problem]:
    """先进 is a share of a category (0..100 %), 末位 a count (0 or more), the points for a
    score of 100 not negative."""
    problems = []
    top = row.get("band_top_percent", RESULT_DEFAULTS["band_top_percent"])
    if top is None or not 0 <= top <= 100:
        problems.append(Problem.of("band_top_percent", "band_percent_out_of_range"))
    for name in ("band_bottom_count", "appraisal_points"):
        value = row.get(name, RESULT_DEFAULTS[name])
        if value is None or value < 0:
            problems.append(Problem.of(name, "band_negative"))
    return problems


# A photo is recognised by its first bytes, not its name: a text file called `.jpg` is refused.
PHOTO_SIGNATURES = (
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"BM", "image/bmp"),
    (8, b"WEBP", "image/webp"),  # after "RIFF" and the size
    (8, b"heic", "image/heic"), (8, b"heix", "image/heic"), (8, b"mif1", "image/heif"),
    (8, b"msf1", "image/heif"), (8, b"hevc", "image/heic"),  # an ISO box: "....ftyp<brand>"
)


def photo_media_type(head: bytes) -> str | None:
    """The image type the file's first bytes announce, or None when it is no photo."""
    for offset, magic, media_type in PHOTO_SIGNATURES:
        if head[offset:offset + len(magic)] != magic:
            continue
        if offset == 8 and magic != b"WEBP" and head[4:8] != b"ftyp":
            continue
        if magic == b"WEBP" and head[:4] != b"RIFF":
            continue
        return media_type
    return None


def photo_problems(name: str, head: bytes) -> list[Problem]:
    if photo_media_type(head) is None:
        return [Problem.of("photo", "not_a_photo", source=name, file=name)]
    return []


def status_rank(status: str) -> int:
    return PROBLEM_STATUS_ORDER.index(ProblemStatus(status))


def is_investigated(status: str) -> bool:
    """Investigating or later: what `stats` counts as `problems.investigated` and what the
    public notice lists by default (issue 14 §5)."""
    return status_rank(status) >= status_rank(ProblemStatus.INVESTIGATING)


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
        raise DomainError(code="verified_is_final")
    if actor_role not in REOPEN_ROLES:
        raise DomainError(code="reopen_needs_supervisor")
    if not (reopen_reason or "").strip():
        raise ValidationError(Problem.of("reopen_reason", "reopen_needs_reason"))


# Overdue, the one rule (issue 13 §2): a problem whose deadline is before the day it is looked at
# (the clerk's calendar, `timeutil.local_today`) and that is not yet rectified. A problem due
# today is not overdue; one rectified after its deadline is no longer overdue. `is_overdue` is
# the rule on one row, `overdue_clause` the same rule as SQL; the window's list, the ledger, the
# overdue report and the statistics all use one of the two.
OPEN_STATUSES = PROBLEM_STATUS_ORDER[:PROBLEM_STATUS_ORDER.index(ProblemStatus.RECTIFIED)]


def is_overdue(deadline: date | None, status: str, as_of: date) -> bool:
    """Overdue: the deadline has passed and the problem is not yet rectified."""
    return deadline is not None and deadline < as_of and status in OPEN_STATUSES


def overdue_clause(deadline: Any, status: Any, as_of: date) -> sa.ColumnElement[bool]:
    """`is_overdue` as a SQL condition on a deadline and a status column."""
    import sqlalchemy as sa

    return sa.and_(deadline.is_not(None), deadline < as_of,
                   status.in_([s.value for s in OPEN_STATUSES]))


def days_overdue(deadline: date | None, status: str, as_of: date) -> int | None:
    """How many days past its deadline an overdue problem is (None when it is not overdue)."""
    return (as_of - deadline).days if is_overdue(deadline, status, as_of) else None


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
    return Problem.of(field, "too_long", length=length, limit=limit)


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


# --- the unit's own records (issue 14 §2): its receipt, extension requests and reports -------
# The unit's liaison device checks them as they are written (models/unit_reports.py) and HQ can
# check a pushed one with the same facts: whether the problem is signed for, has a pending
# request, has a completed report awaiting acceptance, and is verified (closed).

def receipt_problems(already_signed: bool) -> list[Problem]:
    """A problem is signed for once (签收): the chase starts at the first receipt."""
    return [Problem.of("problem_id", "already_signed")] if already_signed else []


def extension_problems(current: date | None, requested: date | None, reason: str | None,
                       *, pending: bool) -> list[Problem]:
    """A request for a later deadline (延期申请): a reason, a date after the current deadline,
    and one request at a time (HQ answers the pending one first)."""
    problems = []
    if pending:
        problems.append(Problem.of("problem_id", "extension_pending"))
    if not (reason or "").strip():
        problems.append(Problem.of("reason", "extension_needs_reason"))
    if requested is None:
        problems.append(Problem.of("requested_deadline", "field_required"))
    elif current is not None and requested <= current:
        problems.append(Problem.of("requested_deadline", "extension_not_later",
                                   requested=requested.isoformat(), current=current.isoformat()))
    return problems


def report_problems(what_done: str | None, completed_on: date | None, today: date,
                    *, awaiting: bool) -> list[Problem]:
    """A rectification report (整改报告): what was done, a completion date not in the future,
    and no new report while a completed one awaits HQ's acceptance."""
    problems = []
    if awaiting:
        problems.append(Problem.of("problem_id", "report_awaiting_acceptance"))
    if not (what_done or "").strip():
        problems.append(Problem.of("what_done", "report_needs_what_done"))
    if completed_on is not None and completed_on > today:
        problems.append(Problem.of("completed_on", "completed_in_future",
                                   completed=completed_on.isoformat(), today=today.isoformat()))
    return problems


# --- appraisal categories (issue 15 §2) -------------------------------------------------------
_CATEGORY_OF_KIND = {
    UnitKind.DEPARTMENT: AppraisalCategory.COUNTY_DEPARTMENT,
    UnitKind.TOWNSHIP: AppraisalCategory.TOWNSHIP,
    UnitKind.SCHOOL: AppraisalCategory.SCHOOL,
    UnitKind.HOSPITAL: AppraisalCategory.HOSPITAL,
    UnitKind.SERVICE_WINDOW: AppraisalCategory.SERVICE_WINDOW,
    UnitKind.OTHER: AppraisalCategory.STATION,
}


def unit_category_set(before: dict | None, after: dict | None) -> list[str]:
    """["category"] when a unit change sets HQ's appraisal category: a new unit given one, or
    an edit that changes it (HQ alone sets it: it decides which list a unit is ranked in)."""
    if after is None or "category" not in after:
        return []
    old = (before or {}).get("category") or None
    return ["category"] if (after["category"] or None) != old else []


def appraisal_category(kind: str | None, category: str | None) -> AppraisalCategory | None:
    """The category a unit is ranked in: the one HQ set, else the one its kind gives (a county
    itself is ranked in none)."""
    if category:
        return AppraisalCategory(category)
    return _CATEGORY_OF_KIND.get(kind) if kind else None


# Who may rate which unit (issue 17 §1): parents a unit that is or lies under a school,
# patients one that is or lies under a hospital, citizens any unit. Checked in batch entry
# (models/batches.py) and by `import evaluations`; `kinds_up` is the unit's kind and its
# ancestors' (models/unit_lineage.py).
_GROUP_NEEDS = {RespondentGroup.PARENT: (UnitKind.SCHOOL, "parents_need_school"),
                RespondentGroup.PATIENT: (UnitKind.HOSPITAL, "patients_need_hospital")}


def group_fit_problems(group: str | None, kinds_up: Iterable[str]) -> list[Problem]:
    """A form's respondent group that does not fit its unit (field `group`)."""
    need = _GROUP_NEEDS.get(group) if group else None
    if need is None or need[0] in set(kinds_up):
        return []
    return [Problem.of("group", need[1])]
