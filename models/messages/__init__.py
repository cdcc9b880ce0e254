"""Every sentence a person reads, by a stable code: the one table of messages.

An error, a row problem, an HQ refusal or a line the command line prints is a code with
arguments (``duplicate_form_number`` with ``{number, when, who}``), never a sentence that a
reader has to take apart again. The English template here is the source text; its Chinese is the
translation of that template in the catalogue ``resources/translations/fieldinspect_zh_CN.ts``,
context ``Messages``. The window and the command line both render through
``desktop/messages.py`` from that one catalogue; ``tests/test_messages.py`` fails when a code
has no finished Chinese entry or when a translation drops an argument.

Each area keeps its own table in a module of this package (so parallel work does not collide);
this module joins them and refuses a code defined twice. ``{name}`` takes the argument ``name``.
"""

from collections.abc import Mapping
from typing import Any

from models.messages import (
    acceptance,
    assignments,
    checklists,
    cli,
    cli_usage,
    documents,
    general,
    imports,
    ledger_imports,
    profiles,
    rankings,
    record_imports,
    records,
    rectification_loop,
    rounds,
    security,
    snapshots,
    store,
    sync,
    trends,
    unit_reports,
    work_report,
)

AREAS = (general, cli, cli_usage, records, imports, security, store, documents, sync,
         unit_reports, acceptance, assignments, profiles, trends, rankings,
         rectification_loop, ledger_imports, work_report, record_imports, snapshots, checklists,
         rounds)


def _join() -> dict[str, str]:
    joined: dict[str, str] = {}
    for area in AREAS:
        for code, template in area.MESSAGES.items():
            if code in joined:
                raise RuntimeError(f"message code {code!r} is defined twice")
            joined[code] = template
    return joined


MESSAGES: dict[str, str] = _join()


def fill(template: str, args: Mapping[str, Any] | None) -> str:
    """`template` with each ``{name}`` replaced by its argument (no format mini-language, so a
    brace inside an argument's value is harmless). A float prints without trailing zeros."""
    text = template
    for key, value in (args or {}).items():
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        text = text.replace("{" + key + "}", shown)
    return text


def english(code: str, args: Mapping[str, Any] | None = None) -> str:
    """The English sentence for `code` (logs, HQ's outcome records, an English screen)."""
    template = MESSAGES.get(code)
    return fill(template, args) if template is not None else code
