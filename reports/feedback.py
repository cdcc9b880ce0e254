"""Unit feedback: one PDF per evaluated unit (forms by group, satisfaction rate, weighted
score and rank, the five criteria and the one that pulled the unit down most against its
appraisal category (models.criteria, issue 15 §1), dissatisfied reasons, opinions received,
open problems with deadlines).

All units of a campaign in one run: the figures are read with a handful of grouped queries,
then one PDF is written per unit, reporting progress through a plain callback.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from models.campaigns import LeftOut, left_out
from models.criteria import criteria_stats, weakest_criterion
from models.enums import Criterion, Level, RespondentGroup, zh_label
from models.output_folder import ensure_folder
from models.records import Opinion
from models.rules import days_overdue, kiosk_reason
from models.stats import EV, Filters, valid_forms
from reports import document as d
from reports.data import ProblemFilter, problem_rows, problems_left_out, unit_labels
from reports.labels import GROUP_TITLES, overdue_note, zh
from reports.rankings import group_rankings
from reports.redaction import build_redactor
from reports.summary import pct, score

Progress = Callable[[int, int, str], None]
MAX_OPINIONS = 40
OP = Opinion.__table__  # forms are read through models.stats.EV, as valid_forms is


def _forms(conn, campaign_id) -> dict[str, dict[str, Counter]]:
    out: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    q = (sa.select(EV.c.unit_id, EV.c.group, EV.c.level, sa.func.count())
         .where(*valid_forms(Filters(campaign_id))).group_by(EV.c.unit_id, EV.c.group, EV.c.level))
    for unit_id, group, level, n in conn.execute(q):
        out[unit_id][group][level] += n
    return out


def _reasons(conn, campaign_id) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    q = (sa.select(EV.c.unit_id, EV.c.reason, sa.func.count())
         .where(*valid_forms(Filters(campaign_id)), EV.c.level == Level.DISSATISFIED)
         .group_by(EV.c.unit_id, EV.c.reason))
    for unit_id, reason, n in conn.execute(q):
        kiosk = kiosk_reason(reason)  # a kiosk's code or old text: one line per reason
        out[unit_id][zh_label(kiosk) if kiosk else (reason or "未说明").strip()] += n
    return out


def _opinion_rows(conn, campaign_id) -> list[tuple]:
    q = sa.select(OP.c.unit_id, OP.c.received_on, OP.c.text).where(OP.c.deleted_at.is_(None))
    if campaign_id:
        q = q.where(OP.c.campaign_id == campaign_id)
    return [tuple(r) for r in conn.execute(q.order_by(OP.c.received_on))]


def _opinions(rows: list[tuple], redactor) -> dict[str, list[list]]:
    out: dict[str, list[list]] = defaultdict(list)
    for unit_id, received, text in rows:
        out[unit_id].append([received, redactor.scrub(text)])  # never the contact
    return out


def feedback_left_out(conn: sa.Connection, campaign_id: str | None, as_of: date,
                      unit_ids: set[str] | None = None) -> LeftOut:
    """The open problems and the opinions of the units reported on that the campaign
    filter left out."""
    if not campaign_id:
        return LeftOut()
    units = frozenset(unit_ids) if unit_ids is not None else None
    problems = problems_left_out(conn, ProblemFilter(campaign_id=campaign_id, open_only=True,
                                                     unit_ids=units, as_of=as_of))
    rows = conn.execute(sa.select(OP.c.campaign_id, OP.c.unit_id).where(
        OP.c.deleted_at.is_(None)))
    opinions = left_out((cid for cid, uid in rows if units is None or uid in units),
                        campaign_id)
    return problems + opinions


def _open_problems(conn, campaign_id, as_of) -> list[dict]:
    return list(problem_rows(conn, ProblemFilter(campaign_id=campaign_id, open_only=True,
                                                 as_of=as_of)))


# What the per-unit reports need, as separate reads: the window runs each as one short hold of
# its database lane (the longest, the rankings, 61 ms on the 354-unit demo county; all in one
# read held it 350 ms, the opinions' scrubbing 180 ms of that) and `assemble` off the store.
FEEDBACK_READS: dict[str, Callable[[sa.Connection, str | None, date], object]] = {
    "redactor": lambda conn, cid, as_of: build_redactor(conn),
    "problems": _open_problems,
    "ranks": lambda conn, cid, as_of: group_rankings(conn, cid),
    "forms": lambda conn, cid, as_of: _forms(conn, cid),
    "reasons": lambda conn, cid, as_of: _reasons(conn, cid),
    "opinions": lambda conn, cid, as_of: _opinion_rows(conn, cid),
    "labels": lambda conn, cid, as_of: unit_labels(conn),
    "criteria": lambda conn, cid, as_of: criteria_stats(conn, Filters(cid)),
}


def assemble(read: dict, as_of: date) -> dict:
    """The reads of `FEEDBACK_READS` made ready for `unit_blocks`; needs no store.

    The unit sees its problems as the public does: no informant, no visit details."""
    redactor = read["redactor"]
    problems = defaultdict(list)
    for p in read["problems"]:
        problems[p["unit_id"]].append(redactor.public_problem(p))
    ranks = {g: {u["unit_id"]: u for u in rows} for g, rows in read["ranks"].items()}
    forms = read["forms"]
    return {"forms": forms, "reasons": read["reasons"], "ranks": ranks,
            "opinions": _opinions(read["opinions"], redactor),
            "problems": problems, "labels": read["labels"],
            "criteria": {u["unit_id"]: u for u in read["criteria"]["by_unit"]},
            "category_criteria": read["criteria"]["by_category"],
            "units": sorted(set(forms) | set(problems)), "as_of": as_of}


def gather(conn: sa.Connection, campaign_id: str | None, as_of: date) -> dict:
    """Everything the per-unit reports need, read once."""
    return assemble({k: read(conn, campaign_id, as_of) for k, read in FEEDBACK_READS.items()},
                    as_of)


def _group_rows(g: dict, unit_id: str) -> list[list]:
    rows = []
    for group in RespondentGroup:
        levels = g["forms"].get(unit_id, {}).get(group.value)
        if not levels:
            continue
        ranked = g["ranks"][group.value]
        u = ranked[unit_id]
        of = sum(1 for x in ranked.values() if x["rank"])
        rank = f"{u['rank']}/{of}" if u["rank"] else "样本不足"
        rows.append([GROUP_TITLES[group], u["forms"], *(levels.get(lv, 0) for lv in Level),
                     f"{u['satisfaction_rate'] * 100:.1f}%", f"{u['weighted_score']:.1f}", rank])
    return rows


def _criteria_blocks(g: dict, unit_id: str) -> list[d.Block]:
    """The unit's five criteria beside its category's, and the one that pulled it down most."""
    unit = g["criteria"].get(unit_id)
    if unit is None or not any(f["forms"] for f in unit["criteria"].values()):
        return []
    category = g["category_criteria"].get(unit["category"] or "", {})
    rows = [[zh(Criterion, c), f["forms"], pct(f["satisfaction_rate"]),
             score(f["weighted_score"]),
             score(category.get(c, {}).get("weighted_score"))]
            for c, f in unit["criteria"].items()]
    blocks = [d.table(["分项", "评价票数", "满意率", "得分", "同类单位平均得分"], rows,
                      [8, 5, 5, 5, 7])]
    weakest = weakest_criterion(unit, category or None)
    if weakest and weakest["category_score"] is not None:
        blocks.append(d.para(
            f"拉低得分的分项：{zh(Criterion, weakest['criterion'])}，得分"
            f"{score(weakest['weighted_score'])}，低于同类单位平均"
            f"{score(weakest['category_score'])}（相差{weakest['shortfall']:.1f}分）。"))
    elif weakest:
        blocks.append(d.para(f"得分最低的分项：{zh(Criterion, weakest['criterion'])}，得分"
                             f"{score(weakest['weighted_score'])}。"))
    else:
        blocks.append(d.para("各分项得分均不低于同类单位平均。"))
    return blocks


def _deadline(p: dict, as_of: date) -> str:
    """The deadline, marked with the days overdue when the problem is (models.rules)."""
    days = days_overdue(p["deadline"], p["status"], as_of)
    shown = "" if p["deadline"] is None else str(p["deadline"])
    return shown if days is None else f"{shown}（{overdue_note(days)}）"


def unit_blocks(g: dict, unit_id: str, campaign_name: str, office: str) -> list[d.Block]:
    label = g["labels"].get(unit_id, "")
    reasons = g["reasons"].get(unit_id, Counter()).most_common()
    opinions = g["opinions"].get(unit_id, [])
    problems = g["problems"].get(unit_id, [])
    blocks = [d.title(f"{campaign_name}评议结果反馈"), d.subtitle(f"被评议单位：{label}"),
              d.heading("一、评议结果"),
              d.table(["评议群体", "有效票", *(zh(Level, lv) for lv in Level), "满意率", "得分",
                       "名次"], _group_rows(g, unit_id) or [["无评议表"] + [""] * 8],
                      [12, 6, 5, 6, 6, 6, 7, 6, 8]),
              *_criteria_blocks(g, unit_id),
              d.heading("二、不满意原因"),
              d.table(["原因", "次数"], [[r, n] for r, n in reasons] or [["无", ""]], [20, 5]),
              d.heading(f"三、群众意见建议（{len(opinions)}条）"),
              d.table(["日期", "内容"], opinions[:MAX_OPINIONS] or [["", "无"]], [5, 20])]
    if len(opinions) > MAX_OPINIONS:
        blocks.append(d.para(f"另有{len(opinions) - MAX_OPINIONS}条，详见意见建议台账。"))
    blocks += [d.heading(f"四、待整改问题（{len(problems)}件）"),
               d.table(["问题", "整改措施", "整改时限", "责任人"],
                       [[p["description"], p["measures"], _deadline(p, g["as_of"]),
                         p["responsible_person"]] for p in problems] or [["无", "", "", ""]], [14, 14, 6, 5]),
               d.right(office), d.right(d.cn_date(g["as_of"]))]
    return blocks


def safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_") or "unit"


def units_in_order(g: dict, unit_ids: set[str] | None = None) -> list[str]:
    """The units reported on, in the order their files are numbered."""
    units = [u for u in g["units"] if unit_ids is None or u in unit_ids]
    return sorted(units, key=lambda u: g["labels"].get(u, ""))


def write_one(g: dict, i: int, unit_id: str, folder: Path, *, campaign_name: str,
              office: str) -> Path:
    """The `i`-th unit's PDF in `folder` (written whole or not at all); needs no store."""
    label = g["labels"].get(unit_id, unit_id)
    path = folder / f"{i:03d}_{safe_name(label)}.pdf"
    return d.to_pdf(unit_blocks(g, unit_id, campaign_name, office), path,
                    doc_title=f"{label}评议结果反馈")


def campaign_title(campaign: dict | None) -> str:
    return campaign["name"] if campaign else "民主评议"


def write_unit_feedback(conn: sa.Connection, folder: Path, *, campaign: dict | None,
                        as_of: date, office: str, unit_ids: set[str] | None = None,
                        progress: Progress | None = None) -> list[Path]:
    """One PDF per unit into `folder`; `progress(done, total, unit)` after each."""
    g = gather(conn, campaign["id"] if campaign else None, as_of)
    units = units_in_order(g, unit_ids)
    folder = ensure_folder(folder)
    written = []
    for i, unit_id in enumerate(units, start=1):
        written.append(write_one(g, i, unit_id, folder, campaign_name=campaign_title(campaign),
                                 office=office))
        if progress:
            progress(i, len(units), g["labels"].get(unit_id, unit_id))
    return written
