"""What the record imports of issue 17 §1 say (models/imports/record_rows.py and its kinds:
opinions, visits, findings, criticisms, accountability cases): who may import them, a visit a
row names that is not there, and what the import did. Rendered as the other import messages
are (`FILE:ROW: column: sentence`)."""

MESSAGES = {
    # Who may import a kind (docs/authorization.md)
    "import_field_records_not_here": "Visits, findings and criticisms are imported at HQ or on "
                                     "a representative's laptop, not on this device.",
    "import_accountability_hq_only": "Only HQ imports accountability cases.",
    "import_opinions_not_here": "Opinions are imported at HQ, at the office or on a "
                                "representative's laptop, not on this device.",
    # A row (models/imports/record_rows.py and the kinds' modules)
    "import_unit_empty": "the unit is empty",
    "import_date_empty": "the date is empty",
    "not_a_date_time": "'{value}' is not a time of the form YYYY-MM-DD HH:MM",
    "import_opinion_empty": "the opinion's text is empty",
    "import_unknown_team": "no inspection team is called '{name}'",
    "import_visit_other_team": "this laptop imports visits of its own team only, not of "
                               "'{name}'",
    "import_unknown_representative": "no representative of the visit's team is called "
                                     "'{name}'",
    "import_representative_ambiguous": "several representatives are called '{name}': name "
                                       "the visit's team",
    "import_secret_visit_hidden": "a planned secret visit imported on this laptop must name "
                                  "its own representative, or the laptop would not show it",
    "import_visit_not_found": "no visit of {unit} on {date}",
    "import_visit_ambiguous": "{unit} had several visits on {date} ({kinds}): give the "
                              "visit's kind",
    "import_finding_needs_visit_date": "give the date of the visit (or of the finding)",
    "import_visit_has_no_finding": "the visit of {unit} on {date} has no finding to tie the "
                                   "criticism to",
    "import_visit_findings_ambiguous": "the visit of {unit} on {date} has several findings: "
                                       "leave its date out to record the criticism alone",
    "import_unknown_ledger_no": "no problem has the ledger number {number}",
    "import_ledger_no_ambiguous": "several problems have the ledger number {number}",
    "import_case_needs_person": "a case about a person names the person",
    "import_case_needs_unit": "a case about a unit names the unit",
    # What the import did (models/imports/common.ImportReport)
    "imported_opinions": "imported {count} opinions",
    "imported_visits": "imported {count} visits",
    "imported_findings": "imported {count} findings",
    "imported_criticisms": "imported {count} criticisms",
    "imported_accountability": "imported {count} accountability cases",
}
