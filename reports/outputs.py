"""One entry point per output, shared by the command line, the window and the HQ.

`produce(kind, conn, request)` resolves names (campaign, unit) and writes the file(s);
each returns the paths written.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from models.campaigns import LeftOut
from models.enums import ProblemStatus, parse_enum, zh_label
from models.errors import Problem, ValidationError
from models.timeutil import local_today
from reports import document as d
from reports import tabular
from reports.data import (
    ProblemFilter,
    find_campaign,
    find_unit,
    latest_campaign,
    problems_left_out,
    subtree,
)
from reports.errors import ReportError
from reports.numbering import DEFAULT_PREFIX, format_number, parse_number

if TYPE_CHECKING:
    from reports.numbering import IssuedNumber

DEFAULT_OFFICE = "县纠风办"


@dataclass
class ReportRequest:
    out: Path
    fmt: str | None = None
    campaign: str | None = None
    unit: str | None = None
    status: list[str] = field(default_factory=list)
    overdue: bool = False
    date_from: date | None = None
    date_to: date | None = None
    ids: list[str] = field(default_factory=list)
    as_of: date | None = None
    office: str = DEFAULT_OFFICE
    number: str | None = None  # the HQ-assigned number: "3" or "余纠通〔2026〕3号"
    # Asks HQ when issuing (the desktop's, which talks to HQ): the number (str), or a
    # `reports.numbering.IssuedNumber`, which also says which criticisms an earlier notice
    # already circulated (they are left out).
    number_from_hq: Callable[[list[str]], "str | IssuedNumber"] | None = None
    include_circulated: bool = False  # criticism-notice: circulate again what HQ has seen
    prefix: str = DEFAULT_PREFIX
    within_days: int = 7
    numbers: dict[str, str] | None = None  # reminder, assignment: {unit id: HQ's number}
    # assignment: {unit id: the problem ids HQ numbered its notice for}; only these are listed
    records: dict[str, list[str]] | None = None
    assigned: int = 0  # set by the assignment run: the problems that now carry their number
    # notice: the publicity period (issue date + days; None → reports.notice.PUBLICITY_DAYS),
    # HQ's hotline and e-mail (with_office_settings), and whether to list problems not yet
    # investigated; `not_investigated` is set to how many it left out.
    publicity_days: int | None = None
    hotline: str = ""
    email: str = ""
    include_uninvestigated: bool = False
    not_investigated: int | None = None
    top: int = 10
    signer: str = ""  # work-report: 签发人, printed right of the number
    progress: Callable[[int, int, str], None] | None = None
    # Set by criticism-notice: how many criticisms were left out as already circulated
    # (None: not checked, the number did not come from HQ).
    left_out: int | None = None
    # Set by an output filtered by campaign: the problems and opinions it left out (None:
    # not filtered by campaign). The command line and the window say it.
    campaign_left_out: LeftOut | None = None

    @property
    def today(self) -> date:
        return self.as_of or local_today()


def with_office_settings(conn: sa.Connection, req: ReportRequest, *, prefix: str | None = None,
                         office: str | None = None) -> ReportRequest:
    """The issuer and the criticism notice's number prefix: as given (the command line's
    --office, --prefix), else HQ's office settings (models/office_settings.py), else the
    built-in defaults."""
    from models.office_settings import read_office_settings

    settings = read_office_settings(conn)
    req.prefix = prefix or settings["prefix_criticism"] or DEFAULT_PREFIX
    req.office = office or settings["issuer_name"] or DEFAULT_OFFICE
    req.hotline, req.email = settings["hotline"], settings["email"]
    return req


def _campaign(conn, req: ReportRequest) -> dict | None:
    return find_campaign(conn, req.campaign) if req.campaign else latest_campaign(conn)


def _accepted(enum_cls) -> str:
    """The values an option takes, each with its Chinese label (as `--help` lists them)."""
    return ", ".join(f"{m.value}/{zh_label(m)}" if zh_label(m) else m.value for m in enum_cls)


def _filter(conn, req: ReportRequest, campaign: dict | None) -> ProblemFilter:
    statuses = []
    for s in req.status:
        try:
            statuses.append(parse_enum(ProblemStatus, s).value)
        except ValueError as exc:
            raise ValidationError(Problem.of("status", "unknown_status", value=s,
                                             accepted=_accepted(ProblemStatus))) from exc
    units = frozenset(subtree(conn, find_unit(conn, req.unit))) if req.unit else None
    return ProblemFilter(campaign_id=campaign["id"] if campaign else None, unit_ids=units,
                         statuses=tuple(statuses), overdue_only=req.overdue, as_of=req.today,
                         date_from=req.date_from, date_to=req.date_to)


def _left_out(req: ReportRequest, campaign_id: str | None, count) -> None:
    """Say what the campaign filter left out (`count()` is only asked when it filters)."""
    req.campaign_left_out = count() if campaign_id else None


def _name(campaign: dict | None) -> str:
    return campaign["name"] if campaign else ""


def ledger(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    from reports.ledger import ledger_sheet

    fmt = tabular.resolve_format(req.out, req.fmt, tabular.FORMATS)
    campaign = _campaign(conn, req)
    flt = _filter(conn, req, campaign)
    sheet = ledger_sheet(conn, flt, f"{_name(campaign)}整改台账")
    _left_out(req, flt.campaign_id, lambda: problems_left_out(conn, flt))
    return [tabular.write(req.out, [sheet], fmt)]


def overdue(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    from reports.ledger import overdue_left_out, overdue_sheet

    fmt = tabular.resolve_format(req.out, req.fmt, tabular.FORMATS)
    campaign = _campaign(conn, req) if req.campaign else None
    flt = _filter(conn, req, campaign)
    sheet = overdue_sheet(conn, flt, req.within_days)
    _left_out(req, flt.campaign_id, lambda: overdue_left_out(conn, flt, req.within_days))
    return [tabular.write(req.out, [sheet], fmt)]


def rankings(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    from reports.appraisal import category_sheet
    from reports.rankings import ranking_sheets

    fmt = tabular.resolve_format(req.out, req.fmt, tabular.FORMATS)
    campaign = _campaign(conn, req)
    sheets = ranking_sheets(conn, campaign["id"] if campaign else None, _name(campaign),
                            req.top)
    sheets.insert(0, category_sheet(conn, campaign["id"] if campaign else None, _name(campaign)))
    return [tabular.write(req.out, sheets, fmt)]


def appraisal(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    """绩效考核: one row per ranked unit with its appraisal points (XLSX)."""
    from reports.appraisal import appraisal_sheet

    fmt = tabular.resolve_format(req.out, req.fmt, ("xlsx",))
    campaign = _campaign(conn, req)
    sheet = appraisal_sheet(conn, campaign["id"] if campaign else None, _name(campaign))
    return [tabular.write(req.out, [sheet], fmt)]


def notice(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    from reports.notice import PUBLICITY_DAYS, NoticeOptions, notice_blocks

    fmt = tabular.resolve_format(req.out, req.fmt, ("docx", "pdf"))
    campaign = _campaign(conn, req)
    flt = _filter(conn, req, campaign)
    days = PUBLICITY_DAYS if req.publicity_days is None else req.publicity_days
    if not 1 <= days <= 365:
        raise ValidationError(Problem.of("publicity_days", "publicity_days_range", days=days))
    opts = NoticeOptions(office=req.office, issued_on=req.today, publicity_days=days,
                         hotline=req.hotline, email=req.email,
                         include_all=req.include_uninvestigated)
    blocks, req.not_investigated = notice_blocks(conn, flt, campaign_name=_name(campaign),
                                                 opts=opts)
    _left_out(req, flt.campaign_id, lambda: problems_left_out(conn, flt))
    return [d.write(blocks, req.out, fmt, doc_title="整改问题公示", official=True)]


def criticism_number(req: ReportRequest) -> str:
    if not req.number:
        return format_number(req.prefix, req.today.year, None)
    if req.number.isdigit():
        return format_number(req.prefix, req.today.year, int(req.number))
    return str(parse_number(req.number))


def criticism_notice(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    from reports.criticism import chosen_criticisms, criticism_blocks

    fmt = tabular.resolve_format(req.out, req.fmt, ("docx", "pdf"))
    cases = chosen_criticisms(conn, ids=req.ids, date_from=req.date_from, date_to=req.date_to)
    req.left_out = None
    if req.number_from_hq:
        cases, number = _issue(req, cases)
    else:
        number = criticism_number(req)
    blocks = criticism_blocks(conn, cases, number=number, office=req.office,
                              issued_on=req.today)
    return [d.write(blocks, req.out, fmt, doc_title="通报", official=True)]


def _issue(req: ReportRequest, cases: list[dict]) -> tuple[list[dict], str]:
    """Number the notice at HQ; keep only the criticisms HQ says it may carry."""
    answer = req.number_from_hq([c["id"] for c in cases])
    if isinstance(answer, str):
        return cases, answer
    kept = set(answer.criticism_ids)
    req.left_out = sum(1 for c in cases if c["id"] not in kept)
    cases = [c for c in cases if c["id"] in kept]
    if not cases or answer.number is None:
        raise ReportError(code="criticisms_already_circulated",
                          params={"count": req.left_out})
    return cases, answer.number


def feedback_scope(conn: sa.Connection, req: ReportRequest) -> tuple[dict | None,
                                                                      set[str] | None]:
    """The campaign and the units (None: all) a unit-feedback run reports on."""
    units = set(subtree(conn, find_unit(conn, req.unit))) if req.unit else None
    return _campaign(conn, req), units


def feedback_said_left_out(conn: sa.Connection, req: ReportRequest, campaign: dict | None,
                           units: set[str] | None) -> None:
    from reports.feedback import feedback_left_out

    cid = campaign["id"] if campaign else None
    _left_out(req, cid, lambda: feedback_left_out(conn, cid, req.today, units))


def unit_feedback(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    from reports.feedback import write_unit_feedback

    campaign, units = feedback_scope(conn, req)
    paths = write_unit_feedback(conn, req.out, campaign=campaign, as_of=req.today,
                                office=req.office, unit_ids=units, progress=req.progress)
    feedback_said_left_out(conn, req, campaign, units)
    return paths


def county_summary(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    from models.stats import Filters, campaign_left_out
    from reports.summary import summary_blocks

    fmt = tabular.resolve_format(req.out, req.fmt, ("docx", "pdf"))
    campaign = find_campaign(conn, req.campaign) if req.campaign else None
    blocks, _ = summary_blocks(conn, campaign=campaign, date_from=req.date_from,
                               date_to=req.date_to, as_of=req.today, office=req.office)
    f = Filters(campaign["id"] if campaign else None, req.date_from, req.date_to)
    _left_out(req, f.campaign_id, lambda: campaign_left_out(conn, f))
    return [d.write(blocks, req.out, fmt, doc_title="工作情况汇总", official=True)]


def work_report(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    """工作情况汇报 of the campaign (default: the latest), numbered by `--number` with HQ's
    work-report prefix when it set one (else the criticism prefix), with `req.signer` as 签发人,
    else the signer HQ set in the office settings (reports/work_report.py)."""
    from models.office_settings import prefix_for, read_office_settings
    from reports.work_report import TITLE, work_report_blocks

    fmt = tabular.resolve_format(req.out, req.fmt, ("docx", "pdf"))
    prefix = prefix_for(conn, "work_report")
    number = criticism_number(replace(req, prefix=prefix) if prefix else req)
    signer = req.signer.strip() or read_office_settings(conn)["signer"]
    blocks, _ = work_report_blocks(conn, _campaign(conn, req), office=req.office,
                                   number=number, signer=signer, issued_on=req.today)
    return [d.write(blocks, req.out, fmt, doc_title=TITLE, official=True)]


def visit_round(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    """明察暗访情况通报 for the period (default: this year to date); with a campaign, only its
    problems are listed as what was done. Numbered like the criticism notice (`--number`),
    with HQ's visit-round prefix when it set one."""
    from models.office_settings import prefix_for
    from reports.visit_round import TITLE, Period, visit_round_blocks

    fmt = tabular.resolve_format(req.out, req.fmt, ("docx", "pdf"))
    campaign = find_campaign(conn, req.campaign) if req.campaign else None
    period = Period(req.date_from or date(req.today.year, 1, 1), req.date_to or req.today,
                    campaign["id"] if campaign else None)
    prefix = prefix_for(conn, "visit_round")
    number = criticism_number(replace(req, prefix=prefix) if prefix else req)
    blocks = visit_round_blocks(conn, period, number=number, office=req.office,
                                issued_on=req.today)
    return [d.write(blocks, req.out, fmt, doc_title=TITLE, official=True)]


def reminder(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    """催办通知: one per unit with problems overdue or due within the office's N days, into
    the folder `req.out` (DOCX and PDF, or only `req.fmt`); HQ's numbers in `req.numbers`."""
    from reports.reminder import write_reminders

    fmt = req.fmt if req.fmt in ("docx", "pdf") else None
    campaign = _campaign(conn, req) if req.campaign else None
    return write_reminders(conn, req.out, campaign_id=campaign["id"] if campaign else None,
                           as_of=req.today, office=req.office, fmt=fmt,
                           numbers=req.numbers)


def reminder_due_ids(conn: sa.Connection, req: ReportRequest) -> tuple[dict[str, list[str]],
                                                                          str]:
    """({unit id: the problem ids its reminder lists}, the reminder prefix): what the desktop
    asks HQ to number, one number per unit notice, before the notices are written."""
    from reports.reminder import due_ids, reminder_prefix

    campaign = _campaign(conn, req) if req.campaign else None
    return (due_ids(conn, campaign_id=campaign["id"] if campaign else None, as_of=req.today),
            reminder_prefix(conn))


def _units(conn: sa.Connection, req: ReportRequest) -> frozenset[str] | None:
    return frozenset(subtree(conn, find_unit(conn, req.unit))) if req.unit else None


def assignment_records(conn: sa.Connection, req: ReportRequest) -> tuple[dict[str, list[str]],
                                                                           str]:
    """({unit id: the ids of its new problems}, the assignment prefix): what HQ is asked to
    number, one notice per unit; refuses first what cannot be assigned
    (`reports.assignment.check_assignable`)."""
    from reports.assignment import assignment_prefix, check_assignable, new_by_unit

    due = new_by_unit(conn, _units(conn, req))
    check_assignable(conn, due)
    return {u: [p["id"] for p in rows] for u, rows in due.items()}, assignment_prefix(conn)


def assignment(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    """交办通知: one per unit for the problems HQ numbered (`req.records`, `req.numbers`), into
    the folder `req.out` (DOCX and PDF, or only `req.fmt`)."""
    from reports.assignment import new_by_unit, write_assignments

    records, numbers = req.records or {}, req.numbers or {}
    carried = {i for ids in records.values() for i in ids}
    due = {u: [p for p in rows if p["id"] in carried]
           for u, rows in new_by_unit(conn, _units(conn, req)).items() if numbers.get(u)}
    due = {u: rows for u, rows in due.items() if rows}
    fmt = req.fmt if req.fmt in ("docx", "pdf") else None
    return write_assignments(conn, req.out, due, numbers=numbers, office=req.office,
                             issued_on=req.today, fmt=fmt)


def exposure(conn: sa.Connection, req: ReportRequest) -> list[Path]:
    """曝光: the cases HQ chose for publication; numbered as HQ gave it (`req.number_from_hq`,
    asked with the cases' ids, kind `exposure`), else by `--number` with HQ's exposure prefix
    (blank when none is given)."""
    from models.office_settings import prefix_for
    from reports.exposure import TITLE, exposure_blocks, exposure_ids

    fmt = tabular.resolve_format(req.out, req.fmt, ("docx", "pdf"))
    ids = exposure_ids(conn)
    if not ids:  # said before HQ is asked, so no number is used up
        raise ReportError(code="no_published_case")
    if req.number_from_hq:
        answer = req.number_from_hq(ids)
        number = answer if isinstance(answer, str) else answer.number or ""
    else:
        prefix = prefix_for(conn, "exposure") or EXPOSURE_PREFIX
        number = criticism_number(replace(req, prefix=prefix))
    blocks = exposure_blocks(conn, number=number, office=req.office, issued_on=req.today)
    return [d.write(blocks, req.out, fmt, doc_title=TITLE, official=True)]


EXPOSURE_PREFIX = "曝光"


PRODUCERS: dict[str, Callable[[sa.Connection, ReportRequest], list[Path]]] = {
    "ledger": ledger, "notice": notice, "criticism-notice": criticism_notice,
    "unit-feedback": unit_feedback, "county-summary": county_summary,
    "rankings": rankings, "overdue": overdue, "visit-round": visit_round,
    "reminder": reminder, "assignment": assignment, "exposure": exposure,
    "appraisal": appraisal, "work-report": work_report,
}


def produce(kind: str, conn: sa.Connection, req: ReportRequest) -> list[Path]:
    return PRODUCERS[kind](conn, req)
