"""Records made in the field and at the office: visits, findings, criticisms, cases, forms,
opinions and problems. Ids are time-ordered UUIDs made on the device."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models import rules
from models.base import Code, JsonList, SyncedRow, Timestamp
from models.enums import (
    CaseSubject,
    ComplainantView,
    EvaluationSource,
    FindingCategory,
    Level,
    OpinionSource,
    Outcome,
    ProblemSource,
    ProblemStatus,
    ReplyMethod,
    RespondentGroup,
    Sanction,
    Severity,
    VisitKind,
    VisitStatus,
)


class VisitBase(SQLModel):
    kind: VisitKind = Code()
    team_id: str | None = Field(default=None, max_length=36, index=True)
    unit_id: str | None = Field(default=None, max_length=36, index=True)
    representative_ids: list[str] = JsonList()
    planned_at: datetime | None = Timestamp(default=None, nullable=True)
    actual_at: datetime | None = Timestamp(default=None, nullable=True)
    place: str = Field(default="", max_length=300)
    summary: str = Field(default="", sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    status: VisitStatus = Code(default=VisitStatus.PLANNED)
    visit_date: date | None = Field(default=None, index=True)
    # The random round (models/rounds.py) that drew it; None for a visit planned by hand.
    round_id: str | None = Field(default=None, max_length=36, index=True)


class Visit(VisitBase, SyncedRow, table=True):
    pass


class VisitCreate(VisitBase):
    pass




class FindingBase(SQLModel):
    visit_id: str | None = Field(default=None, max_length=36, index=True)
    unit_id: str | None = Field(default=None, max_length=36, index=True)
    category: FindingCategory = Code(default=FindingCategory.OTHER)
    description: str = Field(default="", sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    severity: Severity = Code(default=Severity.MINOR)
    found_on: date | None = Field(default=None, index=True)
    # The checklist item a failed check made it from (models/checklists.py), else None.
    checklist_item_id: str | None = Field(default=None, max_length=36)


class Finding(FindingBase, SyncedRow, table=True):
    pass


class FindingCreate(FindingBase):
    pass




class PersonnelCriticismBase(SQLModel):
    person_name: str = Field(max_length=100, index=True)
    post: str = Field(default="", max_length=200)
    unit_id: str = Field(max_length=36, index=True)
    behaviour: str = Field(default="", sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    finding_id: str | None = Field(default=None, max_length=36)
    sanction: Sanction = Code(default=Sanction.CRITICISM_EDUCATION)
    decided_on: date | None = Field(default=None, index=True)
    decided_by: str = Field(default="", max_length=100)


class PersonnelCriticism(PersonnelCriticismBase, SyncedRow, table=True):
    __tablename__ = "personnel_criticism"


class PersonnelCriticismCreate(PersonnelCriticismBase):
    pass




class AccountabilityCaseBase(SQLModel):
    subject: CaseSubject = Code(default=CaseSubject.PERSON)
    person_name: str = Field(default="", max_length=100)
    unit_id: str | None = Field(default=None, max_length=36, index=True)
    violation: str = Field(default="", sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    outcome: Outcome = Code()
    decided_on: date | None = Field(default=None, index=True)
    # The problems the case was opened for (from the accountability list, issue 14 §3), and
    # whether HQ chose it for the discipline exposure notice (曝光, issue 14 §5).
    problem_ids: list[str] = JsonList()
    published: bool = False


class AccountabilityCase(AccountabilityCaseBase, SyncedRow, table=True):
    __tablename__ = "accountability_case"


class AccountabilityCaseCreate(AccountabilityCaseBase):
    pass




class EvaluationBase(SQLModel):
    campaign_id: str = Field(max_length=36)
    group: RespondentGroup = Code()
    unit_id: str = Field(max_length=36)  # indexed by ix_evaluation_unit_counts
    level: Level = Code()
    discipline: Level | None = Code(default=None, nullable=True)
    law: Level | None = Code(default=None, nullable=True)
    service: Level | None = Code(default=None, nullable=True)
    integrity: Level | None = Code(default=None, nullable=True)
    efficiency: Level | None = Code(default=None, nullable=True)
    reason: str = Field(default="", sa_type=sa.Text, max_length=rules.NOTE_CHARS)
    suggestion: str = Field(default="", sa_type=sa.Text, max_length=rules.NOTE_CHARS)
    form_no: str | None = Field(default=None, max_length=40)
    evaluated_on: date  # indexed by ix_evaluation_evaluated_on (widened, below)
    source: EvaluationSource = Code(default=EvaluationSource.PAPER)
    voided: bool = False
    void_reason: str = Field(default="", max_length=500)


class Evaluation(EvaluationBase, SyncedRow, table=True):
    __table_args__ = (
        # Each index costs the bulk import about a fifth of its time, so none is added for the
        # statistics: the unit and form-number indexes are widened to cover their two grouped
        # queries (models.stats.form_counts, duplicate_form_numbers), which then never read
        # the table (migration 0005; ~10x faster grouped count at 100,000 forms).
        # The criteria (models.criteria, migration 0012) follow the level, so the criteria
        # figures' grouped scan walks it in order too; no index is added for them.
        sa.Index("ix_evaluation_unit_counts", "unit_id", "campaign_id", "group", "level",
                 "discipline", "law", "service", "integrity", "efficiency",
                 "voided", "deleted_at", "evaluated_on"),
        sa.Index("ix_evaluation_form_no", "form_no", "campaign_id", "voided", "deleted_at",
                 "evaluated_on"),
        # Widened for the breakdowns by month and source (models.trends.day_counts, read in
        # group order from the index alone; migration 0015); the date still leads it.
        sa.Index("ix_evaluation_evaluated_on", "evaluated_on", "campaign_id", "level",
                 "source", "voided", "deleted_at"),
    )


class EvaluationCreate(EvaluationBase):
    pass




class OpinionBase(SQLModel):
    text: str = Field(sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    unit_id: str | None = Field(default=None, max_length=36, index=True)
    campaign_id: str | None = Field(default=None, max_length=36, index=True)
    source: OpinionSource = Code(default=OpinionSource.OTHER)
    source_id: str | None = Field(default=None, max_length=36)
    # Confidential: never in a public output.
    contact: str = Field(default="", max_length=200)
    category: str | None = Field(default=None, max_length=40)
    received_on: date | None = Field(default=None, index=True)


class Opinion(OpinionBase, SyncedRow, table=True):
    pass


class OpinionCreate(OpinionBase):
    pass




class ProblemBase(SQLModel):
    source: ProblemSource = Code(default=ProblemSource.OTHER)
    # Plain id: an office device may hold the problem without the finding it came from.
    source_id: str | None = Field(default=None, max_length=36)
    campaign_id: str | None = Field(default=None, max_length=36, index=True)
    description: str = Field(sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    unit_id: str | None = Field(default=None, max_length=36, index=True)
    responsible_person: str = Field(default="", max_length=100)
    measures: str = Field(default="", sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    reported_on: date = Field(index=True)
    deadline: date | None = Field(default=None, index=True)
    status: ProblemStatus = Code(default=ProblemStatus.OPEN)
    progress_notes: str = Field(default="", sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    verification: str = Field(default="", sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    rectified_on: date | None = None
    reopen_reason: str = Field(default="", sa_type=sa.Text, max_length=rules.NOTE_CHARS)
    # HQ's judgement, synced to every device (models/confidential.py): the source is a secret
    # visit's finding or cannot be resolved at HQ, or a person at HQ said so. Every public
    # output redacts from it; only HQ sets it and only a person at HQ lowers it.
    confidential_source: bool = False
    # The category of the finding it came from, as HQ read it: what a confidential problem is
    # published as ("存在脱岗离岗问题") on a device that holds no findings as on HQ's.
    source_category: FindingCategory | None = Code(default=None, nullable=True)
    # The reply to the person whose opinion (with a contact) this problem came from: HQ's alone
    # (rules.REPLY_FIELDS); every other device reads it (issue 14 §4).
    reply_method: ReplyMethod | None = Code(default=None, nullable=True)
    replied_on: date | None = None
    replied_by: str = Field(default="", max_length=100)
    complainant_view: ComplainantView | None = Code(default=None, nullable=True)
    # The assignment to the unit (交办, issue 14 §1): HQ's alone (rules.ASSIGNMENT_FIELDS). The
    # text a unit reads instead of the description when the source is confidential; the number
    # of the assignment notice that carried the problem, and its date.
    assignment_text: str = Field(default="", sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    assignment_no: str = Field(default="", max_length=60)
    assigned_on: date | None = None
    # The ledger number (台账编号, issue 17 §1): a problem's natural key in its campaign, what
    # the ledger export writes and `import problems` matches on (models/ledger_numbers.py).
    ledger_no: str = Field(default="", max_length=40, index=True)


class Problem(ProblemBase, SyncedRow, table=True):
    pass


class ProblemCreate(ProblemBase):
    pass




class AttachmentBase(SQLModel):
    sha256: str = Field(max_length=64, index=True)
    size: int
    media_type: str = Field(default="application/octet-stream", max_length=100)
    owner_table: str = Field(max_length=40)
    owner_id: str = Field(max_length=36, index=True)
    # For display only; the bytes are stored under their hash, never under this name.
    original_name: str = Field(default="", max_length=255)


class Attachment(AttachmentBase, SyncedRow, table=True):
    pass


class AttachmentCreate(AttachmentBase):
    pass
