"""The lists of the office: forms, opinions, problems (the ledger) and reference data."""

import sqlalchemy as sa

from desktop.data.lists import (
    CAMPAIGN,
    QT_TRANSLATE_NOOP,
    TEAM,
    UNIT_LABEL,
    Col,
    ListSpec,
    campaign_join,
    overdue_expr,
    unit_join,
)
from models.tables import Campaign, Evaluation, Opinion, Problem, Representative, Team, Unit


def _evaluations() -> ListSpec:
    t = Evaluation.__table__
    return ListSpec(
        name="evaluations",
        table=t,
        default_sort="evaluated_on",
        date_column="evaluated_on",
        joins=[unit_join(t), campaign_join(t)],
        search_columns=("form_no", "reason", "suggestion"),
        number_column="form_no",
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
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Evaluated unit"), UNIT_LABEL, width=200),
            Col("level", QT_TRANSLATE_NOOP("Lists", "Level"), t.c.level, "enum:Level", width=110),
            Col("reason", QT_TRANSLATE_NOOP("Lists", "Reason"), t.c.reason, "reason",
                width=160),
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


def _opinions() -> ListSpec:
    t = Opinion.__table__
    return ListSpec(
        name="opinions",
        table=t,
        default_sort="received_on",
        date_column="received_on",
        joins=[unit_join(t)],
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
                width=130,
            ),
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Unit"), UNIT_LABEL, width=170),
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
        default_descending=False,  # the ledger: what falls due soonest first
        date_column="reported_on",
        joins=[unit_join(t)],
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
            Col("unit", QT_TRANSLATE_NOOP("Lists", "Responsible unit"), UNIT_LABEL, width=160),
            Col(
                "responsible_person",
                QT_TRANSLATE_NOOP("Lists", "Responsible person"),
                t.c.responsible_person,
                width=125,
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
            # Counted from the deadline by models.rules.days_overdue when shown; sorting by it
            # sorts by the deadline, the longest overdue first.
            Col("days_overdue", QT_TRANSLATE_NOOP("Lists", "Days overdue"), t.c.deadline,
                "days_overdue", width=90),
        ],
    )


# A representative's township and unit of work are references to units (issue 16 §1).
REP_TOWNSHIP = Unit.__table__.alias("rtw")
REP_WORK = Unit.__table__.alias("rwk")
REP_WORK_PARENT = Unit.__table__.alias("rwp")
REP_WORK_LABEL = sa.case(
    (REP_WORK_PARENT.c.parent_id.is_not(None),
     REP_WORK.c.name + "（" + REP_WORK_PARENT.c.name + "）"),
    else_=REP_WORK.c.name)


def _representatives() -> ListSpec:
    t = Representative.__table__
    return ListSpec(
        name="representatives",
        table=t,
        default_sort="name",
        joins=[(TEAM, TEAM.c.id == t.c.team_id),
               (REP_TOWNSHIP, REP_TOWNSHIP.c.id == t.c.township_unit_id),
               (REP_WORK, REP_WORK.c.id == t.c.work_unit_id),
               (REP_WORK_PARENT, REP_WORK_PARENT.c.id == REP_WORK.c.parent_id)],
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
            Col("township", QT_TRANSLATE_NOOP("Lists", "Township"), REP_TOWNSHIP.c.name,
                width=120),
            Col("work_unit", QT_TRANSLATE_NOOP("Lists", "Unit of work"), REP_WORK_LABEL,
                width=160),
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
    r = Representative.__table__
    # The team's representatives by name, in one cell (teams have about ten members each).
    members = (sa.select(sa.func.group_concat(r.c.name, "、"))
               .where(r.c.team_id == t.c.id, r.c.deleted_at.is_(None))
               .correlate(t).scalar_subquery())
    return ListSpec(
        name="teams",
        table=t,
        default_sort="name",
        columns=[
            Col("name", QT_TRANSLATE_NOOP("Lists", "Name"), t.c.name.collate("natural"),
                width=220),
            Col("members", QT_TRANSLATE_NOOP("Lists", "Members"), members, width=320,
                sortable=False),
        ],
    )
