"""What the imports of issue 17 §1 say: a rectification ledger (models/imports/problems.py),
the source of imported forms (`import evaluations --source`) and a respondent group that does
not fit its unit (batch entry and import alike). Rendered as the other import messages are
(`FILE:ROW: column: sentence`)."""

MESSAGES = {
    # A rectification ledger (models/imports/problems.py)
    "ledger_no_empty": "the ledger number is empty",
    "ledger_no_repeated": "ledger number {number} appears again (first on row {first_row})",
    "problem_description_empty": "the problem's description is empty",
    "unknown_campaign": "no campaign is called '{name}'",
    "imported_problems": "imported {count} problems",
    "import_updated_problems": "updated {count} problems",
    # import evaluations --source (desktop/cli/data_commands.py)
    "opt_import_source": "evaluations: how the forms were collected (paper, online or kiosk; "
                         "default paper)",
    "import_source_needs_evaluations": "--source goes with import evaluations",
    # A respondent group that does not fit its unit (models/rules.group_fit_problems)
    "parents_need_school": "parents rate a school or a unit under a school, not this unit",
    "patients_need_hospital": "patients rate a hospital or a unit under a hospital, not this "
                              "unit",
}
