"""Messages of the rankings within each appraisal category, their bands and the appraisal
points (issue 15 §2; models/rankings.py, models.rules.band_problems)."""

MESSAGES = {
    # Row problems (Problem codes) on a campaign's band settings
    "band_percent_out_of_range": "Between 0 and 100 %.",
    "band_negative": "Not below 0.",
    # Refusals (AppError codes; HQ's outcome code too)
    "unit_category_hq_only": "Only HQ sets a unit's appraisal category; this device reads it.",
}
