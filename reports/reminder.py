"""The reminder notice (催办通知, issue 14 §3): one per unit whose problems are overdue or due
within N days, N being the office settings' `due_soon_days`.

A unit with no such problem gets no notice. Overdue is `models.rules.is_overdue`, the one rule
the ledger, the feedback and the dashboard use; the unit reads its problems as the public does
(`Redactor.public_problem`: no informant, no secret visit's details). The notice's number comes
from HQ when the desktop asked for one (`numbers`, one per unit), else it is left blank."""

from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from models import rules
from models.office_settings import read_office_settings
from models.output_folder import ensure_folder
from reports import document as d
from reports.data import ProblemFilter, problem_rows
from reports.feedback import safe_name
from reports.labels import overdue_note
from reports.numbering import format_number
from reports.redaction import build_redactor

DEFAULT_PREFIX = "催办"
FORMATS = ("docx", "pdf")


def due_by_unit(conn: sa.Connection, *, campaign_id: str | None, as_of: date,
                within_days: int) -> dict[str, list[dict]]:
    """{unit id: its open problems overdue or due within `within_days`}, most urgent first."""
    horizon = as_of + timedelta(days=within_days)
    rows = problem_rows(conn, ProblemFilter(campaign_id=campaign_id, open_only=True,
                                            as_of=as_of))
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:  # ordered by deadline already
        if r["deadline"] is None:
            continue
        if rules.is_overdue(r["deadline"], r["status"], as_of) or \
                as_of <= r["deadline"] <= horizon:
            out[r["unit_id"]].append(r)
    return dict(out)


def due_ids(conn: sa.Connection, *, campaign_id: str | None,
            as_of: date) -> dict[str, list[str]]:
    """{unit id: the ids of the problems its notice lists}, N from the office settings: what
    HQ records as the records each numbered notice carried."""
    within = read_office_settings(conn)["due_soon_days"]
    return {u: [p["id"] for p in rows] for u, rows in due_by_unit(
        conn, campaign_id=campaign_id, as_of=as_of, within_days=within).items()}


def reminder_prefix(conn: sa.Connection) -> str:
    return read_office_settings(conn)["prefix_reminder"] or DEFAULT_PREFIX


def days_text(p: dict, as_of: date) -> str:
    """"逾期5天" for an overdue problem, "剩余3天" (or "今日到期") for one still ahead."""
    late = rules.days_overdue(p["deadline"], p["status"], as_of)
    if late is not None:
        return overdue_note(late)
    left = (p["deadline"] - as_of).days
    return "今日到期" if left == 0 else f"剩余{left}天"


def reminder_blocks(unit_label: str, problems: list[dict], *, redactor, number: str,
                    office: str, as_of: date, within_days: int) -> list[d.Block]:
    late = sum(1 for p in problems if rules.is_overdue(p["deadline"], p["status"], as_of))
    rows = [[i, redactor.public_problem(p)["description"], str(p["deadline"]),
             days_text(p, as_of)] for i, p in enumerate(problems, start=1)]
    return [*d.masthead(office, number), d.title("整改问题催办通知"),
            d.para(f"{unit_label}："),
            d.para(f"截至{d.cn_date(as_of)}，交办你单位的整改问题中，已逾期{late}件，"
                   f"{within_days}日内到期{len(problems) - late}件，具体如下："),
            d.table(["序号", "问题", "整改时限", "逾期/剩余天数"], rows, [3, 16, 5, 5]),
            d.para("请你单位高度重视，对已逾期的问题立即整改到位，对即将到期的问题抓紧推进，"
                   "并按时报送整改情况。逾期未整改的，将按规定启动问责。"),
            *d.signoff(office, as_of)]


def write_reminders(conn: sa.Connection, folder: Path, *, campaign_id: str | None,
                    as_of: date, office: str, fmt: str | None = None,
                    numbers: dict[str, str] | None = None,
                    prefix: str | None = None) -> list[Path]:
    """One notice per unit with problems overdue or due soon into `folder` (DOCX and PDF, or
    only `fmt`); `numbers` {unit id: number text} as HQ gave them, else a blank number."""
    from reports.data import unit_labels

    settings = read_office_settings(conn)
    within = settings["due_soon_days"]
    due = due_by_unit(conn, campaign_id=campaign_id, as_of=as_of, within_days=within)
    labels, redactor = unit_labels(conn), build_redactor(conn)
    prefix = prefix or reminder_prefix(conn)
    folder = ensure_folder(folder)
    written = []
    units = sorted(due, key=lambda u: labels.get(u, ""))
    for i, unit_id in enumerate(units, start=1):
        label = labels.get(unit_id, unit_id)
        number = (numbers or {}).get(unit_id) or format_number(prefix, as_of.year, None)
        blocks = reminder_blocks(label, due[unit_id], redactor=redactor, number=number,
                                 office=office, as_of=as_of, within_days=within)
        for f in (fmt,) if fmt else FORMATS:
            path = folder / f"{i:03d}_{safe_name(label)}_催办通知.{f}"
            written.append(d.write(blocks, path, f, doc_title=f"{label}整改问题催办通知",
                                   official=True))
    return written
