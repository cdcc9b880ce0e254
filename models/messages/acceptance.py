"""Messages of HQ's answers to a unit (issue 14 §2): accepting or returning a rectification
report, approving or refusing a request for a later deadline (models/acceptance.py), and the
answer fields only HQ sets (models/services._check_hq_fields)."""

MESSAGES = {
    # Refusals (AppError codes)
    "report_already_reviewed": "This report has already been answered.",
    "report_not_completed": "Only a report that says the rectification is completed can be "
                            "accepted.",
    "extension_already_decided": "This request has already been decided.",
    # Row problems (Problem codes)
    "return_needs_reason": "Say why the report is returned.",
    "refusal_needs_reason": "Say why the request is refused.",
}
