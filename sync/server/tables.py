"""HQ's own bookkeeping tables (SQLAlchemy Core; migrated by sync/server/migrations).

Kept in their own MetaData so that a device store never gets them, and versioned in their own
Alembic version table (`sync_alembic_version`) beside the models' one.
"""

import sqlalchemy as sa

from models.base import UTCDateTime

metadata = sa.MetaData()

# One row (id=1): the last server version handed out. Every writing transaction locks it first,
# so versions are handed out in commit order and a pull cursor never skips a late commit.
counter = sa.Table(
    "sync_counter", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

device = sa.Table(
    "sync_device", metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("label", sa.String(80), nullable=False, index=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("team_id", sa.String(36)),
    sa.Column("representative_id", sa.String(36)),
    sa.Column("unit_id", sa.String(36)),
    sa.Column("status", sa.String(12), nullable=False),  # pending | active | revoked
    sa.Column("store_device_id", sa.String(36), unique=True),
    sa.Column("credential_hash", sa.String(64), unique=True),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("enrolled_at", UTCDateTime),
    sa.Column("revoked_at", UTCDateTime),
    sa.Column("last_sync_at", UTCDateTime),
    # Last outbox sequence applied for this device (NULL until its first push).
    sa.Column("last_seq", sa.BigInteger),
    # The device this one took over from: a store restored from a backup (or caught reusing
    # another's sequence numbers) enrolls anew and names the store it was copied from.
    sa.Column("replaces_device_id", sa.String(36)),
)

enrollment_code = sa.Table(
    "sync_enrollment_code", metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("device_id", sa.String(36), nullable=False, index=True),
    sa.Column("expires_at", UTCDateTime, nullable=False),
    sa.Column("used_at", UTCDateTime),
)

access_token = sa.Table(
    "sync_access_token", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("device_id", sa.String(36), nullable=False, index=True),
    sa.Column("expires_at", UTCDateTime, nullable=False),
)

# Outcomes other than "applied", kept so that a replayed batch gets the same answers.
outcome = sa.Table(
    "sync_outcome", metadata,
    sa.Column("device_id", sa.String(36), primary_key=True),
    sa.Column("seq", sa.BigInteger, primary_key=True),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("code", sa.String(60), nullable=False, default=""),
    sa.Column("reason", sa.Text, nullable=False, default=""),
    sa.Column("table_name", sa.String(40), nullable=False, default=""),
    sa.Column("row_id", sa.String(36), nullable=False, default=""),
    sa.Column("details", sa.Text, nullable=False, default="{}"),
)

# A digest of each entry a device pushed, applied or refused: a "replay" whose entry differs is
# a copy of the store reusing numbers HQ already holds (issue 11), not a retry. One row per push
# (its new entries are contiguous), the digests packed 8 bytes each from `first_seq` on: a row
# per entry cost 1.8 s per 26,300 forms on PostgreSQL (Core executemany), this costs one insert.
# 64 bits tell a retry from a different entry; they are no defence against the holder of the
# credential, who could push anything anyway.
entry_digest = sa.Table(
    "sync_entry_digest", metadata,
    sa.Column("device_id", sa.String(36), primary_key=True),
    sa.Column("first_seq", sa.BigInteger, primary_key=True),
    sa.Column("last_seq", sa.BigInteger, nullable=False),
    sa.Column("digests", sa.LargeBinary, nullable=False),
)

# The version at which each field of a row last changed by an update (absent = at creation).
field_version = sa.Table(
    "sync_field_version", metadata,
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("row_id", sa.String(36), primary_key=True),
    sa.Column("field", sa.String(60), primary_key=True),
    sa.Column("version", sa.BigInteger, nullable=False),
    sa.Column("device_id", sa.String(36), nullable=False),
)

conflict = sa.Table(
    "sync_conflict", metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("table_name", sa.String(40), nullable=False),
    sa.Column("row_id", sa.String(36), nullable=False, index=True),
    sa.Column("kind", sa.String(30), nullable=False),  # same_field | delete_edit | ...
    sa.Column("field", sa.String(60), nullable=False, default=""),
    sa.Column("kept", sa.Text, nullable=False, default="null"),
    sa.Column("other", sa.Text, nullable=False, default="null"),
    sa.Column("device_id", sa.String(36), nullable=False),
    sa.Column("version", sa.BigInteger, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("resolved_at", UTCDateTime),
)

# Rows of row-filtered tables a device has been sent, so that a row leaving its scope is sent as
# a removal to exactly the devices that hold it (and no one learns of rows never shown to them).
device_row = sa.Table(
    "sync_device_row", metadata,
    sa.Column("device_id", sa.String(36), primary_key=True),
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("row_id", sa.String(36), primary_key=True),
)

# Finished attachments only (verified bytes in the blob store); the size is the bytes' own.
blob = sa.Table(
    "sync_blob", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("media_type", sa.String(100), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

# An upload on its way belongs to the ONE device that started it (its chunks are sealed under
# that device and hash): nobody else sees it, resumes it, or is blocked by the size it announced.
blob_upload = sa.Table(
    "sync_blob_upload", metadata,
    sa.Column("store_device_id", sa.String(36), primary_key=True),
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("media_type", sa.String(100), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

# Devices that sent HQ an attachment's whole bytes themselves (hash verified): proof that they
# had the photo. Only a holder's attachment rows open the bytes to other devices, so naming a
# known hash in a record of one's own opens nothing.
blob_holder = sa.Table(
    "sync_blob_holder", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("store_device_id", sa.String(36), primary_key=True),
    sa.Column("held_since", UTCDateTime, nullable=False),
)

# Numbers of the notices HQ issues (余纠通〔2026〕3号; issue 14 §5: criticism, assignment,
# reminder, visit-round and exposure notices), one sequence per kind, prefix and year, handed
# out here so that two laptops never issue one number. `notice_id` (made by the device) makes a
# retried request get the number it already has; `record_ids` are the records the notice
# carried (criticisms, problems, ... by kind). Was `sync_notice_number`, criticism only (s0007).
notice_number = sa.Table(
    "sync_numbered_notice", metadata,
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("prefix", sa.String(40), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("notice_id", sa.String(36), nullable=False, unique=True),
    sa.Column("device_id", sa.String(36), nullable=False),
    sa.Column("record_ids", sa.JSON, nullable=False),
    sa.Column("issued_at", UTCDateTime, nullable=False),
)

# Each audit-chain point HQ accepted from a device (issue 6, 11): (seq, hash) of the entry as HQ
# computed it from its own earlier point and the entries the device sent after it. A report is
# checked against these, never against the hash the device says an entry has.
audit_anchor = sa.Table(
    "sync_audit_anchor", metadata,
    sa.Column("device_id", sa.String(36), primary_key=True),
    sa.Column("seq", sa.BigInteger, primary_key=True),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("accepted_at", UTCDateTime, nullable=False),
)

# Snapshots built for a new device's first sync (issue 18 §1), reused while few rows changed
# since (`version`: the counter it was built at): one per scope (`scope_key`, a hash of every
# input of the scope rules). The body is sealed in the blob directory (`snapshots/`) under
# `sha256`; `held`: the ids of row-filtered rows it carries (JSON {table: [ids]}), recorded in
# `sync_device_row` for every device it is given to. The enrolment fields say whose it is,
# to drop it on revocation.
snapshot = sa.Table(
    "sync_snapshot", metadata,
    sa.Column("scope_key", sa.String(64), primary_key=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("team_id", sa.String(36)),
    sa.Column("representative_id", sa.String(36)),
    sa.Column("unit_id", sa.String(36)),
    sa.Column("version", sa.BigInteger, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("held", sa.Text, nullable=False, default="{}"),
    sa.Column("built_at", UTCDateTime, nullable=False),
)
