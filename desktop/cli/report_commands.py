"""`fieldinspect report KIND --out PATH ...`: the office's outputs for automation.

Headless: never imports Qt. The format defaults to the extension of PATH; `unit-feedback`
writes one PDF per unit into the folder PATH.
"""

import sys
from datetime import date
from pathlib import Path

from desktop.cli.context import enum_help, enum_option
from models.enums import ProblemStatus

KINDS = ("ledger", "notice", "criticism-notice", "unit-feedback", "county-summary", "rankings",
         "overdue")


def register(sub) -> None:
    rp = sub.add_parser("report", help="write the ledger, notices, feedback, summary, rankings "
                                       "or the overdue list")
    rp.add_argument("kind", choices=KINDS)
    rp.add_argument("--out", required=True, type=Path, metavar="PATH",
                    help="the file to write (a folder for unit-feedback)")
    rp.add_argument("--format", dest="fmt", choices=("xlsx", "docx", "pdf"),
                    help="default: the extension of PATH")
    rp.add_argument("--campaign", metavar="NAME",
                    help="default: the latest campaign (county-summary, overdue: all)")
    rp.add_argument("--unit", metavar="NAME", help="a unit and the units under it")
    rp.add_argument("--status", action="append", default=[], metavar="S",
                    type=enum_option(ProblemStatus),
                    help=f"problem status (repeatable): {enum_help(ProblemStatus)}")
    rp.add_argument("--overdue", action="store_true", help="only problems past their deadline")
    rp.add_argument("--from", dest="date_from", type=date.fromisoformat, metavar="DATE",
                    help="problems reported from DATE (ledger, notice, overdue); criticisms "
                         "decided from DATE (criticism-notice); the period (county-summary)")
    rp.add_argument("--to", dest="date_to", type=date.fromisoformat, metavar="DATE",
                    help="... up to DATE")
    rp.add_argument("--ids", nargs="+", default=[], metavar="ID",
                    help="criticism-notice: these circulated criticisms")
    rp.add_argument("--number", metavar="N",
                    help="criticism-notice: the number HQ assigned (3 or 余纠通〔2026〕3号); "
                         "without it the number is left blank for HQ to fill in")
    rp.add_argument("--hq-number", action="store_true",
                    help="criticism-notice: ask HQ for the next number of the year (enrolled "
                         "office or HQ device); HQ leaves out the criticisms an earlier "
                         "notice already circulated")
    rp.add_argument("--include-circulated", action="store_true",
                    help="criticism-notice with --hq-number: circulate again the criticisms "
                         "an earlier notice already circulated")
    rp.add_argument("--prefix", default=None, metavar="TEXT", help="number prefix (余纠通)")
    rp.add_argument("--office", default=None, metavar="NAME", help="issuing office (县纠风办)")
    rp.add_argument("--as-of", type=date.fromisoformat, metavar="DATE", help="default: today")
    rp.add_argument("--within", type=int, default=7, metavar="DAYS",
                    help="overdue: also list deadlines within DAYS")
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


def report_command(ctx, args) -> int:
    from models.security.audit import log_event
    from reports.outputs import ReportRequest, produce

    req = ReportRequest(out=args.out, fmt=args.fmt, campaign=args.campaign, unit=args.unit,
                        status=args.status, overdue=args.overdue, date_from=args.date_from,
                        date_to=args.date_to, ids=args.ids, as_of=args.as_of,
                        number=args.number, within_days=args.within, progress=_progress)
    if args.prefix:
        req.prefix = args.prefix
    if args.office:
        req.office = args.office
    req.include_circulated = args.include_circulated
    if args.hq_number:
        req.number_from_hq = _hq_numbering(ctx, req)
    with ctx.store().read() as conn:
        paths = produce(args.kind, conn, req)
    log_event(ctx.store(), "export", profile=ctx.profile(), details={
        "report": args.kind, "files": len(paths), "format": paths[0].suffix.lower() if paths else ""})
    where = args.out if args.kind == "unit-feedback" else paths[0]
    print(f"{len(paths)} file(s) written: {where}")
    if args.kind == "criticism-notice":
        print(circulated_message(req))
    if req.campaign_left_out is not None:
        print(campaign_left_out_message(req.campaign_left_out))
    return 0


def campaign_left_out_message(left) -> str:
    """What the campaign filter left out (a `models.campaigns.LeftOut`), never silently."""
    if not left.total:
        return "No problem or opinion was left out by the campaign filter."
    return (f"{left.total} problem(s)/opinion(s) left out by the campaign filter: "
            f"{left.no_campaign} with no campaign, {left.other_campaigns} of other campaigns "
            "(--campaign to choose another).")


def circulated_message(req) -> str:
    """What became of the criticisms an earlier notice already circulated."""
    if req.left_out is None:
        return ("Not checked against earlier notices: only a number from HQ (--hq-number) "
                "leaves out criticisms already circulated.")
    if req.include_circulated:
        return "Criticisms already circulated were included again (--include-circulated)."
    return (f"{req.left_out} criticism(s) already circulated in an earlier notice left out "
            "(--include-circulated to circulate them again).")
