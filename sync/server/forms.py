"""Paper form numbers keyed twice offline: both forms are kept and flagged for a supervisor."""

import sqlalchemy as sa

from models.records import Evaluation
from sync.server.context import ApplyContext

EV = Evaluation.__table__


def prefetch_numbers(ctx: ApplyContext, rows: list[dict]) -> None:
    """One query per 500 numbers instead of one per form (a 26,000-form push stays fast)."""
    keys = {(r.get("campaign_id"), r.get("form_no")) for r in rows
            if isinstance(r.get("form_no"), str) and isinstance(r.get("campaign_id"), str)}
    ctx.form_numbers = {}
    numbers = sorted({k[1] for k in keys})
    for start in range(0, len(numbers), 500):
        chunk = numbers[start:start + 500]
        for r in ctx.conn.execute(sa.select(EV.c.id, EV.c.campaign_id, EV.c.form_no).where(
                EV.c.form_no.in_(chunk), EV.c.voided.is_(False), EV.c.deleted_at.is_(None))):
            if (r.campaign_id, r.form_no) in keys:
                ctx.form_numbers.setdefault((r.campaign_id, r.form_no), []).append(r.id)


def flag_duplicate_number(ctx: ApplyContext, row: dict) -> dict | None:
    """Record a duplicate-number conflict when another valid form holds this number."""
    if not row.get("form_no") or row.get("voided"):
        return None
    numbers = ctx.form_numbers
    if numbers is None:
        prefetch_numbers(ctx, [row])
        numbers = ctx.form_numbers
    key = (row["campaign_id"], row["form_no"])
    holders = numbers.setdefault(key, [])
    others = [i for i in holders if i != row["id"]]
    holders.append(row["id"])
    if not others:
        return None
    found = ctx.record_conflict("evaluation", row["id"], "duplicate_form_number", "form_no",
                                {"form_no": row["form_no"], "held_by": others},
                                {"form_no": row["form_no"], "id": row["id"]})
    return {"conflicts": [found]}
