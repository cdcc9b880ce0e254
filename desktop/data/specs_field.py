"""The lists of field work: visits, findings, criticisms, accountability cases."""

import sqlalchemy as sa

from desktop.data.lists import (
    QT_TRANSLATE_NOOP,
    TEAM,
    UNIT_LABEL,
    Col,
    ListSpec,
    unit_join,
)
from models.enums import VisitKind, VisitStatus
from models.tables import AccountabilityCase, Finding, PersonnelCriticism, Representative, Visit

# A finding's visit and a visit's representatives, exported so that the file imports back
# (`fieldinspect import findings` finds the visit by its unit, date and kind; `import visits`
# the representatives by name: issue 17 §1).
FINDING_VISIT = Visit.__table__.alias("fv")
REP = Representative.__table__.alias("rp")


def visible_to_representative(t: sa.Table, representative_id: str):
    """A planned secret visit is seen only by the representatives assigned to it (the sync
    scope keeps it off other devices; this keeps it off other people's screens too)."""
    planned_secret = sa.and_(t.c.kind == VisitKind.SECRET.value,
                             t.c.status == VisitStatus.PLANNED.value)
    assigned = sa.cast(t.c.representative_ids, sa.Text).like(f'%"{representative_id}"%')
    return sa.or_(sa.not_(planned_secret), assigned)


def representative_names(t: sa.Table):
    """The names of a visit's representatives, joined by 、 (SQLite's json_each)."""
    each = sa.func.json_each(t.c.representative_ids).table_valued("value").alias("rj")
    return (sa.select(sa.func.group_concat(REP.c.name, "、"))
            .select_from(each.join(REP, REP.c.id == each.c.value)).scalar_subquery())


def _visits() -> ListSpec:
    t = Visit.__table__
    return ListSpec(
        name="visits",
        table=t,
        default_sort="visit_date",
        date_column="visit_date",
        joins=[unit_join(t), (TEAM, TEAM.c.id == t.c.team_id)],
        search_columns=("place", "summary"),
        custom_filters={"visible_to": visible_to_representative},
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
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Unit"), UNIT_LABEL, width=180),
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
            Col("representatives", QT_TRANSLATE_NOOP("Lists", "Representatives"),
                representative_names(t), width=140),
        ],
    )


def _findings() -> ListSpec:
    t = Finding.__table__
    return ListSpec(
        name="findings",
        table=t,
        default_sort="found_on",
        date_column="found_on",
        joins=[unit_join(t), (FINDING_VISIT, FINDING_VISIT.c.id == t.c.visit_id)],
        search_columns=("description",),
        columns=[
            Col("found_on", QT_TRANSLATE_NOOP("Lists", "Date"), t.c.found_on, "date", width=90),
            Col(
                "category",
                QT_TRANSLATE_NOOP("Lists", "Category"),
                t.c.category,
                "enum:FindingCategory",
                width=200,
            ),
            Col(
                "severity",
                QT_TRANSLATE_NOOP("Lists", "Severity"),
                t.c.severity,
                "enum:Severity",
                width=70,
            ),
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Unit"), UNIT_LABEL, width=180),
            Col(
                "description", QT_TRANSLATE_NOOP("Lists", "Description"), t.c.description, width=320
            ),
            Col("visit_date", QT_TRANSLATE_NOOP("Lists", "Visit date"), FINDING_VISIT.c.visit_date,
                "date", width=90),
            Col("visit_kind", QT_TRANSLATE_NOOP("Lists", "Visit kind"), FINDING_VISIT.c.kind,
                "enum:VisitKind", width=100),
        ],
    )


def _criticisms() -> ListSpec:
    t = PersonnelCriticism.__table__
    return ListSpec(
        name="criticisms",
        table=t,
        default_sort="decided_on",
        date_column="decided_on",
        joins=[unit_join(t)],
        search_columns=("person_name", "behaviour", "post"),
        columns=[
            Col("decided_on", QT_TRANSLATE_NOOP("Lists", "Date"), t.c.decided_on, "date", width=90),
            Col("person_name", QT_TRANSLATE_NOOP("Lists", "Person"), t.c.person_name, width=90),
            Col("post", QT_TRANSLATE_NOOP("Lists", "Post"), t.c.post, width=110),
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Unit"), UNIT_LABEL, width=170),
            Col(
                "sanction",
                QT_TRANSLATE_NOOP("Lists", "Sanction"),
                t.c.sanction,
                "enum:Sanction",
                width=170,
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
        joins=[unit_join(t)],
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
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Unit"), UNIT_LABEL, width=170),
            Col(
                "outcome",
                QT_TRANSLATE_NOOP("Lists", "Outcome"),
                t.c.outcome,
                "enum:Outcome",
                width=300,
            ),
            Col("violation", QT_TRANSLATE_NOOP("Lists", "Violation"), t.c.violation, width=260),
        ],
    )
