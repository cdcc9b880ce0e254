"""`fieldinspect report KIND --out PATH ...`: the office's outputs for automation.

Headless: never imports Qt. The format defaults to the extension of PATH; `unit-feedback`
writes one PDF per unit into the folder PATH, `reminder` one notice per unit due a reminder,
`assignment` (HQ only, numbered at HQ) one notice per unit with new problems, which then carry
its number.
"""

import sys
from pathlib import Path

from desktop import messages
from desktop.cli.context import date_option, enum_help, enum_option
from models.enums import ProblemStatus
from reports.notice import PUBLICITY_DAYS

KINDS = ("ledger", "notice", "criticism-notice", "unit-feedback", "county-summary", "rankings",
         "overdue", "visit-round", "reminder", "assignment", "exposure", "appraisal",
         "work-report")


def register(sub) -> None:
    rp = sub.add_parser("report", help=messages.text("help_report"))
    rp.add_argument("kind", choices=KINDS, help=messages.text("opt_report_kind"))
    rp.add_argument("--out", required=True, type=Path, metavar="PATH",
                    help=messages.text("opt_report_out"))
    rp.add_argument("--format", dest="fmt", choices=("xlsx", "docx", "pdf"),
                    help=messages.text("opt_report_format"))
    rp.add_argument("--campaign", metavar="NAME",
                    help=messages.text("opt_report_campaign"))
    rp.add_argument("--unit", metavar="NAME", help=messages.text("opt_report_unit"))
    rp.add_argument("--status", action="append", default=[], metavar="S",
                    type=enum_option(ProblemStatus),
                    help=messages.text("opt_report_status", {"values": enum_help(ProblemStatus)}))
    rp.add_argument("--overdue", action="store_true", help=messages.text("opt_report_overdue"))
    rp.add_argument("--from", dest="date_from", type=date_option, metavar="DATE",
                    help=messages.text("opt_report_from"))
    rp.add_argument("--to", dest="date_to", type=date_option, metavar="DATE",
                    help=messages.text("opt_report_to"))
    rp.add_argument("--ids", nargs="+", default=[], metavar="ID",
                    help=messages.text("opt_report_ids"))
    rp.add_argument("--number", metavar="N",
                    help=messages.text("opt_report_number",
                                       {"example": "3 / 余纠通〔2026〕3号"}))
    rp.add_argument("--hq-number", action="store_true",
                    help=messages.text("opt_report_hq_number"))
    rp.add_argument("--include-circulated", action="store_true",
                    help=messages.text("opt_report_include_circulated"))
    rp.add_argument("--prefix", default=None, metavar="TEXT",
                    help=messages.text("opt_report_prefix", {"example": "余纠通"}))
    rp.add_argument("--office", default=None, metavar="NAME",
                    help=messages.text("opt_report_office", {"example": "县纠风办"}))
    rp.add_argument("--as-of", type=date_option, metavar="DATE",
                    help=messages.text("opt_report_as_of"))
    rp.add_argument("--within", type=int, default=7, metavar="DAYS",
                    help=messages.text("opt_report_within"))
    rp.add_argument("--publicity-days", type=int, default=None, metavar="DAYS",
                    help=messages.text("opt_report_publicity_days",
                                       {"default": PUBLICITY_DAYS}))
    rp.add_argument("--include-uninvestigated", action="store_true",
                    help=messages.text("opt_report_include_uninvestigated"))
    rp.add_argument("--signer", default="", metavar="NAME",
                    help=messages.text("opt_report_signer"))
    rp.set_defaults(handler=report_command)


def _progress(done: int, total: int, unit: str) -> None:
    if sys.stderr.isatty() or done == total or done % 50 == 0:
        print(f"\r{done}/{total} {unit}".ljust(60), end="\n" if done == total else "",
              file=sys.stderr, flush=True)


def _hq_numbering(ctx, req):
    from desktop.data.hq_numbers import issue_number

    def ask(criticism_ids: list[str]):
        return issue_number(ctx.store(), prefix=req.prefix, year=req.today.year,
                            criticism_ids=criticism_ids,
                            include_circulated=req.include_circulated)

    return ask


def _hq_exposure_numbering(ctx, req):
    """The exposure notice's number from HQ, kind `exposure`, naming the cases it carries."""
    from desktop.data.hq_numbers import issue_number
    from reports.outputs import EXPOSURE_PREFIX
    from sync.protocol import NoticeKind

    def ask(case_ids: list[str]):
        return issue_number(ctx.store(), kind=NoticeKind.EXPOSURE, record_ids=case_ids,
                            prefix=EXPOSURE_PREFIX, year=req.today.year)

    return ask


def _hq_reminder_numbers(ctx, req) -> dict[str, str | None]:
    """One number from HQ per unit reminder notice, asked before the notices are written."""
    from desktop.data.hq_numbers import issue_numbers
    from reports.outputs import reminder_due_ids
    from sync.protocol import NoticeKind

    with ctx.store().read() as conn:
        records, prefix = reminder_due_ids(conn, req)
    return issue_numbers(ctx.store(), kind=NoticeKind.REMINDER, records=records, prefix=prefix,
                         year=req.today.year)


def report_command(ctx, args) -> int:
    from models.security.audit import log_event
    from reports.outputs import ReportRequest, produce, with_office_settings

    req = ReportRequest(out=args.out, fmt=args.fmt, campaign=args.campaign, unit=args.unit,
                        status=args.status, overdue=args.overdue, date_from=args.date_from,
                        date_to=args.date_to, ids=args.ids, as_of=args.as_of,
                        number=args.number, within_days=args.within, progress=_progress)
    req.include_circulated = args.include_circulated
    req.publicity_days = args.publicity_days
    req.include_uninvestigated = args.include_uninvestigated
    req.signer = args.signer
    if args.hq_number:
        req.number_from_hq = _hq_numbering(ctx, req)
    if args.hq_number and args.kind == "exposure":
        req.number_from_hq = _hq_exposure_numbering(ctx, req)
    if args.hq_number and args.kind == "reminder":
        req.numbers = _hq_reminder_numbers(ctx, req)
    if args.kind == "assignment":
        return assignment_command(ctx, args, req)
    with ctx.store().read() as conn:
        with_office_settings(conn, req, prefix=args.prefix, office=args.office)
        paths = produce(args.kind, conn, req)
    log_event(ctx.store(), "export", profile=ctx.profile(), details={
        "report": args.kind, "files": len(paths), "format": paths[0].suffix.lower() if paths else ""})
    if args.kind == "reminder" and not paths:
        print(messages.text("reminder_nothing_due"))
        return 0
    where = args.out if args.kind in ("unit-feedback", "reminder") else paths[0]
    print(messages.text("cli_files_written", {"count": len(paths), "path": where}))
    if args.kind == "criticism-notice":
        print(circulated_message(req))
    if args.kind == "notice":
        print(*notice_messages(req), sep="\n")
    if req.campaign_left_out is not None:
        print(campaign_left_out_message(req.campaign_left_out))
    return 0


def assignment_command(ctx, args, req) -> int:
    """交办通知: HQ numbers each unit's notice; the problems then carry the number."""
    from desktop.data.assignment_notices import issue_assignments
    from models.security.audit import log_event

    issued = issue_assignments(ctx.store(), req, ctx.profile(), office=args.office)
    if not issued.paths:
        print(messages.text("cli_assignment_nothing_new"))
        return 0
    log_event(ctx.store(), "export", profile=ctx.profile(), details={
        "report": "assignment", "files": len(issued.paths), "problems": issued.assigned})
    print(messages.text("cli_files_written", {"count": len(issued.paths), "path": args.out}))
    print(messages.text("cli_assigned", {"count": issued.assigned}))
    return 0


def campaign_left_out_message(left) -> str:
    """What the campaign filter left out (a `models.campaigns.LeftOut`), never silently."""
    if not left.total:
        return messages.text("cli_nothing_left_out")
    return messages.text("cli_left_out", {"total": left.total, "no_campaign": left.no_campaign,
                                          "other": left.other_campaigns})


def circulated_message(req) -> str:
    """What became of the criticisms an earlier notice already circulated."""
    if req.left_out is None:
        return messages.text("cli_circulation_unchecked")
    if req.include_circulated:
        return messages.text("cli_circulated_included")
    return messages.text("cli_circulated_left_out", {"count": req.left_out})


def notice_messages(req) -> list[str]:
    """The notice's publicity period, and the problems not yet investigated it left out."""
    from reports.notice import PUBLICITY_DAYS, NoticeOptions

    days = PUBLICITY_DAYS if req.publicity_days is None else req.publicity_days
    opts = NoticeOptions(office=req.office, issued_on=req.today, publicity_days=days)
    lines = [messages.text("cli_notice_period", {"start": opts.issued_on.isoformat(),
                                                 "end": opts.period_end.isoformat()})]
    if req.include_uninvestigated:
        lines.append(messages.text("cli_notice_all_statuses"))
    elif req.not_investigated:
        lines.append(messages.text("cli_notice_not_investigated",
                                   {"count": req.not_investigated}))
    return lines
