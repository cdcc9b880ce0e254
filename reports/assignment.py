"""The assignment notice (交办通知, issue 14 §1): one per unit, listing its NEW problems (live,
not rectified, never carried by a notice: `assignment_no` empty) with deadline and responsible
person.

A problem whose source is confidential (a secret visit's, `Redactor.is_secret`) is listed by
HQ's `assignment_text`, never by its description; one without that text is refused before
anything is numbered or written (`assignment_text_missing`, naming it). Printing its category
alone ("存在脱岗离岗问题") was the other choice: it was rejected because the unit's device shows
the problem by that same text (loop.md decision 2), so the unit would be asked to rectify
something nobody told it. Every text is scrubbed as a public one (R1–R4, R7 in
docs/redaction.md): a secret visit's place typed into an assignment text is masked too.

Numbered at HQ in the assignment sequence, one number per unit notice; once written, the
problems carry the number and date (`mark_assigned`, an HQ write), which is what sends them to
the unit's device. The notices never talk to HQ: the caller asks (desktop/data/assignments.py).
"""

from datetime import date
from pathlib import Path

import sqlalchemy as sa

from models.office_settings import prefix_for
from models.output_folder import ensure_folder
from models.records import Problem as ProblemRow
from models.security.roles import require_hq_device
from models.store.writes import WriteSession
from reports import document as d
from reports.data import ProblemFilter, problem_rows, unit_labels
from reports.errors import ReportError
from reports.feedback import safe_name
from reports.redaction import Redactor, build_redactor

DEFAULT_PREFIX = "交办"
FORMATS = ("docx", "pdf")
TITLE = "整改问题交办通知"


def new_by_unit(conn: sa.Connection, unit_ids: frozenset[str] | None = None
                ) -> dict[str, list[dict]]:
    """{unit id: its problems no notice has carried yet}, earliest deadline first."""
    rows = problem_rows(conn, ProblemFilter(unit_ids=unit_ids, open_only=True))
    out: dict[str, list[dict]] = {}
    for r in rows:
        if not r["assignment_no"] and r["unit_id"]:
            out.setdefault(r["unit_id"], []).append(r)
    return out


def check_assignable(conn: sa.Connection, due: dict[str, list[dict]]) -> None:
    """Refuse, before anything is numbered, a confidential problem HQ wrote no unit-facing text
    for, and a device that is not HQ's (the assignment fields are HQ's alone)."""
    require_hq_device(conn, ["assignment_no"] if due else [],
                      "Only HQ issues assignment notices.", "assignment_notice_hq_only")
    redactor = build_redactor(conn)
    for problems in due.values():
        for p in problems:
            if redactor.is_secret(p) and not p["assignment_text"].strip():
                raise ReportError(code="assignment_text_missing", params={
                    "unit": p["unit_label"], "problem": _short(p["description"]),
                    "deadline": str(p["deadline"] or "")})


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def assignment_prefix(conn: sa.Connection) -> str:
    return prefix_for(conn, "assignment") or DEFAULT_PREFIX


def unit_text(p: dict, redactor: Redactor) -> str:
    """What the unit reads: HQ's assignment text for a confidential problem (dates removed),
    else the description; both scrubbed as published text."""
    if redactor.is_secret(p):
        return redactor.scrub(p["assignment_text"], drop_dates=True)
    return redactor.scrub(p["description"])


def assignment_blocks(unit_label: str, problems: list[dict], *, redactor: Redactor,
                      number: str, office: str, issued_on: date) -> list[d.Block]:
    rows = [[i, unit_text(p, redactor), d.cn_date(p["deadline"]) if p["deadline"] else "",
             p["responsible_person"]] for i, p in enumerate(problems, start=1)]
    return [*d.masthead(office, number), d.title(TITLE),
            d.para(f"{unit_label}："),
            d.para(f"经督查，你单位存在以下{len(problems)}个问题，现交办你单位。请逐项制定整改"
                   "措施，明确责任人，在整改时限内整改到位，并及时报送整改情况；确需延期的，"
                   "请在时限届满前提出延期申请。"),
            d.table(["序号", "问题", "整改时限", "责任人"], rows, [3, 16, 6, 5]),
            d.para("收到本通知后，请及时签收。"),
            *d.signoff(office, issued_on)]


def write_assignments(conn: sa.Connection, folder: Path, due: dict[str, list[dict]], *,
                      numbers: dict[str, str], office: str, issued_on: date,
                      fmt: str | None = None) -> list[Path]:
    """One notice per unit of `due` into `folder` (DOCX and PDF, or only `fmt`), each with
    the number HQ gave it."""
    labels, redactor = unit_labels(conn), build_redactor(conn)
    folder = ensure_folder(folder)
    written = []
    for i, unit_id in enumerate(sorted(due, key=lambda u: labels.get(u, "")), start=1):
        label = labels.get(unit_id, unit_id)
        blocks = assignment_blocks(label, due[unit_id], redactor=redactor,
                                   number=numbers[unit_id], office=office, issued_on=issued_on)
        for f in (fmt,) if fmt else FORMATS:
            path = folder / f"{i:03d}_{safe_name(label)}_交办通知.{f}"
            written.append(d.write(blocks, path, f, doc_title=f"{label}{TITLE}", official=True))
    return written


def mark_assigned(w: WriteSession, records: dict[str, list[str]], numbers: dict[str, str],
                  issued_on: date) -> int:
    """Each problem carried takes its notice's number and date (an audited problem update,
    pushed to HQ, which then sends the problem to its unit's device); returns how many."""
    from models.services import update_record

    count = 0
    for unit_id, ids in records.items():
        for problem_id in ids:
            update_record(w, ProblemRow, problem_id, {"assignment_no": numbers[unit_id],
                                                      "assigned_on": issued_on})
            count += 1
    return count
