"""`fieldinspect plan …`: random inspection rounds (双随机, issue 16 §1, docs/rounds.md).

At HQ: `plan commit` (or `plan draw --campaign …` without a seed) fixes the pools and a secret
and prints the commitment; `plan draw --round ID --public-value TEXT` draws once the public
value exists; `plan draw --campaign … --seed HEX` draws at once, marked not verifiable;
`plan publish` and `plan export` write the public and the full round file. `plan verify FILE`
needs no store: anyone holding a round file re-computes it. Never imports Qt.
"""

from pathlib import Path

from desktop import messages
from desktop.cli.context import date_option, enum_option
from models.enums import AppraisalCategory, RepresentativeKind
from models.errors import DomainError


def _pool_options(p) -> None:
    p.add_argument("--campaign", metavar="NAME")
    p.add_argument("--category", type=enum_option(AppraisalCategory))
    p.add_argument("--township", metavar="NAME")
    p.add_argument("--not-visited-days", type=int, metavar="N")
    p.add_argument("--weight-last-band", type=float, metavar="F")
    p.add_argument("--units", type=int, metavar="N")
    p.add_argument("--from", dest="date_from", type=date_option, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=date_option, metavar="DATE")
    p.add_argument("--team-size", type=int, default=2, metavar="K")
    p.add_argument("--max-per-rep", type=int, default=1, metavar="M")
    p.add_argument("--rep-kind", action="append", type=enum_option(RepresentativeKind),
                   default=[])
    p.add_argument("--rep-team", metavar="TEAM")


def register(sub) -> None:
    plan = sub.add_parser("plan", help=messages.text("help_plan"))
    actions = plan.add_subparsers(dest="plan_command", required=True, metavar="ACTION")
    commit = actions.add_parser("commit", help=messages.text("help_plan_commit"))
    _pool_options(commit)
    commit.set_defaults(handler=commit_command)
    draw = actions.add_parser("draw", help=messages.text("help_plan_draw"))
    _pool_options(draw)
    draw.add_argument("--round", metavar="ID")
    draw.add_argument("--public-value", metavar="TEXT")
    draw.add_argument("--seed", metavar="HEX")
    draw.add_argument("--out", metavar="ROUND_FILE")
    draw.set_defaults(handler=draw_command)
    for name, handler in (("publish", publish_command), ("export", export_command)):
        p = actions.add_parser(name, help=messages.text(f"help_plan_{name}"))
        p.add_argument("round", metavar="ROUND")
        p.add_argument("--out", required=True, metavar="PATH")
        p.set_defaults(handler=handler)
    replace = actions.add_parser("replace", help=messages.text("help_plan_replace"))
    replace.add_argument("round", metavar="ROUND")
    replace.add_argument("--visit", required=True, metavar="VISIT")
    replace.add_argument("--representative", required=True, metavar="NAME")
    replace.set_defaults(handler=replace_command)
    verify = actions.add_parser("verify", help=messages.text("help_plan_verify"))
    verify.add_argument("file", metavar="ROUND_FILE")
    verify.set_defaults(handler=verify_command)


def _request(args):
    from models.round_pools import RoundRequest

    missing = [flag for flag, value in (("--campaign", args.campaign), ("--units", args.units),
                                        ("--from", args.date_from), ("--to", args.date_to))
               if value is None]
    if missing:
        raise DomainError(code="round_options_missing", params={"options": ", ".join(missing)})
    return RoundRequest(
        campaign=args.campaign, units=args.units, date_from=args.date_from,
        date_to=args.date_to, team_size=args.team_size, max_per_rep=args.max_per_rep,
        category=args.category, township=args.township,
        not_visited_days=args.not_visited_days, weight_last_band=args.weight_last_band,
        rep_kinds=tuple(args.rep_kind), rep_team=args.rep_team)


def _write(path: str, doc: dict) -> None:
    from models.draw.round_file import to_bytes

    try:
        Path(path).write_bytes(to_bytes(doc))
    except OSError as exc:
        raise DomainError(code="round_file_not_written", params={"path": path}) from exc


def commit_command(ctx, args) -> int:
    from models.rounds import commit_round
    from models.timeutil import local_today

    with ctx.store().write(ctx.profile()) as w:
        out = commit_round(w, _request(args), local_today())
    print(messages.text("round_committed", out))
    return 0


def draw_command(ctx, args) -> int:
    from models.rounds import draw_committed, draw_with_seed, export_full
    from models.timeutil import local_today

    if args.round is None and args.seed is None:
        if args.public_value is not None:  # a value known before the commitment decides nothing
            raise DomainError(code="round_commit_first")
        return commit_command(ctx, args)
    if not args.out:
        raise DomainError(code="round_options_missing", params={"options": "--out"})
    if args.round is not None and args.public_value is None:
        raise DomainError(code="round_options_missing", params={"options": "--public-value"})
    with ctx.store().write(ctx.profile()) as w:
        doc = (draw_committed(w, args.round, args.public_value) if args.round is not None
               else draw_with_seed(w, _request(args), local_today(), _seed(args.seed)))
        export_full(w, doc["meta"]["round"])
    _write(args.out, doc)
    print(messages.text("round_drawn", {"round": doc["meta"]["round"], "seed": doc["seed"],
                                        "visits": len(doc["draw"]["visits"]),
                                        "path": args.out}))
    return 0


def _seed(text: str) -> str:
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise DomainError(code="round_bad_seed")
    return raw.hex()


def publish_command(ctx, args) -> int:
    from models.rounds import publish
    from models.timeutil import local_today

    with ctx.store().write(ctx.profile()) as w:
        doc = publish(w, args.round, local_today())
    _write(args.out, doc)
    print(messages.text("round_published", {"units": len(doc["results"]), "path": args.out}))
    return 0


def export_command(ctx, args) -> int:
    from models.rounds import export_full

    with ctx.store().write(ctx.profile()) as w:
        doc = export_full(w, args.round)
    _write(args.out, doc)
    print(messages.text("round_exported", {"path": args.out}))
    return 0


def replace_command(ctx, args) -> int:
    """回避: VISIT is the visit's id or its unit's name or path; NAME the representative's
    name or id, as on the team."""
    from models.round_replace import described, find_member, find_visit, replace_representative

    with ctx.store().write(ctx.profile()) as w:
        visit = find_visit(w.conn, args.round, args.visit)
        out = replace_representative(w, args.round, visit,
                                     find_member(w.conn, visit, args.representative))
        shown = described(w.conn, out)
    print(messages.text("round_replaced", shown))
    return 0


def read_round(path: str) -> dict:
    from models.draw.round_file import from_bytes

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DomainError(code="round_file_unreadable", params={"path": path}) from exc
    return from_bytes(data, path)


def verify_command(ctx, args) -> int:
    from models.draw.round_file import verify

    doc = read_round(args.file)
    result = verify(doc)
    code = ("round_verified_committed" if result["verifiable"]
            else "round_verified_not_verifiable")
    print(messages.text(code, {"units": len(doc["draw"]["units"])}))
    return 0

