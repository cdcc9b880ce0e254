"""What the command line itself says (desktop/cli): its own failures and its result lines."""

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
}
