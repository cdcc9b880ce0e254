"""The closed vocabularies of the domain (identifiers from shared/GLOSSARY.md).

Values are the lower-snake-case identifiers used in files, JSON and the database.
"""

from enum import StrEnum
from functools import lru_cache

from models.errors import ParseError


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


class AppraisalCategory(StrEnum):
    """The group a unit is ranked in (考评类别, issue 15 §2); by default from its kind
    (models.rules.appraisal_category), editable at HQ."""
    COUNTY_DEPARTMENT = "county_department"
    TOWNSHIP = "township"
    STATION = "station"
    SERVICE_WINDOW = "service_window"
    SCHOOL = "school"
    HOSPITAL = "hospital"


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


class ReplyMethod(StrEnum):
    """How HQ answered the person whose opinion became a problem (issue 14 §4)."""
    PHONE = "phone"
    LETTER = "letter"
    VISIT = "visit"


class ComplainantView(StrEnum):
    """What the person who complained thought of the handling, asked when HQ replied."""
    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"


class SourceKind(StrEnum):
    """What a problem came from, one row of `problem_source` each (issue 14 §1)."""
    FINDING = "finding"
    OPINION = "opinion"
    VISIT = "visit"
    EVALUATION = "evaluation"


class ExtensionDecision(StrEnum):
    """HQ's answer to a unit's request for a later deadline (延期申请)."""
    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"


class ReportReview(StrEnum):
    """HQ's acceptance of a unit's rectification report (验收 / 退回)."""
    PENDING = "pending"
    ACCEPTED = "accepted"
    RETURNED = "returned"


class DeviceRole(StrEnum):
    REPRESENTATIVE = "representative"
    OFFICE = "office"
    HQ = "hq"
    KIOSK = "kiosk"
    UNIT = "unit"  # a unit's liaison (联络员): its own problems, and its reports back


class ProfileRole(StrEnum):
    REPRESENTATIVE = "representative"
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    HQ = "hq"
    KIOSK = "kiosk"
    UNIT = "unit"


# Every value's label, (English, Chinese), in one table (issue 13 §2): the window (desktop/labels
# reads the English; its zh_CN catalogue must say the Chinese here, tests/desktop/
# test_translations.py), the documents and spreadsheets (reports/labels), the importers and the
# command line (parse_enum) all read it. Keyed by class first: StrEnum members of different
# enums can be equal as strings (RespondentGroup.CITIZEN, RepresentativeKind.CITIZEN).
LABELS: dict[type[StrEnum], dict[StrEnum, tuple[str, str]]] = {
    Level: {
        Level.SATISFIED: ("Satisfied", "满意"),
        Level.FAIRLY_SATISFIED: ("Fairly satisfied", "比较满意"),
        Level.BASICALLY_SATISFIED: ("Basically satisfied", "基本满意"),
        Level.DISSATISFIED: ("Dissatisfied", "不满意"),
    },
    KioskReason: {
        KioskReason.WAITED_TOO_LONG: ("Waited too long", "等候时间太长"),
        KioskReason.UNFRIENDLY_ATTITUDE: ("Unfriendly attitude", "态度不好"),
        KioskReason.SENT_BACK_AND_FORTH: ("Sent back and forth", "推诿扯皮、来回跑"),
        KioskReason.UNCLEAR_EXPLANATION: ("Unclear explanation", "解释不清楚"),
        KioskReason.STAFF_ABSENT: ("Staff absent from the window", "窗口无人（脱岗）"),
        KioskReason.IRREGULAR_FEES: ("Irregular charges", "乱收费"),
        KioskReason.NOT_GIVEN: ("No reason given", "未说明原因"),
    },
    RespondentGroup: {
        RespondentGroup.PARENT: ("Parents", "家长"),
        RespondentGroup.PATIENT: ("Patients", "患者"),
        RespondentGroup.CITIZEN: ("Citizens", "群众"),
    },
    EvaluationSource: {
        EvaluationSource.PAPER: ("Paper form", "纸质表"),
        EvaluationSource.KIOSK: ("Kiosk", "满意度评价器"),
        EvaluationSource.ONLINE: ("Online", "网上"),
        EvaluationSource.INTERVIEW: ("Interview", "访谈"),
    },
    UnitKind: {
        UnitKind.COUNTY: ("County", "县"),
        UnitKind.TOWNSHIP: ("Township", "乡镇"),
        UnitKind.DEPARTMENT: ("Department", "部门"),
        UnitKind.SCHOOL: ("School", "学校"),
        UnitKind.HOSPITAL: ("Hospital", "医院"),
        UnitKind.SERVICE_WINDOW: ("Service window", "服务窗口"),
        UnitKind.OTHER: ("Other", "其他"),
    },
    AppraisalCategory: {
        AppraisalCategory.COUNTY_DEPARTMENT: ("County departments", "县直部门"),
        AppraisalCategory.TOWNSHIP: ("Townships and streets", "乡镇（街道）"),
        AppraisalCategory.STATION: ("Stations", "站所"),
        AppraisalCategory.SERVICE_WINDOW: ("Service windows", "服务窗口"),
        AppraisalCategory.SCHOOL: ("Schools", "学校"),
        AppraisalCategory.HOSPITAL: ("Hospitals", "医院"),
    },
    RepresentativeKind: {
        RepresentativeKind.DEPUTY: ("People's congress deputy", "人大代表"),
        RepresentativeKind.CPPCC: ("CPPCC member", "政协委员"),
        RepresentativeKind.CONDUCT_SUPERVISOR: ("Conduct supervisor", "政风行风监督员"),
        RepresentativeKind.CITIZEN: ("Citizen representative", "群众代表"),
    },
    VisitKind: {
        VisitKind.SECRET: ("Secret visit", "暗访"),
        VisitKind.OPEN: ("Open inspection", "明查"),
        VisitKind.ON_SITE_REVIEW: ("On-site review", "现场评议"),
        VisitKind.SUPERVISION: ("Supervision visit", "监督走访"),
        VisitKind.MEDIA_INQUIRY: ("Media inquiry", "媒体问政"),
        VisitKind.LEADER_DIALOGUE: ("Dialogue with leaders", "对话领导"),
    },
    VisitStatus: {
        VisitStatus.PLANNED: ("Planned", "计划中"),
        VisitStatus.DONE: ("Done", "已完成"),
    },
    FindingCategory: {
        FindingCategory.PROCRASTINATION: ("Procrastination, passing the buck", "推诿拖延"),
        FindingCategory.ABSENT_FROM_POST: ("Absent from post", "脱岗离岗"),
        FindingCategory.POOR_ATTITUDE: ("Poor attitude", "服务态度差"),
        FindingCategory.FOUR_WINDS: ("The four winds", "四风问题"),
        FindingCategory.INACTION: ("Inaction", "不作为"),
        FindingCategory.SLOW_ACTION: ("Slow action", "慢作为"),
        FindingCategory.DISORDERLY_ACTION: ("Disorderly action", "乱作为"),
        FindingCategory.FEES: ("Irregular fees", "乱收费"),
        FindingCategory.OTHER: ("Other", "其他"),
    },
    Severity: {
        Severity.MINOR: ("Minor", "一般"),
        Severity.SERIOUS: ("Serious", "较重"),
        Severity.GRAVE: ("Grave", "严重"),
    },
    Sanction: {
        Sanction.CRITICISM_EDUCATION: ("Criticism and education", "批评教育"),
        Sanction.REMINDER_TALK: ("Reminder talk", "提醒谈话"),
        Sanction.ADMONITION_TALK: ("Admonition talk", "诫勉谈话"),
        Sanction.CIRCULATED_CRITICISM: ("Circulated criticism", "通报批评"),
        Sanction.WARNING: ("Warning", "警告"),
    },
    Outcome: {
        Outcome.DISCIPLINARY: ("Party or government disciplinary sanction", "党纪政务处分"),
        Outcome.ORGANISATIONAL: ("Organisational handling", "组织处理"),
        Outcome.UNIT_ACCOUNTABLE: ("Unit held accountable", "单位问责"),
    },
    CaseSubject: {
        CaseSubject.PERSON: ("Person", "个人"),
        CaseSubject.UNIT: ("Unit", "单位"),
    },
    OpinionSource: {
        OpinionSource.FORM: ("Evaluation form", "评议表"),
        OpinionSource.VISIT: ("Visit", "走访"),
        OpinionSource.HOTLINE: ("Hotline call", "热线电话"),
        OpinionSource.ONLINE: ("Online", "网上"),
        OpinionSource.OTHER: ("Other", "其他"),
    },
    OpinionCategory: {
        OpinionCategory.WORK_STYLE: ("Work style", "工作作风"),
        OpinionCategory.SERVICE_ATTITUDE: ("Service attitude", "服务态度"),
        OpinionCategory.EFFICIENCY: ("Work efficiency", "工作效率"),
        OpinionCategory.FEES: ("Fees and charges", "收费问题"),
        OpinionCategory.INTEGRITY: ("Integrity", "廉洁自律"),
        OpinionCategory.FACILITIES: ("Facilities", "设施环境"),
        OpinionCategory.POLICY: ("Policy", "政策落实"),
        OpinionCategory.OTHER: ("Other", "其他"),
    },
    ProblemSource: {
        ProblemSource.FINDING: ("Finding", "明察暗访发现"),
        ProblemSource.OPINION: ("Opinion", "群众意见建议"),
        ProblemSource.OTHER: ("Other", "其他"),
    },
    ProblemStatus: {
        ProblemStatus.OPEN: ("Open", "待查处"),
        ProblemStatus.INVESTIGATING: ("Investigating", "查处中"),
        ProblemStatus.RECTIFYING: ("Rectifying", "整改中"),
        ProblemStatus.RECTIFIED: ("Rectified", "已整改"),
        ProblemStatus.VERIFIED: ("Verified", "已办结"),
    },
    ReplyMethod: {
        ReplyMethod.PHONE: ("Phone call", "电话答复"),
        ReplyMethod.LETTER: ("Letter", "书面答复"),
        ReplyMethod.VISIT: ("Home visit", "上门回访"),
    },
    ComplainantView: {
        ComplainantView.SATISFIED: ("Satisfied with the handling", "满意"),
        ComplainantView.BASICALLY_SATISFIED: ("Basically satisfied with the handling", "基本满意"),
        ComplainantView.DISSATISFIED: ("Dissatisfied with the handling", "不满意"),
    },
    SourceKind: {
        SourceKind.FINDING: ("Finding", "明察暗访发现"),
        SourceKind.OPINION: ("Opinion", "群众意见建议"),
        SourceKind.VISIT: ("Visit", "走访"),
        SourceKind.EVALUATION: ("Evaluation form", "评议表"),
    },
    ExtensionDecision: {
        ExtensionDecision.PENDING: ("Awaiting decision", "待审批"),
        ExtensionDecision.APPROVED: ("Approved", "已批准"),
        ExtensionDecision.REFUSED: ("Refused", "不予批准"),
    },
    ReportReview: {
        ReportReview.PENDING: ("Awaiting acceptance", "待验收"),
        ReportReview.ACCEPTED: ("Accepted", "验收通过"),
        ReportReview.RETURNED: ("Returned", "已退回"),
    },
    DeviceRole: {
        DeviceRole.REPRESENTATIVE: ("Representative", "评议代表"),
        DeviceRole.OFFICE: ("Rectification office", "县纠风办"),
        DeviceRole.HQ: ("Headquarters", "县监察局（总部）"),
        DeviceRole.KIOSK: ("Kiosk", "满意度评价器"),
        DeviceRole.UNIT: ("Unit liaison", "单位联络员"),
    },
    ProfileRole: {
        ProfileRole.CLERK: ("Clerk", "录入员"),
        ProfileRole.SUPERVISOR: ("Supervisor", "负责人"),
        ProfileRole.REPRESENTATIVE: ("Representative", "评议代表"),
        ProfileRole.HQ: ("Headquarters", "县监察局（总部）"),
        ProfileRole.KIOSK: ("Kiosk", "满意度评价器"),
        ProfileRole.UNIT: ("Unit liaison", "单位联络员"),
    },
    Criterion: {
        Criterion.DISCIPLINE: ("Observing discipline", "遵守纪律"),
        Criterion.LAW: ("Acting by law", "依法办事"),
        Criterion.SERVICE: ("Service quality", "服务质量"),
        Criterion.INTEGRITY: ("Integrity and self-discipline", "廉洁自律"),
        Criterion.EFFICIENCY: ("Work efficiency", "工作效率"),
    },
}


# The Chinese labels alone, as imports (GLOSSARY.md) and `parse_enum` read them.
ZH_LABELS: dict[type[StrEnum], dict[StrEnum, str]] = {
    cls: {member: zh for member, (_en, zh) in labels.items()} for cls, labels in LABELS.items()
}


def en_label(member: StrEnum) -> str | None:
    return LABELS.get(type(member), {}).get(member, (None, None))[0]


def zh_label(member: StrEnum) -> str | None:
    return ZH_LABELS.get(type(member), {}).get(member)


@lru_cache(maxsize=4096)
def parse_enum(enum_cls: type[StrEnum], text: str) -> StrEnum:
    """Read an identifier or its Chinese label; raise ParseError (a ValueError) `not_one_of`
    naming the accepted values."""
    value = text.strip()
    key = value.lower().replace(" ", "_").replace("-", "_")
    for member in enum_cls:
        if key == member.value or value == zh_label(member):
            return member
    accepted = ", ".join(
        f"{m.value}/{zh_label(m)}" if zh_label(m) else m.value for m in enum_cls
    )
    accepted_zh = ", ".join(zh_label(m) or m.value for m in enum_cls)  # a Chinese reader's
    raise ParseError("not_one_of", value=value, accepted=accepted, accepted_zh=accepted_zh)
