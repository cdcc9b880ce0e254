"""Paper form numbers keyed twice offline: both forms are kept and flagged for a supervisor."""

from itertools import repeat

import orjson

from models.records import Evaluation
from sync.server.context import ApplyContext
from sync.server.db import on_driver

EV = Evaluation.__table__
_TEXT = {str}


def prefetch_numbers(ctx: ApplyContext, rows: "list[dict] | NumberColumns") -> None:
    """The valid forms holding any of the batch's numbers, in few queries (a 26,000-form push
    stays fast). PostgreSQL: one query per batch that looks each number up in
    ix_evaluation_form_no (a lateral join on the numbers' array; `OFFSET 0` keeps it a lookup
    per number, whatever the table's statistics, where a join let the planner hash the whole
    table). `form_no = ANY(%s)` took 0.1-0.2 s
    per 500 numbers there: psycopg prepares a statement run often, and the generic plan of a
    table pushed into without statistics yet scanned the campaign's valid forms and compared
    each with every number (2.5 of a 4.3 s push of 26,300 forms)."""
    keys, statement = numbers_statement(rows, ctx.conn.dialect.paramstyle == "qmark")
    if statement is None:
        ctx.form_numbers = {}
        return
    take_numbers(ctx, keys, on_driver(ctx.conn, *statement))


class NumberColumns(tuple):
    """A batch's campaign and paper-number columns (campaigns, numbers), given in place of
    its rows (a batch decoded column by column, sync/server/form_batch.py)."""


def numbers_statement(rows: "list[dict] | NumberColumns",
                      sqlite: bool) -> tuple[set, tuple[str, tuple] | None]:
    """The batch's (campaign, number) keys and the driver statement reading the valid forms
    that hold any of its numbers (None: no number to look up)."""
    if isinstance(rows, NumberColumns):
        campaigns, form_nos = rows
    else:  # the pairs taken out in C (a map of dict.get per field), kept when both are text
        campaigns = list(map(dict.get, rows, repeat("campaign_id")))
        form_nos = list(map(dict.get, rows, repeat("form_no")))
    if set(map(type, campaigns)) == _TEXT == set(map(type, form_nos)):  # the usual batch
        keys = set(zip(campaigns, form_nos))
        numbers = sorted(set(form_nos))
    else:
        keys = {k for k in set(zip(campaigns, form_nos))
                if isinstance(k[1], str) and isinstance(k[0], str)}
        numbers = sorted({k[1] for k in keys})
    if not numbers:
        return keys, None
    if sqlite:  # driver level: SQLAlchemy's expanding IN cost more
        # the numbers as one JSON array: one statement per batch (each number looked up in
        # ix_evaluation_form_no), not one per 500
        return keys, (
            "SELECT id, campaign_id, form_no FROM evaluation WHERE form_no IN (SELECT value "
            "FROM json_each(?)) AND voided IS 0 AND deleted_at IS NULL",
            (orjson.dumps(numbers).decode(),))
    return keys, (
        "SELECT e.id, e.campaign_id, n.form_no FROM unnest(%s::varchar[]) AS n(form_no) "
        "CROSS JOIN LATERAL (SELECT id, campaign_id FROM evaluation WHERE form_no = "
        "n.form_no AND voided IS false AND deleted_at IS NULL OFFSET 0) AS e", (numbers,))


def take_numbers(ctx: ApplyContext, keys: set, found) -> None:
    """`ctx.form_numbers` from `numbers_statement`'s rows (id, campaign, number)."""
    ctx.form_numbers = {}
    for row_id, campaign_id, form_no in found:
        if (campaign_id, form_no) in keys:
            ctx.form_numbers.setdefault((campaign_id, form_no), []).append(row_id)


def flag_duplicate_number(ctx: ApplyContext, row: dict) -> dict | None:
    """Record a duplicate-number conflict when another valid form holds this number."""
    if not row.get("form_no") or row.get("voided"):
        return None
    numbers = ctx.form_numbers
    if numbers is None:
        prefetch_numbers(ctx, [row])
        numbers = ctx.form_numbers
    key = (row["campaign_id"], row["form_no"])
    holders = numbers.get(key)
    if holders is None:  # the usual case: no other form holds the number
        numbers[key] = [row["id"]]
        return None
    others = [i for i in holders if i != row["id"]]
    holders.append(row["id"])
    if not others:
        return None
    found = ctx.record_conflict("evaluation", row["id"], "duplicate_form_number", "form_no",
                                {"form_no": row["form_no"], "held_by": others},
                                {"form_no": row["form_no"], "id": row["id"]})
    return {"conflicts": [found]}
