"""Checklists on site (issue 16 §2): the tables a representative works through on a visit.

`checklist_template` (one per unit kind and version) and its `checklist_item`s are HQ's: HQ
writes them, representatives and offices read them (sync/server/scope.py, `checklist_hq_only`).
A template is never edited in place: saving it makes a new version (a new row, same
`family_id`, `version` + 1) and retires the old one (`active` false), so a visit's results keep
pointing at the items it was worked through with. `checklist_result` is one item's outcome on
one visit (pass / fail / not applicable, a note, photos as attachments owned by the result),
written by whoever may write the visit and scoped like it. The rule that turns failed items
into findings is models/checklists.py.
"""

from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models import rules
from models.base import Code, SyncedRow
from models.enums import FindingCategory, UnitKind


class ChecklistOutcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "na"


class ChecklistTemplateBase(SQLModel):
    # The template across its versions: version 1's id (every version carries it).
    family_id: str = Field(max_length=36, index=True)
    unit_kind: UnitKind = Code()
    version: int = Field(default=1, ge=1)
    name: str = Field(max_length=200)  # Chinese, as printed
    name_en: str = Field(default="", max_length=200)
    active: bool = True


class ChecklistTemplate(ChecklistTemplateBase, SyncedRow, table=True):
    __tablename__ = "checklist_template"


class ChecklistTemplateCreate(ChecklistTemplateBase):
    pass


class ChecklistItemBase(SQLModel):
    template_id: str = Field(max_length=36, index=True)
    position: int = Field(default=0, ge=0)
    text: str = Field(max_length=300)  # Chinese: a finding made from the item says it
    text_en: str = Field(default="", max_length=300)
    category: FindingCategory = Code(default=FindingCategory.OTHER)


class ChecklistItem(ChecklistItemBase, SyncedRow, table=True):
    __tablename__ = "checklist_item"


class ChecklistItemCreate(ChecklistItemBase):
    pass


class ChecklistResultBase(SQLModel):
    visit_id: str = Field(max_length=36, index=True)
    # The template version the visit was worked through with (old visits keep theirs).
    template_id: str = Field(max_length=36)
    item_id: str = Field(max_length=36, index=True)
    outcome: ChecklistOutcome = Code()
    note: str = Field(default="", sa_type=sa.Text, max_length=rules.NOTE_CHARS)


class ChecklistResult(ChecklistResultBase, SyncedRow, table=True):
    __tablename__ = "checklist_result"


class ChecklistResultCreate(ChecklistResultBase):
    pass


__all__ = ["ChecklistItem", "ChecklistOutcome", "ChecklistResult", "ChecklistTemplate"]
