"""Messages of the rectification loop's edges (issue 14): a reminder run with nothing due, a
report photo HQ refused and the device held back, and the unit a device is enrolled for."""

MESSAGES = {
    "cli_column_unit": "unit",
    # A report photo HQ refused: held back on the device, the rest of the sync goes on.
    "hq_entry_photo_metadata": "Held back on this device: HQ refused the photo because it "
                               "still carries location or camera data. Take it off the report "
                               "and attach it again.",
    "hq_entry_photo_format": "Held back on this device: HQ takes only JPEG or PNG photos from a "
                             "unit's device. Take it off the report and attach a JPEG or PNG "
                             "photo.",
    "reminder_nothing_due": "No unit has problems overdue or due soon: no reminder was written.",
}
