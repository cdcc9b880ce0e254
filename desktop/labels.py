"""What the window calls each domain identifier, in English, marked for translation.

The English is models.enums.LABELS's; the zh_CN catalogue says its Chinese (checked by
tests/desktop/test_translations.py::test_window_labels_are_the_one_tables)."""

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.enums import (
    AppraisalCategory,
    CaseSubject,
    DeviceRole,
    EvaluationSource,
    ExtensionDecision,
    FindingCategory,
    KioskReason,
    Level,
    OpinionCategory,
    OpinionSource,
    Outcome,
    ProblemSource,
    ProblemStatus,
    ProfileRole,
    ReportReview,
    RepresentativeKind,
    RespondentGroup,
    Sanction,
    Severity,
    SourceKind,
    UnitKind,
    VisitKind,
    VisitStatus,
)

_C = "Labels"


def _k(member: StrEnum) -> tuple[type, str]:
    # Keyed by class too: RespondentGroup.CITIZEN and RepresentativeKind.CITIZEN are both "citizen".
    return type(member), member.value


ENGLISH: dict[tuple[type, str], str] = {
    _k(Level.SATISFIED): QT_TRANSLATE_NOOP("Labels", "Satisfied"),
    _k(Level.FAIRLY_SATISFIED): QT_TRANSLATE_NOOP("Labels", "Fairly satisfied"),
    _k(Level.BASICALLY_SATISFIED): QT_TRANSLATE_NOOP("Labels", "Basically satisfied"),
    _k(Level.DISSATISFIED): QT_TRANSLATE_NOOP("Labels", "Dissatisfied"),
    _k(KioskReason.WAITED_TOO_LONG): QT_TRANSLATE_NOOP("Labels", "Waited too long"),
    _k(KioskReason.UNFRIENDLY_ATTITUDE): QT_TRANSLATE_NOOP("Labels", "Unfriendly attitude"),
    _k(KioskReason.SENT_BACK_AND_FORTH): QT_TRANSLATE_NOOP("Labels", "Sent back and forth"),
    _k(KioskReason.UNCLEAR_EXPLANATION): QT_TRANSLATE_NOOP("Labels", "Unclear explanation"),
    _k(KioskReason.STAFF_ABSENT): QT_TRANSLATE_NOOP("Labels", "Staff absent from the window"),
    # Not "Irregular fees": that is the finding category's English word in this context.
    _k(KioskReason.IRREGULAR_FEES): QT_TRANSLATE_NOOP("Labels", "Irregular charges"),
    _k(KioskReason.NOT_GIVEN): QT_TRANSLATE_NOOP("Labels", "No reason given"),
    _k(RespondentGroup.PARENT): QT_TRANSLATE_NOOP("Labels", "Parents"),
    _k(RespondentGroup.PATIENT): QT_TRANSLATE_NOOP("Labels", "Patients"),
    _k(RespondentGroup.CITIZEN): QT_TRANSLATE_NOOP("Labels", "Citizens"),
    _k(EvaluationSource.PAPER): QT_TRANSLATE_NOOP("Labels", "Paper form"),
    _k(EvaluationSource.KIOSK): QT_TRANSLATE_NOOP("Labels", "Kiosk"),
    _k(EvaluationSource.ONLINE): QT_TRANSLATE_NOOP("Labels", "Online"),
    _k(EvaluationSource.INTERVIEW): QT_TRANSLATE_NOOP("Labels", "Interview"),
    _k(UnitKind.COUNTY): QT_TRANSLATE_NOOP("Labels", "County"),
    _k(UnitKind.TOWNSHIP): QT_TRANSLATE_NOOP("Labels", "Township"),
    _k(UnitKind.DEPARTMENT): QT_TRANSLATE_NOOP("Labels", "Department"),
    _k(UnitKind.SCHOOL): QT_TRANSLATE_NOOP("Labels", "School"),
    _k(UnitKind.HOSPITAL): QT_TRANSLATE_NOOP("Labels", "Hospital"),
    _k(UnitKind.SERVICE_WINDOW): QT_TRANSLATE_NOOP("Labels", "Service window"),
    _k(UnitKind.OTHER): QT_TRANSLATE_NOOP("Labels", "Other"),
    _k(RepresentativeKind.DEPUTY): QT_TRANSLATE_NOOP("Labels", "People's congress deputy"),
    _k(RepresentativeKind.CPPCC): QT_TRANSLATE_NOOP("Labels", "CPPCC member"),
    _k(RepresentativeKind.CONDUCT_SUPERVISOR): QT_TRANSLATE_NOOP("Labels", "Conduct supervisor"),
    _k(RepresentativeKind.CITIZEN): QT_TRANSLATE_NOOP("Labels", "Citizen representative"),
    _k(VisitKind.SECRET): QT_TRANSLATE_NOOP("Labels", "Secret visit"),
    _k(VisitKind.OPEN): QT_TRANSLATE_NOOP("Labels", "Open inspection"),
    _k(VisitKind.ON_SITE_REVIEW): QT_TRANSLATE_NOOP("Labels", "On-site review"),
    _k(VisitKind.SUPERVISION): QT_TRANSLATE_NOOP("Labels", "Supervision visit"),
    _k(VisitKind.MEDIA_INQUIRY): QT_TRANSLATE_NOOP("Labels", "Media inquiry"),
    _k(VisitKind.LEADER_DIALOGUE): QT_TRANSLATE_NOOP("Labels", "Dialogue with leaders"),
    _k(VisitStatus.PLANNED): QT_TRANSLATE_NOOP("Labels", "Planned"),
    _k(VisitStatus.DONE): QT_TRANSLATE_NOOP("Labels", "Done"),
    _k(FindingCategory.PROCRASTINATION): QT_TRANSLATE_NOOP("Labels", "Procrastination, passing the buck"),
    _k(FindingCategory.ABSENT_FROM_POST): QT_TRANSLATE_NOOP("Labels", "Absent from post"),
    _k(FindingCategory.POOR_ATTITUDE): QT_TRANSLATE_NOOP("Labels", "Poor attitude"),
    _k(FindingCategory.FOUR_WINDS): QT_TRANSLATE_NOOP("Labels", "The four winds"),
    _k(FindingCategory.INACTION): QT_TRANSLATE_NOOP("Labels", "Inaction"),
    _k(FindingCategory.SLOW_ACTION): QT_TRANSLATE_NOOP("Labels", "Slow action"),
    _k(FindingCategory.DISORDERLY_ACTION): QT_TRANSLATE_NOOP("Labels", "Disorderly action"),
    _k(FindingCategory.FEES): QT_TRANSLATE_NOOP("Labels", "Irregular fees"),
    _k(FindingCategory.OTHER): QT_TRANSLATE_NOOP("Labels", "Other"),
    _k(Severity.MINOR): QT_TRANSLATE_NOOP("Labels", "Minor"),
    _k(Severity.SERIOUS): QT_TRANSLATE_NOOP("Labels", "Serious"),
    _k(Severity.GRAVE): QT_TRANSLATE_NOOP("Labels", "Grave"),
    _k(Sanction.CRITICISM_EDUCATION): QT_TRANSLATE_NOOP("Labels", "Criticism and education"),
    _k(Sanction.REMINDER_TALK): QT_TRANSLATE_NOOP("Labels", "Reminder talk"),
    _k(Sanction.ADMONITION_TALK): QT_TRANSLATE_NOOP("Labels", "Admonition talk"),
    _k(Sanction.CIRCULATED_CRITICISM): QT_TRANSLATE_NOOP("Labels", "Circulated criticism"),
    _k(Sanction.WARNING): QT_TRANSLATE_NOOP("Labels", "Warning"),
    _k(Outcome.DISCIPLINARY): QT_TRANSLATE_NOOP("Labels", "Party or government disciplinary sanction"),
    _k(Outcome.ORGANISATIONAL): QT_TRANSLATE_NOOP("Labels", "Organisational handling"),
    _k(Outcome.UNIT_ACCOUNTABLE): QT_TRANSLATE_NOOP("Labels", "Unit held accountable"),
    _k(CaseSubject.PERSON): QT_TRANSLATE_NOOP("Labels", "Person"),
    _k(CaseSubject.UNIT): QT_TRANSLATE_NOOP("Labels", "Unit"),
    _k(OpinionSource.FORM): QT_TRANSLATE_NOOP("Labels", "Evaluation form"),
    _k(OpinionSource.VISIT): QT_TRANSLATE_NOOP("Labels", "Visit"),
    _k(OpinionSource.HOTLINE): QT_TRANSLATE_NOOP("Labels", "Hotline call"),
    _k(OpinionSource.ONLINE): QT_TRANSLATE_NOOP("Labels", "Online"),
    _k(OpinionSource.OTHER): QT_TRANSLATE_NOOP("Labels", "Other"),
    _k(OpinionCategory.WORK_STYLE): QT_TRANSLATE_NOOP("Labels", "Work style"),
    _k(OpinionCategory.SERVICE_ATTITUDE): QT_TRANSLATE_NOOP("Labels", "Service attitude"),
    _k(OpinionCategory.EFFICIENCY): QT_TRANSLATE_NOOP("Labels", "Work efficiency"),
    _k(OpinionCategory.FEES): QT_TRANSLATE_NOOP("Labels", "Fees and charges"),
    _k(OpinionCategory.INTEGRITY): QT_TRANSLATE_NOOP("Labels", "Integrity"),
    _k(OpinionCategory.FACILITIES): QT_TRANSLATE_NOOP("Labels", "Facilities"),
    _k(OpinionCategory.POLICY): QT_TRANSLATE_NOOP("Labels", "Policy"),
    _k(OpinionCategory.OTHER): QT_TRANSLATE_NOOP("Labels", "Other"),
    _k(ProblemSource.FINDING): QT_TRANSLATE_NOOP("Labels", "Finding"),
    _k(ProblemSource.OPINION): QT_TRANSLATE_NOOP("Labels", "Opinion"),
    _k(ProblemSource.OTHER): QT_TRANSLATE_NOOP("Labels", "Other"),
    _k(ProblemStatus.OPEN): QT_TRANSLATE_NOOP("Labels", "Open"),
    _k(ProblemStatus.INVESTIGATING): QT_TRANSLATE_NOOP("Labels", "Investigating"),
    _k(ProblemStatus.RECTIFYING): QT_TRANSLATE_NOOP("Labels", "Rectifying"),
    _k(ProblemStatus.RECTIFIED): QT_TRANSLATE_NOOP("Labels", "Rectified"),
    _k(ProblemStatus.VERIFIED): QT_TRANSLATE_NOOP("Labels", "Verified"),
    _k(DeviceRole.REPRESENTATIVE): QT_TRANSLATE_NOOP("Labels", "Representative"),
    _k(DeviceRole.OFFICE): QT_TRANSLATE_NOOP("Labels", "Rectification office"),
    _k(DeviceRole.HQ): QT_TRANSLATE_NOOP("Labels", "Headquarters"),
    _k(DeviceRole.KIOSK): QT_TRANSLATE_NOOP("Labels", "Kiosk"),
    _k(DeviceRole.UNIT): QT_TRANSLATE_NOOP("Labels", "Unit liaison"),
    _k(AppraisalCategory.COUNTY_DEPARTMENT): QT_TRANSLATE_NOOP("Labels", "County departments"),
    _k(AppraisalCategory.TOWNSHIP): QT_TRANSLATE_NOOP("Labels", "Townships and streets"),
    _k(AppraisalCategory.STATION): QT_TRANSLATE_NOOP("Labels", "Stations"),
    _k(AppraisalCategory.SERVICE_WINDOW): QT_TRANSLATE_NOOP("Labels", "Service windows"),
    _k(AppraisalCategory.SCHOOL): QT_TRANSLATE_NOOP("Labels", "Schools"),
    _k(AppraisalCategory.HOSPITAL): QT_TRANSLATE_NOOP("Labels", "Hospitals"),
    _k(SourceKind.FINDING): QT_TRANSLATE_NOOP("Labels", "Finding"),
    _k(SourceKind.OPINION): QT_TRANSLATE_NOOP("Labels", "Opinion"),
    _k(SourceKind.VISIT): QT_TRANSLATE_NOOP("Labels", "Visit"),
    _k(SourceKind.EVALUATION): QT_TRANSLATE_NOOP("Labels", "Evaluation form"),
    _k(ExtensionDecision.PENDING): QT_TRANSLATE_NOOP("Labels", "Awaiting decision"),
    _k(ExtensionDecision.APPROVED): QT_TRANSLATE_NOOP("Labels", "Approved"),
    _k(ExtensionDecision.REFUSED): QT_TRANSLATE_NOOP("Labels", "Refused"),
    _k(ReportReview.PENDING): QT_TRANSLATE_NOOP("Labels", "Awaiting acceptance"),
    _k(ReportReview.ACCEPTED): QT_TRANSLATE_NOOP("Labels", "Accepted"),
    _k(ReportReview.RETURNED): QT_TRANSLATE_NOOP("Labels", "Returned"),
    _k(ProfileRole.CLERK): QT_TRANSLATE_NOOP("Labels", "Clerk"),
    _k(ProfileRole.SUPERVISOR): QT_TRANSLATE_NOOP("Labels", "Supervisor"),
}
# Profile roles that share a device role's word.
for _role in (ProfileRole.REPRESENTATIVE, ProfileRole.HQ, ProfileRole.KIOSK, ProfileRole.UNIT):
    ENGLISH[_k(_role)] = ENGLISH[(DeviceRole, _role.value)]


def label_of(enum_cls: type[StrEnum], value: str | None) -> str:
    """The label of `value` read as a member of `enum_cls` (database text to screen text)."""
    if value is None or value == "":
        return ""
    try:
        return QCoreApplication.translate(_C, ENGLISH[(enum_cls, str(value))])
    except KeyError:
        return str(value)


def reason_label(value: str | None) -> str:
    """A form's reason as the reader reads it: a kiosk's reason (its code, or an old kiosk's
    text in either language) in the window's language; a typed reason as typed."""
    from models.rules import kiosk_reason

    member = kiosk_reason(value)
    return label_of(KioskReason, member.value) if member else (value or "")


def choices(enum_cls: type[StrEnum]) -> list[tuple[str, str]]:
    """(identifier, translated label) pairs for a combo box."""
    return [(m.value, label_of(enum_cls, m.value)) for m in enum_cls]
