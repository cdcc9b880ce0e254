"""The clerks' own figures (issue 15 §4, after CSPro's operator statistics).

Per clerk and per batch, from what the keying already stores: forms keyed, keying time (pauses
over five minutes left out), forms per hour, and the keying error rate that double entry finds.
Every figure is defined in docs/foundation.md ("The clerks' own figures") so anyone can
recompute it from the `batch_keying` rows:

- a *keying* is the entry (pass 1: one row per form saved, by the clerk who saved it) or the
  second keying (pass 2: one row per form re-keyed; the rows a finished second keying adds for
  forms it skipped carry no level and are not keyings);
- *keying time* sums the gaps between a clerk's consecutive keyings of a batch (the entry
  starts at the batch's opening by that clerk), leaving out every gap over `PAUSE`;
- an *error* is a compared field (`batches.COMPARED` + `batches.TEXTS_COMPARED`) of a form
  keyed twice where a clerk's value differs from the value the supervisor settled: settling
  "first" keeps the entry (the second clerk erred on each differing field), "second" takes the
  second keying (the first clerk erred); a voided form and an unsettled difference count for no
  one (the unsettled fields are shown as pending);
- the *error rate* is errors / fields compared, where every form keyed twice and settled (or
  agreeing) counts all its compared fields for each of its two clerks.

A clerk sees their own figures; a supervisor or HQ everyone's (the profile's stored role
decides, as for settling differences).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa

from models import batches
from models.batches import BatchKeying, EntryBatch
from models.errors import DomainError
from models.records import Evaluation
from models.reference import Unit
from models.security.roles import require_supervisor

PAUSE = timedelta(minutes=5)
FIELDS = (*batches.COMPARED, *batches.TEXTS_COMPARED)
ENTRY, VERIFICATION = "entry", "verification"


@dataclass
class ClerkFigures:
    """One clerk's keying of one batch (`batch_id` None: the clerk's totals)."""

    clerk: str
    keying: str = ""  # entry | verification; "" for totals
    batch_id: str | None = None
    unit: str = ""
    evaluated_on: date | None = None
    forms: int = 0
    seconds: float = 0.0
    fields_compared: int = 0
    errors: int = 0
    pending: int = 0

    @property
    def forms_per_hour(self) -> float | None:
        return self.forms * 3600 / self.seconds if self.seconds else None

    @property
    def error_rate(self) -> float | None:
        return self.errors / self.fields_compared if self.fields_compared else None


@dataclass
class ClerkReport:
    batches: list[ClerkFigures]
    clerks: list[ClerkFigures]


def keying_seconds(times: list[datetime], start: datetime | None = None) -> float:
    """Seconds between consecutive keyings (and from `start` to the first), gaps over PAUSE
    left out."""
    moments = sorted(times) if start is None else [start, *sorted(t for t in times)]
    gaps = (b - a for a, b in zip(moments, moments[1:], strict=False))
    return sum(g.total_seconds() for g in gaps if timedelta(0) <= g <= PAUSE)


def clerk_report(conn: sa.Connection, viewer: str, claimed_role: str | None = None,
                 campaign_id: str | None = None) -> ClerkReport:
    """The figures `viewer` may see: everyone's for a supervisor or HQ, else their own."""
    rows = [f for b in _batches(conn, campaign_id) for f in _batch_figures(conn, b)]
    if not sees_everyone(conn, viewer, claimed_role):
        rows = [f for f in rows if f.clerk == viewer]
    return ClerkReport(rows, _totals(rows))


def sees_everyone(conn: sa.Connection, viewer: str, claimed_role: str | None) -> bool:
    """A supervisor's or HQ's profile, by its stored role (as `roles.require_supervisor`: a
    store without profiles trusts the claimed role; the window's lower claim is kept)."""
    try:
        require_supervisor(conn, viewer, claimed_role)
    except DomainError:
        return False
    return True


def _batches(conn: sa.Connection, campaign_id: str | None) -> list[dict]:
    b, u = EntryBatch.__table__, Unit.__table__
    query = (sa.select(b.c.id, b.c.created_by, b.c.created_at, b.c.evaluated_on,
                       u.c.name.label("unit"))
             .join(u, u.c.id == b.c.unit_id, isouter=True)
             .where(b.c.deleted_at.is_(None)).order_by(b.c.created_at, b.c.id))
    if campaign_id:
        query = query.where(b.c.campaign_id == campaign_id)
    return [dict(r) for r in conn.execute(query).mappings()]


def _keyings(conn: sa.Connection, batch_id: str) -> tuple[list[dict], list[dict]]:
    """The entry's rows (with their form) and the second keying's rows of a batch."""
    k, e = BatchKeying.__table__, Evaluation.__table__
    entry = conn.execute(
        sa.select(k, *(e.c[f].label(f"form_{f}") for f in FIELDS), e.c.voided)
        .join(e, e.c.id == k.c.evaluation_id)
        .where(k.c.batch_id == batch_id, k.c.pass_no == 1, k.c.deleted_at.is_(None),
               e.c.deleted_at.is_(None))).mappings().all()
    second = batches.verification_keyings(conn, batch_id)
    return [dict(r) for r in entry], [r for r in second if r["level"] is not None]


def _batch_figures(conn: sa.Connection, batch: dict) -> list[ClerkFigures]:
    entry, second = _keyings(conn, batch["id"])
    figures: dict[tuple[str, str], ClerkFigures] = {}

    def of(clerk: str, keying: str) -> ClerkFigures:
        key = (clerk, keying)
        if key not in figures:
            figures[key] = ClerkFigures(clerk, keying, batch["id"], batch["unit"] or "",
                                        batch["evaluated_on"])
        return figures[key]

    for keying, rows in ((ENTRY, entry), (VERIFICATION, second)):
        by_clerk = defaultdict(list)
        for row in rows:
            by_clerk[row["created_by"]].append(row["created_at"])
        for clerk, times in by_clerk.items():
            start = batch["created_at"] if keying == ENTRY and clerk == batch["created_by"] \
                else None
            f = of(clerk, keying)
            f.forms, f.seconds = len(times), keying_seconds(times, start)
    _count_errors(entry, second, of)
    return list(figures.values())


def _first_values(row: dict) -> dict:
    """What the entry clerk keyed: the pass-1 row's copy, else (older rows) the form."""
    if row["level"] is not None:
        return {f: row[f] for f in FIELDS}
    return {f: row[f"form_{f}"] for f in FIELDS}


def _count_errors(entry: list[dict], second: list[dict], of) -> None:
    firsts = {r["form_no"]: r for r in entry if r["form_no"] and not r["voided"]}
    for keyed in second:
        first = firsts.get(keyed["form_no"])
        if first is None:
            continue
        differing = len(batches.differing_fields(_first_values(first), keyed))
        a, b = of(first["created_by"], ENTRY), of(keyed["created_by"], VERIFICATION)
        if differing and not keyed["resolution"]:
            a.pending += differing
            b.pending += differing
            continue
        if keyed["resolution"] == "voided":
            continue
        a.fields_compared += len(FIELDS)
        b.fields_compared += len(FIELDS)
        if differing:
            (b if keyed["resolution"] == "first" else a).errors += differing


def _totals(rows: list[ClerkFigures]) -> list[ClerkFigures]:
    totals: dict[str, ClerkFigures] = {}
    for f in rows:
        t = totals.setdefault(f.clerk, ClerkFigures(f.clerk))
        t.forms += f.forms
        t.seconds += f.seconds
        t.fields_compared += f.fields_compared
        t.errors += f.errors
        t.pending += f.pending
    return [totals[c] for c in sorted(totals)]
