"""Checklists on site (issue 16 §2): which checklist a visit uses, saving its results, and the
rule that turns every failed item into a finding. Qt-free; the window, HQ and tests share it.

The rule, in one transaction with the results (`save_checklist`):
- a failed item has exactly one live finding of the visit made from it (`checklist_item_id`):
  category from the item, text "item: note", the visit's unit and day. Saving again makes none
  twice; a changed note rewrites the finding's text while nobody has edited it;
- an item no longer failed removes (tombstones) its finding while that finding is untouched
  (its text and category still what the rule wrote). A finding a person edited is theirs: it
  stays, still linked to the item.
A visit keeps the template version it was first worked through with (its results name it);
a visit without results takes the active template of its unit's kind, newest version first.
"""

from datetime import date
from typing import Any

import sqlalchemy as sa

from models.checklist_tables import (
    ChecklistItem,
    ChecklistOutcome,
    ChecklistResult,
    ChecklistTemplate,
)
from models.errors import DomainError, Problem, ValidationError
from models.ids import natural_id
from models.records import Finding, Visit
from models.reference import Unit
from models.store.writes import WriteSession

Answer = tuple[str, str]  # (outcome, note)


def active_template(conn: sa.Connection, unit_kind: str | None) -> dict | None:
    t = ChecklistTemplate.__table__
    row = conn.execute(sa.select(t).where(
        t.c.unit_kind == (unit_kind or ""), t.c.active.is_(True), t.c.deleted_at.is_(None))
        .order_by(t.c.version.desc(), t.c.id)).mappings().first()
    return dict(row) if row else None


def items_of(conn: sa.Connection, template_id: str) -> list[dict]:
    i = ChecklistItem.__table__
    return [dict(r) for r in conn.execute(sa.select(i).where(
        i.c.template_id == template_id, i.c.deleted_at.is_(None))
        .order_by(i.c.position, i.c.id)).mappings()]


def results_of(conn: sa.Connection, visit_id: str) -> dict[str, dict]:
    """The visit's results by item id."""
    r = ChecklistResult.__table__
    return {row["item_id"]: dict(row) for row in conn.execute(sa.select(r).where(
        r.c.visit_id == visit_id, r.c.deleted_at.is_(None))).mappings()}


def visit_checklist(conn: sa.Connection, visit_id: str) -> tuple[dict | None, list[dict],
                                                                   dict[str, dict]]:
    """(template, its items, the results by item) for a visit; (None, [], {}) when its unit's
    kind has no checklist."""
    results = results_of(conn, visit_id)
    t = ChecklistTemplate.__table__
    template = None
    if results:
        used = next(iter(results.values()))["template_id"]
        row = conn.execute(sa.select(t).where(t.c.id == used)).mappings().first()
        template = dict(row) if row else None
    if template is None:
        template = active_template(conn, _unit_kind(conn, visit_id))
    if template is None:
        return None, [], results
    return template, items_of(conn, template["id"]), results


def checklist_to_work(conn: sa.Connection, visit_id: str) -> tuple[dict, list[dict],
                                                                    dict[str, dict]]:
    """`visit_checklist` for the window: a coded refusal when the visit has none to work."""
    template, items, results = visit_checklist(conn, visit_id)
    if template is None:
        code = "checklist_none_for_kind" if _unit_kind(conn, visit_id) else \
            "checklist_visit_needs_unit"
        raise DomainError(code=code)
    return template, items, results


def _unit_kind(conn: sa.Connection, visit_id: str) -> str | None:
    v, u = Visit.__table__, Unit.__table__
    return conn.execute(sa.select(u.c.kind).select_from(v.join(u, u.c.id == v.c.unit_id))
                        .where(v.c.id == visit_id)).scalar()


def finding_text(item: dict, note: str) -> str:
    note = note.strip()
    return f"{item['text']}：{note}" if note else item["text"]


def save_checklist(w: WriteSession, visit_id: str, template_id: str,
                   answers: dict[str, Answer]) -> dict[str, int]:
    """Write the visit's results and keep its findings in step (the module's rule). Returns
    how many findings were made, rewritten and removed."""
    visit = w.current(Visit, visit_id)
    items = {i["id"]: i for i in items_of(w.conn, template_id)}
    _check(answers, items)
    before = results_of(w.conn, visit_id)
    for item_id, (outcome, note) in answers.items():
        _write_result(w, visit_id, template_id, item_id, outcome, note, before.get(item_id))
    counts = {"made": 0, "rewritten": 0, "removed": 0}
    findings = _checklist_findings(w.conn, visit_id)
    for item_id, (outcome, note) in answers.items():
        old = before.get(item_id)
        key = _follow(w, visit, items[item_id], outcome, note,
                      old["note"] if old else note, findings.get(item_id))
        if key:
            counts[key] += 1
    return counts


def _check(answers: dict[str, Answer], items: dict[str, dict]) -> None:
    problems = []
    outcomes = {o.value for o in ChecklistOutcome}
    for item_id, (outcome, _note) in answers.items():
        if item_id not in items:
            problems.append(Problem.of("item_id", "checklist_item_unknown"))
        elif outcome not in outcomes:
            problems.append(Problem.of("outcome", "not_one_of", value=str(outcome),
                                       accepted=", ".join(sorted(outcomes))))
    if problems:
        raise ValidationError(problems)


def result_id(visit_id: str, item_id: str) -> str:
    """One result per visit and item, whichever laptop records it first (a natural id)."""
    return natural_id("checklist_result", visit_id, item_id)


def _write_result(w: WriteSession, visit_id: str, template_id: str, item_id: str,
                  outcome: str, note: str, old: dict | None) -> None:
    values = {"outcome": outcome, "note": note.strip()}
    if old is None:
        w.create(ChecklistResult, {"id": result_id(visit_id, item_id),
                                   "visit_id": visit_id, "template_id": template_id,
                                   "item_id": item_id, **values})
    else:
        w.update(ChecklistResult, old["id"], values)


def _checklist_findings(conn: sa.Connection, visit_id: str) -> dict[str, dict]:
    f = Finding.__table__
    return {r["checklist_item_id"]: dict(r) for r in conn.execute(sa.select(f).where(
        f.c.visit_id == visit_id, f.c.checklist_item_id.is_not(None),
        f.c.deleted_at.is_(None)).order_by(f.c.id)).mappings()}


def _follow(w: WriteSession, visit: dict, item: dict, outcome: str, note: str, old_note: str,
            finding: dict | None) -> str | None:
    untouched = finding is not None and finding["category"] == item["category"] and \
        finding["description"] in (finding_text(item, old_note), finding_text(item, note))
    if outcome == ChecklistOutcome.FAIL:
        if finding is None:
            w.create(Finding, _new_finding(visit, item, note))
            return "made"
        if untouched and w.update(Finding, finding["id"],
                                  {"description": finding_text(item, note)}):
            return "rewritten"
        return None
    if untouched:
        w.delete(Finding, finding["id"])
        return "removed"
    return None


def _new_finding(visit: dict, item: dict, note: str) -> dict[str, Any]:
    found_on = visit["visit_date"] or (visit["actual_at"].date() if visit["actual_at"]
                                       else date.today())
    return {"visit_id": visit["id"], "unit_id": visit["unit_id"], "category": item["category"],
            "description": finding_text(item, note), "found_on": found_on,
            "checklist_item_id": item["id"]}


def failed_items(conn: sa.Connection, visit_ids: list[str]) -> dict[str, list[dict]]:
    """The items failed on each visit (results joined to their items), in checklist order."""
    r, i = ChecklistResult.__table__, ChecklistItem.__table__
    out: dict[str, list[dict]] = {}
    if not visit_ids:
        return out
    rows = conn.execute(sa.select(r.c.visit_id, r.c.note, i.c.text, i.c.text_en, i.c.category,
                                  i.c.position).select_from(r.join(i, i.c.id == r.c.item_id))
                        .where(r.c.visit_id.in_(visit_ids), r.c.deleted_at.is_(None),
                               r.c.outcome == ChecklistOutcome.FAIL)
                        .order_by(r.c.visit_id, i.c.position)).mappings()
    for row in rows:
        out.setdefault(row["visit_id"], []).append(dict(row))
    return out


__all__ = ["active_template", "checklist_to_work", "failed_items", "finding_text", "items_of",
           "result_id", "results_of", "save_checklist", "visit_checklist"]
