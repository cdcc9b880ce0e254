"""What `fieldinspect profile …` says (desktop/cli/profile_commands.py, models/profile_admin.py):
its help, its prompts, what it did and why it refused. The rules' own refusals (a PIN too
short, the last supervisor) are the window's, in records.py."""

MESSAGES = {
    "help_profile": "the people who use this device: add, list, remove, set a PIN",
    "help_profile_add": "add a profile (its PIN from FIELDINSPECT_PIN or a prompt)",
    "help_profile_list": "list the profiles, their roles and whether each has a PIN",
    "help_profile_remove": "remove a profile (what it wrote keeps its name)",
    "help_profile_set_pin": "set a profile's PIN (from FIELDINSPECT_PIN or a prompt)",
    "profile_prompt_supervisor_pin": "PIN of supervisor {name}: ",
    "profile_prompt_new_pin": "New PIN for {name}: ",
    "profile_prompt_repeat_pin": "The same PIN again: ",
    "profile_pins_differ": "The two PINs differ; nothing was changed.",
    "profile_pin_not_given": "No PIN given: set {variable} or run the command at a terminal.",
    "profile_change_which_supervisor": "Several supervisors have a PIN ({names}): say which one "
                                       "is changing profiles with --user NAME.",
    "profile_change_needs_supervisor": "'{name}' cannot change profiles: only a supervisor with "
                                       "a PIN can.",
    "profile_added": "added profile '{name}' ({role})",
    "profile_removed": "removed profile '{name}'",
    "profile_pin_changed": "set the PIN of '{name}'",
    "profile_col_name": "Name",
    "profile_col_role": "Role",
    "profile_col_pin": "PIN",
    "profile_col_state": "State",
    "profile_has_pin": "set",
    "profile_has_no_pin": "none",
    "profile_locked": "locked after wrong PINs",
    "opt_kiosk_self_test": "start the kiosk, then close it and exit 0 (checks a set-up)",
}
