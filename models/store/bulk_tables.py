"""What the bulk write path (`WriteSession.create_many`) needs to know of a table, without its
SQLModel class: its columns in order, how each goes to the driver, the defaults of the fields a
caller may leave out, and the text limits.

`WriteSession` derives one from a SQLModel class (`bulk_table`); the tables a headless
`import evaluations` writes are also spelled out here, so that the command never imports
SQLModel, pydantic and the ORM nor builds the ~45 table classes (a third of its start-up,
docs/imports.md). tests/models/test_bulk_tables.py checks each against its class.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from models import rules

# How a column's Python value goes to the SQLite driver (see writes._driver_converter).
TIMESTAMP, DATE, JSON, BOOL = "timestamp", "date", "json", "bool"

SYNCED = ("id", "created_at", "updated_at", "created_device", "created_by", "updated_device",
          "updated_by", "deleted_at", "server_version")
_SYNCED_KINDS = {"created_at": TIMESTAMP, "updated_at": TIMESTAMP, "deleted_at": TIMESTAMP}
_SYNCED_LIMITS = {"id": 36, "created_device": 36, "created_by": 80, "updated_device": 36,
                  "updated_by": 80}


@dataclass(frozen=True, eq=True)
class BulkTable:
    name: str
    columns: tuple[str, ...]
    kinds: dict[str, str]  # column -> TIMESTAMP / DATE / JSON / BOOL; absent: as it is
    static: dict[str, Any]  # plain defaults (an enum's by its value)
    factories: dict[str, Callable[[], Any]] = field(default_factory=dict)
    limits: dict[str, int] = field(default_factory=dict)  # most characters of a text field


def _synced(name: str, columns: tuple[str, ...], kinds: dict[str, str], static: dict[str, Any],
            limits: dict[str, int]) -> BulkTable:
    return BulkTable(name, (*SYNCED, *columns), {**_SYNCED_KINDS, **kinds}, static,
                     limits={**_SYNCED_LIMITS, **limits})


_CRITERIA = ("discipline", "law", "service", "integrity", "efficiency")

EVALUATION = _synced(
    "evaluation",
    ("campaign_id", "group", "unit_id", "level", *_CRITERIA, "reason", "suggestion", "form_no",
     "evaluated_on", "source", "voided", "void_reason"),
    {"evaluated_on": DATE, "voided": BOOL},
    {**dict.fromkeys(_CRITERIA), "reason": "", "suggestion": "", "form_no": None,
     "source": "paper", "voided": False, "void_reason": ""},
    {"campaign_id": 36, "unit_id": 36, "reason": rules.NOTE_CHARS,
     "suggestion": rules.NOTE_CHARS, "form_no": 40, "void_reason": 500})

OPINION = _synced(
    "opinion",
    ("text", "unit_id", "campaign_id", "source", "source_id", "contact", "category",
     "received_on"),
    {"received_on": DATE},
    {"unit_id": None, "campaign_id": None, "source": "other", "source_id": None,
     "contact": "", "category": None, "received_on": None},
    {"text": rules.TEXT_CHARS, "unit_id": 36, "campaign_id": 36, "source_id": 36,
     "contact": 200, "category": 40})

_WEIGHTS = ("weight_satisfied", "weight_fairly_satisfied", "weight_basically_satisfied",
            "weight_dissatisfied")
CAMPAIGN = _synced(
    "campaign",
    ("name", "year", "start_date", "end_date", *_WEIGHTS, "min_sample", "band_top_percent",
     "band_bottom_count", "appraisal_points", "rank_by_category", "is_open"),
    {"start_date": DATE, "end_date": DATE, "rank_by_category": BOOL, "is_open": BOOL},
    {"start_date": None, "end_date": None, **dict(zip(_WEIGHTS, rules.DEFAULT_WEIGHTS)),
     "min_sample": rules.DEFAULT_MIN_SAMPLE,
     **dict(zip(("band_top_percent", "band_bottom_count", "appraisal_points"),
                rules.DEFAULT_BANDS)),
     "rank_by_category": True, "is_open": True},
    {"name": 200})
