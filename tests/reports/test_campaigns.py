"""No record is dropped silently for lack of a campaign (issue 11 §5): problems and opinions
typed without one take the open campaign, an output filtered by campaign says what it left
out, and the window's ledger, the printed ledger and `stats` agree for the same filter."""

import os
from datetime import date

import openpyxl
import pytest

from desktop.data import lists
from models import services
from models.campaigns import LeftOut, open_campaign_id
from models.enums import ProblemStatus, UnitKind
from models.records import Opinion, Problem
from models.reference import Campaign, Unit
from models.stats import county_stats
from reports.outputs import ReportRequest, produce
from tests.cli_runner import run_cli

AS_OF = date(2026, 6, 30)


def _problem(unit: str, text: str, reported: date, **kw) -> dict:
    return {"description": text, "unit_id": unit, "responsible_person": "吴局长",
            "measures": "限期整改", "reported_on": reported, "deadline": date(2026, 7, 31), **kw}


@pytest.fixture
def county(store):
    """Last year's closed campaign, this year's open one (the latest), and a unit."""
    with store.write("clerk") as w:
        unit = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
        old = w.create(Campaign, {"name": "2025年万民评议", "year": 2025, "is_open": False})
        new = w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
    return store, {"unit": unit, "old": old, "new": new}


def _ledger_rows(store, tmp_path, **kw) -> tuple[list[tuple], ReportRequest]:
    req = ReportRequest(out=tmp_path / "台账.xlsx", as_of=AS_OF, **kw)
    with store.read() as conn:
        path = produce("ledger", conn, req)[0]
    rows = list(openpyxl.load_workbook(path).active.iter_rows(min_row=3, values_only=True))
    return rows, req


def test_problems_and_opinions_typed_without_a_campaign_take_the_open_one(county, tmp_path):
    store, ids = county
    with store.write("clerk") as w:
        for n in range(3):  # as the window's New problem form saves them: no campaign given
            services.create_record(w, Problem, _problem(ids["unit"], f"窗口推诿{n}",
                                                        date(2026, 3, 5)))
        services.create_record(w, Opinion, {"text": "希望延长办公时间", "unit_id": ids["unit"]})
    rows, req = _ledger_rows(store, tmp_path)  # the default: the latest campaign
    assert len(rows) == 3  # 3 problems stored, 3 printed
    assert req.campaign_left_out == LeftOut()
    with store.read() as conn:
        assert open_campaign_id(conn) == ids["new"]
        opinions = conn.exec_driver_sql("SELECT campaign_id FROM opinion").scalars().all()
    assert opinions == [ids["new"]]


def test_the_newest_open_campaign_is_the_open_one_and_none_when_all_are_closed(county):
    store, ids = county
    with store.write("clerk") as w:
        w.create(Campaign, {"name": "2024年万民评议", "year": 2024})  # older, still open
    with store.read() as conn:
        assert open_campaign_id(conn) == ids["new"]
    with store.write("clerk") as w:
        for cid in w.conn.exec_driver_sql("SELECT id FROM campaign WHERE is_open").scalars():
            w.update(Campaign, cid, {"is_open": False})
        problem = services.create_record(w, Problem, _problem(ids["unit"], "无活动",
                                                              date(2026, 3, 5)))
    with store.read() as conn:
        assert open_campaign_id(conn) is None
        assert conn.exec_driver_sql("SELECT campaign_id FROM problem WHERE id = ?",
                                    (problem,)).scalar() is None


@pytest.fixture
def mixed(county):
    """Problems and opinions of this campaign, of last year's, and of none (made before this
    fix, or by an older app), written straight through the write path."""
    store, ids = county
    with store.write("clerk") as w:
        for text, cid, reported in (("本次活动一", ids["new"], date(2026, 3, 5)),
                                    ("本次活动二", ids["new"], date(2026, 5, 5)),
                                    ("未关联活动", None, date(2026, 3, 6)),
                                    ("去年活动", ids["old"], date(2025, 9, 1))):
            w.create(Problem, _problem(ids["unit"], text, reported, campaign_id=cid,
                                       deadline=date(2026, 6, 1)))
        for text, cid in (("意见甲", ids["new"]), ("意见乙", None)):
            w.create(Opinion, {"text": text, "unit_id": ids["unit"], "campaign_id": cid,
                               "received_on": date(2026, 4, 1)})
    return store, ids


@pytest.mark.parametrize("kind,out", [("ledger", "l.xlsx"), ("notice", "n.docx"),
                                      ("overdue", "o.xlsx")])
def test_a_problem_output_filtered_by_campaign_says_what_it_left_out(mixed, tmp_path, kind,
                                                                      out):
    store, _ = mixed
    req = ReportRequest(out=tmp_path / out, as_of=AS_OF, campaign="2026年万民评议")
    with store.read() as conn:
        produce(kind, conn, req)
    assert req.campaign_left_out == LeftOut(no_campaign=1, other_campaigns=1)


def test_unit_feedback_and_the_summary_count_opinions_left_out_too(mixed, tmp_path):
    store, _ = mixed
    feedback = ReportRequest(out=tmp_path / "fb", as_of=AS_OF, campaign="2026年万民评议")
    summary = ReportRequest(out=tmp_path / "s.docx", as_of=AS_OF, campaign="2026年万民评议",
                            date_from=date(2026, 1, 1))
    everything = ReportRequest(out=tmp_path / "all.docx", as_of=AS_OF)
    with store.read() as conn:
        produce("unit-feedback", conn, feedback)
        produce("county-summary", conn, summary)
        produce("county-summary", conn, everything)
    assert feedback.campaign_left_out == LeftOut(no_campaign=2, other_campaigns=1)
    assert summary.campaign_left_out == LeftOut(no_campaign=2, other_campaigns=0)
    assert everything.campaign_left_out is None  # not filtered by campaign: nothing to say


def _cli(data_dir, *args):
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": "correct horse"}
    return run_cli(["--data-dir", data_dir, *args], env)  # in this process


def test_the_command_line_says_what_the_campaign_filter_left_out(mixed, data_dir, tmp_path):
    store, _ = mixed
    store.close()
    res = _cli(data_dir, "report", "ledger", "--out", str(tmp_path / "l.xlsx"),
               "--as-of", AS_OF.isoformat())
    assert res.returncode == 0, res.stderr
    assert ("2 problem(s)/opinion(s) left out by the campaign filter: 1 with no campaign, "
            "1 of other campaigns") in res.stdout
    stats = _cli(data_dir, "stats", "--campaign", "2026年万民评议")
    assert "3 problem(s)/opinion(s) left out by the campaign filter: 2 with no campaign, " \
           "1 of other campaigns" in stats.stdout


@pytest.mark.parametrize("status", [None, ProblemStatus.OPEN, ProblemStatus.RECTIFYING])
def test_window_ledger_printed_ledger_and_stats_agree_for_one_filter(mixed, tmp_path, status):
    store, ids = mixed
    with store.write("clerk") as w:
        second = w.conn.exec_driver_sql(
            "SELECT id FROM problem WHERE description = '本次活动二'").scalar()
        services.change_problem_status(w, second, ProblemStatus.RECTIFYING)
        services.create_record(w, Problem, _problem(ids["unit"], "期后", date(2026, 6, 10)))
    period = {"date_from": date(2026, 1, 1), "date_to": date(2026, 5, 31)}
    for campaign in (ids["new"], ids["old"]):
        window_filter = {"campaign_id": campaign, "status": status, **period}
        with store.read() as conn:
            spec = lists.spec("problems")
            window = lists.fetch_rows(conn, spec, lists.fetch_ids(conn, spec, window_filter))
            name = conn.exec_driver_sql("SELECT name FROM campaign WHERE id = ?",
                                        (campaign,)).scalar()
            figures = county_stats(conn, campaign_id=campaign, as_of=AS_OF, **period)
        printed, _ = _ledger_rows(store, tmp_path, campaign=name,
                                  status=[status] if status else [], **period)
        problems = figures["problems"]
        expected = problems["by_status"][status] if status else problems["total"]
        assert sorted(r["description"] for r in window.values()) == \
            sorted(r[3] for r in printed)  # 问题描述
        assert len(printed) == expected
