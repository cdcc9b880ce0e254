"""Messages of the assignment of problems (交办, issue 14 §1): HQ makes a problem from findings,
records where a problem came from, and alone sets what the unit is told."""

MESSAGES = {
    "assignment_hq_only": "Only HQ assigns a problem to its unit; this device reads the "
                          "assignment.",
    "problem_sources_hq_only": "Only HQ makes problems from findings and records where a problem "
                               "came from.",
    "source_not_found": "The record this problem would come from is not on this device, or "
                        "was deleted.",
    "source_form_not_dissatisfied": "Only a dissatisfied form's reason can be a problem's "
                                    "source.",
    "assignment_needs_unit": "Name the unit that is to rectify the problem.",
    "assignment_needs_text": "A secret visit's finding: write what the unit reads instead of the "
                             "description.",
}
