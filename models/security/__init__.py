"""Confidentiality and tamper evidence: audit chain, attachment crypto, key storage, lockout,
escrow, backup and restore. No Qt, no HTTP."""
