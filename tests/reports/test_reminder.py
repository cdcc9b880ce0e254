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
