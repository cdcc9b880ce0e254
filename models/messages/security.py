"""Refusals of the device's protections (models/security): the recovery key and its escrow,
backups, sealed attachments, the lockout of wrong PINs and passphrases, the keys kept outside
the data directory, a wiped device, and who may change the security settings."""

MESSAGES = {
    # HQ's recovery key and the escrow file (models/security/escrow.py)
    "recovery_key_not_public": "That is not an HQ recovery public key.",
    "recovery_key_not_x25519": "The HQ recovery key must be an X25519 key.",
    "recovery_key_unreadable": "The recovery key cannot be read (wrong file or password).",
    "recovery_private_key_not_x25519": "The recovery key must be an X25519 key.",
    "recovery_key_other_hq": "This store was sealed to a different HQ recovery key.",
    "escrow_damaged": "The escrow file is damaged.",
    "escrow_missing": "This store has no escrow file: it cannot be recovered.",
    "recovery_needs_passphrase": "Give the new passphrase for the recovered store.",
    # Backups (models/security/backup.py)
    "backup_needs_passphrase": "A backup needs a passphrase to protect it.",
    "backup_cut_short": "The backup file is cut short.",
    "backup_damaged": "The backup file is damaged or was altered.",
    "backup_not_a_backup": "That file is not a FieldInspect backup.",
    "backup_wrong_passphrase": "Wrong passphrase for this backup.",
    "backup_unexpected_name": "The backup holds an unexpected file name '{name}'; nothing "
                              "restored.",
    "backup_target_not_empty": "{folder} already holds a store; restore into an empty folder.",
    # Sealed attachments (models/security/blobs.py, published.py)
    "attachment_ref_not_hash": "That attachment reference is not a SHA-256 hash.",
    "attachment_hash_mismatch": "The attachment's bytes do not match its hash; nothing was kept.",
    "attachment_not_here": "That attachment is not on this device yet.",
    "attachment_damaged": "The attachment file is damaged.",
    "attachment_replaced": "The attachment file is damaged or was replaced.",
    "photo_not_cleanable": "Only JPEG and PNG photos can be cleaned for publication.",
    "jpeg_damaged": "The JPEG file is damaged.",
    # Who may change what (models/security/settings.py, roles.py)
    "idle_lock_needs_supervisor": "Only a supervisor or HQ sets the idle lock.",
    "idle_lock_out_of_range": "Between {low} and {high} minutes.",
    "download_cap_needs_supervisor": "Only a supervisor or HQ sets attachment downloads.",
    "download_cap_out_of_range": "Between {low} and {high} MB.",
    "supervisor_only": "Only a supervisor may do this.",
    # PINs, profiles and the lockout (models/security/pins.py, lockout.py, relock.py)
    "wrong_pin": "Wrong PIN.",
    "no_such_profile": "There is no profile named '{name}' on this device.",
    "passphrase_blocked": "Too many wrong passphrases: blocked. HQ can unlock the store with "
                          "the recovery key.",
    "passphrase_wait": "Too many wrong passphrases: try again in {seconds} seconds.",
    "pin_blocked": "Too many wrong PINs: blocked. A supervisor can unblock the profile.",
    "pin_wait": "Too many wrong PINs: try again in {seconds} seconds.",
    "window_wrong_passphrase": "Wrong passphrase: the window stays locked.",
    # The device part of the store's key (models/security/keystore.py) and a wiped device
    "key_reference_damaged": "The store's key reference is damaged.",
    "key_folder_inside_data": "The key folder {folder} is inside the data directory; choose "
                              "another (FIELDINSPECT_KEY_DIR) so that a copy of the data alone "
                              "opens nothing.",
    "device_wiped": "This device was wiped; its records and keys are gone.",
}
