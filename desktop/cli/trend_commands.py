"""`fieldinspect unit merge OLD NEW`: HQ records that a merged or renamed unit lives on as
another, so the comparison with earlier campaigns counts its history under its successor
(issue 15 §3). Never imports Qt."""

from desktop import messages


def register(sub) -> None:
    unit = sub.add_parser("unit", help=messages.text("help_unit"))
    actions = unit.add_subparsers(dest="unit_command", required=True, metavar="ACTION")
    merge = actions.add_parser("merge", help=messages.text("help_unit_merge"))
    merge.add_argument("old", metavar="OLD")
    merge.add_argument("new", metavar="NEW")
    merge.set_defaults(handler=merge_command)


def merge_command(ctx, args) -> int:
    from models.acceptance import unit_paths
    from models.succession import find_unit, record_succession

    store = ctx.store()
    with store.write(ctx.profile()) as w:
        old, new = find_unit(w.conn, args.old), find_unit(w.conn, args.new)
        record_succession(w, old, new)
        paths = unit_paths(w.conn)
    print(messages.text("unit_merge_recorded", {"old": paths[old], "new": paths[new]}))
    return 0
