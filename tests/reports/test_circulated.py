"""A criticism circulated in one notice is not circulated again by the next, unless asked.

HQ records what each numbered notice carried; when it numbers a new notice it leaves out the
criticisms an earlier one already circulated, and the office is told how many."""

from datetime import date
from types import SimpleNamespace

import pytest

from desktop.data.hq_numbers import ask_hq, issue_number_async
from models.enums import Sanction, UnitKind
from models.ids import new_id
from models.records import PersonnelCriticism
from models.reference import Unit
from reports.errors import ReportError
from reports.outputs import ReportRequest, produce
from sync.protocol import NumberRequest
from tests.reports.conftest import docx_text
from tests.sync.helpers import Hq, run


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


def _criticism(w, unit, name, day):
    return w.create(PersonnelCriticism, {
        "person_name": name, "unit_id": unit, "sanction": Sanction.CIRCULATED_CRITICISM,
        "decided_on": day, "behaviour": "上班时间脱岗"})


@pytest.fixture
def office(hq):
    dev = hq.device("office", name="office")
    with dev.write() as w:
        unit = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
        _criticism(w, unit, "钱公开", date(2026, 3, 6))
        _criticism(w, unit, "孙通报", date(2026, 5, 10))
    return dev


def _notice(dev, path, *, date_from, date_to, include=False, **kw):
    def from_hq(ids):
        return run(issue_number_async(dev.store, prefix="余纠通", year=2026, criticism_ids=ids,
                                      include_circulated=include, transport=dev.transport))

    req = ReportRequest(out=path, as_of=date(2026, 6, 30), date_from=date_from,
                        date_to=date_to, number_from_hq=from_hq, include_circulated=include,
                        **kw)
    with dev.store.read() as conn:
        out = produce("criticism-notice", conn, req)[0]
    return docx_text(out), req


def test_a_second_notice_leaves_out_what_the_first_circulated(office, tmp_path):
    first, req1 = _notice(office, tmp_path / "1.docx", date_from=date(2026, 1, 1),
                          date_to=date(2026, 3, 31))
    assert "余纠通〔2026〕1号" in first and "钱公开" in first and req1.left_out == 0

    second, req2 = _notice(office, tmp_path / "2.docx", date_from=date(2026, 1, 1),
                           date_to=date(2026, 6, 30))  # overlaps the first
    assert "余纠通〔2026〕2号" in second and "孙通报" in second
    assert "钱公开" not in second  # named once, not twice
    assert req2.left_out == 1


def test_with_the_include_option_it_is_circulated_again(office, tmp_path):
    _notice(office, tmp_path / "1.docx", date_from=date(2026, 1, 1), date_to=date(2026, 3, 31))
    again, req = _notice(office, tmp_path / "2.docx", date_from=date(2026, 1, 1),
                         date_to=date(2026, 6, 30), include=True)
    assert "钱公开" in again and "孙通报" in again and req.left_out == 0


def test_nothing_new_uses_up_no_number(office, tmp_path):
    _notice(office, tmp_path / "1.docx", date_from=date(2026, 1, 1), date_to=date(2026, 6, 30))
    with pytest.raises(ReportError) as err:
        _notice(office, tmp_path / "2.docx", date_from=date(2026, 3, 1),
                date_to=date(2026, 6, 30))
    assert err.value.code == "criticisms_already_circulated" and err.value.params == {"count": 2}
    assert "All 2 " in err.value.message
    third, _ = _notice(office, tmp_path / "3.docx", date_from=date(2026, 1, 1),
                       date_to=date(2026, 6, 30), include=True)
    assert "余纠通〔2026〕2号" in third  # the refused notice took no number


def test_another_laptop_learns_it_from_hq(hq, office, tmp_path):
    """HQ's record covers every device: a second office laptop holding the same criticisms."""
    with office.store.read() as conn:
        ids = [r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM personnel_criticism ORDER BY decided_on")]
    _notice(office, tmp_path / "1.docx", date_from=date(2026, 1, 1), date_to=date(2026, 3, 31))
    other = hq.device("office", name="other")
    answer = run(issue_number_async(other.store, prefix="余纠通", year=2026, criticism_ids=ids,
                                    transport=other.transport))
    assert answer.number == "余纠通〔2026〕2号"
    assert answer.criticism_ids == (ids[1],) and answer.left_out == (ids[0],)


def test_a_retried_request_gets_the_same_answer(office):
    ids = ["c-1", "c-2"]
    first = run(issue_number_async(office.store, prefix="余纠通", year=2026, criticism_ids=ids[:1],
                                   transport=office.transport))
    ask = dict(prefix="余纠通", year=2026, criticism_ids=ids, notice_id="n-2",
               transport=office.transport)
    second = run(issue_number_async(office.store, **ask))
    assert run(issue_number_async(office.store, **ask)) == second
    assert first.number == "余纠通〔2026〕1号" and second.number == "余纠通〔2026〕2号"
    assert second.criticism_ids == ("c-2",) and second.left_out == ("c-1",)


def test_an_older_client_still_gets_every_criticism_recorded(office):
    """Without the flag (clients that do not know it) HQ numbers as before."""
    assert run(request_number_async(office.store, prefix="余纠通", year=2026,
                                    criticism_ids=["c-1"], transport=office.transport)) \
        == "余纠通〔2026〕1号"
    again = run(issue_number_async(office.store, prefix="余纠通", year=2026,
                                   criticism_ids=["c-1"], include_circulated=True,
                                   transport=office.transport))
    assert again.number == "余纠通〔2026〕2号" and again.left_out == ()


def test_the_command_line_message_says_how_many_were_left_out():
    from desktop.cli.report_commands import circulated_message

    said = circulated_message(SimpleNamespace(left_out=2, include_circulated=False))
    assert said.startswith("2 criticism(s) already circulated") and "--include-circulated" in said
    assert "included again" in circulated_message(
        SimpleNamespace(left_out=0, include_circulated=True))
    assert "Not checked" in circulated_message(
        SimpleNamespace(left_out=None, include_circulated=False))
