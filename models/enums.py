"""The closed vocabularies of the domain (identifiers from shared/GLOSSARY.md).

Values are the lower-snake-case identifiers used in files, JSON and the database.
"""

from enum import StrEnum
from functools import lru_cache


class Level(StrEnum):
    SATISFIED = "satisfied"
    FAIRLY_SATISFIED = "fairly_satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"


class KioskReason(StrEnum):
    """The reasons a kiosk offers on "dissatisfied". Stored as these codes (a typed reason is
    stored as typed); each reader sees the label in their own language."""
    WAITED_TOO_LONG = "waited_too_long"
    UNFRIENDLY_ATTITUDE = "unfriendly_attitude"
    SENT_BACK_AND_FORTH = "sent_back_and_forth"
    UNCLEAR_EXPLANATION = "unclear_explanation"
    STAFF_ABSENT = "staff_absent"
    IRREGULAR_FEES = "irregular_fees"
    NOT_GIVEN = "not_given"  # the citizen walked away or sent nothing


class Criterion(StrEnum):
    DISCIPLINE = "discipline"
    LAW = "law"
    SERVICE = "service"
    INTEGRITY = "integrity"
    EFFICIENCY = "efficiency"


class RespondentGroup(StrEnum):
    PARENT = "parent"
    PATIENT = "patient"
    CITIZEN = "citizen"


class EvaluationSource(StrEnum):
    PAPER = "paper"
    KIOSK = "kiosk"
    ONLINE = "online"
    INTERVIEW = "interview"


class UnitKind(StrEnum):
    COUNTY = "county"
    TOWNSHIP = "township"
    DEPARTMENT = "department"
    SCHOOL = "school"
    HOSPITAL = "hospital"
    SERVICE_WINDOW = "service_window"
    OTHER = "other"


class RepresentativeKind(StrEnum):
    DEPUTY = "deputy"
    CPPCC = "cppcc"
    CONDUCT_SUPERVISOR = "conduct_supervisor"
    CITIZEN = "citizen"


class VisitKind(StrEnum):
    SECRET = "secret"
    OPEN = "open"
    ON_SITE_REVIEW = "on_site_review"
    SUPERVISION = "supervision"
    MEDIA_INQUIRY = "media_inquiry"
    LEADER_DIALOGUE = "leader_dialogue"


# The report's "public evaluation events" are these kinds of visit.
PUBLIC_EVENT_KINDS = (VisitKind.ON_SITE_REVIEW, VisitKind.MEDIA_INQUIRY, VisitKind.LEADER_DIALOGUE)


class VisitStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"


class FindingCategory(StrEnum):
    PROCRASTINATION = "procrastination"
    ABSENT_FROM_POST = "absent_from_post"
    POOR_ATTITUDE = "poor_attitude"
    FOUR_WINDS = "four_winds"
    INACTION = "inaction"
    SLOW_ACTION = "slow_action"
    DISORDERLY_ACTION = "disorderly_action"
    FEES = "fees"
    OTHER = "other"


class Severity(StrEnum):
    MINOR = "minor"
    SERIOUS = "serious"
    GRAVE = "grave"


class Sanction(StrEnum):
    CRITICISM_EDUCATION = "criticism_education"
    REMINDER_TALK = "reminder_talk"
    ADMONITION_TALK = "admonition_talk"
    CIRCULATED_CRITICISM = "circulated_criticism"
    WARNING = "warning"


class Outcome(StrEnum):
    DISCIPLINARY = "disciplinary"
    ORGANISATIONAL = "organisational"
    UNIT_ACCOUNTABLE = "unit_accountable"


class CaseSubject(StrEnum):
    PERSON = "person"
    UNIT = "unit"


class OpinionSource(StrEnum):
    FORM = "form"
    VISIT = "visit"
    HOTLINE = "hotline"
    ONLINE = "online"
    OTHER = "other"


class OpinionCategory(StrEnum):
    WORK_STYLE = "work_style"
    SERVICE_ATTITUDE = "service_attitude"
    EFFICIENCY = "efficiency"
    FEES = "fees"
    INTEGRITY = "integrity"
    FACILITIES = "facilities"
    POLICY = "policy"
    OTHER = "other"


class ProblemSource(StrEnum):
    FINDING = "finding"
    OPINION = "opinion"
    OTHER = "other"


class ProblemStatus(StrEnum):
    OPEN = "open"
    INVESTIGATING = "investigating"
    RECTIFYING = "rectifying"
    RECTIFIED = "rectified"
    VERIFIED = "verified"


PROBLEM_STATUS_ORDER = tuple(ProblemStatus)


class DeviceRole(StrEnum):
    REPRESENTATIVE = "representative"
    OFFICE = "office"
    HQ = "hq"
    KIOSK = "kiosk"


class ProfileRole(StrEnum):
    REPRESENTATIVE = "representative"
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    HQ = "hq"
    KIOSK = "kiosk"


# Chinese labels accepted by imports (GLOSSARY.md) and shown by the zh_CN UI, per enum
# (StrEnum members of different enums can be equal as strings, so key by class first).
ZH_LABELS: dict[type[StrEnum], dict[StrEnum, str]] = {
    Level: {
        Level.SATISFIED: "满意",
        Level.FAIRLY_SATISFIED: "比较满意",
        Level.BASICALLY_SATISFIED: "基本满意",
        Level.DISSATISFIED: "不满意",
    },
    KioskReason: {
        KioskReason.WAITED_TOO_LONG: "等候时间太长",
        KioskReason.UNFRIENDLY_ATTITUDE: "态度不好",
        KioskReason.SENT_BACK_AND_FORTH: "推诿扯皮、来回跑",
        KioskReason.UNCLEAR_EXPLANATION: "解释不清楚",
        KioskReason.STAFF_ABSENT: "窗口无人（脱岗）",
        KioskReason.IRREGULAR_FEES: "乱收费",
        KioskReason.NOT_GIVEN: "未说明原因",
    },
    RespondentGroup: {
        RespondentGroup.PARENT: "家长",
        RespondentGroup.PATIENT: "患者",
        RespondentGroup.CITIZEN: "群众",
    },
    UnitKind: {
        UnitKind.COUNTY: "县",
        UnitKind.TOWNSHIP: "乡镇",
        UnitKind.DEPARTMENT: "部门",
        UnitKind.SCHOOL: "学校",
        UnitKind.HOSPITAL: "医院",
        UnitKind.SERVICE_WINDOW: "服务窗口",
        UnitKind.OTHER: "其他",
    },
    RepresentativeKind: {
        RepresentativeKind.DEPUTY: "人大代表",
        RepresentativeKind.CPPCC: "政协委员",
        RepresentativeKind.CONDUCT_SUPERVISOR: "政风行风监督员",
        RepresentativeKind.CITIZEN: "群众代表",
    },
}


def zh_label(member: StrEnum) -> str | None:
    return ZH_LABELS.get(type(member), {}).get(member)


@lru_cache(maxsize=4096)
def parse_enum(enum_cls: type[StrEnum], text: str) -> StrEnum:
    """Read an identifier or its Chinese label; raise ValueError naming the accepted values."""
    value = text.strip()
    key = value.lower().replace(" ", "_").replace("-", "_")
    for member in enum_cls:
        if key == member.value or value == zh_label(member):
            return member
    accepted = ", ".join(
        f"{m.value}/{zh_label(m)}" if zh_label(m) else m.value for m in enum_cls
    )
    raise ValueError(f"'{value}' is not one of {accepted}")
