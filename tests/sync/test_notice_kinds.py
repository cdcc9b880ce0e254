"""HQ numbers every kind of notice (issue 14 §5): criticism, assignment, reminder, visit round
and exposure each have their own sequences, HQ prints the office settings' prefix for the kind,
an older client's request (no kind) still gets a criticism number, a retried request keeps its
number, and HQ records which records each notice carried, per kind. SQLite and PostgreSQL."""

import sqlalchemy as sa
from alembic import command

from desktop.data.hq_numbers import issue_number_async
from models.office_settings import save_office_settings
from sync.client.hq_client import HqClient
from sync.protocol import NoticeKind
from sync.server import tables as T
from sync.server.db import alembic_config, open_server_db
from tests.sync.helpers import FAST_RETRY, PASSPHRASE, run

PREFIXES = {"prefix_assignment": "县纪交", "prefix_reminder": "县纪催"}


def _settings_at_hq(hq, **values):
    boss = hq.device("hq", name="hq")
    with boss.write("hq") as w:
        save_office_settings(w, values)
    boss.sync()


def _issue(dev, kind, ids=(), *, prefix="余纠通", notice_id=None):
    return run(issue_number_async(dev.store, kind=kind, prefix=prefix, year=2026,
                                  record_ids=list(ids), notice_id=notice_id,
                                  transport=dev.transport)).number


def _carried(hq) -> dict[str, tuple[str, list[str]]]:
    t = T.notice_number
    with hq.db.engine.connect() as conn:
        return {r.notice_id: (r.kind, list(r.record_ids))
                for r in conn.execute(sa.select(t.c.notice_id, t.c.kind, t.c.record_ids))}


def test_each_kind_is_numbered_on_its_own_with_the_settings_prefix(hq):
    _settings_at_hq(hq, **PREFIXES)
    office = hq.device("office", name="office")
    # The device proposes its own prefix; HQ prints the one the office settings give the kind.
    assert _issue(office, NoticeKind.ASSIGNMENT, prefix="交办") == "县纪交〔2026〕1号"
    assert _issue(office, NoticeKind.REMINDER, prefix="催办") == "县纪催〔2026〕1号"
    assert _issue(office, NoticeKind.ASSIGNMENT, prefix="交办") == "县纪交〔2026〕2号"
    assert _issue(office, NoticeKind.CRITICISM) == "余纠通〔2026〕1号"  # no prefix set: proposed
    assert _issue(office, NoticeKind.REMINDER, prefix="催办") == "县纪催〔2026〕2号"


def test_kinds_sharing_a_prefix_still_number_independently(hq):
    office = hq.device("office", name="office")
    assert _issue(office, NoticeKind.VISIT_ROUND, prefix="县纪") == "县纪〔2026〕1号"
    assert _issue(office, NoticeKind.EXPOSURE, prefix="县纪") == "县纪〔2026〕1号"
    assert _issue(office, NoticeKind.VISIT_ROUND, prefix="县纪") == "县纪〔2026〕2号"


def test_the_settings_criticism_prefix_overrides_the_proposed_one(hq):
    _settings_at_hq(hq, prefix_criticism="县纪通")
    office = hq.device("office", name="office")
    assert _issue(office, NoticeKind.CRITICISM, ["c-1"], prefix="余纠通") == "县纪通〔2026〕1号"


def test_an_older_clients_request_without_a_kind_gets_a_criticism_number(hq):
    _settings_at_hq(hq, prefix_criticism="县纪通", **PREFIXES)
    office = hq.device("office", name="office")
    assert _issue(office, NoticeKind.ASSIGNMENT, ["p-1"]) == "县纪交〔2026〕1号"
    client = HqClient("http://hq.test", credential=office.engine.credentials.load,
                      transport=office.transport, retry=FAST_RETRY)

    async def old_request():
        async with client:
            return (await client.call("POST", "/v1/notices/number", json={
                "notice_id": "old-1", "prefix": "余纠通", "year": 2026,
                "criticism_ids": ["c-1"]})).json()

    answer = run(old_request())
    assert answer["number"] == "县纪通〔2026〕1号" and answer["criticism_ids"] == ["c-1"]
    assert _carried(hq)["old-1"] == ("criticism", ["c-1"])


def test_a_retried_request_keeps_its_number(hq):
    _settings_at_hq(hq, **PREFIXES)
    office = hq.device("office", name="office")
    first = _issue(office, NoticeKind.REMINDER, ["p-1"], notice_id="r-1")
    assert _issue(office, NoticeKind.REMINDER, ["p-1"], notice_id="r-1") == first
    assert _issue(office, NoticeKind.REMINDER, ["p-2"]) == "县纪催〔2026〕2号"


def test_hq_records_the_records_each_notice_carried_per_kind(hq):
    office = hq.device("office", name="office")
    _issue(office, NoticeKind.ASSIGNMENT, ["p-1", "p-2"], notice_id="a-1")
    _issue(office, NoticeKind.REMINDER, ["p-2"], notice_id="r-1")
    # An assignment carrying an id is no circulated criticism: the criticism notice keeps it.
    _issue(office, NoticeKind.CRITICISM, ["p-1", "c-1"], notice_id="c-n")
    assert _carried(hq) == {"a-1": ("assignment", ["p-1", "p-2"]),
                            "r-1": ("reminder", ["p-2"]),
                            "c-n": ("criticism", ["p-1", "c-1"])}
    again = run(issue_number_async(office.store, prefix="余纠通", year=2026,
                                   criticism_ids=["c-1", "c-2"], transport=office.transport))
    assert again.criticism_ids == ("c-2",) and again.left_out == ("c-1",)


def test_an_upgraded_hq_keeps_its_criticism_numbers(database_url, tmp_path):
    """An HQ from before the kinds (s0006): its numbers are criticism notices' and the
    sequence goes on from them."""
    db = open_server_db(database_url, blob_dir=tmp_path / "blobs", passphrase=PASSPHRASE)
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "s0006")
        conn.execute(sa.text(
            "INSERT INTO sync_notice_number (prefix, year, seq, notice_id, device_id, "
            "criticism_ids, issued_at) VALUES ('余纠通', 2026, 1, 'n-1', 'd-1', :ids, :t)"),
            {"ids": '["c-1"]', "t": "2026-03-01 08:00:00.000000"})
    db.close()
    from tests.sync.helpers import Hq

    hq = Hq.start(database_url, tmp_path)
    try:
        assert _carried(hq) == {"n-1": ("criticism", ["c-1"])}
        office = hq.device("office", name="office")
        answer = run(issue_number_async(office.store, prefix="余纠通", year=2026,
                                        criticism_ids=["c-1", "c-2"],
                                        transport=office.transport))
        assert answer.number == "余纠通〔2026〕2号" and answer.left_out == ("c-1",)
        with hq.db.engine.begin() as conn:  # and back down: the criticism numbers stay
            command.downgrade(alembic_config(conn), "s0006")
            held = conn.execute(sa.text(
                "SELECT notice_id, seq FROM sync_notice_number ORDER BY seq")).all()
        assert [tuple(r) for r in held] == [("n-1", 1), (held[1][0], 2)]
    finally:
        hq.close()
