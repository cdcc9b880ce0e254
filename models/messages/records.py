"""Refusals and row problems of the records people key (models/rules.py, services.py,
batches.py, timeutil.py, enums.py) and of the device's profiles (models/profile_admin.py):
the same rule speaks the same sentence in the window, the importer, the command line and HQ."""

MESSAGES = {
    # Row problems of a record (Problem codes; models/rules.py, services.py)
    "reason_required": "a reason is required when the level is dissatisfied",
    "criticism_needs_person": "name the person criticised",
    "criticism_needs_unit": "name the unit the person works in",
    "deadline_before_report": "the deadline {deadline} is before the problem was reported "
                              "({reported})",
    "reopen_needs_reason": "give the reason for reopening",
    "status_change_only": "use change_problem_status to move a problem",
    "duplicate_form_number": "form number {number} was already entered on {when} by {who}",
    "void_needs_reason": "give the reason for voiding the form",
    "invalid_value": "this value cannot be stored here",
    "field_required": "a value is required here",
    # A text read as a value (models/enums.parse_enum, models/timeutil.parse_date)
    "not_one_of": "'{value}' is not one of {accepted}",
    "not_a_date": "'{value}' is not a date of the form YYYY-MM-DD",
    # The problem workflow (models/rules.check_status_change)
    "verified_is_final": "A verified problem is closed and cannot be reopened.",
    "reopen_needs_supervisor": "Only a supervisor can reopen a problem (move it back a step).",
    # Keying batches and their second keying (models/batches.py)
    "batch_not_found": "That batch no longer exists.",
    "batch_closed": "This batch is closed; open a new batch to key more forms.",
    "form_not_in_batch": "That form is not in this batch.",
    "batch_open": "Close the batch before it is verified.",
    "batch_verified": "This batch is already verified.",
    "same_keyer": "The second keying must be done by another clerk than the first.",
    "verify_needs_form_no": "type the form number printed on the form",
    "verify_needs_level": "choose the level ticked on the form",
    "nothing_keyed": "Nothing was re-keyed yet.",
    "difference_not_found": "That difference no longer exists.",
    "nothing_to_correct": "Only a form keyed twice can take the second keying.",
    "unknown_resolution": "unknown resolution '{resolution}'",
    "sample_needs_supervisor": "Only a supervisor chooses the verification sample.",
    "settle_needs_supervisor": "Only a supervisor settles keying differences.",
    # The kiosk's campaign and unit (models/batches.find_campaign, find_unit)
    "kiosk_campaign_not_found": "There is no campaign named '{name}'.",
    "kiosk_no_open_campaign": "No campaign is open: open one (or name one with --campaign).",
    "kiosk_unit_not_found": "There is no unit named '{name}' on this device.",
    "kiosk_unit_ambiguous": "Several units are named '{name}'; the kiosk needs one.",
    # The device's profiles (models/profile_admin.py)
    "profile_needs_name": "give the person's name",
    "profile_pin_too_short": "a PIN is at least {minimum} digits",
    "profile_role_not_on_device": "a {device_role} device has no {role} profiles",
    "profile_name_taken": "there is already a profile named '{name}'",
    "profile_not_found": "there is no profile named '{name}'",
    "remove_profile_needs_supervisor": "Only a supervisor can remove a profile.",
    "remove_self": "You cannot remove your own profile.",
    "last_manager": "The last profile that can manage the others stays.",
    "pin_needs_supervisor": "Only a supervisor can set another person's PIN.",
    # Lists written to a file (models/exports.py)
    "export_needs_extension": "choose a file name ending in .xlsx or .csv",
    "export_cancelled": "The export was cancelled; no file was written.",
}
