"""County statistics: plain grouped queries over valid (not voided, not deleted) records.

Figures are exact here; the window rounds them for display. Every figure of the county report
(GLOSSARY.md) can be computed from `county_stats`.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from models import form_tally, rules
from models.campaigns import LeftOut, counted_left_out
from models.enums import (
    PUBLIC_EVENT_KINDS,
    CaseSubject,
    ComplainantView,
    Criterion,
    Level,
    Outcome,
    ProblemStatus,
    RespondentGroup,
    Sanction,
    VisitKind,
    VisitStatus,
)
from models.rules import DEFAULT_MIN_SAMPLE, DEFAULT_WEIGHTS
from models.timeutil import local_today


def _view(name: str, *columns: str | sa.ColumnClause) -> sa.TableClause:
    """A Core view of the columns read here, named as in models.records and models.reference
    (tests/models/test_stats.py checks names and types against the tables). Importing those
    SQLModel classes costs ~0.5 s, which the dashboard would pay at its first start of a day."""
    return sa.table(name, sa.column("deleted_at"),
                    *(sa.column(c) if isinstance(c, str) else c for c in columns))


EV = _view("evaluation", "unit_id", "campaign_id", "group", "level", "form_no", "reason",
           *Criterion, sa.column("voided", sa.Boolean), sa.column("evaluated_on", sa.Date))
CAMPAIGN = _view("campaign", "id", "weight_satisfied", "weight_fairly_satisfied",
                 "weight_basically_satisfied", "weight_dissatisfied", "min_sample")
UNIT = _view("unit", "id", "name", "kind", "parent_id", "category")
VISIT = _view("visit", "kind", "status", sa.column("visit_date", sa.Date))
FINDING = _view("finding", sa.column("found_on", sa.Date))
CRITICISM = _view("personnel_criticism", "sanction", sa.column("decided_on", sa.Date))
CASE = _view("accountability_case", "person_name", "unit_id", "subject", "outcome",
             sa.column("decided_on", sa.Date))
OPINION = _view("opinion", "campaign_id", "category", sa.column("received_on", sa.Date))
PROBLEM = _view("problem", "id", "campaign_id", "unit_id", "status",
                sa.column("reported_on", sa.Date), sa.column("deadline", sa.Date),
                "reply_method", "complainant_view")
EXTENSION = _view("extension_request", "problem_id", "decision")
REPORT = _view("rectification_report", "problem_id", "review", sa.column("completed_on", sa.Date))
VIEWS = (EV, CAMPAIGN, UNIT, VISIT, FINDING, CRITICISM, CASE, OPINION, PROBLEM, EXTENSION, REPORT)


@dataclass(frozen=True)
class Filters:
    campaign_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def dated(self, column: sa.ColumnClause, *, scan: bool = False) -> list:
        conds = [column.table.c.deleted_at.is_(None)]
        value = _Unindexed(column) if scan else column
        if self.date_from:
            conds.append(value >= self.date_from)
        if self.date_to:
            conds.append(value <= self.date_to)
        return conds

    def campaign(self, table: sa.TableClause) -> list:
        return [table.c.campaign_id == self.campaign_id] if self.campaign_id else []


def valid_forms(f: Filters) -> list:
    """Conditions for the valid forms. The forms are counted by walking a covering index
    (ix_evaluation_unit_counts or ix_evaluation_form_no: ~20 ms per 100,000 forms); a period
    must not lure SQLite onto the date index, which for a year fetches every row from the table
    one by one (~0.5 s)."""
    return [*f.dated(EV.c.evaluated_on, scan=True), EV.c.voided.is_(False), *f.campaign(EV)]


class _Unindexed(FunctionElement):
    """The column's value in a form SQLite's planner does not match to an index (a unary +);
    other databases get the plain column."""

    inherit_cache = True
    name = "unindexed"

    def __init__(self, column: sa.ColumnClause) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(_Unindexed)
def _plain(element: _Unindexed, compiler, **kw) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(_Unindexed, "sqlite")
def _unary_plus(element: _Unindexed, compiler, **kw) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


def campaign_weights(conn: sa.Connection) -> dict[str, dict[str, float]]:
    c = CAMPAIGN
    rows = conn.execute(sa.select(
        c.c.id, c.c.weight_satisfied, c.c.weight_fairly_satisfied,
        c.c.weight_basically_satisfied, c.c.weight_dissatisfied,
    ))
    return {r[0]: dict(zip(Level, r[1:])) for r in rows}


_DEFAULT_WEIGHTS = dict(zip(Level, DEFAULT_WEIGHTS))


def _weights_for(weights: dict, campaign_id: str) -> dict[str, float]:
    return weights.get(campaign_id) or _DEFAULT_WEIGHTS


# --- evaluation forms ------------------------------------------------------------------------
def form_counts(conn: sa.Connection, f: Filters, group: str | None = None) -> list[tuple]:
    """(unit_id, campaign_id, group, level, count) of valid forms: the rows every form figure
    is computed from, read from the counts kept on write (models.form_tally) where they answer
    the filters, else from the forms."""
    if form_tally.covers(conn, f):
        return form_tally.form_rows(conn, f, group)
    if form_tally.covers_dated(conn, f):
        return form_tally.dated_rows(conn, f, group)
    return form_counts_of_forms(conn, f, group)


def form_counts_of_forms(conn: sa.Connection, f: Filters,
                           group: str | None = None) -> list[tuple]:
    """`form_counts` by one GROUP BY of the forms (~100 ms over 100,000 forms)."""
    conds = valid_forms(f) + ([EV.c.group == group] if group else [])
    keys = (EV.c.unit_id, EV.c.campaign_id, EV.c.group, EV.c.level)
    return conn.execute(sa.select(*keys, sa.func.count()).where(*conds).group_by(*keys)).all()


def evaluation_stats(conn: sa.Connection, f: Filters, counts: list[tuple] | None = None) -> dict:
    counts = form_counts(conn, f) if counts is None else counts
    weights = campaign_weights(conn)
    by_group = dict.fromkeys(RespondentGroup, 0)
    by_level = dict.fromkeys(Level, 0)
    for _unit, _campaign_id, group, level, n in counts:  # a StrEnum key is found by its text
        by_group[group] += n
        by_level[level] += n
    figures = level_figures(((c, level, n) for _u, c, _g, level, n in counts), weights)
    return {
        "total": figures["forms"],
        "by_group": {k.value: v for k, v in by_group.items()},
        "by_level": {k.value: v for k, v in by_level.items()},
        "satisfaction_rate": figures["satisfaction_rate"],
        "weighted_score": figures["weighted_score"],
        "duplicate_numbers": duplicate_form_numbers(conn, f),
    }


def level_figures(counts, weights: dict) -> dict:
    """The definitions of the satisfaction figures, from (campaign_id, level, forms) rows:
    `forms`; `satisfaction_rate` = forms not dissatisfied / forms; `weighted_score` = the mean
    of each form's campaign weight for its level (None for both without forms). The overall
    figures pass each form's level; models.criteria passes its level on one criterion."""
    forms = pleased = 0
    points = 0.0
    for campaign_id, level, n in counts:  # a level's text is its Level (StrEnum) as a key
        forms += n
        pleased += 0 if level == Level.DISSATISFIED else n
        points += n * _weights_for(weights, campaign_id)[level]
    return {"forms": forms, "satisfaction_rate": pleased / forms if forms else None,
            "weighted_score": points / forms if forms else None}


def duplicate_form_numbers(conn: sa.Connection, f: Filters) -> int:
    """Form numbers held by more than one valid form of a campaign (two devices keyed one).
    Grouped by number first, so SQLite walks the form-number index; where the duplicated
    numbers are kept (migration 0027), only theirs."""
    if form_tally.kept_dated(conn):
        return _kept_duplicates(conn, f)
    return duplicate_form_numbers_of_forms(conn, f)


def duplicate_form_numbers_of_forms(conn: sa.Connection, f: Filters) -> int:
    """`duplicate_form_numbers` by one grouped walk of the form-number index (~16 ms over
    100,000 forms)."""
    dup = (
        sa.select(EV.c.form_no)
        .where(*valid_forms(f), EV.c.form_no.is_not(None), EV.c.form_no != "")
        .group_by(EV.c.form_no, EV.c.campaign_id).having(sa.func.count() > 1).subquery()
    )
    return conn.execute(sa.select(sa.func.count()).select_from(dup)).scalar() or 0


DUPLICATES = sa.table("duplicate_form_no", sa.column("campaign_id"), sa.column("form_no"))


def _kept_duplicates(conn: sa.Connection, f: Filters) -> int:
    """`duplicate_form_numbers` from the numbers more than one valid form carries: without a
    period, those of the campaign; in a period, those still carried twice within it."""
    d = DUPLICATES
    if f.date_from is None and f.date_to is None:
        return conn.execute(sa.select(sa.func.count()).select_from(d).where(
            *f.campaign(d))).scalar() or 0
    numbers = [tuple(r) for r in conn.execute(sa.select(d.c.form_no, d.c.campaign_id)
                                              .where(*f.campaign(d)))]
    if not numbers:
        return 0
    if len(numbers) > 5000:  # past SQLite's bound parameters: the walk of the index
        return duplicate_form_numbers_of_forms(conn, f)
    dup = (
        sa.select(EV.c.form_no)
        .where(*valid_forms(f), sa.tuple_(EV.c.form_no, EV.c.campaign_id).in_(numbers))
        .group_by(EV.c.form_no, EV.c.campaign_id).having(sa.func.count() > 1).subquery()
    )
    return conn.execute(sa.select(sa.func.count()).select_from(dup)).scalar() or 0


def unit_ranking(conn: sa.Connection, *, campaign_id: str | None = None, group: str | None = None,
                 date_from: date | None = None, date_to: date | None = None) -> list[dict]:
    """Per unit: forms, rate, score, and a rank by score (ties by rate) among units with at
    least the minimum sample (the campaign's, else 30); the others are listed unranked."""
    counts = form_counts(conn, Filters(campaign_id, date_from, date_to), group)
    return ranking_from_counts(conn, counts, campaign_id)


def ranking_from_counts(conn: sa.Connection, counts: list[tuple],
                        campaign_id: str | None) -> list[dict]:
    """`unit_ranking` from the rows `form_counts` gave (for the same filters)."""
    weights = campaign_weights(conn)
    acc: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])  # forms, not dissat., points
    for unit_id, cid, _group, level, n in counts:  # a StrEnum key is found by its text
        a = acc[unit_id]
        a[0] += n
        a[1] += 0 if level == Level.DISSATISFIED else n
        a[2] += n * (weights.get(cid) or _DEFAULT_WEIGHTS)[level]
    names = dict(conn.execute(sa.select(UNIT.c.id, UNIT.c.name)).all())
    units = [
        {"unit_id": uid, "unit_name": names.get(uid, ""), "forms": a[0],
         "satisfaction_rate": a[1] / a[0], "weighted_score": a[2] / a[0], "rank": None}
        for uid, a in acc.items()
    ]
    minimum = min_sample(conn, campaign_id)
    units.sort(key=lambda u: (-u["weighted_score"], -u["satisfaction_rate"], u["unit_name"]))
    ranked = [u for u in units if u["forms"] >= minimum]
    for position, u in enumerate(ranked, start=1):
        u["rank"] = position
    return ranked + [u for u in units if u["forms"] < minimum]


def min_sample(conn: sa.Connection, campaign_id: str | None) -> int:
    if not campaign_id:
        return DEFAULT_MIN_SAMPLE
    c = CAMPAIGN
    value = conn.execute(sa.select(c.c.min_sample).where(c.c.id == campaign_id)).scalar()
    return DEFAULT_MIN_SAMPLE if value is None else value


# --- visits, findings, criticisms, opinions, problems, cases --------------------------------
def _count(conn: sa.Connection, table: sa.TableClause, *conds) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(table).where(*conds)).scalar()


def _grouped(conn, column: sa.Column, keys, *conds) -> dict[str, int]:
    out = {k.value: 0 for k in keys}
    for key, n in conn.execute(sa.select(column, sa.func.count()).where(*conds).group_by(column)):
        out[key] = out.get(key, 0) + n
    return out


def visit_stats(conn: sa.Connection, f: Filters) -> dict:
    v = VISIT
    dated = f.dated(v.c.visit_date)
    done = _grouped(conn, v.c.kind, VisitKind, *dated, v.c.status == VisitStatus.DONE)
    planned = _count(conn, v, *dated, v.c.status == VisitStatus.PLANNED)
    return {
        "total": sum(done.values()),
        "by_kind": done,
        "planned": planned,
        "public_events": sum(done[k.value] for k in PUBLIC_EVENT_KINDS),
    }


def opinion_stats(conn: sa.Connection, f: Filters) -> dict:
    o = OPINION
    conds = [*f.dated(o.c.received_on), *f.campaign(o)]
    return {
        "total": _count(conn, o, *conds),
        "sorted": _count(conn, o, *conds, o.c.category.is_not(None), o.c.category != ""),
    }


def problem_stats(conn: sa.Connection, f: Filters, as_of: date) -> dict:
    p = PROBLEM
    rows = conn.execute(
        sa.select(p.c.status, p.c.deadline, p.c.reply_method, p.c.complainant_view)
        .where(*f.dated(p.c.reported_on), *f.campaign(p))
    ).all()
    rectified = rules.status_rank(ProblemStatus.RECTIFIED)
    return {
        **reply_stats([(r[2], r[3]) for r in rows]),
        "total": len(rows),
        "investigated": sum(rules.is_investigated(r[0]) for r in rows),
        "rectified": sum(rules.status_rank(r[0]) >= rectified for r in rows),
        "overdue": sum(rules.is_overdue(d, s, as_of) for s, d, *_ in rows),
        "by_status": {s.value: sum(r[0] == s for r in rows) for s in ProblemStatus},
        "overdue_units": overdue_by_unit(conn, f, as_of),
        "awaiting_acceptance": _count(conn, p, *f.dated(p.c.reported_on), *f.campaign(p),
                                      _awaiting_acceptance()),
    }


def _answer_of(table: sa.TableClause, *conds) -> sa.Exists:
    """A live row of `table` (the unit's requests or reports) of the problem, matching `conds`."""
    return sa.exists().where(table.c.problem_id == PROBLEM.c.id, table.c.deleted_at.is_(None),
                             *conds)


def _awaiting_acceptance() -> sa.Exists:
    """The problem has a report saying it is completed that HQ has not answered (issue 14 §2;
    models.acceptance.awaiting_acceptance lists them)."""
    r = REPORT
    return _answer_of(r, r.c.completed_on.is_not(None), r.c.review == "pending")


def _extended() -> sa.Exists:
    """HQ approved a later deadline for the problem (issue 14 §2)."""
    return _answer_of(EXTENSION, EXTENSION.c.decision == "approved")


def extension_stats(conn: sa.Connection, f: Filters) -> dict:
    """`pending`: requests for a later deadline HQ has not decided, of the live problems the
    filters select."""
    p, e = PROBLEM, EXTENSION
    return {"pending": conn.execute(
        sa.select(sa.func.count()).select_from(e.join(p, p.c.id == e.c.problem_id))
        .where(e.c.deleted_at.is_(None), e.c.decision == "pending",
               *f.dated(p.c.reported_on), *f.campaign(p))).scalar()}


def reply_stats(replies: list[tuple]) -> dict:
    """`replied`: problems with a reply recorded; `complainant_satisfaction`: satisfied and
    basically satisfied over the replies that record the complainant's view (None: no view)."""
    views = [v for m, v in replies if m and v]
    pleased = sum(v in (ComplainantView.SATISFIED, ComplainantView.BASICALLY_SATISFIED)
                  for v in views)
    return {"replied": sum(bool(m) for m, _ in replies),
            "complainant_satisfaction": round(pleased / len(views), 4) if views else None}


def _overdue(f: Filters, as_of: date) -> list:
    """The overdue problems of a unit (`rules.overdue_clause`, the one rule: on the deadline as
    it stands, an approved extension's once HQ moved it)."""
    p = PROBLEM
    return [*f.dated(p.c.reported_on), *f.campaign(p), p.c.unit_id.is_not(None),
            rules.overdue_clause(p.c.deadline, p.c.status, as_of)]


def _overdue_counts(conn: sa.Connection, f: Filters, as_of: date, *keys) -> list[tuple]:
    """(*keys, overdue count) of the overdue problems."""
    return conn.execute(sa.select(*keys, sa.func.count()).where(*_overdue(f, as_of))
                        .group_by(*keys)).all()


def _by_count(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (-r["overdue"], r["unit_name"], r["unit_id"]))


def overdue_by_unit(conn: sa.Connection, f: Filters, as_of: date) -> list[dict]:
    """Per unit with overdue problems: {unit_id, unit_name, overdue}, most overdue first."""
    names = dict(conn.execute(sa.select(UNIT.c.id, UNIT.c.name)).all())
    return _by_count([{"unit_id": uid, "unit_name": names.get(uid, ""), "overdue": n}
                      for uid, n in _overdue_counts(conn, f, as_of, PROBLEM.c.unit_id)])


def accountability_candidates(conn: sa.Connection, f: Filters, as_of: date,
                              threshold: int) -> list[dict]:
    """The units with at least `threshold` (K of the office settings) problems past their
    deadline unrectified in one campaign: {unit_id, unit_name, campaign_id, overdue,
    problem_ids} (the problems counted, which a case opened from the list is linked to).

    Each problem is counted once (one row per problem, grouped by unit and campaign); problems
    of no campaign are not "in a campaign" and left out, and so is a problem HQ granted a later
    deadline (issue 14 §3: "approved extensions excluded"), even once that deadline passed too."""
    p = PROBLEM
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for uid, cid, pid in conn.execute(
            sa.select(p.c.unit_id, p.c.campaign_id, p.c.id)
            .where(*_overdue(f, as_of), p.c.campaign_id.is_not(None), ~_extended())
            .order_by(p.c.deadline, p.c.id)):
        found[(uid, cid)].append(pid)
    names = dict(conn.execute(sa.select(UNIT.c.id, UNIT.c.name)).all())
    return _by_count([{"unit_id": uid, "unit_name": names.get(uid, ""), "campaign_id": cid,
                       "overdue": len(ids), "problem_ids": ids}
                      for (uid, cid), ids in found.items() if len(ids) >= threshold])


def campaign_left_out(conn: sa.Connection, f: Filters) -> LeftOut:
    """The problems and opinions of the period that the campaign filter leaves out of the
    figures (with no campaign, or of another one)."""
    if not f.campaign_id:
        return LeftOut()
    total = LeftOut()
    for table, day in ((PROBLEM, PROBLEM.c.reported_on), (OPINION, OPINION.c.received_on)):
        counts = conn.execute(sa.select(table.c.campaign_id, sa.func.count())
                              .where(*f.dated(day)).group_by(table.c.campaign_id))
        total += counted_left_out(counts, f.campaign_id)
    return total


def accountability_stats(conn: sa.Connection, f: Filters) -> dict:
    a = CASE
    conds = f.dated(a.c.decided_on)
    people = sa.select(a.c.person_name, a.c.unit_id).where(
        *conds, a.c.subject == CaseSubject.PERSON, a.c.outcome == Outcome.DISCIPLINARY
    ).distinct().subquery()
    units = sa.select(a.c.unit_id).where(
        *conds, a.c.outcome == Outcome.UNIT_ACCOUNTABLE, a.c.unit_id.is_not(None)
    ).distinct().subquery()
    return {
        "cases": _count(conn, a, *conds),
        "by_outcome": _grouped(conn, a.c.outcome, Outcome, *conds),
        "people_sanctioned": conn.execute(sa.select(sa.func.count()).select_from(people)).scalar(),
        "units_held_accountable": conn.execute(
            sa.select(sa.func.count()).select_from(units)).scalar(),
    }


def county_stats(conn: sa.Connection, *, campaign_id: str | None = None,
                 date_from: date | None = None, date_to: date | None = None,
                 as_of: date | None = None) -> dict:
    """Every figure of the county report, as one JSON-ready dict."""
    return county_stats_and_ranking(conn, campaign_id=campaign_id, date_from=date_from,
                                    date_to=date_to, as_of=as_of, ranked=False)[0]


def county_stats_and_ranking(conn: sa.Connection, *, campaign_id: str | None = None,
                             date_from: date | None = None, date_to: date | None = None,
                             as_of: date | None = None,
                             ranked: bool = True) -> tuple[dict, list[dict]]:
    """`county_stats` and `unit_ranking` (all groups) for the same filters, from the counts kept
    on write (models.form_tally), else (HQ's server database) from one scan of the forms
    (models.criteria.criteria_scan, which the criteria are summed from too): what the
    dashboard shows. `ranked=False`: the figures alone (an empty ranking)."""
    from models.criteria import criteria_scan, form_counts_of  # built on this module

    f = Filters(campaign_id, date_from, date_to)
    tallied = form_tally.covers(conn, f) or form_tally.covers_dated(conn, f)
    rows = None if tallied else criteria_scan(conn, f)  # None: the tallies
    counts = form_counts(conn, f) if rows is None else form_counts_of(rows)
    ranking = ranking_from_counts(conn, counts, campaign_id) if ranked else []
    return _county_stats(conn, f, counts, as_of, rows), ranking


def _county_stats(conn: sa.Connection, f: Filters, counts: list[tuple],
                  as_of: date | None, rows: list[tuple] | None) -> dict:
    from models.criteria import criteria_stats

    fi, pc = FINDING, CRITICISM
    criticisms = _grouped(conn, pc.c.sanction, Sanction, *f.dated(pc.c.decided_on))
    return {
        "evaluations": {**evaluation_stats(conn, f, counts),
                        "criteria": criteria_stats(conn, f, rows, counts)},
        "units_evaluated": len({unit_id for unit_id, *_ in counts}),
        "visits": visit_stats(conn, f),
        "findings": {"total": _count(conn, fi, *f.dated(fi.c.found_on))},
        "criticisms": {"total": sum(criticisms.values()), "by_sanction": criticisms},
        "opinions": opinion_stats(conn, f),
        "problems": problem_stats(conn, f, as_of or local_today()),
        "extensions": extension_stats(conn, f),
        "accountability": accountability_stats(conn, f),
    }
