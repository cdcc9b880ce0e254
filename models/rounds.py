"""A random round's life at HQ (issue 16 §1, docs/rounds.md): commit, draw, export, publish.

1. `commit_round`: the pools and constraints are read and fixed, a random secret is made, and
   the commitment (SHA-256 of the secret) and the inputs' hash go into the audit chain before
   anything is drawn. A new commitment for the same campaign and window discards the one still
   waiting (audited) and counts one more attempt.
2. `draw_committed` with the public value fixed after the commitment (or `draw_with_seed`, a
   round marked not verifiable): the draw, and one secret visit per drawn unit, with no standing
   team, linked to the round.
3. `full_document` (audited when exported) and, after the last date, `publish`: the public file
   with the units and their outcomes and the inspectors as pseudonyms.
"""

import json
from datetime import date

import sqlalchemy as sa

from models.draw import canonical
from models.draw.round_file import full_round, new_secret, public_round, seed_material
from models.draw.stream import commitment_of
from models.enums import VisitStatus
from models.errors import DomainError
from models.ids import natural_id
from models.records import Finding, Visit
from models.reference import Campaign
from models.round_pools import RoundRequest, gather_inputs
from models.round_table import DrawRound, RoundStatus
from models.security import audit
from models.security.roles import require_hq_device
from models.store.writes import WriteSession

DISCARDED = "discarded"


def _require_hq(w: WriteSession) -> None:
    require_hq_device(w.conn, ["round"], "Only HQ draws a random round.", "round_hq_only")


def _earlier_attempts(w: WriteSession, cid: str, req: RoundRequest) -> int:
    """Discard the commitments of this campaign and window still waiting; count all before."""
    t = DrawRound.__table__
    rows = w.conn.execute(sa.select(t.c.id, t.c.status).where(
        t.c.campaign_id == cid, t.c.date_from == req.date_from, t.c.date_to == req.date_to,
        t.c.deleted_at.is_(None))).all()
    for row_id, status in rows:
        if status == RoundStatus.COMMITTED:
            w.update(DrawRound, row_id, {"status": DISCARDED})
            audit.record(w.conn, "round_discarded", profile=w.profile, table_name="draw_round",
                         row_id=row_id)
    return len(rows)


def _new_round(w: WriteSession, req: RoundRequest, today: date, key: str,
               **values) -> tuple[str, dict]:
    """The round's row; its id derives from the inputs' hash and `key` (the commitment, or the
    given seed), so the same pools and seed material give the same file on any machine."""
    _require_hq(w)
    cid, inputs = gather_inputs(w.conn, req, today)
    data = canonical.normalised(inputs)
    row_id = w.create(DrawRound, {
        "id": natural_id("draw_round", canonical.inputs_hash(data), key), "campaign_id": cid,
        "date_from": req.date_from, "date_to": req.date_to,
        "inputs": canonical.dumps(data).decode("utf-8"),
        "inputs_hash": canonical.inputs_hash(data), "pseudonym_key": new_secret(),
        "attempts": _earlier_attempts(w, cid, req) + 1, **values})
    return row_id, data


def commit_round(w: WriteSession, req: RoundRequest, today: date) -> dict:
    """Fix the inputs and a secret; audit and return {round, commitment, inputs_hash}."""
    secret = new_secret()
    commitment = commitment_of(secret)
    row_id, data = _new_round(w, req, today, commitment, secret=secret, commitment=commitment)
    out = {"round": row_id, "commitment": commitment_of(secret),
           "inputs_hash": canonical.inputs_hash(data)}
    audit.record(w.conn, "round_committed", profile=w.profile, table_name="draw_round",
                 row_id=row_id, details=out)
    return out


def _row(conn: sa.Connection, round_id: str) -> dict:
    t = DrawRound.__table__
    row = conn.execute(sa.select(t).where(t.c.id == round_id, t.c.deleted_at.is_(None))
                       ).mappings().first()
    if row is None:
        raise DomainError(code="round_unknown", params={"round": round_id})
    return dict(row)


def _make_visits(w: WriteSession, round_id: str, kind: str, draw: dict) -> None:
    w.create_many(Visit, [{"kind": kind, "team_id": None, "unit_id": v["unit"],
                           "representative_ids": v["representatives"],
                           "visit_date": date.fromisoformat(v["date"]),
                           "status": VisitStatus.PLANNED, "round_id": round_id}
                          for v in draw["visits"]])


def _complete(w: WriteSession, row: dict, material: dict) -> dict:
    inputs = json.loads(row["inputs"])
    try:
        doc = full_round(inputs, material, attempts=row["attempts"])
    except DomainError as refused:  # name the unit as people know it
        if "unit" in refused.params:
            from models.acceptance import unit_paths

            unit = unit_paths(w.conn).get(refused.params["unit"], refused.params["unit"])
            raise DomainError(code=refused.code, params={**refused.params, "unit": unit}
                              ) from refused
        raise
    _make_visits(w, row["id"], inputs["constraints"]["visit_kind"], doc["draw"])
    w.update(DrawRound, row["id"], {"status": RoundStatus.DRAWN, "public_value":
                                    material["public_value"], "seed": material["seed"],
                                    "verifiable": material["verifiable"],
                                    "draw": canonical.dumps(doc["draw"]).decode("utf-8")})
    audit.record(w.conn, "round_drawn", profile=w.profile, table_name="draw_round",
                 row_id=row["id"], details={"seed": material["seed"],
                                            "verifiable": material["verifiable"],
                                            "visits": len(doc["draw"]["visits"])})
    return full_document(w.conn, row["id"])


def draw_committed(w: WriteSession, round_id: str, public_value: str) -> dict:
    """Draw a committed round with the public value; returns the full round document."""
    _require_hq(w)
    row = _row(w.conn, round_id)
    if row["status"] != RoundStatus.COMMITTED:
        raise DomainError(code="round_not_committed", params={"round": round_id})
    material = seed_material(row["inputs_hash"], secret=row["secret"],
                             public_value=public_value, seed=None)
    return _complete(w, row, material)


def draw_with_seed(w: WriteSession, req: RoundRequest, today: date, seed: str) -> dict:
    """Draw at once from a given seed: the round is marked not verifiable (tests, drills)."""
    row_id, data = _new_round(w, req, today, seed, verifiable=False)
    audit.record(w.conn, "round_committed", profile=w.profile, table_name="draw_round",
                 row_id=row_id, details={"round": row_id, "inputs_hash":
                                         canonical.inputs_hash(data), "seed_given": True})
    material = seed_material(canonical.inputs_hash(data), secret=None, public_value=None,
                             seed=seed)
    return _complete(w, _row(w.conn, row_id), material)


def _material(row: dict) -> dict:
    if not row["verifiable"]:
        return seed_material(row["inputs_hash"], secret=None, public_value=None, seed=row["seed"])
    return seed_material(row["inputs_hash"], secret=row["secret"],
                         public_value=row["public_value"], seed=None)


def _meta(conn: sa.Connection, row: dict, inputs: dict) -> dict:
    """Labels for people reading the file (not verified): the round, campaign and unit names."""
    from models.acceptance import unit_paths

    paths, c = unit_paths(conn), Campaign.__table__
    name = conn.execute(sa.select(c.c.name).where(c.c.id == row["campaign_id"])).scalar()
    return {"round": row["id"], "campaign": name,
            "unit_names": {u["id"]: paths.get(u["id"], "") for u in inputs["units"]}}


def full_document(conn: sa.Connection, round_id: str) -> dict:
    row = _row(conn, round_id)
    if row["status"] not in (RoundStatus.DRAWN, RoundStatus.PUBLISHED):
        raise DomainError(code="round_not_drawn", params={"round": round_id})
    inputs = json.loads(row["inputs"])
    recorded = json.loads(row["draw"]).get("replacements") if row["draw"] else None
    return full_round(inputs, _material(row), attempts=row["attempts"],
                      meta=_meta(conn, row, inputs), replacements=recorded)


def export_full(w: WriteSession, round_id: str) -> dict:
    """The full round file's document, its export recorded in the audit chain."""
    _require_hq(w)
    doc = full_document(w.conn, round_id)
    audit.record(w.conn, "round_exported", profile=w.profile, table_name="draw_round",
                 row_id=round_id, details={"kind": "full"})
    return doc


def _results(conn: sa.Connection, round_id: str) -> list[dict]:
    v, f = Visit.__table__, Finding.__table__
    findings = (sa.select(sa.func.count()).where(f.c.visit_id == v.c.id,
                                                  f.c.deleted_at.is_(None)).scalar_subquery())
    rows = conn.execute(sa.select(v.c.unit_id, v.c.status, findings).where(
        v.c.round_id == round_id, v.c.deleted_at.is_(None)).order_by(v.c.unit_id))
    return [{"unit": unit, "outcome": status, "findings": count} for unit, status, count in rows]


def publish(w: WriteSession, round_id: str, today: date) -> dict:
    """After the round's last date: the public round file with each unit's outcome."""
    _require_hq(w)
    row = _row(w.conn, round_id)
    if row["date_to"] >= today:
        raise DomainError(code="round_not_over", params={"date_to": row["date_to"].isoformat()})
    doc = public_round(full_document(w.conn, round_id), row["pseudonym_key"],
                       _results(w.conn, round_id))
    w.update(DrawRound, round_id, {"status": RoundStatus.PUBLISHED, "published_on": today})
    audit.record(w.conn, "round_published", profile=w.profile, table_name="draw_round",
                 row_id=round_id, details={"units": len(doc["results"])})
    return doc
