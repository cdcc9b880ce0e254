"""The clerks' own figures as an XLSX workbook (issue 15 §4): one sheet per clerk and batch,
one with each clerk's totals — what the supervisor (or, for their own rows, a clerk) takes to
a review of the keying. The figures come from `models.clerk_stats`; headers are Chinese, as
the office's other spreadsheets."""

from pathlib import Path

import sqlalchemy as sa

from models.clerk_stats import ClerkFigures, clerk_report
from reports.tabular import Column, Sheet, write_xlsx

KEYING = {"entry": "录入", "verification": "复核录入"}
FIGURES = [Column("录入表数", 10, "int"), Column("录入时长（分钟）", 14, "float"),
           Column("每小时表数", 12, "float"), Column("比对字段数", 12, "int"),
           Column("差错数", 8, "int"), Column("差错率", 10, "percent"),
           Column("待裁定字段", 12, "int")]
BATCH_COLUMNS = [Column("录入员", 12), Column("批次单位", 26), Column("评议日期", 12, "date"),
                 Column("录入类型", 10), *FIGURES]
CLERK_COLUMNS = [Column("录入员", 12), *FIGURES]


def _figures(f: ClerkFigures) -> list:
    return [f.forms, round(f.seconds / 60, 1), _rounded(f.forms_per_hour), f.fields_compared,
            f.errors, f.error_rate, f.pending]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def clerk_sheets(conn: sa.Connection, viewer: str, claimed_role: str | None = None,
                 campaign_id: str | None = None) -> list[Sheet]:
    report = clerk_report(conn, viewer, claimed_role, campaign_id)
    return [
        Sheet("录入员工作量与差错率（汇总）", CLERK_COLUMNS, name="汇总",
              rows=[[f.clerk, *_figures(f)] for f in report.clerks]),
        Sheet("录入员工作量与差错率（按批次）", BATCH_COLUMNS, name="按批次",
              rows=[[f.clerk, f.unit, f.evaluated_on, KEYING.get(f.keying, f.keying),
                     *_figures(f)] for f in report.batches]),
    ]


def write_clerk_figures(conn: sa.Connection, path: Path, viewer: str,
                        claimed_role: str | None = None) -> Path:
    write_xlsx(path, clerk_sheets(conn, viewer, claimed_role))
    return path
