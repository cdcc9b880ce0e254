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
    rows = _figures(conn, campaign_id)
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


def _batches(conn: sa.Connection, campaign_id: str | None,
             batch_id: str | None = None) -> list[dict]:
    b, u = EntryBatch.__table__, Unit.__table__
    query = (sa.select(b.c.id, b.c.created_by, b.c.created_at, b.c.evaluated_on,
                       u.c.name.label("unit"))
             .join(u, u.c.id == b.c.unit_id, isouter=True)
             .where(b.c.deleted_at.is_(None)).order_by(b.c.created_at, b.c.id))
    if campaign_id:
        query = query.where(b.c.campaign_id == campaign_id)
    if batch_id:
        query = query.where(b.c.id == batch_id)
    return [dict(r) for r in conn.execute(query).mappings()]


def _figures(conn: sa.Connection, campaign_id: str | None) -> list[ClerkFigures]:
    """The kept figures of the batches that have them (`keep_batch_figures`), the others
    computed from the keyings."""
    info = {b["id"]: (n, b) for n, b in enumerate(_batches(conn, campaign_id))}
    kept_ids, kept = _kept(conn, info)
    stale = [b for b in info if b not in kept_ids]
    if stale:
        only = stale if len(stale) < len(info) else None  # all stale: the campaign's filter
        kept += _computed(conn, info, campaign_id, only)
    order = {ENTRY: 0, VERIFICATION: 1}
    return sorted(kept, key=lambda f: (info[f.batch_id][0], order[f.keying], f.clerk))


def _computed(conn: sa.Connection, info: dict, campaign_id: str | None,
              only: list[str] | None) -> list[ClerkFigures]:
    """Grouped in SQL (each clerk's count and keying time; the forms both keyings agree on),
    so Python only sees the forms keyed differently. `only`: these batches alone."""
    figures: dict[tuple[str, str, str], ClerkFigures] = {}

    def of(batch_id: str, clerk: str, keying: str) -> ClerkFigures:
        if (batch_id, clerk, keying) not in figures:
            batch = info[batch_id][1]
            figures[batch_id, clerk, keying] = ClerkFigures(
                clerk, keying, batch_id, batch["unit"] or "", batch["evaluated_on"])
        return figures[batch_id, clerk, keying]

    for row in conn.execute(_time_query(conn, campaign_id, only)).mappings():
        if row["batch_id"] in info:
            keying = ENTRY if row["pass_no"] == 1 else VERIFICATION
            f = of(row["batch_id"], row["created_by"], keying)
            f.forms, f.seconds = row["forms"], float(row["seconds"] or 0)
            batch = info[row["batch_id"]][1]
            if keying == ENTRY and row["created_by"] == batch["created_by"]:
                f.seconds += keying_seconds([row["first_at"]], batch["created_at"])
    pairs = _pairs(campaign_id, only)
    for row in conn.execute(pairs.agreed).mappings():
        if row["batch_id"] in info:
            of(row["batch_id"], row["first_by"], ENTRY).fields_compared += len(FIELDS) * row["n"]
            of(row["batch_id"], row["second_by"], VERIFICATION).fields_compared += \
                len(FIELDS) * row["n"]
    for row in conn.execute(pairs.differing).mappings():
        if row["batch_id"] in info:
            _count_difference(row, of)
    return list(figures.values())


KEPT = sa.table("clerk_batch_figures", *(sa.column(c) for c in (
    "batch_id", "clerk", "keying", "forms", "seconds", "fields_compared", "errors", "pending")))
KEPT_BATCH = sa.table("clerk_batch_kept", sa.column("batch_id"))
_COUNTS = ("forms", "seconds", "fields_compared", "errors", "pending")


def _kept(conn: sa.Connection, info: dict) -> tuple[set[str], list[ClerkFigures]]:
    """The batches of `info` whose figures are kept, and their rows (migration 0024 forgets a
    batch's rows as soon as anything they are computed from changes)."""
    ids = {b for b in conn.execute(sa.select(KEPT_BATCH.c.batch_id)).scalars() if b in info}
    rows = conn.execute(sa.select(KEPT)).mappings()
    return ids, [ClerkFigures(r["clerk"], r["keying"], r["batch_id"], info[r["batch_id"]][1]["unit"]
                         or "", info[r["batch_id"]][1]["evaluated_on"],
                         **{c: r[c] for c in _COUNTS})
            for r in rows if r["batch_id"] in ids]


def keep_batch_figures(conn: sa.Connection, batch_id: str) -> None:
    """Compute the batch's figures once and keep them (models.batches calls it when a batch is
    verified): read back, they cost a lookup instead of the keyings' scan (issue 15,
    "Performance"). Local to the device: not synced, and forgotten by triggers on change."""
    info = {b["id"]: (0, b) for b in _batches(conn, None, batch_id)}
    if not info:
        return
    rows = _computed(conn, info, None, [batch_id])
    conn.execute(sa.delete(KEPT).where(KEPT.c.batch_id == batch_id))
    if rows:
        conn.execute(sa.insert(KEPT), [{"batch_id": batch_id, "clerk": f.clerk,
                                        "keying": f.keying, **{c: getattr(f, c) for c in _COUNTS}}
                                       for f in rows])
    conn.execute(sa.insert(KEPT_BATCH).prefix_with("OR REPLACE"), {"batch_id": batch_id})


_STALE_BATCHES = (
    f"SELECT id FROM {EntryBatch.__table__.name} WHERE verified_at IS NOT NULL AND deleted_at "
    f"IS NULL AND id NOT IN (SELECT batch_id FROM {KEPT_BATCH.name})")


def keep_verified_batches(conn: sa.Connection) -> list[str]:
    """Keep the figures of every verified batch that has none kept, computed together in one
    pass over their keyings; return their ids. A pull calls it once it has every page
    (sync.client.apply): batches verified on another device reach HQ, and come back to the
    device that verified them, through upserts that forget their figures (migration 0024)."""
    # On the driver itself: it runs after every pull (a one-record round's two), and nearly
    # always finds none; as a Core select it cost ~0.2 ms of the device's CPU a round, through
    # the `Connection` as text ~40 µs more than the read.
    if not conn.in_transaction():  # as a statement through the `Connection` would have begun
        conn.begin()
    stale = [row[0] for row in conn.connection.driver_connection.execute(_STALE_BATCHES)]
    if not stale:
        return []
    wanted = set(stale)
    info = {x["id"]: (n, x) for n, x in enumerate(_batches(conn, None)) if x["id"] in wanted}
    rows = _computed(conn, info, None, stale)
    conn.execute(sa.delete(KEPT).where(KEPT.c.batch_id.in_(stale)))
    if rows:
        conn.execute(sa.insert(KEPT), [{"batch_id": f.batch_id, "clerk": f.clerk,
                                        "keying": f.keying, **{c: getattr(f, c) for c in _COUNTS}}
                                       for f in rows])
    conn.execute(sa.insert(KEPT_BATCH).prefix_with("OR REPLACE"),
                 [{"batch_id": batch_id} for batch_id in stale])
    return stale


def _seconds(later, earlier, conn: sa.Connection):
    """Seconds from `earlier` to `later` in SQL (SQLite stores UTC text; PostgreSQL times)."""
    if conn.dialect.name == "sqlite":
        # julianday's double keeps about 10 µs at today's dates: round to the millisecond
        return sa.func.round((sa.func.julianday(later) - sa.func.julianday(earlier)) * 86400, 3)
    return sa.extract("epoch", later - earlier)


def _live_keyings(k, campaign_id: str | None, only: list[str] | None = None) -> list:
    live = [k.c.deleted_at.is_(None)]
    if only is not None:
        live.append(k.c.batch_id.in_(only))
    if campaign_id:
        b = EntryBatch.__table__
        live.append(k.c.batch_id.in_(sa.select(b.c.id).where(b.c.campaign_id == campaign_id)))
    return live


def _time_query(conn: sa.Connection, campaign_id: str | None, only: list[str] | None):
    """Per batch, pass and clerk: keyings, their first time, and the gaps of at most PAUSE
    between consecutive ones (LAG over the clerk's keyings of the batch)."""
    k = BatchKeying.__table__
    previous = sa.func.lag(k.c.created_at).over(
        partition_by=(k.c.batch_id, k.c.pass_no, k.c.created_by), order_by=k.c.created_at)
    gaps = (sa.select(k.c.batch_id, k.c.pass_no, k.c.created_by, k.c.created_at,
                      _seconds(k.c.created_at, previous, conn).label("gap"))
            .where(*_live_keyings(k, campaign_id, only),
                   sa.or_(k.c.pass_no == 1, k.c.level.is_not(None))).subquery())
    counted = sa.case((gaps.c.gap.between(0, PAUSE.total_seconds()), gaps.c.gap), else_=0)
    return (sa.select(gaps.c.batch_id, gaps.c.pass_no, gaps.c.created_by,
                      sa.func.count().label("forms"), sa.func.sum(counted).label("seconds"),
                      sa.func.min(gaps.c.created_at).label("first_at"))
            .group_by(gaps.c.batch_id, gaps.c.pass_no, gaps.c.created_by))


@dataclass
class _Pairs:
    agreed: sa.Select
    differing: sa.Select


def _pairs(campaign_id: str | None, only: list[str] | None) -> _Pairs:
    """The forms keyed twice (entry not voided): those whose every compared field reads the
    same (as stored; '' and none alike) counted per batch and pair of clerks, and the others
    row by row — those go through `batches.differing_fields`, which reads text as read."""
    k1, k2 = BatchKeying.__table__.alias("k1"), BatchKeying.__table__.alias("k2")
    e = Evaluation.__table__
    firsts = {f: sa.case((k1.c.level.is_not(None), k1.c[f]), else_=e.c[f]) for f in FIELDS}
    same = sa.and_(*(sa.func.coalesce(firsts[f], "") == sa.func.coalesce(k2.c[f], "")
                     for f in FIELDS))
    joined = (k1.join(e, e.c.id == k1.c.evaluation_id)
              .join(k2, sa.and_(k2.c.batch_id == k1.c.batch_id, k2.c.form_no == k1.c.form_no)))
    where = (k1.c.pass_no == 1, k1.c.form_no.is_not(None), e.c.deleted_at.is_(None),
             e.c.voided.is_(False), k2.c.pass_no == 2, k2.c.level.is_not(None),
             *_live_keyings(k1, campaign_id, only), k2.c.deleted_at.is_(None))
    pair = (k1.c.batch_id, k1.c.created_by.label("first_by"), k2.c.created_by.label("second_by"))
    agreed = (sa.select(*pair, sa.func.count().label("n")).select_from(joined)
              .where(*where, same).group_by(k1.c.batch_id, k1.c.created_by, k2.c.created_by))
    differing = (sa.select(*pair, k2.c.resolution, *(firsts[f].label(f"first_{f}") for f in FIELDS),
                           *(k2.c[f] for f in FIELDS))
                 .select_from(joined).where(*where, sa.not_(same)))
    return _Pairs(agreed, differing)


def _count_difference(row, of) -> None:
    """One form whose keyings differ as stored: its errors once settled, else pending."""
    first = {f: row[f"first_{f}"] for f in FIELDS}
    differing = len(batches.differing_fields(first, {f: row[f] for f in FIELDS}))
    a = of(row["batch_id"], row["first_by"], ENTRY)
    b = of(row["batch_id"], row["second_by"], VERIFICATION)
    if differing and not row["resolution"]:
        a.pending += differing
        b.pending += differing
        return
    if row["resolution"] == "voided":
        return
    a.fields_compared += len(FIELDS)
    b.fields_compared += len(FIELDS)
    if differing:
        (b if row["resolution"] == "first" else a).errors += differing


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
