"""Headless data commands: import, stats, demo-data. Never imports Qt."""

import json
import sys

from desktop import messages
from desktop.cli.context import date_option, label, pad, say
from models.enums import Level, RespondentGroup, Sanction, VisitKind
from models.errors import ValidationError
from models.imports.common import RECORD_KINDS

# How imported evaluation forms were collected (`import evaluations --source`, issue 17).
IMPORT_SOURCES = ("paper", "online", "kiosk")


def register(sub) -> None:
    imp = sub.add_parser("import", help=messages.text("help_import"))
    imp.add_argument("kind", choices=("units", "representatives", "evaluations", "problems",
                                      *RECORD_KINDS))
    imp.add_argument("file")
    imp.add_argument("--skip-invalid", action="store_true",
                     help=messages.text("opt_import_skip_invalid"))
    imp.add_argument("--rejects", metavar="OUT.csv",
                     help=messages.text("opt_import_rejects"))
    imp.add_argument("--source", choices=IMPORT_SOURCES,
                     help=messages.text("opt_import_source"))
    imp.set_defaults(handler=import_command)

    st = sub.add_parser("stats", help=messages.text("help_stats"))
    st.add_argument("--json", action="store_true")
    st.add_argument("--campaign", metavar="NAME")
    st.add_argument("--from", dest="date_from", type=date_option, metavar="DATE")
    st.add_argument("--to", dest="date_to", type=date_option, metavar="DATE")
    st.add_argument("--as-of", type=date_option, metavar="DATE")
    st.set_defaults(handler=stats_command)

    demo = sub.add_parser("demo-data", help=messages.text("help_demo_data"))
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--as-of", type=date_option, metavar="DATE")
    demo.set_defaults(handler=demo_command)


def import_command(ctx, args) -> int:
    from models.imports import run_import
    from models.imports.common import cyclic_gc_paused

    if args.rejects and not args.skip_invalid:
        say(messages.text("import_rejects_needs_skip"))
        return 2
    if args.source and args.kind != "evaluations":
        say(messages.text("import_source_needs_evaluations"))
        return 2
    # Evaluation forms are checked and written with driver SQL only (models/imports/
    # evaluations.py, models/store/writes.py): the store is opened without SQLAlchemy (~0.17 s
    # of CPU to import, models/store/driver.py). The other kinds write through the table classes.
    store = ctx.store(driver_only=args.kind == "evaluations")
    try:
        with cyclic_gc_paused():  # this command's one thread (see cyclic_gc_paused)
            report = run_import(store, args.kind, args.file, profile=ctx.profile(),
                                skip_invalid=args.skip_invalid, rejects_path=args.rejects,
                                source=args.source)
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
        raise NotFoundError(code="cli_no_such_campaign", params={"name": name})
    return found


def stats_command(ctx, args) -> int:
    from desktop.cli.report_commands import campaign_left_out_message
    from models.chase import candidates_with_threshold
    from models.rankings import rankings_json
    from models.stats import Filters, campaign_left_out, county_stats
    from models.timeutil import local_today
    from models.trends import trend_figures
    from models.work_report import evaluation_figures_json

    store = ctx.store()
    campaign_id = _campaign_id(store, args.campaign)
    f = Filters(campaign_id, args.date_from, args.date_to)
    with store.read() as conn:
        figures = county_stats(conn, campaign_id=campaign_id, date_from=args.date_from,
                               date_to=args.date_to, as_of=args.as_of)
        left = campaign_left_out(conn, f)
        candidates = candidates_with_threshold(conn, f, args.as_of or local_today())
        trends = trend_figures(conn, f) if args.json else {}
        rankings = rankings_json(conn, f) if args.json else None
        per_group = evaluation_figures_json(conn, f) if args.json else {}
    if args.json:
        figures["accountability_candidates"] = candidates
        figures["rankings"] = rankings  # within each appraisal category (issue 15 §2)
        figures["evaluations"].update(per_group)  # the work report's (issue 15 §3)
        figures.update(trends)  # `breakdowns` and `comparison` (issue 15 §3)
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


def _line(name: str, value, note: str = "") -> str:
    """One figure: its name, the value right-aligned (by display width), a note after."""
    line = pad(name, 24) + pad(str(value), 8, right=True)
    return f"{line}  {note}" if note else line


def _row(code: str, value, note: str = "", indent: str = "") -> str:
    return _line(indent + messages.text(code), value, note)


def _breakdown(enum_cls, counts: dict) -> list[str]:
    """A figure's parts, each named by its value's label in the current language."""
    return [_line("  " + label(enum_cls, k), v) for k, v in counts.items()]


def format_stats(s: dict) -> str:
    """The `stats` table in the command line's language; breakdowns by their labels."""
    ev, visits, p, a = s["evaluations"], s["visits"], s["problems"], s["accountability"]
    score = "—" if ev["weighted_score"] is None else f"{ev['weighted_score']:.1f}"
    text = messages.text
    return "\n".join([
        _row("stats_forms", ev["total"]),
        *_breakdown(RespondentGroup, ev["by_group"]),
        *_breakdown(Level, ev["by_level"]),
        _row("stats_satisfaction", _pct(ev["satisfaction_rate"])),
        _row("stats_weighted_score", score),
        _row("stats_duplicate_numbers", ev["duplicate_numbers"]),
        _row("stats_units_evaluated", s["units_evaluated"]),
        _row("stats_visits_done", visits["total"],
             text("stats_planned", {"count": visits["planned"]})),
        *_breakdown(VisitKind, visits["by_kind"]),
        _row("stats_findings", s["findings"]["total"]),
        _row("stats_criticisms", s["criticisms"]["total"]),
        *_breakdown(Sanction, s["criticisms"]["by_sanction"]),
        _row("stats_opinions", s["opinions"]["total"],
             text("stats_sorted", {"count": s["opinions"]["sorted"]})),
        _row("stats_problems", p["total"]),
        _row("stats_investigated", p["investigated"], indent="  "),
        _row("stats_rectified", p["rectified"], indent="  "),
        _row("stats_overdue", p["overdue"], indent="  "),
        _row("stats_replied", p["replied"], indent="  "),
        _row("stats_complainant_satisfaction", _pct(p["complainant_satisfaction"]), indent="    "),
        _row("stats_cases", a["cases"]),
        _row("stats_people_sanctioned", a["people_sanctioned"], indent="  "),
        _row("stats_units_accountable", a["units_held_accountable"], indent="  "),
    ])


def demo_command(ctx, args) -> int:
    from models.demo import load_demo_data

    store = ctx.store()
    counts = load_demo_data(store, seed=args.seed, as_of=args.as_of, profile=ctx.profile())
    print(messages.text("demo_loaded", counts))
    return 0
