"""The demo's checklists (issue 16 §2): the done secret and open visits of units with a shipped
checklist were worked through with it, and each of their findings that a checklist item covers
is that item's failure (`checklist_item_id`), so the demo reads as the rule leaves a store: one
finding per failed item. Nothing else of the demo changes: no finding is added, and the
outcomes draw on a random stream of their own (the demo's totals stay as docs/demo.md says).
"""

import random

from models.checklist_defaults import DEFAULTS, item_id, template_id
from models.checklist_tables import ChecklistOutcome as O
from models.enums import UnitKind, VisitKind, VisitStatus
from models.ids import natural_id


def link_checklists(seed: int, visits: list[dict], findings: list[dict],
                    units: list[dict]) -> list[dict]:
    """The checklist results of the demo's visits; sets `checklist_item_id` on the findings
    they fail."""
    rng = random.Random(f"checklists-{seed}")
    kinds = {u["id"]: u["kind"] for u in units}
    by_visit: dict[str, list[dict]] = {}
    for f in findings:
        by_visit.setdefault(f["visit_id"], []).append(f)
    results = []
    for v in visits:
        kind = kinds.get(v["unit_id"])
        if v["status"] != VisitStatus.DONE or v["kind"] not in (VisitKind.SECRET, VisitKind.OPEN) \
                or kind not in {k.value for k in DEFAULTS}:
            continue
        results.extend(_worked_through(rng, v, UnitKind(kind), by_visit.get(v["id"], [])))
    return results


def _worked_through(rng: random.Random, visit: dict, kind: UnitKind,
                    found: list[dict]) -> list[dict]:
    items = DEFAULTS[kind][2]
    failed: set[int] = set()
    for f in found:
        n = next((i for i, (_zh, _en, category) in enumerate(items)
                  if category == f["category"] and i not in failed), None)
        if n is not None:
            failed.add(n)
            f["checklist_item_id"] = item_id(kind, n)
    rows = []
    for n in range(len(items)):
        outcome = O.FAIL if n in failed else (O.NOT_APPLICABLE if rng.random() < 0.08
                                                else O.PASS)
        rows.append({"id": natural_id("checklist_result", visit["id"], item_id(kind, n)),
                     "visit_id": visit["id"], "template_id": template_id(kind),
                     "item_id": item_id(kind, n), "outcome": outcome.value, "note": ""})
    return rows


__all__ = ["link_checklists"]
