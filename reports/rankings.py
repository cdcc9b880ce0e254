"""Rankings per respondent group with the minimum-sample rule, and the top and bottom lists
(奖优、治庸、罚劣)."""

import sqlalchemy as sa

from models.enums import RespondentGroup
from models.stats import min_sample, unit_ranking
from reports.data import unit_labels
from reports.labels import GROUP_TITLES
from reports.tabular import Column, Sheet

RANK_COLUMNS = [
    Column("名次", 6, "int"), Column("被评议单位", 30), Column("有效票数", 10, "int"),
    Column("综合满意率", 12, "percent"), Column("测评得分", 10, "float"), Column("备注", 20),
]
EDGE_COLUMNS = [Column("类别", 10), Column("评议群体", 16)] + RANK_COLUMNS[:5]


def group_rankings(conn: sa.Connection, campaign_id: str | None) -> dict[str, list[dict]]:
    labels = unit_labels(conn)
    out = {}
    for group in RespondentGroup:
        ranked = unit_ranking(conn, campaign_id=campaign_id, group=group.value)
        for u in ranked:
            u["unit_label"] = labels.get(u["unit_id"], u["unit_name"])
        out[group.value] = ranked
    return out


def _row(u: dict, minimum: int) -> list:
    note = "" if u["rank"] else f"样本不足{minimum}份，不参与排名"
    return [u["rank"], u["unit_label"], u["forms"], u["satisfaction_rate"],
            u["weighted_score"], note]


def ranking_sheets(conn: sa.Connection, campaign_id: str | None, campaign_name: str,
                   top: int = 10) -> list[Sheet]:
    minimum = min_sample(conn, campaign_id)
    by_group = group_rankings(conn, campaign_id)
    sheets = [Sheet(title=f"{campaign_name}{GROUP_TITLES[g]}排名", name=GROUP_TITLES[g],
                    subtitle=f"有效票数不少于{minimum}份的单位参与排名", columns=RANK_COLUMNS,
                    rows=[_row(u, minimum) for u in ranked])
              for g, ranked in by_group.items()]
    edges = []
    for g, ranked in by_group.items():
        placed = [u for u in ranked if u["rank"]]
        bottom = placed[max(top, len(placed) - top):]
        edges += [["前列", GROUP_TITLES[g], *_row(u, minimum)[:5]] for u in placed[:top]]
        edges += [["末位", GROUP_TITLES[g], *_row(u, minimum)[:5]] for u in reversed(bottom)]
    sheets.insert(0, Sheet(title=f"{campaign_name}评议结果前列与末位单位", name="前列与末位",
                           subtitle=f"各评议群体前{top}名与后{top}名", columns=EDGE_COLUMNS,
                           rows=edges))
    return sheets
