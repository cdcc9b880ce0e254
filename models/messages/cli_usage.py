"""The command line's usage text: its `--help` lines and argparse's own words.

``HELP`` is what `fieldinspect --help` shows: the program's description, the global options
and each subcommand's one-line help; ``OPTIONS`` is each subcommand's options' help
(`fieldinspect report --help`). desktop/cli builds its parsers with these, in the language
chosen before parsing. Option names, metavars and choices stay as typed (`--out PATH`).

``ARGPARSE`` holds the argparse strings a user can meet (usage errors, the help's headings):
each template is argparse's own English msgid, character for character, with its ``%s`` /
``%(name)s`` placeholders, because argparse looks it up by that text through its ``_()``
(desktop/cli/usage.py installs the look-up). Python 3.11's argparse; a msgid reworded in a later
Python simply stays English until its template here follows.
"""

HELP = {
    "help_description": "FieldInspect: the inspection office's records, documents and sync "
                        "with HQ. Without a command it opens the window.",
    "help_data_dir": "the device's data directory",
    "help_user": "the profile acting (default: the device's first)",
    "help_lang": "the language of messages: zh_CN or en (default: from LC_ALL, LC_MESSAGES, "
                 "LANG)",
    "help_import": "import units, representatives, evaluation forms, problems, opinions, "
                   "visits, findings, criticisms or accountability records",
    "help_stats": "the county's figures",
    "help_demo_data": "fill an empty store with a county-sized demo set",
    "help_report": "write the ledger, notices, feedback, summary, rankings, the overdue list "
                   "or the reminders",
    "help_kiosk": "run the satisfaction kiosk full screen at a window",
    "help_serve": "run the HQ server",
    "help_hq": "administer HQ: devices",
    "help_hq_enroll_device": "register a device; print its code",
    "help_hq_list_devices": "devices known to HQ",
    "help_hq_revoke_device": "revoke a device (id or label)",
    "help_hq_retire_device": "retire a handed-back device: it pushes everything, HQ confirms, "
                             "then it wipes itself",
    "help_enroll": "enroll this device with HQ using a one-time code",
    "help_sync": "push this device's changes to HQ, then pull",
    "help_audit": "check the tamper-evident audit chain",
    "help_audit_verify": "report the first broken link, if any",
    "help_backup": "write an encrypted backup of this store",
    "help_restore": "restore a backup into an empty data directory",
    "help_recover": "re-open a store with HQ's recovery key",
    "help_recovery_key": "HQ's recovery key pair (escrow)",
    "help_recovery_key_generate": "make HQ's key pair (keep the private file offline)",
    "help_recovery_key_install": "seal this store's key to HQ's public key",
    "help_idle_lock": "show or set the minutes before the window locks",
}

# Each subcommand's options (their help)
OPTIONS = {
    "opt_import_skip_invalid": "import the valid rows and report the rejected ones",
    "opt_import_rejects": "with --skip-invalid: write rejected rows here with an error column",
    "opt_kiosk_unit": "the service window rated",
    "opt_kiosk_campaign": "default: the open campaign",
    "opt_kiosk_windowed": "not full screen (for set-up)",
    "opt_report_out": "the file to write (a folder for unit-feedback, reminder and assignment)",
    "opt_report_format": "default: the extension of PATH",
    "opt_report_campaign": "default: the latest campaign (county-summary, overdue, reminder: all)",
    "opt_report_unit": "a unit and the units under it",
    "opt_report_status": "problem status (repeatable): {values}",
    "opt_report_overdue": "only problems past their deadline",
    "opt_report_from": "problems reported from DATE (ledger, notice, overdue); criticisms decided "
                       "from DATE (criticism-notice); the period (county-summary)",
    "opt_report_to": "... up to DATE",
    "opt_report_ids": "criticism-notice: these circulated criticisms",
    "opt_report_number": "criticism-notice: the number HQ assigned ({example}); without it the "
                         "number is left blank for HQ to fill in",
    "opt_report_hq_number": "criticism-notice, exposure, reminder (one per unit notice): ask HQ for the "
                            "next number of the year (enrolled office or HQ device); HQ leaves "
                            "out the criticisms an earlier notice already circulated",
    "opt_report_include_circulated": "criticism-notice with --hq-number: circulate again the "
                                     "criticisms an earlier notice already circulated",
    "opt_report_prefix": "number prefix ({example})",
    "opt_report_office": "issuing office ({example})",
    "opt_report_as_of": "default: today",
    "opt_report_within": "overdue: also list deadlines within DAYS",
    "opt_report_publicity_days": "notice: the publicity period, DAYS from the issue date "
                                 "(default {default})",
    "opt_report_include_uninvestigated": "notice: also list problems not yet investigated "
                                         "(status open)",
    "opt_report_kind": "what to write; visit-round: the visit-round report for the visits "
                       "--from DATE --to DATE (default: this year to date), its "
                       "problems only from --campaign when given, numbered by --number",
    "opt_audit_head": "a head recorded elsewhere (e.g. HQ)",
    "opt_serve_workers": "worker processes (PostgreSQL only)",
    "opt_serve_certfile": "answer on https with this PEM certificate (chain); needs --keyfile",
    "opt_serve_keyfile": "the PEM private key of --certfile",
    "opt_enroll_server": "HQ's address, e.g. {example}",
    "opt_enroll_name": "a label for this device",
    "opt_hq_device_name": "a label for the device",
    "opt_database_url": "{example} (default: an encrypted SQLite database in the data directory)",
}

ARGPARSE = {
    "argparse_usage": "usage: ",
    "argparse_positionals": "positional arguments",
    "argparse_options": "options",
    "argparse_help": "show this help message and exit",
    "argparse_argument": "argument %(argument_name)s: %(message)s",
    "argparse_required": "the following arguments are required: %s",
    "argparse_unrecognized": "unrecognized arguments: %s",
    "argparse_invalid_choice": "invalid choice: %(value)r (choose from %(choices)s)",
    "argparse_invalid_value": "invalid %(type)s value: %(value)r",
    "argparse_expected_one": "expected one argument",
    "argparse_expected_at_most_one": "expected at most one argument",
    "argparse_expected_at_least_one": "expected at least one argument",
    "argparse_ambiguous": "ambiguous option: %(option)s could match %(matches)s",
    "argparse_ignored_explicit": "ignored explicit argument %r",
}

MESSAGES = {**HELP, **OPTIONS, **ARGPARSE}
