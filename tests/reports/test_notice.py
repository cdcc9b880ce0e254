"""The 公示 states its publicity period and where to report (HQ's hotline and e-mail), and by
default lists only problems under investigation or later, saying how many it left out (issue 14
§5)."""

from datetime import date

import pytest

from models.enums import ProblemStatus, UnitKind, zh_label
from models.errors import ValidationError
from models.office_settings import save_office_settings
from models.records import Problem
from models.reference import Campaign, Unit
from models.store.store import Store
from reports.outputs import ReportRequest, produce, with_office_settings
from tests.reports.conftest import docx_text, pdf_text
from tests.reports.test_cli import run

ISSUED = date(2026, 6, 30)
HOTLINE, EMAIL = "0571-88886666", "jiufeng@example.gov.cn"


def _plant(store):
    """One problem at each status, and HQ's hotline and e-mail."""
    with store.write("hq") as w:
        unit = w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
        campaign = w.create(Campaign, {"name": "2026年万民评议", "year": 2026})
        for status in ProblemStatus:
            w.create(Problem, {"description": f"问题-{status.value}", "unit_id": unit,
                               "campaign_id": campaign, "status": status,
                               "responsible_person": "吴局长", "measures": "建立制度",
                               "reported_on": date(2026, 3, 5), "deadline": date(2026, 4, 5)})
        save_office_settings(w, {"hotline": HOTLINE, "email": EMAIL})
    return store


@pytest.fixture
def county(store):
    return _plant(store)


def _notice(store, path, **kw) -> tuple[str, ReportRequest]:
    req = ReportRequest(out=path, as_of=ISSUED, **kw)
    with store.read() as conn:
        with_office_settings(conn, req)
        produce("notice", conn, req)
    return (docx_text(path) if path.suffix == ".docx" else pdf_text(path)), req


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_notice_states_its_period_hotline_and_email(county, tmp_path, fmt):
    text, _ = _notice(county, tmp_path / f"公示.{fmt}", publicity_days=10)
    assert "公示期：2026年6月30日至2026年7月10日" in text
    assert f"监督电话：{HOTLINE}" in text and f"电子邮箱：{EMAIL}" in text


def test_the_period_defaults_to_seven_days_and_an_unset_hotline_is_left_out(store, tmp_path):
    with store.write("hq") as w:
        w.create(Unit, {"name": "县社保中心", "kind": UnitKind.DEPARTMENT})
    text, _ = _notice(store, tmp_path / "n.docx")
    assert "公示期：2026年6月30日至2026年7月7日" in text
    assert "监督电话" not in text and "电子邮箱" not in text


def test_a_problem_not_yet_investigated_is_left_out_and_counted(county, tmp_path):
    text, req = _notice(county, tmp_path / "n.docx")
    assert "问题-open" not in text
    assert all(f"问题-{s}" in text for s in ("investigating", "rectifying", "rectified",
                                             "verified"))
    assert zh_label(ProblemStatus.INVESTIGATING) in text  # the status, by the one label table
    assert req.not_investigated == 1
    assert "另有 1 个问题尚在受理，未列入" in text


def test_with_include_all_every_problem_is_listed(county, tmp_path):
    text, req = _notice(county, tmp_path / "n.docx", include_uninvestigated=True)
    assert "问题-open" in text and "尚在受理" not in text
    assert req.not_investigated == 0


def test_a_period_outside_one_to_365_days_is_refused(county, tmp_path):
    with pytest.raises(ValidationError) as exc:
        _notice(county, tmp_path / "n.docx", publicity_days=0)
    assert exc.value.problems[0].code == "publicity_days_range"
    assert not (tmp_path / "n.docx").exists()


def test_the_command_line_sets_the_period_and_says_what_it_left_out(tmp_path):
    data_dir = tmp_path / "dev"
    _plant(Store.open(data_dir, "pw")).close()
    out = tmp_path / "公示.docx"
    args = ("--lang", "en", "report", "notice", "--out", str(out), "--as-of",
            ISSUED.isoformat(), "--publicity-days", "5")
    res = run(data_dir, *args)
    assert res.returncode == 0, res.stderr
    assert "Publicity period: 2026-06-30 to 2026-07-05." in res.stdout
    assert "1 problems not yet investigated are left out" in res.stdout
    assert "公示期：2026年6月30日至2026年7月5日" in docx_text(out)
    res = run(data_dir, *args, "--include-uninvestigated")
    assert res.returncode == 0, res.stderr
    assert "问题-open" in docx_text(out) and "not yet investigated are left out" not in res.stdout
