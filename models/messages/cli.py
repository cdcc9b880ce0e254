"""What the command line itself says (desktop/cli): its own failures, its prompts and its
result lines. Scripts read some of these lines (`imported 2 forms`, the enrollment code on the
last line), so an English template changes only with the scripts that read it."""

MESSAGES = {
    "cli_interrupted": "Interrupted; nothing half-written was kept.",
    "cli_unexpected": "Unexpected error ({kind}); nothing half-written was kept. Details: {log}",
    "cli_unexpected_no_log": "Unexpected error ({kind}); nothing half-written was kept. No "
                             "details could be saved (no log folder could be written).",
    "window_missing_module": "The window cannot start: the Python module '{module}' is missing; "
                             "install it with: pip install {package}. Subcommands work without "
                             "it (see --help).",
    "window_missing_own_module": "The window cannot start: the Python module '{module}' is "
                                 "missing; reinstall FieldInspect. Subcommands work without it "
                                 "(see --help).",
    # Passphrases (desktop/cli/context.py, security_commands.py)
    "cli_prompt_passphrase": "Passphrase: ",
    "cli_prompt_new_passphrase": "New passphrase for this store: ",
    "cli_prompt_repeat_passphrase": "Repeat the passphrase: ",
    "cli_prompt_backup_passphrase": "Passphrase for the backup: ",
    "cli_prompt_backup_passphrase_to_open": "The backup's passphrase: ",
    "cli_prompt_repeat_it": "Repeat it: ",
    "cli_secret_no_terminal": "Set {variable} or run in a terminal.",
    # Option values argparse refuses (desktop/cli/context.py)
    "cli_not_one_of": "'{value}' is not one of {accepted}",
    "cli_not_a_date": "'{value}' is not a date (YYYY-MM-DD)",
    # import, stats, demo-data (the import summary: models/imports/common.ImportReport)
    "cli_no_such_campaign": "There is no campaign named '{name}'.",
    "demo_loaded": "demo data loaded: {units} units, {forms} forms, {opinions} opinions, "
                   "{visits} visits, {findings} findings",
    # The `stats` table's figures (their breakdowns are labelled by models.enums.LABELS)
    "stats_forms": "Evaluation forms",
    "stats_satisfaction": "Overall satisfaction",
    "stats_weighted_score": "Weighted score",
    "stats_duplicate_numbers": "Duplicate form numbers",
    "stats_units_evaluated": "Units evaluated",
    "stats_visits_done": "Visits done",
    "stats_planned": "(planned {count})",
    "stats_findings": "Findings",
    "stats_criticisms": "Criticisms",
    "stats_opinions": "Opinions",
    "stats_sorted": "(sorted {count})",
    "stats_problems": "Problems",
    "stats_investigated": "investigated",
    "stats_rectified": "rectified",
    "stats_overdue": "overdue",
    "stats_replied": "replied to the complainant",
    "stats_complainant_satisfaction": "complainants satisfied with the handling",
    "stats_cases": "Accountability cases",
    "stats_people_sanctioned": "people sanctioned",
    "stats_units_accountable": "units held accountable",
    # report
    "cli_files_written": "{count} file(s) written: {path}",
    "cli_assignment_nothing_new": "No unit has new problems to assign: no notice was written.",
    "cli_assigned": "{count} problem(s) now carry their assignment notice number; they reach "
                    "their unit at its next sync.",
    "cli_nothing_left_out": "No problem or opinion was left out by the campaign filter.",
    "cli_left_out": "{total} problem(s)/opinion(s) left out by the campaign filter: "
                    "{no_campaign} with no campaign, {other} of other campaigns (--campaign to "
                    "choose another).",
    "cli_circulation_unchecked": "Not checked against earlier notices: only a number from HQ "
                                 "(--hq-number) leaves out criticisms already circulated.",
    "cli_circulated_included": "Criticisms already circulated were included again "
                                "(--include-circulated).",
    "cli_circulated_left_out": "{count} criticism(s) already circulated in an earlier notice "
                               "left out (--include-circulated to circulate them again).",
    "cli_notice_period": "Publicity period: {start} to {end}.",
    "cli_notice_not_investigated": "{count} problems not yet investigated are left out "
                                   "(--include-uninvestigated to list them).",
    "cli_notice_all_statuses": "Problems of every status are listed, those not yet "
                               "investigated included.",
    # kiosk
    "cli_kiosk_no_supervisor_pin": "no supervisor profile with a PIN on this device, so kiosk "
                                   "mode could not be left; create one when setting up the "
                                   "terminal.",
    # serve, hq, enroll, sync (their plain result lines)
    "cli_prompt_hq_database_passphrase": "HQ database passphrase: ",
    "cli_prompt_hq_attachments_passphrase": "HQ attachments passphrase: ",
    "cli_serving": "FieldInspect HQ on http://{host}:{port} (API docs at /docs)",
    "cli_serving_tls": "FieldInspect HQ on https://{host}:{port} (API docs at /docs)",
    "cli_tls_needs_both": "HTTPS needs both a certificate and its key: give --certfile and "
                          "--keyfile (or FIELDINSPECT_TLS_CERTFILE and FIELDINSPECT_TLS_KEYFILE).",
    "cli_tls_file_missing": "The TLS file {path} cannot be read.",
    "cli_port_taken": "HQ cannot listen on {host}:{port}: another program is using that port, "
                      "or the address is not this computer's. Choose another --port or --host.",
    "cli_device_registered": "Device {name} ({role}) registered as {id}.",
    "cli_enrollment_code": "One-time enrollment code (expires {expires}):",
    "cli_column_label": "label",
    "cli_column_role": "role",
    "cli_column_team": "team",
    "cli_column_status": "status",
    "cli_column_last_sync": "last sync",
    "cli_device_never_synced": "never",
    "cli_device_audit_alarm": "AUDIT ALARM: {alarm}",
    "cli_device_replaces": "REPLACES: {label} ({id}), whose store this one was restored or "
                           "copied from",
    "cli_device_revoked": "Revoked device {label} ({id}); its next call is refused.",
    "cli_device_retiring": "Device {label} ({id}) will wipe itself after its next full sync.",
    "cli_enrolled": "Enrolled with {server} as a {role} device ({label}, {id}).",
    "cli_synced": "Pushed {pushed}, pulled {pulled}, rejected {rejected}, conflicts "
                  "{conflicts}.",
    # audit, backup, restore, recover, recovery-key
    "cli_head_format": "--head takes SEQ:HASH",
    "cli_audit_intact": "audit chain intact: {checked} entries, head {head}",
    "cli_backup_written": "backup written: {path} ({size} bytes)",
    "cli_restored": "restored {count} files into {path}",
    "cli_restored_enroll_again": "This store syncs only after it enrolls again: ask HQ for a "
                                 "new enrollment code, then run `fieldinspect enroll`. "
                                 "Its unsent changes are kept.",
    "cli_store_recovered": "store recovered: it now opens with the new passphrase",
    "cli_exists_not_overwritten": "{path} exists; not overwritten",
    "cli_recovery_key_installed": "recovery key installed: {fingerprint}",
}
