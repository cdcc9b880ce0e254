"""The circulated criticism notice (通报), DOCX and PDF, from the criticism records chosen."""

from dataclasses import replace
from datetime import date

import sqlalchemy as sa

from models.enums import Sanction
from models.errors import Problem, ValidationError
from models.records import PersonnelCriticism
from reports import document as d
from reports.data import unit_labels
from reports.errors import ReportError
from reports.notice import circulated_criticisms
from reports.numbering import format_number
from reports.redaction import build_redactor

CN_NUMERALS = "一二三四五六七八九十"


def ordinal(i: int) -> str:
    """一, 十一, 二十, 一百零五, 一百一十 …: how a numbered list counts its items (from 1000 on,
    Arabic figures)."""
    if i <= 10:
        return CN_NUMERALS[i - 1]
    if i < 100:
        return (CN_NUMERALS[i // 10 - 1] if i >= 20 else "") + "十" + \
            (CN_NUMERALS[i % 10 - 1] if i % 10 else "")
    if i >= 1000:
        return str(i)
    hundreds, rest = divmod(i, 100)
    head = CN_NUMERALS[hundreds - 1] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + CN_NUMERALS[rest - 1]
    return head + CN_NUMERALS[rest // 10 - 1] + "十" + \
        (CN_NUMERALS[rest % 10 - 1] if rest % 10 else "")


def chosen_criticisms(conn: sa.Connection, *, ids: list[str] | None = None,
                      date_from: date | None = None, date_to: date | None = None) -> list[dict]:
    """The circulated criticisms named by id, else those decided in the period."""
    if not ids:
        found = circulated_criticisms(conn, date_from=date_from, date_to=date_to)
        if not found:
            raise ReportError(code="no_circulated_criticism")
        return found
    pc = PersonnelCriticism.__table__
    rows = {r["id"]: dict(r) for r in conn.execute(
        sa.select(pc).where(pc.c.id.in_(ids), pc.c.deleted_at.is_(None))).mappings()}
    missing = [i for i in ids if i not in rows]
    if missing:
        raise ValidationError(Problem.of("ids", "no_such_criticism", ids=", ".join(missing)))
    private = [i for i in ids if rows[i]["sanction"] != Sanction.CIRCULATED_CRITICISM]
    if private:
        raise ValidationError(Problem.of("ids", "criticism_not_circulated",
                                         ids=", ".join(private)))
    return [rows[i] for i in ids]


def case_text(c: dict, unit: str, behaviour: str) -> str:
    who = f"{unit}{c['post']}{c['person_name']}"
    when = f"{d.cn_date(c['decided_on'])}，" if c["decided_on"] else ""
    what = behaviour.rstrip("。") or "工作作风存在问题"
    return f"{who}：{what}。{when}经研究，决定给予通报批评。"


def criticism_blocks(conn: sa.Connection, cases: list[dict], *, number: str, office: str,
                     issued_on: date) -> list[d.Block]:
    labels = unit_labels(conn)
    redactor = build_redactor(conn)
    named = {c["person_name"] for c in cases}
    redactor = replace(redactor, names=redactor.names - named)
    first = cases[0]["person_name"]
    more = f"等{len(cases)}人" if len(cases) > 1 else ""
    blocks = [*d.masthead(office, number, red=True),
              d.title(f"关于对{first}{more}的通报批评"),
              d.para("各乡镇（街道）、县直各部门："),
              d.para(f"为进一步转变机关作风、提升服务质量，{office}组织开展明察暗访和"
                     f"监督走访。现将查实的{len(cases)}起问题通报如下：")]
    for i, c in enumerate(cases, start=1):
        behaviour = redactor.scrub(c["behaviour"])
        blocks.append(d.para(f"{ordinal(i)}、{case_text(c, labels.get(c['unit_id'], ''), behaviour)}"))
    blocks += [d.para("各单位要引以为戒，举一反三，严格遵守工作纪律，切实改进工作作风。"),
               *d.signoff(office, issued_on)]
    return blocks


def notice_number(prefix: str, year: int, seq: int | None) -> str:
    return format_number(prefix, year, seq)
