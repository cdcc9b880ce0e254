"""What sync says to a person: why HQ could not be reached or refused a call (the typed
failures of `sync.client.hq_client`), HQ's refusals of a call by their wire code, and HQ's
per-entry outcomes (a pushed change HQ refused, kept as a sync issue).

Codes here start with ``hq_`` or ``sync_`` so that HQ's short wire codes (``forbidden``,
``busy``) never collide with another area's: a refusal HQ answers with code ``busy`` renders as
``hq_busy`` (`sync.client.failures.message_code`), a per-entry outcome ``role`` as
``hq_entry_role`` unless it is a domain rule's own code (models/messages/general.py).
HQ's own English sentences stay in its answers and its log.
"""

MESSAGES = {
    "sync_duplicate_needs_supervisor": "Only a supervisor settles duplicate form numbers.",
    # The device's own failures to talk to HQ.
    "hq_unreachable": "HQ cannot be reached at {url}. Check the network and HQ's address; "
                      "nothing was lost, the changes go at the next sync.",
    "hq_unavailable": "HQ at {url} is unavailable for now (HTTP {status}); nothing was lost, "
                      "try again later.",
    "hq_untrusted": "HQ at {url} showed a security certificate this device cannot verify, so "
                    "nothing was sent. If HQ uses the office's own certificate authority, set "
                    "FIELDINSPECT_CA_FILE to its CA file (docs/tls.md).",
    "hq_ca_file_unreadable": "The certificate authority file {path} (FIELDINSPECT_CA_FILE) "
                             "cannot be read as PEM certificates; nothing was sent.",
    "hq_not_enrolled": "This device is not enrolled with an HQ server.",
    "hq_no_credential": "This device holds no HQ credential: enroll it first.",
    "hq_device_retired": "HQ confirmed it holds every record; this device was retired and "
                         "wiped.",
    "hq_demo_store": "This store holds demo data and can never enroll with HQ (demo figures "
                     "must not reach real statistics).",
    "hq_refused": "HQ refused the request (code {code}); nothing was changed.",
    "sync_cancelled": "Sync was cancelled; what was already exchanged is kept.",
    "restored_store": "This store was restored from a backup, so it no longer syncs as the "
                      "device it was backed up from. Enroll it again with a new enrollment "
                      "code from HQ; its unsent changes are kept and go to HQ after that.",
    "sequence_reused": "HQ already holds different changes under this device's numbers: this "
                       "store is a copy of another (restored or copied), so it no longer syncs "
                       "as that device. Nothing was lost: the changes HQ refused are kept here "
                       "and listed as sync issues. Enroll it again with a new enrollment code "
                       "from HQ, then sync.",
    # HQ's refusals of a call, by wire code ("hq_" + the code HQ answers).
    "hq_schema_missing": "HQ needs to know this app's version; update the app.",
    "hq_update_app": "This app is too old for HQ (HQ accepts versions {minimum} to {newest}): "
                     "update the app, then sync again. Nothing was changed.",
    "hq_update_hq": "HQ runs an older version than this app (HQ accepts versions {minimum} to "
                    "{newest}): ask HQ to update the server. Nothing was changed.",
    "hq_invalid_request": "HQ could not read the request; nothing was changed.",
    "hq_forbidden": "This device may not do that at HQ.",
    "hq_invalid": "HQ does not know this device (or its access); enroll it again.",
    "hq_expired": "The access to HQ has expired; sync again.",
    "hq_revoked": "HQ has revoked this device; it no longer syncs.",
    "hq_invalid_code": "This enrollment code is unknown or already used.",
    "hq_expired_code": "This enrollment code has expired; ask HQ for a new one.",
    "hq_already_enrolled": "This data directory is already enrolled with HQ.",
    "hq_too_large": "Too large for HQ: more than {limit} bytes in one request.",
    "hq_sequence_gap": "HQ expected change number {expected} next; sync again.",
    "hq_bad_batch": "HQ refused a malformed batch of changes; nothing was changed.",
    "hq_resync": "HQ no longer has what this device last received: push the changes, then "
                 "fetch everything from HQ again.",
    "hq_invalid_data": "HQ's database refused this data; nothing was written.",
    "hq_busy": "HQ is busy; try again shortly.",
    "hq_bad_hash": "An attachment is named by its SHA-256 fingerprint; this name is not one.",
    "hq_unknown_blob": "HQ has no such attachment for this device.",
    "hq_attachment_upload_forbidden": "This device may not upload attachments.",
    "hq_attachment_too_large": "The attachment is too large for HQ (at most {limit} bytes).",
    "hq_wrong_offset": "HQ has received {received} bytes of this attachment; the upload "
                       "resumes there.",
    "hq_too_much": "More bytes arrived than the attachment was announced with.",
    "hq_incomplete": "Only {received} bytes of the attachment arrived; the upload resumes.",
    "hq_hash_mismatch": "The attachment's bytes do not match its fingerprint; it is sent or "
                        "fetched again at the next sync.",
    "hq_photo_format": "HQ takes only JPEG or PNG photos from a unit's device.",
    "hq_photo_metadata": "HQ refused the photo: it still carries location or camera data. "
                         "Attach it again on this device, which removes them.",
    "hq_device_unknown": "No device is known by '{key}'.",
    "hq_device_ambiguous": "'{key}' names {count} devices; use the id from hq list-devices.",
    "hq_device_not_active": "'{key}' is {status}, not active.",
    "hq_conflict_unknown": "HQ has no such conflict.",
    "hq_role_unknown": "'{role}' is not a kind of device ({roles}).",
    "hq_kiosk_needs_unit": "A kiosk names the unit it serves (--unit).",
    "hq_unit_device_needs_unit": "A unit liaison's device names its unit (--unit); it receives "
                                 "the problems of that unit and its sub-units.",
    "hq_representative_needs_name": "A representative device names its representative "
                                    "(--representative).",
    "hq_representative_ambiguous": "{count} representatives are named '{name}'.",
    "hq_representative_unknown": "HQ does not know '{name}'; give --team to register them.",
    "hq_unit_ambiguous": "{count} units are named '{key}'; give its path.",
    "hq_unit_unknown": "HQ does not know the unit '{key}'; sync the unit list first.",
    "hq_database_url": "Use postgresql+psycopg://... or sqlite:///DIRECTORY.",
    "hq_database_locked": "The HQ database is locked: set FIELDINSPECT_PASSPHRASE.",
    "hq_attachments_locked": "HQ's attachments are locked: set FIELDINSPECT_PASSPHRASE.",
    "hq_attachment_key_part_missing": "The device part of HQ's attachment key ({path}) is not "
                                      "on this computer (the keyring or FIELDINSPECT_KEY_DIR), "
                                      "so the attachments cannot be opened here: a copied blob "
                                      "directory opens nothing.",
    "hq_attachment_key_file_missing": "HQ's attachment key file {path} is missing, so its "
                                      "sealed attachments cannot be opened: restore the file "
                                      "from a backup.",
    "hq_upload_part_damaged": "A part of this upload is damaged.",
    # What `fieldinspect sync` prints.
    "sync_cli_refused": "Refused by HQ: {table} {row}: {reason}",
    "sync_cli_held_back_too_large": "Held back, not at HQ: {table} {row}: {size} MB, over the "
                                    "{limit} MB one record may take in a push. Shorten its "
                                    "longest text; it is sent with that change.",
    "sync_cli_held_back_refused": "Held back, not at HQ: {table} {row}: HQ refused it. Correct "
                                  "it; it is sent with that change.",
    "sync_unexpected": "Sync stopped on an unexpected error; it was written to the log.",
    # The kinds of record a refusal names (the command line's `sync_cli_refused`).
    "sync_table_evaluation": "evaluation form",
    "sync_table_visit": "visit",
    "sync_table_finding": "finding",
    "sync_table_problem": "problem",
    "sync_table_opinion": "opinion",
    "sync_table_unit": "unit",
    "sync_table_campaign": "campaign",
    "sync_table_team": "inspection team",
    "sync_table_representative": "representative",
    "sync_table_personnel_criticism": "criticism",
    "sync_table_accountability_case": "accountability case",
    "sync_table_attachment": "attachment",
    "sync_table_office_settings": "office settings",
    "sync_table_problem_source": "problem source",
    "sync_table_problem_receipt": "receipt of an assignment",
    "sync_table_extension_request": "extension request",
    "sync_table_rectification_report": "rectification report",
    # HQ's per-entry outcomes: a pushed change HQ refused ("hq_entry_" + the outcome's code).
    "hq_entry_refused": "HQ refused this change.",
    "hq_entry_role": "This kind of device may not make this change.",
    "hq_entry_not_in_scope": "This device may not read or change this record.",
    "hq_entry_other_team": "A representative creates visits for their own team only.",
    "hq_entry_representative_outside_team": "The visit names representatives outside your "
                                            "team.",
    "hq_entry_attachment_owner": "This device may not attach files to this kind of record.",
    "hq_entry_kiosk_unit": "A kiosk records forms for its own unit only.",
    "hq_entry_unknown_table": "HQ does not know this kind of record; update HQ.",
    "hq_entry_not_found": "HQ does not hold this record.",
    "hq_entry_invalid": "HQ cannot take this value.",
    "hq_entry_too_long": "Too long for HQ.",
    "hq_entry_out_of_range": "This date or time lies outside what HQ takes (years 1900 to "
                             "2999).",
    "hq_entry_validation": "HQ's rules refused this record; correct it and it is sent with that "
                           "change.",
    "hq_entry_too_large": "Held back on this device: over the {limit} bytes one record may take "
                          "in a push. Shorten its longest text; it is sent with that change.",
    "hq_entry_held_back": "Held back on this device after HQ refused it. Correct it; it is sent "
                          "with that change.",
}
