"""The county summary: the year's figures as the report states them, DOCX and PDF with charts.

Every figure is read from `models.stats.county_stats`, so the document equals `stats --json`.
"""

from datetime import date

import sqlalchemy as sa

from models.enums import (
    Criterion,
    Level,
    Outcome,
    ProblemStatus,
    RespondentGroup,
    Sanction,
    VisitKind,
)
from models.stats import county_stats
from reports import document as d
from reports.charts import BarChart
from reports.labels import GROUP_TITLES, zh


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def headline_rows(s: dict) -> list[list]:
    """指标 / 数值: the figures of the report's opening paragraph."""
    ev, p, a = s["evaluations"], s["problems"], s["accountability"]
    return [
        *([f"参评{zh(RespondentGroup, g)}（份）", n] for g, n in ev["by_group"].items()),
        ["有效评议表合计（份）", ev["total"]],
        ["公开评议活动（场）", s["visits"]["public_events"]],
        ["被评议单位（个）", s["units_evaluated"]],
        ["收集意见建议（条）", s["opinions"]["total"]],
        ["梳理意见建议（条）", s["opinions"]["sorted"]],
        ["查处问题（件）", p["total"]],  # issue 15 §3: every problem recorded
        ["已受理调查问题（件）", p["investigated"]],
        ["已整改问题（件）", p["rectified"]],
        ["逾期未整改问题（件）", p["overdue"]],
        ["综合满意率", pct(ev["satisfaction_rate"])],
        ["测评得分", score(ev["weighted_score"])],
        ["违纪案件（件）", a["cases"]],
        ["受党纪政务处分（人）", a["people_sanctioned"]],
        ["被问责单位（个）", a["units_held_accountable"]],
        ["批评教育等处理（人次）", s["criticisms"]["total"]],
    ]


def criteria_rows(s: dict) -> list[list]:
    """分项 / 评价票数 / 满意率 / 得分: the county's five criteria (models.criteria)."""
    return [[zh(Criterion, c), f["forms"], pct(f["satisfaction_rate"]), score(f["weighted_score"])]
            for c, f in s["evaluations"]["criteria"]["county"].items()]


def _section_tables(s: dict) -> list[d.Block]:
    ev, v = s["evaluations"], s["visits"]
    crit, acc = s["criticisms"]["by_sanction"], s["accountability"]["by_outcome"]
    return [
        d.heading("二、评议等次分布"),
        d.table(["评议等次", "份数"], [[zh(Level, k), n] for k, n in ev["by_level"].items()],
                [10, 6]),
        d.chart(BarChart("评议等次分布", [zh(Level, k) for k in ev["by_level"]],
                         list(ev["by_level"].values()), "份")),
        d.para("分项测评（按各分项的评价等次计算，口径同综合满意率和测评得分）："),
        d.table(["分项", "评价票数", "满意率", "得分"], criteria_rows(s), [8, 5, 5, 5]),
        d.heading("三、明察暗访与评议活动"),
        d.table(["方式", "次数"], [[zh(VisitKind, k), n] for k, n in v["by_kind"].items()],
                [10, 6]),
        d.heading("四、问题查处与整改"),
        d.table(["整改状态", "件数"],
                [[zh(ProblemStatus, k), n] for k, n in s["problems"]["by_status"].items()],
                [10, 6]),
        d.chart(BarChart("问题整改状态", [zh(ProblemStatus, k) for k in
                                         s["problems"]["by_status"]],
                         list(s["problems"]["by_status"].values()), "件")),
        d.heading("五、执纪问责"),
        d.table(["处理方式", "人次"], [[zh(Sanction, k), n] for k, n in crit.items()]
                + [[zh(Outcome, k), n] for k, n in acc.items()], [10, 6]),
    ]


def summary_blocks(conn: sa.Connection, *, campaign: dict | None, date_from: date | None,
                   date_to: date | None, as_of: date, office: str) -> tuple[list[d.Block], dict]:
    s = county_stats(conn, campaign_id=campaign["id"] if campaign else None,
                     date_from=date_from, date_to=date_to, as_of=as_of)
    name = campaign["name"] if campaign else "民主评议政风行风"
    by_group = s["evaluations"]["by_group"]
    blocks = [
        d.title(f"{name}工作情况汇总"),
        d.subtitle(f"{office}　截至{d.cn_date(as_of)}"),
        d.heading("一、主要数据"),
        d.table(["指标", "数值"], headline_rows(s), [14, 6]),
        d.chart(BarChart("各评议群体参评份数", [GROUP_TITLES[g] for g in by_group],
                         list(by_group.values()), "份")),
        *_section_tables(s),
    ]
    return blocks, s
