"""Refusals of the local store (models/store, models/profiles.py, models/demo.py) and of the
command line's passphrase prompts: a locked store, a wrong passphrase, a damaged key file, a
store written by a newer app, a record gone in the meantime."""

MESSAGES = {
    # The store's key (models/store/keys.py, database.py)
    "store_needs_new_passphrase": "A passphrase is needed to protect a new store.",
    "store_locked_no_passphrase": "The store is locked: give its passphrase "
                                  "(FIELDINSPECT_PASSPHRASE or the prompt).",
    "key_file_damaged": "The store's key file {path} is damaged or unreadable.",
    "device_key_missing": "This store's device key is not on this computer, so it cannot be "
                          "opened here (a copied data directory opens nothing). HQ can recover "
                          "it with the recovery key.",
    "wrong_passphrase": "Wrong passphrase: the store stays locked.",
    "store_key_refused": "The store at {path} cannot be opened with this key (wrong passphrase, "
                         "or not a FieldInspect store).",
    # The schema (models/store/schema.py)
    "store_too_new": "This store was written by a newer FieldInspect (schema {revision}; this "
                     "app knows up to {head}). Update the app to open it; nothing was changed.",
    # Writes (models/store/writes.py)
    "record_gone": "That record no longer exists: it was deleted in the meantime.",
    # Profiles and the demo data set (models/profiles.py, models/demo.py)
    "demo_needs_empty_store": "The demo data set only goes into an empty store; this one holds "
                              "records. Use a separate data directory.",
    # The command line's passphrase prompts (desktop/cli/context.py, security_commands.py)
    "cli_store_locked": "The store is locked: set FIELDINSPECT_PASSPHRASE or run in a terminal.",
    "cli_passphrases_differ": "The two passphrases differ; nothing was created.",
    "cli_secret_needed": "Set {variable} or run in a terminal.",
    "cli_entries_differ": "The two entries differ; nothing was done.",
}
