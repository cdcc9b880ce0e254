"""Refusals of the unit liaison's own records (models/unit_reports.py, models/rules.py): its
receipt of a problem (签收), its extension requests (延期申请) and its rectification reports
(整改报告), and the photos attached to a report."""

MESSAGES = {
    # Who and what (models/unit_reports.py)
    "unit_device_only": "Only a unit liaison's device signs for problems, asks for extensions "
                        "and reports back.",
    "problem_not_for_unit": "That problem is not one of this unit's problems.",
    "problem_verified_closed": "This problem is verified and closed: nothing more can be sent "
                               "for it.",
    # The rules (models/rules.py: receipt_problems, extension_problems, report_problems)
    "already_signed": "This problem is already signed for.",
    "extension_pending": "An extension request for this problem is still waiting for HQ's "
                         "answer.",
    "extension_needs_reason": "give the reason for the extension",
    "extension_not_later": "the new deadline {requested} must be after the current deadline "
                           "({current})",
    "report_awaiting_acceptance": "A completed report of this problem is waiting for HQ's "
                                  "acceptance; send a new report after HQ answers.",
    "report_needs_what_done": "say what was done",
    "completed_in_future": "the completion date {completed} is after today ({today})",
    # A report's photos: their location and camera data are removed before they are kept
    "report_photo_not_cleanable": "{file}: only JPEG and PNG photos can be attached to a report "
                                  "(their location data is removed first)",
    "report_photo_damaged": "{file}: the photo is damaged; its location data cannot be removed",
}
