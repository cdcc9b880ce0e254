"""Messages of the checklists on site (issue 16 §2): models/checklists.py, models/checklist_admin.py
and HQ's refusal of a template pushed by any other device (sync/server/scope.py)."""

MESSAGES = {
    "checklist_hq_only": "Only HQ writes checklist templates; this device reads them.",
    "checklist_item_unknown": "This item is not in the visit's checklist.",
    "checklist_needs_items": "A checklist needs at least one item.",
    "checklist_none_for_kind": "There is no checklist for this kind of unit.",
    "checklist_visit_needs_unit": "Choose the visit's unit first: the checklist follows the "
                                  "unit's kind.",
    "checklist_saved": "Checklist saved: {made} findings made, {removed} removed.",
    "sync_table_checklist_template": "checklist template",
    "sync_table_checklist_item": "checklist item",
    "sync_table_checklist_result": "checklist result",
}
