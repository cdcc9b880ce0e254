"""The wire protocol between a device and HQ (version 1).

Every request carries the app's schema version in `SCHEMA_HEADER`; HQ accepts a window of
versions and answers 426 `update_app` outside it, writing nothing.

Row values on the wire: text, numbers and booleans as JSON; dates as `YYYY-MM-DD`; timestamps in
UTC as `YYYY-MM-DD HH:MM:SS.ffffff` (the text a device store keeps, so a pulled page goes into
SQLite without a parse per value); JSON columns as their JSON text.
Pushed fields are what the device's outbox holds (timestamps in ISO 8601 with an offset).
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Literal

import msgspec
import orjson
from pydantic import BaseModel, ConfigDict, Field

from models.store.schema import HEAD

SCHEMA_HEADER = "X-FieldInspect-Schema"
# On a push sent before HQ answered the batch before it (a pipelined push): the sequence
# number that batch ended at. HQ applies this one only once it holds that entry; else 409
# `sequence_gap`, nothing changed (an HQ without it ignores the header).
FOLLOWS_HEADER = "X-FieldInspect-Follows"
SCHEMA_VERSION = int(HEAD)
# The oldest app schema HQ still accepts; raise it when a migration is not additive.
MIN_SCHEMA_VERSION = 2

MAX_BATCH_ENTRIES = 5000
MAX_PULL_LIMIT = 10000
DEFAULT_PULL_LIMIT = 5000
# The largest outbox sequence or base version HQ takes (its columns are BIGINT; the audit head
# and retirement calls use the same bound): beyond it a push is refused as a whole with 422.
MAX_SEQ = 2**62

CHUNK_BYTES = 2 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024

# Request bodies, capped before they are read (413 `too_large` beyond): a push batch or an
# audit head (its entries since HQ's anchor, ~2 MB a report); one
# attachment chunk with a margin; enrollment and token calls, which anyone may make; and every
# other call, all small JSON (the largest, a notice number with 500 criticism ids, ~20 KB).
MAX_BODY_BYTES = 8 * 1024 * 1024
CHUNK_BODY_BYTES = CHUNK_BYTES + 64 * 1024
SMALL_BODY_BYTES = 4 * 1024
JSON_BODY_BYTES = 64 * 1024
# The most one entry may weigh: a push body, less room for the envelope. A record saved under
# the text limits (models.rules) weighs a few KB; a heavier one (forced in by an older version)
# is held back on the device and sent as a `skip` placeholder (see PushEntry).
MAX_ENTRY_BYTES = MAX_BODY_BYTES - 64 * 1024
# Why a device held an entry back: HQ records the placeholder under these outcome codes.
# A photo whose bytes HQ refused (sync/server/attachments.py) is held back under its own code,
# so the device can say what to do about it (take it off the report, attach it again).
PHOTO_REFUSALS = ("photo_metadata", "photo_format")
HELD_BACK_REASONS = {"too_large": "too_large", "refused": "held_back",
                     **{code: code for code in PHOTO_REFUSALS}}

EntryStatus = Literal["applied", "duplicate", "rejected", "forbidden", "conflict"]
# The code of a `rejected` entry whose number HQ already holds with a different entry: the
# pushing store is a copy (restored or copied) and must enroll again (sync/server/replays.py).
SEQUENCE_REUSED = "sequence_reused"
DeviceRoleName = Literal["representative", "office", "hq", "kiosk", "unit"]


class _Message(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorBody(_Message):
    """Every 4xx: a machine code and a sentence for a person."""

    code: str
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


# --- enrollment and tokens ------------------------------------------------------------------
class EnrollRequest(_Message):
    code: str = Field(min_length=4, max_length=64)
    device_id: str = Field(min_length=1, max_length=36)
    label: str = Field(default="", max_length=80)
    # A store restored from a backup (or a copy HQ caught reusing numbers) names the device id
    # it had; HQ records which device this one replaces.
    previous_device_id: str | None = Field(default=None, min_length=1, max_length=36)


class EnrollResponse(_Message):
    hq_device_id: str
    credential: str
    role: DeviceRoleName
    team_id: str | None = None
    representative_id: str | None = None
    unit_id: str | None = None
    label: str = ""


class TokenResponse(_Message):
    access_token: str
    expires_in: int


# --- push -----------------------------------------------------------------------------------
# The push body is the one message HQ decodes with msgspec: one C pass decodes and checks it
# (types, bounds, no unknown keys), where orjson plus a hand-written checker kept in step with
# a pydantic model took twice as long (5,000-form body: 51 ms against 109 ms; docs/sync.md).
# These Structs are the one definition: `/docs` shows their JSON schema (`push_body_schema`),
# which schemathesis fuzzes.
class PushEntry(msgspec.Struct, forbid_unknown_fields=True):
    """One outbox entry: contiguous `seq` per device; `fields` only what changed.

    `op` "skip" is a placeholder for an entry the device held back (too large to send, or
    refused alone by HQ): `fields` = {"reason": "too_large" | "refused", "op", "bytes",
    "fields": [names], "message"}. HQ records it as refused (outcome code `too_large` or
    `held_back`) and the sequence goes on; the record stays on the device as a sync issue."""

    seq: Annotated[int, msgspec.Meta(ge=1, le=MAX_SEQ)]
    table: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
    row_id: Annotated[str, msgspec.Meta(min_length=1, max_length=36)]
    op: Literal["insert", "update", "delete", "skip"]
    fields: dict[str, Any] = {}
    base_version: Annotated[int, msgspec.Meta(ge=0, le=MAX_SEQ)] | None = None
    profile: Annotated[str, msgspec.Meta(max_length=80)] = ""


class PullAsk(msgspec.Struct, forbid_unknown_fields=True):
    """The first pull page asked for with a push batch (`PushBatch.pull`)."""

    cursor: Annotated[int, msgspec.Meta(ge=0, le=MAX_SEQ)]
    limit: Annotated[int, msgspec.Meta(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT


class PushBatch(msgspec.Struct, forbid_unknown_fields=True):
    """`audit`: the device's audit-chain head report (sync/server/audit_heads.py's
    `AuditHeadReport`, checked there), riding on the push so that a one-record round needs no
    request of its own for it; HQ's answer comes back in `PushResult.audit`."""

    entries: Annotated[list[PushEntry],
                       msgspec.Meta(min_length=1, max_length=MAX_BATCH_ENTRIES)]
    audit: dict[str, Any] | None = None
    # The round's first pull riding on its last push batch: HQ answers the page after
    # `cursor` in `PushResult.page`, made once the push committed (as a pull sent after it
    # would be), so a one-record round is one request (issue 18 §2).
    pull: PullAsk | None = None


# HQ applies the decoded entries as they are.
PushedEntry = PushEntry
_PUSH_DECODER = msgspec.json.Decoder(PushBatch)
_ENTRY_AT = re.compile(r"\$\.entries\[(\d+)\]")


class BadPush(ValueError):
    """A push body that breaks the `PushBatch` schema; the message names where, and `entry`
    the index of the entry at fault (None when the body as a whole is wrong)."""

    def __init__(self, message: str, entry: int | None = None):
        super().__init__(message)
        self.entry = entry


def parse_push_batch(body: bytes) -> list[PushedEntry]:
    """The entries of a push body, decoded and checked against `PushBatch` in one pass."""
    return parse_push_body(body).entries


def parse_push_body(body: bytes) -> PushBatch:
    """A push body (entries and the audit report riding on it), decoded and checked."""
    try:
        return _PUSH_DECODER.decode(body)
    except msgspec.ValidationError as exc:  # e.g. "Expected `int` >= 1 - at `$.entries[3].seq`"
        at = _ENTRY_AT.search(str(exc))
        raise BadPush(str(exc), int(at.group(1)) if at else None) from None
    except msgspec.DecodeError as exc:
        raise BadPush(f"body: not JSON ({exc})") from None


def push_body_schema() -> dict:
    """The JSON schema of a push body (`$defs` kept), for `/docs`."""
    return msgspec.json.schema(PushBatch)


def skip_entry(entry: dict, reason: str, size: int = 0, message: str = "") -> dict:
    """The `skip` placeholder a device sends in place of an entry HQ cannot take (an entry as
    `PushEntry`; `reason` a key of HELD_BACK_REASONS): it passes the schema whatever held the
    entry back, so it can never be refused in its turn."""
    fields = entry["fields"]
    if isinstance(fields, orjson.Fragment):  # a row read in wire form (sync.client.outbox)
        fields = orjson.loads(orjson.dumps(fields))
    fields = fields if isinstance(fields, dict) else {}
    return {"seq": entry["seq"], "table": str(entry["table"])[:40] or "?",
            "row_id": str(entry["row_id"])[:36] or "?", "op": "skip",
            "fields": {"reason": reason, "op": entry["op"], "bytes": size,
                       "fields": sorted(fields)[:200], "message": message[:300]},
            "base_version": None, "profile": str(entry["profile"])[:80]}


class EntryOutcome(_Message):
    seq: int
    status: EntryStatus
    code: str = ""
    reason: str = ""
    table: str = ""
    row_id: str = ""
    details: dict[str, Any] = Field(default_factory=dict)


class PushResult(_Message):
    """`acked_through`: every entry up to it is settled. Entries not listed in `outcomes` were
    applied; a replayed batch returns the outcomes stored the first time."""

    acked_through: int
    outcomes: list[EntryOutcome] = Field(default_factory=list)
    # HQ's answer to the audit head report that rode on the push (`accept_head`'s: accepted,
    # head, more, status...); None when none rode on it.
    audit: dict[str, Any] | None = None
    # The pull page asked for with the push (`PushBatch.pull`), a `PullPage`; absent when
    # none was asked for. The device reads it with `PulledPage.from_doc`.
    page: dict[str, Any] | None = None


# --- pull -----------------------------------------------------------------------------------
class TableRows(_Message):
    columns: list[str]
    rows: list[list[Any]]


class Removal(_Message):
    """A row that left the device's scope: delete the local copy only."""

    table: str
    id: str


class ConflictInfo(_Message):
    """A conflict recorded at HQ, for the supervisors (HQ and office devices) to settle."""

    id: str
    table: str
    row_id: str
    kind: str  # same_field | delete_edit | reopen_raced | duplicate_form_number
    field: str = ""
    kept: Any = None
    other: Any = None
    device_id: str = ""
    resolved: bool = False


class PullPage(_Message):
    """Rows changed after `cursor`, in commit order; store `cursor` with the rows."""

    tables: dict[str, TableRows] = Field(default_factory=dict)
    removals: list[Removal] = Field(default_factory=list)
    conflicts: list[ConflictInfo] = Field(default_factory=list)
    cursor: int
    more: bool
    # HQ's answer to the audit head report that rode on the pull (POST), else absent.
    audit: dict[str, Any] | None = None


# --- attachments ----------------------------------------------------------------------------
class BlobStatus(_Message):
    sha256: str
    size: int
    received: int
    complete: bool


class BlobStart(_Message):
    size: int = Field(ge=0)
    media_type: str = Field(default="application/octet-stream", max_length=100)


# --- administration (HQ-role devices) --------------------------------------------------------
class EnrollDeviceRequest(_Message):
    role: DeviceRoleName
    team: str | None = Field(default=None, max_length=200)
    representative: str | None = Field(default=None, max_length=100)
    unit: str | None = Field(default=None, max_length=400)
    label: str = Field(default="", max_length=80)


class EnrollDeviceResponse(_Message):
    hq_device_id: str
    code: str
    expires_at: str


class DeviceInfo(_Message):
    id: str
    label: str
    role: str
    team: str | None = None
    unit_id: str | None = None  # a kiosk's or a unit liaison's unit, and its name
    unit: str | None = None
    status: str
    store_device_id: str | None = None
    last_sync_at: str | None = None
    audit_alarm: str = ""  # HQ refused this device's audit head: a cut or rewritten log
    replaces_device_id: str | None = None  # enrolled by a restored or copied store of that one
    audit_alarm_code: str = ""  # its machine code (sync/server/audit_heads.py) and arguments
    audit_alarm_args: dict[str, int] = Field(default_factory=dict)


# --- circulated notices' numbers (sync/server/notices.py) ------------------------------------
class NoticeKind(StrEnum):
    """The documents HQ numbers (issue 14 §5); each kind has its own sequences."""

    CRITICISM = "criticism"  # 通报 of circulated criticisms
    ASSIGNMENT = "assignment"  # 交办通知
    REMINDER = "reminder"  # 催办通知
    VISIT_ROUND = "visit_round"  # 明察暗访情况通报
    EXPOSURE = "exposure"  # 曝光


class NumberRequest(BaseModel):
    """Ask HQ for the next number of a document `kind` and `year`; asking again with the same
    `notice_id` returns the same number (a lost reply is simply retried).

    HQ prints the prefix the office settings give the kind; `prefix` (what the device proposes)
    is used only when none is set. `record_ids` are the records the notice carries; an older
    client names no kind (a criticism notice) and sends them as `criticism_ids`."""

    notice_id: str = Field(min_length=1, max_length=36)
    kind: NoticeKind = NoticeKind.CRITICISM
    prefix: str = Field(min_length=1, max_length=40)
    year: int = Field(ge=2000, le=2100)
    record_ids: list[str] = Field(default_factory=list, max_length=500)
    criticism_ids: list[str] = Field(default_factory=list, max_length=500)
    leave_out_circulated: bool = False  # criticism notices only

    def carried(self) -> list[str]:
        """The records the notice carries (an older client's `criticism_ids` included)."""
        if self.record_ids or self.kind is not NoticeKind.CRITICISM:
            return self.record_ids
        return self.criticism_ids


class NumberResponse(BaseModel):
    kind: NoticeKind = NoticeKind.CRITICISM
    prefix: str  # what the document prints (HQ's choice)
    year: int
    seq: int | None  # None: nothing left to circulate, no number used up
    number: str | None
    record_ids: list[str] = Field(default_factory=list)  # what the notice carries
    criticism_ids: list[str] = Field(default_factory=list)  # the same, for a criticism notice
    left_out: list[str] = Field(default_factory=list)  # already circulated earlier


# --- a pull page, as the device reads it -------------------------------------------------------
@dataclass(slots=True)
class PulledPage:
    """A `PullPage` as the device applies it: the envelope checked, the rows left as HQ's
    columnar arrays (one model per row would cost more than a whole pull's time budget:
    100,000 rows are pulled in about a second)."""

    cursor: int
    more: bool
    tables: dict[str, dict[str, list]]  # name -> {"columns": [...], "rows": [[...], ...]}
    removals: list[dict[str, str]]
    conflicts: list[dict[str, Any]]
    audit: dict[str, Any] | None = None  # HQ's answer to the audit head that rode on the pull

    @classmethod
    def from_json(cls, body: bytes) -> "PulledPage":
        return cls.from_doc(orjson.loads(body))

    @classmethod
    def from_doc(cls, doc: Any) -> "PulledPage":
        """A page already decoded from JSON (one riding on a push answer)."""
        if not isinstance(doc, dict) or type(doc.get("cursor")) is not int or \
                type(doc.get("more")) is not bool:
            raise ValueError("a pull page carries an integer cursor and a boolean 'more'")
        tables = doc.get("tables") or {}
        for name, block in tables.items():
            if not isinstance(block, dict) or not isinstance(block.get("columns"), list) or \
                    not isinstance(block.get("rows"), list):
                raise ValueError(f"pull page table {name!r}: columns and rows must be lists")
        removals, conflicts = doc.get("removals") or [], doc.get("conflicts") or []
        if not all(isinstance(r, dict) and {"table", "id"} <= r.keys() for r in removals):
            raise ValueError("pull page removals: each names its table and id (Removal)")
        if not all(isinstance(c, dict) and c.keys() >= _CONFLICT_KEYS for c in conflicts):
            raise ValueError("pull page conflicts: each as ConflictInfo")
        audit = doc.get("audit")
        if audit is not None and not isinstance(audit, dict):
            raise ValueError("pull page audit: HQ's answer to the audit head, an object")
        return cls(doc["cursor"], doc["more"], tables, removals, conflicts, audit)


_CONFLICT_KEYS = frozenset(("id", "table", "row_id", "kind", "field", "kept", "other"))
