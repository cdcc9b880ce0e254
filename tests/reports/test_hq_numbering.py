"""Notice numbers come from HQ: per year, never twice, the same on a retried request."""

from datetime import date

import pytest

from desktop.data.hq_numbers import ask_hq, issue_number_async
from models.enums import Sanction, UnitKind
from models.ids import new_id
from models.records import PersonnelCriticism
from models.reference import Unit
from reports.outputs import ReportRequest, produce
from sync.protocol import NumberRequest
from tests.reports.conftest import docx_text
from tests.sync import conftest as sync_conftest
from tests.sync.helpers import Hq, run

database_url = sync_conftest.database_url  # SQLite and PostgreSQL, as in tests/sync


async def request_number_async(store, *, prefix, year, criticism_ids, notice_id=None,
                               transport=None):
    """An older client's request: it does not ask HQ to leave anything out."""
    answer = await ask_hq(store, NumberRequest(notice_id=notice_id or new_id(), prefix=prefix,
                                               year=year, criticism_ids=criticism_ids),
                          transport)
    return answer.number


@pytest.fixture
def hq(tmp_path):
    server = Hq.start(f"sqlite:///{tmp_path / 'hq-server'}", tmp_path)
    yield server
    server.close()


def _ask(dev, year, notice_id=None):
    return run(request_number_async(dev.store, prefix="余纠通", year=year, criticism_ids=[],
                                    notice_id=notice_id, transport=dev.transport))


def test_two_laptops_never_get_one_number_and_years_restart(hq):
    a, b = hq.device("office", name="a"), hq.device("office", name="b")
    assert _ask(a, 2026) == "余纠通〔2026〕1号"
    assert _ask(b, 2026) == "余纠通〔2026〕2号"
    assert _ask(a, 2027) == "余纠通〔2027〕1号"
    assert _ask(b, 2026, notice_id="n-1") == "余纠通〔2026〕3号"
    assert _ask(b, 2026, notice_id="n-1") == "余纠通〔2026〕3号"  # a retry, not a new number


def test_a_representative_laptop_cannot_issue(hq):
    from models.errors import AppError

    rep = hq.device("representative", representative="周代表", team="第1督查组")
    with pytest.raises(AppError):
        _ask(rep, 2026)


def test_the_issued_notice_carries_the_hq_number(hq, tmp_path):
    office = hq.device("office", name="office")
    with office.write() as w:
        unit = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
        w.create(PersonnelCriticism, {"person_name": "钱公开", "unit_id": unit,
                                      "sanction": Sanction.CIRCULATED_CRITICISM,
                                      "decided_on": date(2026, 3, 6), "behaviour": "上班时间脱岗"})

    def from_hq(ids):
        return run(request_number_async(office.store, prefix="余纠通", year=2026,
                                        criticism_ids=ids, transport=office.transport))

    with office.store.read() as conn:
        path = produce("criticism-notice", conn, ReportRequest(
            out=tmp_path / "tb.docx", as_of=date(2026, 6, 30), date_from=date(2026, 1, 1),
            number_from_hq=from_hq))[0]
    assert "余纠通〔2026〕1号" in docx_text(path) and "钱公开" in docx_text(path)


def test_the_notice_prints_the_prefix_hq_set_for_criticism_notices(database_url, tmp_path):
    """The office settings say 县纪通: the notice prints it, whatever the laptop proposed."""
    from models.office_settings import save_office_settings

    server = Hq.start(database_url, tmp_path)
    try:
        boss = server.device("hq", name="hq")
        with boss.write("hq") as w:
            save_office_settings(w, {"prefix_criticism": "县纪通"})
        boss.sync()
        office = server.device("office", name="office")
        with office.write() as w:
            unit = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
            w.create(PersonnelCriticism, {
                "person_name": "钱公开", "unit_id": unit, "decided_on": date(2026, 3, 6),
                "sanction": Sanction.CIRCULATED_CRITICISM, "behaviour": "上班时间脱岗"})

        def from_hq(ids):
            return run(issue_number_async(office.store, prefix="余纠通", year=2026,
                                          criticism_ids=ids, transport=office.transport))

        with office.store.read() as conn:
            path = produce("criticism-notice", conn, ReportRequest(
                out=tmp_path / "tb.docx", as_of=date(2026, 6, 30),
                date_from=date(2026, 1, 1), number_from_hq=from_hq))[0]
        text = docx_text(path)
        assert "县纪通〔2026〕1号" in text and "余纠通" not in text and "钱公开" in text
    finally:
        server.close()
