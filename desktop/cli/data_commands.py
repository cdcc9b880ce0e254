"""Headless data commands: import, stats, demo-data. Never imports Qt."""

import json
import sys
from datetime import date

from desktop import messages
from desktop.cli.context import say
from models.errors import ValidationError


def register(sub) -> None:
    imp = sub.add_parser("import", help="import units, representatives or evaluation forms")
    imp.add_argument("kind", choices=("units", "representatives", "evaluations"))
    imp.add_argument("file")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the valid rows and report the rejected ones")
    imp.add_argument("--rejects", metavar="OUT.csv",
                     help="with --skip-invalid: write rejected rows here with an error column")
    imp.set_defaults(handler=import_command)

    st = sub.add_parser("stats", help="the county's figures")
    st.add_argument("--json", action="store_true")
    st.add_argument("--campaign", metavar="NAME")
    st.add_argument("--from", dest="date_from", type=date.fromisoformat, metavar="DATE")
    st.add_argument("--to", dest="date_to", type=date.fromisoformat, metavar="DATE")
    st.add_argument("--as-of", type=date.fromisoformat, metavar="DATE")
    st.set_defaults(handler=stats_command)

    demo = sub.add_parser("demo-data", help="fill an empty store with a county-sized demo set")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--as-of", type=date.fromisoformat, metavar="DATE")
    demo.set_defaults(handler=demo_command)


def import_command(ctx, args) -> int:
    from models.imports import run_import

    if args.rejects and not args.skip_invalid:
        say(messages.text("import_rejects_needs_skip"))
        return 2
    store = ctx.store()
    try:
        report = run_import(store, args.kind, args.file, profile=ctx.profile(),
                            skip_invalid=args.skip_invalid, rejects_path=args.rejects)
    except ValidationError as exc:
        _print_problems(args.kind, exc.problems, getattr(exc, "headers", ()))
        say(messages.text("import_nothing_imported", {"count": len(exc.problems)}))
        return 1
    if report.rejected and not args.rejects:
        _print_problems(args.kind, report.rejected, report.headers)
    separator = "；" if messages.language() == messages.CHINESE else "; "
    print(separator.join(messages.text(code, values) for code, values in report.summary_parts()))
    return 0


def _print_problems(kind: str, problems, headers) -> None:
    """Each problem as `FILE:ROW: column: sentence`, in the command line's language, the
    column named as the file names it (or by its Chinese header under Chinese)."""
    from models.imports.reading import column_label

    chinese = messages.language() == messages.CHINESE
    for problem in problems:
        label = column_label(kind, problem.field, headers, chinese=chinese)
        print(messages.problem_line(problem, field_label=label), file=sys.stderr)


def _campaign_id(store, name: str | None) -> str | None:
    if not name:
        return None
    from models.campaigns import campaign_named
    from models.errors import NotFoundError

    with store.read() as conn:
        found = campaign_named(conn, name)
    if found is None:
        raise NotFoundError(f"There is no campaign named '{name}'.")
    return found


def stats_command(ctx, args) -> int:
    from desktop.cli.report_commands import campaign_left_out_message
    from models.stats import Filters, campaign_left_out, county_stats

    store = ctx.store()
    campaign_id = _campaign_id(store, args.campaign)
    with store.read() as conn:
        figures = county_stats(conn, campaign_id=campaign_id, date_from=args.date_from,
                               date_to=args.date_to, as_of=args.as_of)
        left = campaign_left_out(conn, Filters(campaign_id, args.date_from, args.date_to))
    if args.json:
        if campaign_id:  # what the campaign filter left out of the problem and opinion figures
            figures["left_out_by_campaign"] = {"no_campaign": left.no_campaign,
                                               "other_campaigns": left.other_campaigns}
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(format_stats(figures))
        if campaign_id:
            print(campaign_left_out_message(left))
    return 0


def _pct(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def format_stats(s: dict) -> str:
    ev = s["evaluations"]
    score = "—" if ev["weighted_score"] is None else f"{ev['weighted_score']:.1f}"
    lines = [
        f"Evaluation forms        {ev['total']:>8}",
        *(f"  {k:<22}{v:>8}" for k, v in ev["by_group"].items()),
        *(f"  {k:<22}{v:>8}" for k, v in ev["by_level"].items()),
        f"Overall satisfaction    {_pct(ev['satisfaction_rate']):>8}",
        f"Weighted score          {score:>8}",
        f"Duplicate form numbers  {ev['duplicate_numbers']:>8}",
        f"Units evaluated         {s['units_evaluated']:>8}",
        f"Visits done             {s['visits']['total']:>8}  (planned {s['visits']['planned']})",
        *(f"  {k:<22}{v:>8}" for k, v in s["visits"]["by_kind"].items()),
        f"Findings                {s['findings']['total']:>8}",
        f"Criticisms              {s['criticisms']['total']:>8}",
        *(f"  {k:<22}{v:>8}" for k, v in s["criticisms"]["by_sanction"].items()),
        f"Opinions                {s['opinions']['total']:>8}  (sorted {s['opinions']['sorted']})",
    ]
    p, a = s["problems"], s["accountability"]
    lines += [
        f"Problems                {p['total']:>8}",
        f"  investigated          {p['investigated']:>8}",
        f"  rectified             {p['rectified']:>8}",
        f"  overdue               {p['overdue']:>8}",
        f"Accountability cases    {a['cases']:>8}",
        f"  people sanctioned     {a['people_sanctioned']:>8}",
        f"  units held accountable{a['units_held_accountable']:>8}",
    ]
    return "\n".join(lines)


def demo_command(ctx, args) -> int:
    from models.demo import load_demo_data

    store = ctx.store()
    summary = load_demo_data(store, seed=args.seed, as_of=args.as_of, profile=ctx.profile())
    print(summary)
    return 0
