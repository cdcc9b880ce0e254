"""Earlier versions of criticisms, accountability cases and problems, for the history view.

Filled by the audit hook (one version per local action); each version's snapshot is committed
to by the audit chain, so `audit verify` shows a rewritten history.
"""

from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlalchemy as sa

# Columns that change with every version and say nothing a reader needs in a diff.
_BOOKKEEPING = frozenset({"updated_at", "updated_device", "updated_by", "server_version"})


@dataclass
class RecordVersionView:
    audit_seq: int
    op: str  # insert | update | delete
    at: str  # UTC, "YYYY-MM-DD HH:MM:SS.ffffff"
    profile: str
    values: dict[str, Any]
    changed: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field -> (before, after)


def record_history(conn: sa.Connection, table_name: str, row_id: str) -> list[RecordVersionView]:
    """Every version of one record, oldest first, each with what changed since the one before."""
    rows = conn.exec_driver_sql(
        "SELECT audit_seq, op, at, profile, snapshot FROM record_version "
        "WHERE table_name = ? AND row_id = ? ORDER BY audit_seq",
        (table_name, row_id),
    ).all()
    versions: list[RecordVersionView] = []
    previous: dict[str, Any] | None = None
    for r in rows:
        values = orjson.loads(r.snapshot)
        changed = {} if previous is None else {
            k: (previous.get(k), v) for k, v in values.items()
            if previous.get(k) != v and k not in _BOOKKEEPING and k != "deleted_at"
        }
        versions.append(RecordVersionView(r.audit_seq, r.op, r.at, r.profile, values, changed))
        previous = values
    return versions
