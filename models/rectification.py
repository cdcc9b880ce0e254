"""The rectification loop's own records (issue 14): where a problem came from, and what the unit
did with it — its receipt (签收), its requests for a later deadline (延期申请) and its reports
(整改报告) — with HQ's answers on the same rows.

A unit's liaison device creates the receipts, requests and reports of its own units' problems;
HQ alone sets the answer fields (`rules.EXTENSION_DECISION_FIELDS`, `rules.REPORT_REVIEW_FIELDS`)
and alone writes `problem_source`. None of these rows carries a unit: each follows its problem.
"""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models import rules
from models.base import Code, SyncedRow
from models.enums import ExtensionDecision, ReportReview, SourceKind


class ProblemSourceBase(SQLModel):
    """One source of a problem: a finding, an opinion, a visit or a dissatisfied form."""
    problem_id: str = Field(max_length=36, index=True)
    kind: SourceKind = Code()
    source_id: str = Field(max_length=36, index=True)


class ProblemSourceLink(ProblemSourceBase, SyncedRow, table=True):
    __tablename__ = "problem_source"


class ProblemReceiptBase(SQLModel):
    """The unit signed for an assigned problem (签收): the chase starts here."""
    problem_id: str = Field(max_length=36, index=True)
    signed_on: date
    signed_by: str = Field(default="", max_length=100)


class ProblemReceipt(ProblemReceiptBase, SyncedRow, table=True):
    __tablename__ = "problem_receipt"


class ExtensionRequestBase(SQLModel):
    """A unit asks for a later deadline with a reason; HQ approves (the problem's deadline moves,
    audited) or refuses it with a reason."""
    problem_id: str = Field(max_length=36, index=True)
    current_deadline: date | None = None
    requested_deadline: date
    reason: str = Field(sa_type=sa.Text, max_length=rules.NOTE_CHARS)
    requested_on: date
    requested_by: str = Field(default="", max_length=100)
    decision: ExtensionDecision = Code(default=ExtensionDecision.PENDING)
    decision_reason: str = Field(default="", sa_type=sa.Text, max_length=rules.NOTE_CHARS)
    decided_on: date | None = None
    decided_by: str = Field(default="", max_length=100)


class ExtensionRequest(ExtensionRequestBase, SyncedRow, table=True):
    __tablename__ = "extension_request"


class RectificationReportBase(SQLModel):
    """What the unit did (整改报告). One with `completed_on` puts its problem on HQ's "awaiting
    acceptance" list; HQ accepts it (验收) or returns it with a reason (退回)."""
    problem_id: str = Field(max_length=36, index=True)
    what_done: str = Field(sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    progress: str = Field(default="", sa_type=sa.Text, max_length=rules.TEXT_CHARS)
    completed_on: date | None = None
    reported_on: date
    reported_by: str = Field(default="", max_length=100)
    review: ReportReview = Code(default=ReportReview.PENDING)
    review_reason: str = Field(default="", sa_type=sa.Text, max_length=rules.NOTE_CHARS)
    reviewed_on: date | None = None
    reviewed_by: str = Field(default="", max_length=100)


class RectificationReport(RectificationReportBase, SyncedRow, table=True):
    __tablename__ = "rectification_report"
