"""What a spreadsheet import says (models/imports): a file it cannot read, a column it lacks,
a row it refuses and what it did. The command line prints each problem as
``FILE:ROW: column: sentence`` in the user's language; the window's preview shows the same."""

MESSAGES = {
    # The file (models/imports/reading.py)
    "file_not_found": "no such file",
    "file_empty": "the file is empty",
    "file_encoding_unknown": "cannot be read: not a CSV or text file in {tried} showing the "
                             "expected column headers, nor an XLSX, XLS or ODS workbook",
    "file_unreadable": "cannot be read (not a CSV, XLSX, XLS or ODS file, or a damaged one)",
    "sheet_too_spread": "its sheet spreads over more than {limit} cells (a damaged or hostile "
                        "file?); keep only the rows and columns to import",
    "file_too_large": "holds {size_mb} MB of data, more than the {limit_mb} MB a file may hold "
                      "(a damaged or hostile file?); split it into smaller files",
    "too_many_rows": "has more than {limit} rows; split it into smaller files",
    "missing_column": "missing column (expected {column} or {aliases})",
    # A row (models/imports/common.py, evaluations.py, units.py, representatives.py)
    "unknown_unit": "unknown unit '{text}'",
    "unknown_unit_did_you_mean": "unknown unit '{text}'; did you mean {suggestions}?",
    "ambiguous_unit": "'{text}' is ambiguous: write the path, one of {paths}",
    "form_number_repeated": "form number {number} appears again (first on row {first_row})",
    "campaign_empty": "the campaign is empty",
    "unit_name_empty": "the unit's name is empty",
    "representative_name_empty": "the representative's name is empty",
    # What the import did (models/imports/common.ImportReport, desktop/cli/data_commands.py)
    "import_rejects_needs_skip": "--rejects goes with --skip-invalid",
    "import_cancelled": "The import was cancelled; nothing was saved.",
    "import_nothing_imported": "nothing was imported ({count} problems).",
    "imported_units": "imported {count} units",
    "imported_representatives": "imported {count} representatives",
    "imported_forms": "imported {count} forms",
    "import_skipped_existing": "{count} already present",
    "import_rejected_rows": "rejected {count} rows",
    "import_created_campaign": "created campaign '{name}' ({year})",
    "import_created_team": "created team '{name}'",
}
