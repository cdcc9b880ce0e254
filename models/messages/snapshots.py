"""What a new device's first sync by snapshot can say (issue 18 §1, sync/client/snapshot.py).
The engine falls back to ordinary pulls on these refusals; the text is there for a device that
reports it (the command line's `--json`, the log) in the user's language."""

MESSAGES = {
    "hq_snapshot_not_new": "HQ sends a snapshot only to a device that has sent it nothing yet; "
                           "this device pulls its records one page at a time instead.",
    "hq_snapshot_other_schema": "HQ's snapshot is made for another version of the app; this "
                                "device pulls its records one page at a time instead.",
}
