"""Paper form numbers keyed twice offline: both forms are kept and flagged for a supervisor."""


from models.records import Evaluation
from sync.server.context import ApplyContext

EV = Evaluation.__table__


def prefetch_numbers(ctx: ApplyContext, rows: list[dict]) -> None:
    """One query per 500 numbers instead of one per form (a 26,000-form push stays fast)."""
    keys = {(r.get("campaign_id"), r.get("form_no")) for r in rows
            if isinstance(r.get("form_no"), str) and isinstance(r.get("campaign_id"), str)}
    ctx.form_numbers = {}
    numbers = sorted({k[1] for k in keys})
    sqlite = ctx.conn.dialect.paramstyle == "qmark"
    valid = "voided IS 0" if sqlite else "voided IS false"
    for start in range(0, len(numbers), 500):
        chunk = numbers[start:start + 500]
        if sqlite:  # driver level: SQLAlchemy's expanding IN cost more than the query
            where, params = f"form_no IN ({', '.join('?' * len(chunk))})", tuple(chunk)
        else:
            where, params = "form_no = ANY(%s)", (chunk,)
        for row_id, campaign_id, form_no in ctx.conn.exec_driver_sql(
                f"SELECT id, campaign_id, form_no FROM evaluation WHERE {where} AND {valid} "
                "AND deleted_at IS NULL", params):
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
    holders = numbers.setdefault(key, [])
    others = [i for i in holders if i != row["id"]]
    holders.append(row["id"])
    if not others:
        return None
    found = ctx.record_conflict("evaluation", row["id"], "duplicate_form_number", "form_no",
                                {"form_no": row["form_no"], "held_by": others},
                                {"form_no": row["form_no"], "id": row["id"]})
    return {"conflicts": [found]}
