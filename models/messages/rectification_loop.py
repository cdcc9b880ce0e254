"""Messages of the rectification loop's edges (issue 14): a reminder run with nothing due, a
report photo HQ refused and the device held back, and the unit a device is enrolled for."""

MESSAGES = {
    "cli_column_unit": "unit",
    "reminder_nothing_due": "No unit has problems overdue or due soon: no reminder was written.",
}
