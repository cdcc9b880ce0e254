"""`fieldinspect plan …`: random inspection rounds (双随机, issue 16 §1, docs/rounds.md).

`plan verify FILE` needs no store: anyone holding a round file (the full one HQ keeps, or the
public one it publishes) re-computes the draw and learns whether it matches and whether its seed
was committed before the public value was known. Never imports Qt.
"""

from pathlib import Path

from desktop import messages
from models.errors import DomainError


def register(sub) -> None:
    plan = sub.add_parser("plan", help=messages.text("help_plan"))
    actions = plan.add_subparsers(dest="plan_command", required=True, metavar="ACTION")
    verify = actions.add_parser("verify", help=messages.text("help_plan_verify"))
    verify.add_argument("file", metavar="ROUND_FILE")
    verify.set_defaults(handler=verify_command)


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
