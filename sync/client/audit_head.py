"""Sending the audit chain's head to HQ at the end of each sync (issue 6).

The report carries the entries after the point HQ acknowledged last, which HQ re-hashes from its
own copy of that point (sync/server/audit_heads.py). A long stretch goes in several reports:
HQ keeps the point each one reaches and answers `more`.
"""

import logging

from sync.client.hq_client import HqClient, HqRefused

log = logging.getLogger("fieldinspect.sync.audit")
MAX_REPORTS = 100  # per sync: 500,000 entries; the rest goes at the next sync


def record_sync(conn, details: dict) -> dict:
    """`models.security.audit.prepare_head_report` inside a transaction the caller holds (the
    last pull page's): log a `sync` entry; return the report for HQ."""
    from models.security.audit import head_report

    return head_report(conn, details)


def _next_report(store) -> dict:
    from models.security.audit import chain_report

    with store.read() as conn:
        return chain_report(conn)


async def send_audit_head(client: HqClient, store, run_db, details: dict,
                          report: dict | None = None) -> dict | None:
    """Send the head (`report`, already recorded, or recorded now) and the entries before it;
    remember each point HQ accepted. HQ's last answer, or None from an HQ that cannot take it."""
    from models.security.audit import prepare_head_report, remember_sent_head

    if report is None:
        report = await run_db(prepare_head_report, store, details)
    answer: dict = {}
    for _ in range(MAX_REPORTS):
        try:
            answer = await client.audit_head(report)
        except HqRefused as exc:
            if exc.status in (404, 413):  # an HQ from before the audit chain, or a smaller cap
                log.warning("HQ did not take the audit head (%s %s)", exc.status, exc.hq_code)
                return None
            raise
        if not answer.get("accepted"):
            return answer
        seq, _, digest = str(answer.get("head", "")).partition(":")
        await run_db(remember_sent_head, store, int(seq), digest)
        if not answer.get("more"):
            return answer
        report = await run_db(_next_report, store)
    return answer
