"""Reference data: units, teams, representatives, campaigns.

Managed at HQ and flowing down; ids derive from natural keys so that two laptops creating the
same unit or campaign offline make one record (see models.ids.natural_id).
"""

from datetime import date

from sqlmodel import Field, SQLModel

from models.base import Code, SyncedRow
from models.enums import AppraisalCategory, RepresentativeKind, UnitKind
from models.rules import (
    DEFAULT_ACCOUNTABILITY_THRESHOLD,
    DEFAULT_BANDS,
    DEFAULT_MIN_SAMPLE,
    DEFAULT_WEIGHTS,
)


class UnitBase(SQLModel):
    name: str = Field(max_length=200, index=True)
    kind: UnitKind = Code(default=UnitKind.OTHER)
    # A plain id, not a foreign key: a kiosk may hold a unit without its whole tree.
    parent_id: str | None = Field(default=None, max_length=36, index=True)
    # The appraisal category it is ranked in (考评类别, issue 15 §2); None: the one its kind
    # gives (models.rules.appraisal_category). HQ sets it.
    category: AppraisalCategory | None = Code(default=None, nullable=True)


class Unit(UnitBase, SyncedRow, table=True):
    pass


class UnitCreate(UnitBase):
    pass




class TeamBase(SQLModel):
    name: str = Field(max_length=200, index=True)


class Team(TeamBase, SyncedRow, table=True):
    pass


class TeamCreate(TeamBase):
    pass




class RepresentativeBase(SQLModel):
    name: str = Field(max_length=100, index=True)
    kind: RepresentativeKind = Code(default=RepresentativeKind.CITIZEN)
    township: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=40)
    team_id: str | None = Field(default=None, max_length=36, index=True)
    # The township unit they live in and the unit they work in (issue 16 §1): a random round
    # never sends them there. `township` stays readable for rows made before.
    township_unit_id: str | None = Field(default=None, max_length=36)
    work_unit_id: str | None = Field(default=None, max_length=36)


class Representative(RepresentativeBase, SyncedRow, table=True):
    pass


class RepresentativeCreate(RepresentativeBase):
    pass


class CampaignBase(SQLModel):
    name: str = Field(max_length=200, index=True)
    year: int
    start_date: date | None = None
    end_date: date | None = None
    weight_satisfied: float = DEFAULT_WEIGHTS[0]
    weight_fairly_satisfied: float = DEFAULT_WEIGHTS[1]
    weight_basically_satisfied: float = DEFAULT_WEIGHTS[2]
    weight_dissatisfied: float = DEFAULT_WEIGHTS[3]
    min_sample: int = DEFAULT_MIN_SAMPLE
    band_top_percent: float = DEFAULT_BANDS[0]
    band_bottom_count: int = DEFAULT_BANDS[1]
    appraisal_points: float = DEFAULT_BANDS[2]
    rank_by_category: bool = True  # False: one county list (issue 15 §2; HQ-only)
    is_open: bool = True


class Campaign(CampaignBase, SyncedRow, table=True):
    pass


class CampaignCreate(CampaignBase):
    pass


# The county's office settings: one record (`OFFICE_SETTINGS_ID`), written at HQ and read by
# every other device (models/office_settings.py; HQ refuses a change from anyone else).
DEFAULT_DEADLINE_DAYS = 30
DEFAULT_DUE_SOON_DAYS = 7
# K, in models.rules: the dashboard reads it without these classes (models.chase)


class OfficeSettingsBase(SQLModel):
    issuer_name: str = Field(default="", max_length=200)  # the office's full name as printed
    prefix_criticism: str = Field(default="", max_length=40)
    prefix_assignment: str = Field(default="", max_length=40)
    prefix_reminder: str = Field(default="", max_length=40)
    prefix_visit_round: str = Field(default="", max_length=40)
    prefix_exposure: str = Field(default="", max_length=40)
    prefix_work_report: str = Field(default="", max_length=40)  # 工作情况汇报
    signer: str = Field(default="", max_length=40)  # 签发人 of the upward work report
    hotline: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=200)
    default_deadline_days: int = Field(default=DEFAULT_DEADLINE_DAYS, ge=1, le=3650)
    due_soon_days: int = Field(default=DEFAULT_DUE_SOON_DAYS, ge=0, le=365)
    accountability_threshold: int = Field(default=DEFAULT_ACCOUNTABILITY_THRESHOLD, ge=1, le=1000)


class OfficeSettings(OfficeSettingsBase, SyncedRow, table=True):
    __tablename__ = "office_settings"


class OfficeSettingsCreate(OfficeSettingsBase):
    pass
