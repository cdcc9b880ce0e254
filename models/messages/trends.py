"""Messages of the comparison across campaigns (issue 15 §3): recording a unit's successor
(models/succession.py, `fieldinspect unit merge`)."""

MESSAGES = {
    # Refusals (Problem / AppError codes)
    "succession_hq_only": "Only HQ records a unit's successor.",
    "succession_unknown_unit": "No unit {unit}.",
    "succession_ambiguous_unit": "{count} units answer to {unit}: give more of its path "
                                 "(e.g. township/unit).",
    "succession_same_unit": "A unit cannot succeed itself ({unit}).",
    "succession_cycle": "{new} already leads back to {old}: the successions would go round "
                        "in a circle.",
    # Command line (desktop/cli/trend_commands.py)
    "help_unit": "Units at HQ: record that one unit lives on as another.",
    "help_unit_merge": "Record that unit OLD (merged or renamed) lives on as unit NEW; the "
                       "comparison with earlier campaigns counts OLD's history under NEW.",
    "unit_merge_recorded": "Recorded: {old} lives on as {new}.",
}
