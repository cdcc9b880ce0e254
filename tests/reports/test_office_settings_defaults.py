"""The criticism notice takes the issuer and the number prefix HQ set in the office settings
(issue 14 §5) unless the command line names others."""

from models.office_settings import save_office_settings
from models.store.store import Store
from tests.reports.conftest import AS_OF, docx_text
from tests.reports.test_cli import run


def _store_with_settings(data_dir) -> None:
    assert run(data_dir, "demo-data", "--as-of", AS_OF.isoformat()).returncode == 0
    store = Store.open(data_dir, "pw")
    try:
        with store.write("hq") as w:  # a demo store acts as HQ
            save_office_settings(w, {"issuer_name": "中共某某县纪委监委",
                                     "prefix_criticism": "某纪通"})
    finally:
        store.close()


def test_the_criticism_notice_takes_the_office_settings_prefix_and_issuer(tmp_path):
    data_dir = tmp_path / "dev"
    _store_with_settings(data_dir)
    asof = ("--as-of", AS_OF.isoformat())
    res = run(data_dir, "report", "criticism-notice", "--out", str(tmp_path / "a.docx"), *asof)
    assert res.returncode == 0, res.stderr
    text = docx_text(tmp_path / "a.docx")
    assert "某纪通〔2026〕" in text and "中共某某县纪委监委" in text
    assert "余纠通" not in text and "县纠风办" not in text
    res = run(data_dir, "report", "criticism-notice", "--out", str(tmp_path / "b.docx"),
              "--prefix", "余纠通", "--office", "县纠风办", *asof)
    assert res.returncode == 0, res.stderr
    text = docx_text(tmp_path / "b.docx")
    assert "余纠通〔2026〕" in text and "县纠风办" in text and "某纪通" not in text
