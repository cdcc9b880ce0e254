"""The rankings within each appraisal category with their bands, and the appraisal export
(绩效考核, issue 15 §2): the figures come from models.rankings, the layout is here."""

import sqlalchemy as sa

from models.enums import ZH_LABELS, AppraisalCategory
from models.rankings import BAND_ZH, CountyList, band_settings, category_ranking, grouped_by_category
from models.stats import min_sample
from reports.data import unit_labels
from reports.tabular import Column, Sheet

CATEGORY_COLUMNS = [
    Column("名次", 6, "int"), Column("被评议单位", 30), Column("有效票数", 10, "int"),
    Column("综合满意率", 12, "percent"), Column("测评得分", 10, "float"), Column("等次", 8),
    Column("备注", 20),
]
APPRAISAL_COLUMNS = [
    Column("考评类别", 14), Column("被评议单位", 30), Column("有效票数", 10, "int"),
    Column("综合满意率", 12, "percent"), Column("测评得分", 10, "float"),
    Column("类别内名次", 10, "int"), Column("等次", 8), Column("考核得分", 10, "float"),
]


def category_label(category: AppraisalCategory | CountyList) -> str:
    if category == CountyList.COUNTY:
        return "全县统一排名"
    return ZH_LABELS[AppraisalCategory][category]


def _labelled(conn: sa.Connection, campaign_id: str | None) -> dict:
    labels = unit_labels(conn)
    by_category = category_ranking(conn, campaign_id)
    for units in by_category.values():
        for u in units:
            u["unit_label"] = labels.get(u["unit_id"], u["unit_name"])
    return by_category


def category_sheet(conn: sa.Connection, campaign_id: str | None, campaign_name: str) -> Sheet:
    """One sheet: each category's units in rank order with their band; a unit below the
    minimum sample listed last in its category, unranked."""
    minimum = min_sample(conn, campaign_id)
    s = band_settings(conn, campaign_id)
    rows = []
    for category, units in _labelled(conn, campaign_id).items():
        rows.append([None, f"【{category_label(category)}】", None, None, None, None, None])
        rows += [[u["rank"], u["unit_label"], u["forms"], u["satisfaction_rate"],
                  u["weighted_score"], BAND_ZH.get(u["band"], ""),
                  "" if u["rank"] else f"样本不足{minimum}份，不参与排名"] for u in units]
    each = "各类别" if grouped_by_category(conn, campaign_id) else ""
    subtitle = ("按考评类别分别排名；" if each else "全县统一排名（不分考评类别）；") + (
        f"先进为{each}前{s['band_top_percent']:g}%，末位为{each}最后{s['band_bottom_count']}名，"
        f"其余为合格")
    return Sheet(title=f"{campaign_name}分类别排名", name="分类别排名", subtitle=subtitle,
                 columns=CATEGORY_COLUMNS, rows=rows)


def appraisal_sheet(conn: sa.Connection, campaign_id: str | None, campaign_name: str) -> Sheet:
    """One row per ranked unit: its score converted to the appraisal's points (linear)."""
    s = band_settings(conn, campaign_id)
    rows = [[category_label(u["category"]), u["unit_label"], u["forms"], u["satisfaction_rate"],
             u["weighted_score"], u["rank"], BAND_ZH[u["band"]], u["points"]]
            for units in _labelled(conn, campaign_id).values() for u in units if u["rank"]]
    subtitle = f"考核得分 = 测评得分 ÷ 100 × {s['appraisal_points']:g}分"
    columns = APPRAISAL_COLUMNS if grouped_by_category(conn, campaign_id) else [
        *APPRAISAL_COLUMNS[:5], Column("全县名次", 10, "int"), *APPRAISAL_COLUMNS[6:]]
    return Sheet(title=f"{campaign_name}绩效考核得分", name="绩效考核", subtitle=subtitle,
                 columns=columns, rows=rows)
