"""Messages every part of the app may raise: refusals of the domain and row problems of
records typed in the window (models/rules.py, attachments, campaign settings)."""

MESSAGES = {
    # Refusals (AppError codes)
    "hq_setting": "Only HQ sets a campaign's weights and minimum sample; this device reads them.",
    "visit_assignment_hq_only": "Only HQ changes a visit's team and representatives.",
    "office_settings_hq_only": "Only HQ sets the office settings; this device reads them.",
    "reply_hq_only": "Only HQ records the reply to the complainant; this device reads it.",
    "extension_decision_hq_only": "Only HQ decides on an extension request; this device asks "
                                  "and reads the answer.",
    "report_review_hq_only": "Only HQ accepts or returns a rectification report; this device "
                             "reports and reads the answer.",
    # Row problems (Problem codes)
    "reply_needs_contact": "A reply can only be recorded for a problem from an opinion whose "
                           "author left a contact.",
    "reply_needs_view": "Record the complainant's view of the handling with the reply.",
    "secret_visit_needs_unit": "A secret visit needs a unit.",
    "secret_visit_needs_team": "A secret visit needs a team.",
    "secret_visit_needs_representatives": "A secret visit needs the representatives who go.",
    "finding_needs_description": "Describe what was found.",
    "verify_needs_measures": "Write down the measures taken before verifying.",
    "weight_out_of_range": "A weight lies between {low} and {high}.",
    "weight_above_previous": "Must not exceed the weight of the level above ({limit}).",
    "min_sample_too_small": "At least {minimum}.",
    "too_long": "Too long: {length} characters; at most {limit} fit here.",
    "not_a_photo": "{file} is not a photo (JPEG, PNG, HEIC, WebP, GIF or BMP).",
}
