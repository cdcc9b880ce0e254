"""The public notice of rectification (整改公示), DOCX and PDF, with confidential details
removed (docs/redaction.md). It states its publicity period and where to report (the office's
hotline and e-mail), and by default lists only problems already under investigation."""

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from models import rules
from models.enums import ProblemStatus, Sanction
from models.records import PersonnelCriticism
from reports import document as d
from reports.data import ProblemFilter, problem_rows, unit_labels
from reports.labels import zh
from reports.redaction import Redactor, build_redactor

NOTICE_HEADER = ["序号", "责任单位", "问题", "整改措施", "整改时限", "责任人", "整改状态"]
NOTICE_WIDTHS = [4, 13, 22, 21, 13, 9, 8]  # a date and a three-character name on one line
PUBLICITY_DAYS = 7  # the publicity period when none is given: issue date + 7 days


@dataclass
class NoticeOptions:
    """What a person sets per notice (the Reports page, `report notice`) and what HQ's office
    settings give: the period, the hotline and e-mail, whether to list every status."""
    office: str
    issued_on: date
    publicity_days: int = PUBLICITY_DAYS
    hotline: str = ""
    email: str = ""
    include_all: bool = False

    @property
    def period_end(self) -> date:
        return self.issued_on + timedelta(days=self.publicity_days)


def circulated_criticisms(conn: sa.Connection, unit_ids=None, *, date_from=None,
                          date_to=None) -> list[dict]:
    """Circulated criticisms (the only sanction made public), oldest first."""
    pc = PersonnelCriticism.__table__
    q = sa.select(pc).where(pc.c.deleted_at.is_(None),
                            pc.c.sanction == Sanction.CIRCULATED_CRITICISM)
    if date_from:
        q = q.where(pc.c.decided_on >= date_from)
    if date_to:
        q = q.where(pc.c.decided_on <= date_to)
    rows = [dict(r) for r in conn.execute(q.order_by(pc.c.decided_on, pc.c.id)).mappings()]
    return [r for r in rows if unit_ids is None or r["unit_id"] in unit_ids]


def notice_rows(conn: sa.Connection, flt: ProblemFilter, redactor: Redactor, *,
                include_all: bool = False) -> tuple[list[list], int]:
    """The rows of the notice's table and how many problems not yet investigated were left
    out (none when `include_all`)."""
    problems = problem_rows(conn, flt)
    shown = [p for p in problems if include_all or rules.is_investigated(p["status"])]
    public = [redactor.public_problem(p) for p in shown]
    rows = [[i, p["unit"], p["description"], p["measures"], p["deadline"],
             p["responsible_person"], zh(ProblemStatus, p["status"])]
            for i, p in enumerate(public, start=1)]
    return rows, len(problems) - len(shown)


def criticism_rows(conn: sa.Connection, flt: ProblemFilter) -> list[list]:
    labels = unit_labels(conn)
    return [[i, labels.get(c["unit_id"], ""), c["post"], c["person_name"],
             zh(Sanction, c["sanction"]), c["decided_on"]]
            for i, c in enumerate(circulated_criticisms(conn, flt.unit_ids), start=1)]


def notice_blocks(conn: sa.Connection, flt: ProblemFilter, *, campaign_name: str,
                  opts: NoticeOptions) -> tuple[list[d.Block], int]:
    """The notice's blocks, and how many problems not yet investigated it left out."""
    rows, left_out = notice_rows(conn, flt, build_redactor(conn), include_all=opts.include_all)
    blocks = [
        d.title(f"{campaign_name}整改问题公示"),
        d.para(f"为接受群众监督，现将{campaign_name}中群众反映和督查发现问题的整改措施、"
               f"整改时限和责任人公示如下（共{len(rows)}件）。对整改不到位的，欢迎向{opts.office}"
               f"反映。"),
        *_contact_blocks(opts),
        d.heading("一、问题整改情况"),
        d.table(NOTICE_HEADER, rows, NOTICE_WIDTHS),
    ]
    if left_out:
        blocks.append(d.para(f"另有 {left_out} 个问题尚在受理，未列入。"))
    criticised = criticism_rows(conn, flt)
    if criticised:
        blocks += [d.heading("二、通报批评"),
                   d.table(["序号", "单位", "职务", "姓名", "处理方式", "决定日期"], criticised,
                           [4, 16, 10, 7, 8, 9])]
    blocks += d.signoff(opts.office, opts.issued_on)
    return blocks, left_out


def _contact_blocks(opts: NoticeOptions) -> list[d.Block]:
    """The period, then the hotline and e-mail (a line left out when HQ has not set it)."""
    lines = [f"公示期：{d.cn_date(opts.issued_on)}至{d.cn_date(opts.period_end)}"]
    if opts.hotline.strip():
        lines.append(f"监督电话：{opts.hotline.strip()}")
    if opts.email.strip():
        lines.append(f"电子邮箱：{opts.email.strip()}")
    return [d.para(line) for line in lines]
