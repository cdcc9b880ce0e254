"""The rectification ledger (整改台账) and the overdue / upcoming deadlines list.

Both are internal HQ lists: they name the source of a problem (an unannounced visit included)
and are not for publication; the public notice is `reports.notice`.
"""

from dataclasses import replace
from datetime import date, timedelta

import sqlalchemy as sa

from models import rules
from models.campaigns import LeftOut, left_out
from models.enums import ProblemSource, ProblemStatus, VisitKind
from reports.data import ProblemFilter, days_past, problem_rows
from reports.labels import zh
from reports.tabular import Column, Sheet

# 台账编号 and 登记日期 make the ledger a file `import problems` reads back unchanged
# (models/imports/problems.py): the number is the problem's key, the date its report.
LEDGER_COLUMNS = [
    Column("序号", 6, "int"), Column("台账编号", 12), Column("问题来源", 14),
    Column("问题描述", 40), Column("责任单位", 22), Column("责任人", 10), Column("整改措施", 32),
    Column("登记日期", 12, "date"), Column("整改时限", 12, "date"), Column("整改状态", 10),
    Column("完成时间", 12, "date"), Column("备注", 24),
]


def source_label(row: dict) -> str:
    if row["source"] == ProblemSource.FINDING and row.get("visit_kind"):
        return f"{zh(VisitKind, row['visit_kind'])}发现"
    return zh(ProblemSource, row["source"])


def remark(row: dict, as_of: date) -> str:
    notes = []
    days = rules.days_overdue(row["deadline"], row["status"], as_of)
    if days is not None:
        notes.append(f"逾期{days}天")
    if row.get("reopen_reason"):
        notes.append(f"重新整改：{row['reopen_reason']}")
    if row.get("verification"):
        notes.append(row["verification"])
    return "；".join(notes)


def ledger_sheet(conn: sa.Connection, flt: ProblemFilter, title: str) -> Sheet:
    rows = problem_rows(conn, flt)
    return Sheet(title=title, name="整改台账", columns=LEDGER_COLUMNS, rows=[
        [i, r["ledger_no"], source_label(r), r["description"], r["unit_label"],
         r["responsible_person"], r["measures"], r["reported_on"], r["deadline"],
         zh(ProblemStatus, r["status"]), r["rectified_on"], remark(r, flt.as_of)]
        for i, r in enumerate(rows, start=1)
    ])


OVERDUE_COLUMNS = [
    Column("序号", 6, "int"), Column("类别", 8), Column("逾期天数(负数为剩余天数)", 12, "int"),
    Column("整改时限", 12, "date"), Column("责任单位", 24), Column("责任人", 10),
    Column("问题描述", 40), Column("整改状态", 10), Column("问题来源", 14),
]


def _due(conn: sa.Connection, flt: ProblemFilter, within_days: int) -> tuple[list, list]:
    """(past their deadline, most overdue first; due within `within_days`, soonest first)."""
    rows = [r for r in problem_rows(conn, replace(flt, overdue_only=False, open_only=True))
            if r["deadline"] is not None]
    horizon = flt.as_of + timedelta(days=within_days)
    late = sorted((r for r in rows if rules.is_overdue(r["deadline"], r["status"], flt.as_of)),
                  key=lambda r: r["deadline"])
    soon = [] if flt.overdue_only else \
        [r for r in rows if flt.as_of <= r["deadline"] <= horizon]
    return late, soon


def overdue_left_out(conn: sa.Connection, flt: ProblemFilter, within_days: int = 7) -> LeftOut:
    """The problems the overdue list would hold but for its campaign filter."""
    if not flt.campaign_id:
        return LeftOut()
    late, soon = _due(conn, replace(flt, campaign_id=None), within_days)
    return left_out((r["campaign_id"] for r in late + soon), flt.campaign_id)


def overdue_sheet(conn: sa.Connection, flt: ProblemFilter, within_days: int = 7) -> Sheet:
    """Open problems past their deadline (most overdue first), then those due within
    `within_days` (soonest first): the list HQ works from every morning."""
    late, soon = _due(conn, flt, within_days)
    out = [[0, "逾期", days_past(r["deadline"], flt.as_of), r["deadline"], r["unit_label"],
            r["responsible_person"], r["description"], zh(ProblemStatus, r["status"]),
            source_label(r)] for r in late]
    out += [[0, "临期", days_past(r["deadline"], flt.as_of), r["deadline"], r["unit_label"],
             r["responsible_person"], r["description"], zh(ProblemStatus, r["status"]),
             source_label(r)] for r in soon]
    for i, row in enumerate(out, start=1):
        row[0] = i
    subtitle = (f"截至{flt.as_of:%Y年%m月%d日}：逾期{len(late)}件，"
                f"{within_days}日内到期{len(soon)}件")
    return Sheet(title="逾期及临期整改问题清单", name="逾期清单", subtitle=subtitle,
                 columns=OVERDUE_COLUMNS, rows=out)
