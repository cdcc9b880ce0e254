"""Sending the audit chain's head to HQ at the end of each sync (issue 6)."""

from sync.client.http import HQClient, HQRefused


def record_sync(conn, details: dict) -> dict:
    """`models.security.audit.prepare_head_report` inside a transaction the caller holds (the
    last pull page's): log a `sync` entry; return the head and, for the head HQ holds, that
    entry's hash now."""
    from models.security.audit import head_report

    return head_report(conn, details)


async def send_audit_head(client: HQClient, store, run_db, details: dict,
                          report: dict | None = None) -> dict | None:
    """Send the head (`report`, already recorded, or recorded now), remember it once HQ
    accepted it."""
    from models.security.audit import prepare_head_report, remember_sent_head

    if report is None:
        report = await run_db(prepare_head_report, store, details)
    try:
        response = await client.call("POST", "/v1/audit-head", json=report)
    except HQRefused as exc:
        if exc.status == 404:  # an HQ from before the audit chain
            return None
        raise
    answer = response.json()
    if answer.get("accepted"):
        await run_db(remember_sent_head, store, report["seq"], report["hash"])
    return answer
