"""Import of opinions and suggestions (意见建议, issue 17 §1): the opinions list as the window
exports it, or an office's own table of what the hotline, the mailbox and the forums received.

Columns `text` (意见建议内容) and any of `received_on`, `source`, `unit`, `category`,
`campaign`, `contact` (收到日期, 来源, 单位, 类别, 评议活动, 联系方式). Without a campaign
the open one takes them, as in the window. Natural key: campaign, unit, date received and the
text, so a file imported twice adds nothing. HQ, an office and a representative's laptop may
import them (each may create opinions); a kiosk or a unit's liaison may not. The contact is
confidential (docs/redaction.md) and is kept as the window keeps it.
"""

from pathlib import Path

import sqlalchemy as sa

from models.campaigns import campaign_named, open_campaign_id
from models.enums import DeviceRole, OpinionCategory, OpinionSource
from models.errors import Problem
from models.imports.common import ImportReport, Progress, column_limits
from models.imports.record_rows import (
    Context,
    RecordKind,
    cell,
    date_cell,
    import_records,
    parse_label,
    unit_cell,
)
from models.records import Opinion
from models.reference import Campaign

REQUIRED = ("text",)
OPTIONAL = ("received_on", "source", "unit", "category", "campaign", "contact")
LIMITS = column_limits({"text": (Opinion, "text"), "contact": (Opinion, "contact"),
                        "campaign": (Campaign, "name")},
                       ("received_on", "source", "unit", "category"))


def _campaign(values: dict, ctx: Context, row: dict, errors: list[Problem]) -> None:
    name = (values.get("campaign") or "").strip()
    if not name:
        row["campaign_id"] = ctx.once("open_campaign", lambda: open_campaign_id(ctx.conn))
        return
    found = ctx.once(("campaign", name), lambda: campaign_named(ctx.conn, name))
    if found is None:
        errors.append(Problem.of("campaign", "unknown_campaign", name=name))
    row["campaign_id"] = found


def _parse(values: dict, ctx: Context) -> tuple[dict, list[Problem]]:
    errors: list[Problem] = []
    row = {"text": (values.get("text") or "").strip(),
           "contact": (values.get("contact") or "").strip()}
    if not row["text"]:
        errors.append(Problem.of("text", "import_opinion_empty"))
    unit_cell(values, ctx, row, errors)
    date_cell(values, "received_on", row, "received_on", errors)
    cell(values, "source", lambda v: parse_label(OpinionSource, v), row, "source", errors,
         OpinionSource.OTHER)
    cell(values, "category", lambda v: parse_label(OpinionCategory, v).value, row, "category",
         errors)
    _campaign(values, ctx, row, errors)
    return row, errors


def _key(row: dict) -> tuple:
    return (row.get("campaign_id"), row.get("unit_id"), row.get("received_on"), row["text"])


def _known(ctx: Context) -> set:
    t = Opinion.__table__
    return {tuple(r) for r in ctx.conn.execute(
        sa.select(t.c.campaign_id, t.c.unit_id, t.c.received_on, t.c.text)
        .where(t.c.deleted_at.is_(None)))}


SPEC = RecordKind(
    kind="opinions", model=Opinion, required=REQUIRED, optional=OPTIONAL, limits=LIMITS,
    roles=(DeviceRole.HQ, DeviceRole.OFFICE, DeviceRole.REPRESENTATIVE),
    refusal="import_opinions_not_here", parse=_parse, key=_key, known=_known,
    columns={"unit_id": "unit", "campaign_id": "campaign"})


def import_file(store, path: Path, *, profile: str, skip_invalid: bool, dry_run: bool = False,
                progress: Progress | None = None) -> ImportReport:
    return import_records(SPEC, store, path, profile=profile, skip_invalid=skip_invalid,
                          dry_run=dry_run, progress=progress)
