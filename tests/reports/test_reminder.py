"""The reminder notice (催办通知, issue 14 §3): one per unit with problems overdue or due within
the office settings' N days, listing each with its days; units with none get no notice."""

import re
from datetime import timedelta

import pytest

from models.office_settings import save_office_settings
from models.store.store import Store
from models.timeutil import local_today
from reports.outputs import ReportRequest, produce
from tests.models.helpers import load_units
from tests.reports.conftest import docx_text, pdf_text
from tests.reports.test_cli import run
from tests.sync import conftest as sync_conftest

database_url = sync_conftest.database_url  # SQLite and PostgreSQL, as in tests/sync

PROBLEMS = [  # (unit, description, days from today to the deadline)
    ("卫生院", "挂号窗口推诿，举报人电话13812345678", -4),
    ("卫生院", "收费未公示", 3),
    ("县社保中心", "办事要跑多次", 20),
]


@pytest.fixture
def data_dir(tmp_path):
    from models import services
    from models.records import Problem

    d = tmp_path / "dev"
    store = Store.open(d, "pw")
    try:
        load_units(store, tmp_path)
        with store.read() as conn:
            units = dict(conn.exec_driver_sql("SELECT name, id FROM unit").fetchall())
        today = local_today()
        with store.write("supervisor") as w:
            for unit, text, days in PROBLEMS:
                services.create_record(w, Problem, {
                    "description": text, "unit_id": units[unit], "status": "rectifying",
                    "reported_on": today - timedelta(days=40),
                    "deadline": today + timedelta(days=days)})
    finally:
        store.close()
    return d


def _reminders(data_dir, out, due_soon_days: int | None = None) -> list:
    store = Store.open(data_dir, "pw")
    try:
        if due_soon_days is not None:
            with store.write("hq") as w:
                save_office_settings(w, {"due_soon_days": due_soon_days,
                                         "issuer_name": "某某县纠风办"})
        with store.read() as conn:
            return produce("reminder", conn, ReportRequest(out=out, as_of=local_today(),
                                                           office="某某县纠风办"))
    finally:
        store.close()


def test_only_the_unit_with_problems_overdue_or_due_soon_gets_a_reminder(data_dir, tmp_path):
    paths = _reminders(data_dir, tmp_path / "out")
    assert sorted(p.suffix for p in paths) == [".docx", ".pdf"]
    assert all("卫生院" in p.name for p in paths)  # 县社保中心's problem is due in 20 days
    docx = next(p for p in paths if p.suffix == ".docx")
    text = docx_text(docx)
    assert "白泥镇卫生院：" in text and "催办通知" in text and "某某县纠风办" in text
    assert "逾期4天" in text and "剩余3天" in text and "收费未公示" in text
    assert "挂号窗口推诿" in text and "13812345678" not in text  # scrubbed as the 公示 is
    assert "办事要跑多次" not in text
    pdf = re.sub(r"\s+", "", pdf_text(next(p for p in paths if p.suffix == ".pdf")))
    assert "逾期4天" in pdf and "剩余3天" in pdf


def test_n_from_the_office_settings_decides_who_gets_one(data_dir, tmp_path):
    paths = _reminders(data_dir, tmp_path / "wide", due_soon_days=30)
    names = sorted(p.name for p in paths if p.suffix == ".docx")
    assert len(names) == 2 and "县社保中心" in names[0] + names[1]
    social = next(p for p in paths if p.suffix == ".docx" and "县社保中心" in p.name)
    assert "剩余20天" in docx_text(social)
    paths = _reminders(data_dir, tmp_path / "narrow", due_soon_days=2)
    text = docx_text(next(p for p in paths if p.suffix == ".docx"))
    assert len(paths) == 2 and "逾期4天" in text and "收费未公示" not in text


def test_the_command_line_writes_the_reminders(data_dir, tmp_path):
    out = tmp_path / "催办"
    res = run(data_dir, "report", "reminder", "--out", str(out), "--format", "docx")
    assert res.returncode == 0, res.stderr
    files = sorted(out.iterdir())
    assert [f.suffix for f in files] == [".docx"] and "卫生院" in files[0].name
    assert "逾期4天" in docx_text(files[0])


def test_hq_numbers_each_unit_notice_in_the_reminder_sequence(database_url, tmp_path):
    """One number per unit notice, of kind reminder: its own sequence, not the criticisms'."""
    from desktop.data.hq_numbers import issue_number, issue_numbers
    from models.enums import UnitKind
    from models.records import Problem
    from models.reference import Unit
    from reports.outputs import reminder_due_ids
    from sync.protocol import NoticeKind
    from tests.sync.helpers import Hq

    hq = Hq.start(database_url, tmp_path)
    try:
        office = hq.device("office", name="office")
        today = local_today()
        issue_number(office.store, prefix="余纠通", year=today.year, criticism_ids=[],
                     transport=office.transport)  # a criticism notice took its 1号
        with office.write() as w:
            for name, days in (("县社保中心", -3), ("卫生院", 1), ("教育局", 30)):
                unit = w.create(Unit, {"name": name, "kind": UnitKind.DEPARTMENT})
                w.create(Problem, {"description": f"{name}问题", "unit_id": unit,
                                   "reported_on": today - timedelta(days=40),
                                   "deadline": today + timedelta(days=days)})
        req = ReportRequest(out=tmp_path / "out", as_of=today, fmt="docx")
        with office.store.read() as conn:
            records, prefix = reminder_due_ids(conn, req)
        assert len(records) == 2 and all(len(ids) == 1 for ids in records.values())
        req.numbers = issue_numbers(office.store, kind=NoticeKind.REMINDER, records=records,
                                    prefix=prefix, year=today.year, transport=office.transport)
        with office.store.read() as conn:
            paths = produce("reminder", conn, req)
    finally:
        hq.close()
    assert sorted(req.numbers.values()) == [f"催办〔{today.year}〕1号", f"催办〔{today.year}〕2号"]
    texts = [docx_text(p) for p in paths]
    assert all(any(n in t for n in req.numbers.values()) for t in texts) and len(texts) == 2
