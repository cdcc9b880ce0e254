"""The audit chain's head, reported to HQ at each sync (issue 6), riding on the round's push or
pull.

The report carries the entries after the point HQ acknowledged last, which HQ re-hashes from its
own copy of that point (sync/server/audit_heads.py). It is read before the round's first request
and rides on it (the first push batch, else the first pull page); HQ's answer (the point it
accepted, and the device's status) is stored in the round's one commit, the first pull page's,
which also logs the round as a `sync` entry when it moved rows (reported at the next round). A
long stretch goes in several reports: HQ keeps the point each one reaches and answers `more`, and
the rest goes by `/v1/audit-head` after the pull.
"""

import logging

import orjson

from sync.client.hq_client import HqClient, HqRefused

log = logging.getLogger("fieldinspect.sync.audit")
MAX_REPORTS = 100  # per sync: 500,000 entries; the rest goes at the next sync
RIDING_BYTES = 256 * 1024  # a report that rides on a push or a pull weighs at most this


def report_to_send(store) -> dict:
    """The head report of the chain as it stands (nothing logged): read, not written."""
    from models.security import audit

    with store.read() as conn:
        return audit.head_report(conn)


def accepted_point(answer: dict | None) -> str | None:
    """"seq:hash" of the point HQ accepted, to remember (`audit_head_sent`); None if refused."""
    if not answer or not answer.get("accepted") or ":" not in str(answer.get("head", "")):
        return None
    return str(answer["head"])


def record_sync(conn, details: dict) -> None:
    """Log the round as a `sync` entry, inside the transaction the caller holds (the last pull
    page's)."""
    from models.security.audit import record

    record(conn, "sync", details=details)


def _next_report(store) -> dict:
    from models.security.audit import chain_report

    with store.read() as conn:
        return chain_report(conn)


def may_ride(report: dict) -> bool:
    """Whether the report is small enough to ride on a push or a pull. One entry may weigh
    megabytes (a record an older version let grow): such a report goes on its own after the
    pull, where HQ refusing its size stops nothing."""
    return len(orjson.dumps(report)) <= RIDING_BYTES


async def send_rest(client: HqClient, store, run_db, answer: dict | None,
                    report: dict | None = None) -> dict | None:
    """After the round: `report` when it could not ride, and the reports left when HQ
    answered `more` (a long stretch); each point HQ accepts is remembered. HQ's last answer,
    or None from an HQ that cannot take it."""
    from models.security.audit import remember_sent_head

    for _ in range(MAX_REPORTS):
        if report is None:
            if not answer or not answer.get("accepted") or not answer.get("more"):
                return answer
            report = await run_db(_next_report, store)
        try:
            answer = await client.audit_head(report)
        except HqRefused as exc:
            if exc.status in (404, 413):  # an HQ from before the audit chain, or a smaller cap
                log.warning("HQ did not take the audit head (%s %s)", exc.status, exc.hq_code)
                return None
            raise
        report = None
        point = accepted_point(answer)
        if point is not None:
            seq, _, digest = point.partition(":")
            await run_db(remember_sent_head, store, int(seq), digest)
    return answer
