"""Every table, and which ones sync (the single list the write path and sync rely on)."""

from sqlmodel import SQLModel

from models.batches import BatchKeying, EntryBatch
from models.checklist_tables import ChecklistItem, ChecklistResult, ChecklistTemplate
from models.device import OutboxEntry, Profile, StoreMeta
from models.records import (
    AccountabilityCase,
    Attachment,
    Evaluation,
    Finding,
    Opinion,
    PersonnelCriticism,
    Problem,
    Visit,
)
from models.rectification import (
    ExtensionRequest,
    ProblemReceipt,
    ProblemSourceLink,
    RectificationReport,
)
from models.reference import Campaign, OfficeSettings, Representative, Team, Unit
from models.round_table import DrawRound
from models.security.tables import AuditEntry, RecordVersion
from models.succession import UnitSuccession
from models.sync_state import SyncIssue

SYNCED_TABLES: dict[str, type[SQLModel]] = {
    cls.__tablename__: cls
    for cls in (
        Unit,
        Team,
        Representative,
        Campaign,
        OfficeSettings,
        Visit,
        Finding,
        PersonnelCriticism,
        AccountabilityCase,
        Evaluation,
        Opinion,
        Problem,
        ProblemSourceLink,
        ProblemReceipt,
        ExtensionRequest,
        RectificationReport,
        Attachment,
        EntryBatch,
        BatchKeying,
        UnitSuccession,
        ChecklistTemplate,
        ChecklistItem,
        ChecklistResult,
        DrawRound,
    )
}

metadata = SQLModel.metadata

__all__ = [
    "SYNCED_TABLES",
    "AccountabilityCase",
    "AuditEntry",
    "Attachment",
    "BatchKeying",
    "Campaign",
    "ChecklistItem",
    "ChecklistResult",
    "ChecklistTemplate",
    "EntryBatch",
    "Evaluation",
    "ExtensionRequest",
    "Finding",
    "OfficeSettings",
    "Opinion",
    "OutboxEntry",
    "PersonnelCriticism",
    "Problem",
    "ProblemReceipt",
    "ProblemSourceLink",
    "Profile",
    "RecordVersion",
    "RectificationReport",
    "Representative",
    "StoreMeta",
    "SyncIssue",
    "Team",
    "Unit",
    "UnitSuccession",
    "Visit",
    "metadata",
]
