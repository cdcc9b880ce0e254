"""The upward work report (工作情况汇报, issue 15 §3), a GB/T 9704 document (DOCX and PDF by the
same path as the 通报) with 签发人 on the 发文字号 line, as upward documents carry it.

Five sections: 一、基本情况, 二、主要做法, 三、取得成效, 四、存在问题, 五、下一步打算. Every figure
comes from models.work_report (which reads models.stats, models.criteria, models.rankings and
models.comparison), so the report says what `stats --json` says. What only the office can
write (the addressee, what was done beyond the figures, the causes, next steps) is left as
paragraphs in 【】 marked 请填写, which the clerk replaces in the DOCX.
"""

from datetime import date

import sqlalchemy as sa

from models.enums import AppraisalCategory, Criterion, RespondentGroup, Sanction, VisitKind
from models.work_report import work_report_figures
from reports import document as d
from reports.labels import zh
from reports.summary import pct, score

TITLE = "工作情况汇报"
SECTIONS = ("一、基本情况", "二、主要做法", "三、取得成效", "四、存在问题", "五、下一步打算")
INVESTIGATED_LABEL = "已受理调查问题"  # problems.investigated: status investigating or later
FIGURE_WIDTHS = [14, 7, 7, 7]
BLANK_SIGNER = "　" * 4  # no signer given: the space for the name, written in by hand


def placeholder(what: str) -> d.Block:
    """A paragraph the clerk writes: marked so that none is sent by mistake."""
    return d.para(f"【请填写：{what}】")


def _change(value: float | None, as_pct: bool) -> str:
    if value is None:
        return "—"
    text = f"{abs(value) * 100:.1f}个百分点" if as_pct else f"{abs(value):.1f}分"
    return ("上升" if value > 0 else "下降" if value < 0 else "持平") + (text if value else "")


def basic_blocks(name: str, fig: dict) -> list[d.Block]:
    s = fig["county"]
    ev = s["evaluations"]
    groups = "、".join(f"{zh(RespondentGroup, g)}{n}份" for g, n in ev["by_group"].items() if n)
    return [
        d.heading(SECTIONS[0]),
        d.para(f"{name}开展以来，共收回有效评议表{ev['total']}份{f'（{groups}）' if groups else ''}，"
               f"对{s['units_evaluated']}个单位进行了评议，收集意见建议{s['opinions']['total']}条，"
               f"梳理{s['opinions']['sorted']}条。"),
        placeholder("活动的组织领导、动员部署情况"),
    ]


def practice_blocks(fig: dict) -> list[d.Block]:
    s = fig["county"]
    kinds = s["visits"]["by_kind"]
    crit = s["criticisms"]
    talks = "、".join(f"{zh(Sanction, k)}{n}人次" for k, n in crit["by_sanction"].items() if n)
    return [
        d.heading(SECTIONS[1]),
        d.para(f"开展明察暗访{kinds[VisitKind.SECRET] + kinds[VisitKind.OPEN]}次，其中暗访"
               f"{kinds[VisitKind.SECRET]}次、明察{kinds[VisitKind.OPEN]}次；开展公开评议活动"
               f"{s['visits']['public_events']}场；发现问题线索{s['findings']['total']}条。"
               f"对作风问题批评教育等处理{crit['total']}人次" + (f"（{talks}）。" if talks else "。")),
        placeholder("主要做法和特色措施"),
    ]


def rate_row(label: str, f: dict) -> list:
    return [label, f["forms"], pct(f["satisfaction_rate"]), score(f["weighted_score"])]


def results_blocks(fig: dict) -> list[d.Block]:
    ev = fig["county"]["evaluations"]
    header = ["", "份数", "满意率", "测评得分"]
    groups = [rate_row(zh(RespondentGroup, g), f) for g, f in fig["by_group"].items() if f["forms"]]
    categories = [rate_row(zh(AppraisalCategory, c), f) for c, f in fig["by_category"].items()]
    criteria = [rate_row(zh(Criterion, c), f)
                for c, f in ev["criteria"]["county"].items()]
    return [
        d.heading(SECTIONS[2]),
        d.para(f"全县综合满意率{pct(ev['satisfaction_rate'])}，测评得分"
               f"{score(ev['weighted_score'])}分。" + _year_on_year_text(fig["year_on_year"])),
        d.para("（一）各评议群体测评情况"),
        d.table(["评议群体", *header[1:]], groups, FIGURE_WIDTHS),
        d.para("（二）各考评类别测评情况"),
        d.table(["考评类别", *header[1:]], categories, FIGURE_WIDTHS),
        d.para("（三）分项测评情况"),
        d.table(["分项", "评价票数", *header[2:]], criteria, FIGURE_WIDTHS),
        placeholder("取得的主要成效和群众评价"),
    ]


def _year_on_year_text(yoy: dict | None) -> str:
    if not yoy or not yoy["previous"]:
        return "无上一轮评议可作同比。"
    change = yoy["change"]
    return (f"与{yoy['previous']['name']}相比，满意率{_change(change['satisfaction_rate'], True)}，"
            f"测评得分{_change(change['weighted_score'], False)}；排名上升的单位"
            f"{yoy['units_up']}个，下降的{yoy['units_down']}个。")


def problems_blocks(fig: dict) -> list[d.Block]:
    p = fig["county"]["problems"]
    weakest = "、".join(f"{zh(Criterion, w['criterion'])}（{pct(w['satisfaction_rate'])}，"
                       f"{score(w['weighted_score'])}分）" for w in fig["weakest_criteria"])
    blocks = [
        d.heading(SECTIONS[3]),
        d.para(f"查处问题{p['total']}件，其中{INVESTIGATED_LABEL}{p['investigated']}件，"
               f"已整改{p['rectified']}件，逾期未整改{p['overdue']}件。"),
    ]
    if weakest:
        blocks.append(d.para(f"分项测评中得分较低的是{weakest}。"))
    last = fig["last_band"]
    if last:
        grouped = fig["grouped_by_category"]
        blocks += [d.para(f"{'按考评类别排名' if grouped else '全县统一排名'}，列末位的单位"
                          f"{len(last)}个："),
                   d.table(["考评类别", "单位", "类别内名次" if grouped else "全县名次", "测评得分"],
                           [[zh(AppraisalCategory, u["category"]), u["unit_name"], u["rank"],
                             score(u["weighted_score"])] for u in last], [10, 16, 6, 6])]
    twice = (fig["year_on_year"] or {}).get("last_band_twice") or []
    if twice:
        blocks.append(d.para("连续两轮列末位的单位：" + "、".join(u["unit_name"] for u in twice)
                             + "。"))
    return [*blocks, placeholder("存在问题的原因分析")]


def work_report_blocks(conn: sa.Connection, campaign: dict | None, *, office: str,
                       number: str, signer: str, issued_on: date) -> tuple[list[d.Block], dict]:
    """The report's blocks and the figures they state (models.work_report)."""
    fig = work_report_figures(conn, campaign["id"] if campaign else None, issued_on)
    name = campaign["name"] if campaign else "民主评议政风行风工作"
    blocks = [
        *d.masthead(office, number, red=True, signer=signer.strip() or BLANK_SIGNER),
        d.title(f"关于{name}{TITLE}"),
        d.addressee("【请填写：主送机关】"),
        placeholder("开头语，简述活动背景和总体情况"),
        *basic_blocks(name, fig),
        *practice_blocks(fig),
        *results_blocks(fig),
        *problems_blocks(fig),
        d.heading(SECTIONS[4]),
        placeholder("下一步工作打算"),
        *d.signoff(office, issued_on),
    ]
    return blocks, fig
