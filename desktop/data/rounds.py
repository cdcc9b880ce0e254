"""The Random rounds page's data (issue 16 §1), read on the DB worker: HQ's rounds and the
visits a round drew, with unit paths and representatives' names (the page is HQ's only; the
public file never carries the names). Also the screenshots' sample round. No Qt."""

from datetime import date, timedelta

import sqlalchemy as sa

from models.acceptance import unit_paths
from models.records import Visit
from models.reference import Campaign, Representative
from models.round_pools import RoundRequest
from models.round_table import DrawRound

SHOWN = ("id", "campaign_id", "status", "date_from", "date_to", "attempts", "verifiable",
         "commitment", "inputs_hash", "public_value", "seed", "published_on")


def list_rounds(conn: sa.Connection) -> list[dict]:
    """Live rounds, newest first, with their campaign's name."""
    t, c = DrawRound.__table__, Campaign.__table__
    rows = conn.execute(sa.select(*(t.c[k] for k in SHOWN), c.c.name.label("campaign"))
                        .join(c, c.c.id == t.c.campaign_id, isouter=True)
                        .where(t.c.deleted_at.is_(None))
                        .order_by(t.c.created_at.desc())).mappings()
    return [dict(r) for r in rows]


def round_visits(conn: sa.Connection, round_id: str) -> list[dict]:
    """The round's visits by date: unit path, status and the representatives' names."""
    v, r = Visit.__table__, Representative.__table__
    names = dict(conn.execute(sa.select(r.c.id, r.c.name)).all())
    paths = unit_paths(conn)
    rows = conn.execute(sa.select(v.c.id, v.c.unit_id, v.c.visit_date, v.c.status,
                                  v.c.representative_ids)
                        .where(v.c.round_id == round_id, v.c.deleted_at.is_(None))
                        .order_by(v.c.visit_date, v.c.unit_id)).all()
    return [{"id": vid, "unit": paths.get(unit, ""), "date": day, "status": status,
             "representatives": [names.get(p, "") for p in reps or []],
             "representative_ids": list(reps or [])}
            for vid, unit, day, status, reps in rows]


def step_aside(w, round_id: str, visit_id: str, leaving: str) -> dict:
    """回避 from the page: the stand-in from the reserve; names for the status line."""
    from models.round_replace import described, replace_representative

    return described(w.conn, replace_representative(w, round_id, visit_id, leaving))


def campaign_names(conn: sa.Connection) -> list[str]:
    c = Campaign.__table__
    return list(conn.execute(sa.select(c.c.name).where(c.c.deleted_at.is_(None))
                             .order_by(c.c.year.desc(), c.c.name)).scalars())


def sample_round(store) -> None:
    """A committed and drawn round on the demo data, for the screenshots."""
    from models.rounds import commit_round, draw_committed

    with store.read() as conn:
        names = campaign_names(conn)
    start = date.today() + timedelta(days=7)
    with store.write("hq") as w:  # one still waiting for its public value
        commit_round(w, RoundRequest(campaign=names[0], units=4, date_from=start,
                                     date_to=start + timedelta(days=20)), date.today())
    req = RoundRequest(campaign=names[0], units=6, date_from=start,
                       date_to=start + timedelta(days=13), team_size=2, max_per_rep=2)
    with store.write("hq") as w:
        committed = commit_round(w, req, date.today())
    with store.write("hq") as w:
        draw_committed(w, committed["round"], "福彩3D 第2026321期 开奖号码 4 7 1")

def _write(path: str, doc: dict) -> None:
    from pathlib import Path

    from models.draw.round_file import to_bytes
    from models.errors import DomainError

    try:
        Path(path).write_bytes(to_bytes(doc))
    except OSError as exc:
        raise DomainError(code="round_file_not_written", params={"path": path}) from exc


def publish_to(w, round_id: str, path: str, today: date) -> int:
    """Publish the round and write its public file; the number of units in it."""
    from models.rounds import publish

    doc = publish(w, round_id, today)
    _write(path, doc)
    return len(doc["results"])


def export_to(w, round_id: str, path: str) -> int:
    """Write the full round file (audited)."""
    from models.rounds import export_full

    doc = export_full(w, round_id)
    _write(path, doc)
    return len(doc["draw"]["visits"])
