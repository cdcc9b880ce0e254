"""Stepping aside (回避) from a drawn visit (issue 16 §1, docs/rounds.md §4 and §7).

A representative who must not go (a relative works there, they fell ill) is replaced without a
new draw: the stand-in is the first of the round's ordered reserve, not used as a stand-in
before, who is eligible for that visit (`models.draw.algorithm.replacement`). The replacement
is recorded in the round (the `replacements` list kept in `draw_round.draw`, and so in the full
round file, where `plan verify` checks each one against that rule) and in the audit chain; the
visit's representatives change, so the stand-in's device receives the visit and the one who
stepped aside no longer does.
"""

import json

import sqlalchemy as sa

from models.draw import canonical
from models.draw.algorithm import replacement
from models.draw.round_file import teams_after
from models.enums import VisitStatus
from models.errors import DomainError
from models.records import Visit
from models.reference import Representative
from models.round_table import DrawRound, RoundStatus
from models.rounds import _require_hq, _row
from models.security import audit
from models.store.writes import WriteSession


def _visit(conn: sa.Connection, round_id: str, visit_id: str) -> dict:
    v = Visit.__table__
    row = conn.execute(sa.select(v.c.id, v.c.unit_id, v.c.status, v.c.representative_ids)
                       .where(v.c.id == visit_id, v.c.round_id == round_id,
                              v.c.deleted_at.is_(None))).mappings().first()
    if row is None:
        raise DomainError(code="round_visit_unknown", params={"visit": visit_id})
    return dict(row)


def _drawn(row: dict) -> dict:
    if row["status"] == RoundStatus.PUBLISHED:
        raise DomainError(code="round_replace_published", params={"round": row["id"]})
    if row["status"] != RoundStatus.DRAWN:
        raise DomainError(code="round_not_drawn", params={"round": row["id"]})
    return json.loads(row["draw"])


def _stand_in(inputs: dict, drawn: dict, index: int, leaving: str) -> str:
    """The next eligible of the reserve for visit `index`, with the teams as they now are."""
    recorded = drawn.get("replacements", [])
    teams = teams_after(inputs, drawn, recorded)
    current = {"visits": [{**v, "representatives": t}
                          for v, t in zip(drawn["visits"], teams, strict=True)],
               "reserve": drawn["reserve"]}
    if leaving not in teams[index]:
        raise DomainError(code="round_replace_not_on_visit", params={"representative": leaving})
    chosen = replacement(inputs, current, index, leaving,
                         tuple(r["replacement"] for r in recorded))
    if chosen is None:
        raise DomainError(code="round_replace_none_eligible")
    return chosen


def replace_representative(w: WriteSession, round_id: str, visit_id: str,
                           leaving: str) -> dict:
    """Replace `leaving` on the round's visit `visit_id` by the reserve's next eligible person;
    record it in the round and the audit chain. Returns {visit, leaving, replacement}."""
    _require_hq(w)
    row = _row(w.conn, round_id)
    drawn, visit = _drawn(row), _visit(w.conn, round_id, visit_id)
    if visit["status"] == VisitStatus.DONE:
        raise DomainError(code="round_replace_visit_done")
    index = drawn["units"].index(visit["unit_id"])
    chosen = _stand_in(json.loads(row["inputs"]), drawn, index, leaving)
    team = list(visit["representative_ids"] or [])
    team = [chosen if pid == leaving else pid for pid in team]
    w.update(Visit, visit_id, {"representative_ids": team})
    record = {"visit": index, "leaving": leaving, "replacement": chosen}
    drawn["replacements"] = [*drawn.get("replacements", []), record]
    w.update(DrawRound, round_id, {"draw": canonical.dumps(drawn).decode("utf-8")})
    audit.record(w.conn, "round_replacement", profile=w.profile, table_name="draw_round",
                 row_id=round_id, details={**record, "visit_id": visit_id})
    return {**record, "visit_id": visit_id, "unit_id": visit["unit_id"]}


def described(conn: sa.Connection, out: dict) -> dict:
    """A replacement as people read it: {leaving, replacement: names; unit: path}."""
    from models.acceptance import unit_paths

    r = Representative.__table__
    names = dict(conn.execute(sa.select(r.c.id, r.c.name).where(
        r.c.id.in_([out["leaving"], out["replacement"]]))).all())
    return {"leaving": names.get(out["leaving"], ""),
            "replacement": names.get(out["replacement"], ""),
            "unit": unit_paths(conn).get(out["unit_id"], "")}


def find_visit(conn: sa.Connection, round_id: str, text: str) -> str:
    """A round's visit named by its id or by its unit's path or name (one unit a visit)."""
    from models.acceptance import unit_paths

    v, paths = Visit.__table__, unit_paths(conn)
    rows = conn.execute(sa.select(v.c.id, v.c.unit_id).where(
        v.c.round_id == round_id, v.c.deleted_at.is_(None))).all()
    hits = [vid for vid, unit in rows
            if text in (vid, paths.get(unit, "")) or paths.get(unit, "").endswith("/" + text)]
    if len(hits) != 1:
        raise DomainError(code="round_visit_unknown", params={"visit": text})
    return hits[0]


def find_member(conn: sa.Connection, visit_id: str, text: str) -> str:
    """A representative on the visit named by id or name."""
    v, r = Visit.__table__, Representative.__table__
    team = conn.execute(sa.select(v.c.representative_ids).where(v.c.id == visit_id)
                        ).scalar() or []
    names = dict(conn.execute(sa.select(r.c.id, r.c.name).where(r.c.id.in_(team))).all())
    hits = [pid for pid in team if text in (pid, names.get(pid))]
    if len(hits) != 1:
        raise DomainError(code="round_replace_not_on_visit", params={"representative": text})
    return hits[0]
