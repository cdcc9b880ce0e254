"""What each list of the window shows, and the SQL that fetches it.

A list first fetches only the rowids matching its filter, in order (one indexed query); the
table model then asks for the visible rows a page at a time. Sorting and filtering happen in SQL.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa

from models.tables import (
    AccountabilityCase,
    Campaign,
    Evaluation,
    Finding,
    Opinion,
    PersonnelCriticism,
    Problem,
    Representative,
    Team,
    Unit,
    Visit,
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Marks a header for translation without importing Qt here."""
    return text


UNIT = Unit.__table__.alias("u")
CAMPAIGN = Campaign.__table__.alias("c")
TEAM = Team.__table__.alias("tm")
OPEN_STATUSES = ("open", "investigating", "rectifying")


@dataclass(frozen=True)
class Col:
    key: str
    header: str  # English; the window translates it in the "Lists" context
    expr: Any  # SQL expression
    kind: str = "text"  # text | date | datetime | enum:<Name> | bool | number
    sortable: bool = True
    width: int = 0


@dataclass
class ListSpec:
    name: str
    table: sa.Table
    columns: list[Col]
    joins: list[tuple[Any, Any]] = field(default_factory=list)
    default_sort: str = ""
    date_column: str | None = None
    search_columns: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)  # non-column values per row
    custom_filters: dict[str, Callable[[sa.Table, Any], Any]] = field(default_factory=dict)

    def column(self, key: str) -> Col:
        return next(c for c in self.columns if c.key == key)

    def from_clause(self, needed: set[str] | None = None):
        source = self.table
        for alias, on in self.joins:
            if needed is None or alias.name in needed:
                source = source.outerjoin(alias, on)
        return source


def where_clauses(spec: ListSpec, filters: dict[str, Any]) -> list:
    t = spec.table
    conds = [t.c.deleted_at.is_(None)]
    for key, value in filters.items():
        if value in (None, "", ()):
            continue
        if key in spec.custom_filters:
            conds.append(spec.custom_filters[key](t, value))
        elif key == "date_from" and spec.date_column:
            conds.append(t.c[spec.date_column] >= value)
        elif key == "date_to" and spec.date_column:
            conds.append(t.c[spec.date_column] <= value)
        elif key == "search" and spec.search_columns:
            pattern = f"%{value}%"
            conds.append(sa.or_(*(t.c[c].like(pattern) for c in spec.search_columns)))
        elif key in t.c:
            conds.append(t.c[key] == value)
    return conds


def fetch_ids(
    conn: sa.Connection,
    spec: ListSpec,
    filters: dict[str, Any],
    sort_key: str | None = None,
    descending: bool = False,
) -> list[int]:
    """The rowids of the matching rows, in display order."""
    sort_key = sort_key or spec.default_sort
    col = spec.column(sort_key) if sort_key else None
    needed = _aliases_in(col.expr) if col is not None else set()
    t = spec.table
    query = sa.select(sa.literal_column(f"{t.name}.rowid"))
    query = query.select_from(spec.from_clause(needed)).where(*where_clauses(spec, filters))
    if col is not None:
        order = col.expr.desc() if descending else col.expr.asc()
        tie = sa.literal_column(f"{t.name}.rowid")
        query = query.order_by(order, tie.desc() if descending else tie)
    return [r[0] for r in conn.execute(query)]


def fetch_rows(conn: sa.Connection, spec: ListSpec, rowids: list[int]) -> dict[int, dict]:
    """Rows by rowid, as plain dicts with the spec's column keys plus `id`."""
    if not rowids:
        return {}
    t = spec.table
    rowid = sa.literal_column(f"{t.name}.rowid").label("_rowid")
    cols = [rowid, t.c.id.label("id")]
    cols += [c.expr.label(c.key) for c in spec.columns if c.key != "id"]
    cols += [expr.label(key) for key, expr in spec.extra.items()]
    query = (
        sa.select(*cols)
        .select_from(spec.from_clause())
        .where(sa.literal_column(f"{t.name}.rowid").in_(rowids))
    )
    return {r["_rowid"]: dict(r) for r in conn.execute(query).mappings()}


def fetch_record(conn: sa.Connection, table: sa.Table, row_id: str) -> dict | None:
    row = conn.execute(sa.select(table).where(table.c.id == row_id)).mappings().first()
    return dict(row) if row else None


def _aliases_in(expr) -> set[str]:
    return {getattr(c.table, "name", "") for c in getattr(expr, "base_columns", ())}


def _unit_join(t: sa.Table) -> tuple:
    return (UNIT, UNIT.c.id == t.c.unit_id)


def _campaign_join(t: sa.Table) -> tuple:
    return (CAMPAIGN, CAMPAIGN.c.id == t.c.campaign_id)


def overdue_expr(t: sa.Table, today: date | None = None):
    today = today or date.today()
    return sa.and_(t.c.deadline.is_not(None), t.c.deadline < today, t.c.status.in_(OPEN_STATUSES))


def _evaluations() -> ListSpec:
    t = Evaluation.__table__
    return ListSpec(
        name="evaluations",
        table=t,
        default_sort="evaluated_on",
        date_column="evaluated_on",
        joins=[_unit_join(t), _campaign_join(t)],
        search_columns=("form_no", "reason", "suggestion"),
        columns=[
            Col("form_no", QT_TRANSLATE_NOOP("Lists", "Form number"), t.c.form_no, width=90),
            Col(
                "evaluated_on",
                QT_TRANSLATE_NOOP("Lists", "Date"),
                t.c.evaluated_on,
                "date",
                width=90,
            ),
            Col("campaign", QT_TRANSLATE_NOOP("Lists", "Campaign"), CAMPAIGN.c.name, width=150),
            Col(
                "group",
                QT_TRANSLATE_NOOP("Lists", "Respondent group"),
                t.c.group,
                "enum:RespondentGroup",
                width=125,
            ),
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Evaluated unit"), UNIT.c.name, width=200),
            Col("level", QT_TRANSLATE_NOOP("Lists", "Level"), t.c.level, "enum:Level", width=110),
            Col("reason", QT_TRANSLATE_NOOP("Lists", "Reason"), t.c.reason, width=160),
            Col("suggestion", QT_TRANSLATE_NOOP("Lists", "Suggestion"), t.c.suggestion, width=160),
            Col(
                "source",
                QT_TRANSLATE_NOOP("Lists", "Source"),
                t.c.source,
                "enum:EvaluationSource",
                width=80,
            ),
            Col("voided", QT_TRANSLATE_NOOP("Lists", "Voided"), t.c.voided, "bool", width=60),
            Col("created_by", QT_TRANSLATE_NOOP("Lists", "Entered by"), t.c.created_by, width=90),
        ],
    )


def _visits() -> ListSpec:
    t = Visit.__table__
    return ListSpec(
        name="visits",
        table=t,
        default_sort="visit_date",
        date_column="visit_date",
        joins=[_unit_join(t), (TEAM, TEAM.c.id == t.c.team_id)],
        search_columns=("place", "summary"),
        columns=[
            Col("kind", QT_TRANSLATE_NOOP("Lists", "Kind"), t.c.kind, "enum:VisitKind", width=130),
            Col(
                "status",
                QT_TRANSLATE_NOOP("Lists", "Status"),
                t.c.status,
                "enum:VisitStatus",
                width=70,
            ),
            Col("visit_date", QT_TRANSLATE_NOOP("Lists", "Date"), t.c.visit_date, "date", width=90),
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Unit"), UNIT.c.name, width=180),
            Col("team", QT_TRANSLATE_NOOP("Lists", "Inspection team"), TEAM.c.name, width=130),
            Col(
                "planned_at",
                QT_TRANSLATE_NOOP("Lists", "Planned time"),
                t.c.planned_at,
                "datetime",
                width=120,
            ),
            Col(
                "actual_at",
                QT_TRANSLATE_NOOP("Lists", "Actual time"),
                t.c.actual_at,
                "datetime",
                width=120,
            ),
            Col("place", QT_TRANSLATE_NOOP("Lists", "Place"), t.c.place, width=140),
            Col("summary", QT_TRANSLATE_NOOP("Lists", "Summary"), t.c.summary, width=220),
        ],
    )


def _findings() -> ListSpec:
    t = Finding.__table__
    return ListSpec(
        name="findings",
        table=t,
        default_sort="found_on",
        date_column="found_on",
        joins=[_unit_join(t)],
        search_columns=("description",),
        columns=[
            Col("found_on", QT_TRANSLATE_NOOP("Lists", "Date"), t.c.found_on, "date", width=90),
            Col(
                "category",
                QT_TRANSLATE_NOOP("Lists", "Category"),
                t.c.category,
                "enum:FindingCategory",
                width=150,
            ),
            Col(
                "severity",
                QT_TRANSLATE_NOOP("Lists", "Severity"),
                t.c.severity,
                "enum:Severity",
                width=70,
            ),
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Unit"), UNIT.c.name, width=180),
            Col(
                "description", QT_TRANSLATE_NOOP("Lists", "Description"), t.c.description, width=320
            ),
        ],
    )


def _criticisms() -> ListSpec:
    t = PersonnelCriticism.__table__
    return ListSpec(
        name="criticisms",
        table=t,
        default_sort="decided_on",
        date_column="decided_on",
        joins=[_unit_join(t)],
        search_columns=("person_name", "behaviour", "post"),
        columns=[
            Col("decided_on", QT_TRANSLATE_NOOP("Lists", "Date"), t.c.decided_on, "date", width=90),
            Col("person_name", QT_TRANSLATE_NOOP("Lists", "Person"), t.c.person_name, width=90),
            Col("post", QT_TRANSLATE_NOOP("Lists", "Post"), t.c.post, width=110),
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Unit"), UNIT.c.name, width=170),
            Col(
                "sanction",
                QT_TRANSLATE_NOOP("Lists", "Sanction"),
                t.c.sanction,
                "enum:Sanction",
                width=130,
            ),
            Col("behaviour", QT_TRANSLATE_NOOP("Lists", "Behaviour"), t.c.behaviour, width=240),
            Col("decided_by", QT_TRANSLATE_NOOP("Lists", "Decided by"), t.c.decided_by, width=90),
        ],
    )


def _cases() -> ListSpec:
    t = AccountabilityCase.__table__
    return ListSpec(
        name="cases",
        table=t,
        default_sort="decided_on",
        date_column="decided_on",
        joins=[_unit_join(t)],
        search_columns=("person_name", "violation"),
        columns=[
            Col("decided_on", QT_TRANSLATE_NOOP("Lists", "Date"), t.c.decided_on, "date", width=90),
            Col(
                "subject",
                QT_TRANSLATE_NOOP("Lists", "Subject"),
                t.c.subject,
                "enum:CaseSubject",
                width=70,
            ),
            Col("person_name", QT_TRANSLATE_NOOP("Lists", "Person"), t.c.person_name, width=90),
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Unit"), UNIT.c.name, width=170),
            Col(
                "outcome",
                QT_TRANSLATE_NOOP("Lists", "Outcome"),
                t.c.outcome,
                "enum:Outcome",
                width=220,
            ),
            Col("violation", QT_TRANSLATE_NOOP("Lists", "Violation"), t.c.violation, width=260),
        ],
    )


def _opinions() -> ListSpec:
    t = Opinion.__table__
    return ListSpec(
        name="opinions",
        table=t,
        default_sort="received_on",
        date_column="received_on",
        joins=[_unit_join(t)],
        search_columns=("text",),
        custom_filters={
            "unsorted": lambda t, v: t.c.category.is_(None) if v else sa.true()
        },
        columns=[
            Col(
                "received_on",
                QT_TRANSLATE_NOOP("Lists", "Received"),
                t.c.received_on,
                "date",
                width=90,
            ),
            Col(
                "source",
                QT_TRANSLATE_NOOP("Lists", "Source"),
                t.c.source,
                "enum:OpinionSource",
                width=90,
            ),
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Unit"), UNIT.c.name, width=170),
            Col(
                "category",
                QT_TRANSLATE_NOOP("Lists", "Category"),
                t.c.category,
                "enum:OpinionCategory",
                width=110,
            ),
            Col("text", QT_TRANSLATE_NOOP("Lists", "Opinion"), t.c.text, width=360),
        ],
    )


def _problems() -> ListSpec:
    t = Problem.__table__
    return ListSpec(
        name="problems",
        table=t,
        default_sort="deadline",
        date_column="reported_on",
        joins=[_unit_join(t)],
        search_columns=("description", "responsible_person", "measures"),
        extra={"overdue": overdue_expr(t)},
        custom_filters={"overdue": lambda t, v: overdue_expr(t) if v else sa.true()},
        columns=[
            Col(
                "reported_on",
                QT_TRANSLATE_NOOP("Lists", "Reported"),
                t.c.reported_on,
                "date",
                width=90,
            ),
            Col("description", QT_TRANSLATE_NOOP("Lists", "Problem"), t.c.description, width=240),
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Responsible unit"), UNIT.c.name, width=160),
            Col(
                "responsible_person",
                QT_TRANSLATE_NOOP("Lists", "Responsible person"),
                t.c.responsible_person,
                width=90,
            ),
            Col(
                "measures",
                QT_TRANSLATE_NOOP("Lists", "Rectification measures"),
                t.c.measures,
                width=200,
            ),
            Col("deadline", QT_TRANSLATE_NOOP("Lists", "Deadline"), t.c.deadline, "date", width=90),
            Col(
                "status",
                QT_TRANSLATE_NOOP("Lists", "Status"),
                t.c.status,
                "enum:ProblemStatus",
                width=90,
            ),
        ],
    )


def _representatives() -> ListSpec:
    t = Representative.__table__
    return ListSpec(
        name="representatives",
        table=t,
        default_sort="name",
        joins=[(TEAM, TEAM.c.id == t.c.team_id)],
        search_columns=("name", "township", "phone"),
        columns=[
            Col("name", QT_TRANSLATE_NOOP("Lists", "Name"), t.c.name, width=90),
            Col(
                "kind",
                QT_TRANSLATE_NOOP("Lists", "Kind"),
                t.c.kind,
                "enum:RepresentativeKind",
                width=150,
            ),
            Col("township", QT_TRANSLATE_NOOP("Lists", "Township"), t.c.township, width=120),
            Col("phone", QT_TRANSLATE_NOOP("Lists", "Phone"), t.c.phone, width=110),
            Col("team", QT_TRANSLATE_NOOP("Lists", "Inspection team"), TEAM.c.name, width=130),
        ],
    )


def _campaigns() -> ListSpec:
    t = Campaign.__table__
    return ListSpec(
        name="campaigns",
        table=t,
        default_sort="year",
        columns=[
            Col("name", QT_TRANSLATE_NOOP("Lists", "Name"), t.c.name, width=220),
            Col("year", QT_TRANSLATE_NOOP("Lists", "Year"), t.c.year, "number", width=60),
            Col(
                "start_date", QT_TRANSLATE_NOOP("Lists", "Start"), t.c.start_date, "date", width=90
            ),
            Col("end_date", QT_TRANSLATE_NOOP("Lists", "End"), t.c.end_date, "date", width=90),
            Col(
                "min_sample",
                QT_TRANSLATE_NOOP("Lists", "Minimum sample"),
                t.c.min_sample,
                "number",
                width=100,
            ),
            Col("is_open", QT_TRANSLATE_NOOP("Lists", "Open"), t.c.is_open, "bool", width=60),
        ],
    )


def _teams() -> ListSpec:
    t = Team.__table__
    return ListSpec(
        name="teams",
        table=t,
        default_sort="name",
        columns=[Col("name", QT_TRANSLATE_NOOP("Lists", "Name"), t.c.name, width=220)],
    )


SPECS: dict[str, Callable[[], ListSpec]] = {
    "evaluations": _evaluations,
    "visits": _visits,
    "findings": _findings,
    "criticisms": _criticisms,
    "cases": _cases,
    "opinions": _opinions,
    "problems": _problems,
    "representatives": _representatives,
    "campaigns": _campaigns,
    "teams": _teams,
}


def spec(name: str) -> ListSpec:
    return SPECS[name]()
