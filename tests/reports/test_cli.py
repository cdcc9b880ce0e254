"""`fieldinspect report ...` as operators script it: files, exit codes, no Qt."""

import os
import subprocess
import sys

import openpyxl
import pytest

from tests.cli_runner import run_cli
from tests.reports.conftest import AS_OF, docx_text


def run(data_dir, *args):
    """One command, in this process (the two tests below that look for Qt start their own)."""
    return run_cli(["--data-dir", data_dir, *args], {**os.environ, "FIELDINSPECT_PASSPHRASE": "pw"})


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli") / "dev"
    assert run(d, "demo-data", "--as-of", AS_OF.isoformat()).returncode == 0
    return d


def test_every_report_from_the_command_line(demo_dir, tmp_path):
    asof = ("--as-of", AS_OF.isoformat())
    for kind, name in (("ledger", "台账.xlsx"), ("notice", "公示.docx"), ("notice", "公示.pdf"),
                       ("county-summary", "汇总.pdf"), ("rankings", "排名.xlsx"),
                       ("overdue", "逾期.xlsx"), ("criticism-notice", "通报.docx")):
        res = run(demo_dir, "report", kind, "--out", str(tmp_path / name), *asof)
        assert res.returncode == 0, res.stderr
        assert (tmp_path / name).stat().st_size > 0
    assert "通报批评" in docx_text(tmp_path / "通报.docx")
    from models.store.store import Store

    store = Store.open(demo_dir, "pw")
    try:
        with store.read() as conn:
            logged = [r[0] for r in conn.exec_driver_sql(
                "SELECT details FROM audit_log WHERE event = 'export' ORDER BY seq")]
    finally:
        store.close()
    assert len(logged) == 7 and '"report":"criticism-notice"' in logged[-1]


def test_filters_format_and_errors(demo_dir, tmp_path):
    out = tmp_path / "ledger.bin"
    res = run(demo_dir, "report", "ledger", "--out", str(out), "--format", "xlsx",
              "--status", "rectifying", "--unit", "县政务服务中心", "--as-of", AS_OF.isoformat())
    assert res.returncode == 0, res.stderr
    with out.open("rb") as fh:
        rows = list(openpyxl.load_workbook(fh).active.iter_rows(min_row=3, values_only=True))
    assert all(r[9] == "整改中" and r[4].startswith("县政务服务中心") for r in rows)
    bad = run(demo_dir, "report", "ledger", "--out", str(tmp_path / "x.xlsx"), "--status", "lost")
    # Refused as argparse refuses any bad option value (exit 2), naming what it accepts.
    assert bad.returncode == 2 and "lost" in bad.stderr and "Traceback" not in bad.stderr
    assert "rectifying/整改中" in bad.stderr
    ambiguous = run(demo_dir, "report", "ledger", "--out", str(tmp_path / "x.xlsx"),
                    "--unit", "第一小学")
    assert ambiguous.returncode == 1 and "白泥镇第一小学" in ambiguous.stderr
    assert run(demo_dir, "report", "notice", "--out", str(tmp_path / "n.txt")).returncode == 1
    assert run(demo_dir, "report", "nonsense", "--out", "x").returncode == 2


def test_status_option_takes_the_chinese_label_too(demo_dir, tmp_path):
    """`--status 已整改` is `--status rectified`: the label the ledger prints (issue 13 §2)."""
    out = tmp_path / "ledger.xlsx"
    res = run(demo_dir, "report", "ledger", "--out", str(out), "--status", "已整改",
              "--as-of", AS_OF.isoformat())
    assert res.returncode == 0, res.stderr
    with out.open("rb") as fh:
        rows = list(openpyxl.load_workbook(fh).active.iter_rows(min_row=3, values_only=True))
    assert rows and {r[9] for r in rows if r[0]} == {"已整改"}


def test_report_commands_never_import_qt(demo_dir, tmp_path):
    code = ("import sys, io, contextlib\n"
            f"sys.argv = ['fieldinspect', '--data-dir', r'{demo_dir}', 'report', 'overdue', "
            f"'--out', r'{tmp_path / 'o.pdf'}']\n"
            "from desktop.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()): main()\n"
            "print(' '.join(sys.modules))")
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": "pw"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True).stdout
    assert not [m for m in out.split() if m.startswith(("PySide6", "qasync"))]


def test_reports_package_never_imports_qt_or_desktop():
    code = ("import reports.outputs, reports.feedback, reports.summary, reports.notice, "
            "reports.criticism, reports.ledger, reports.rankings, reports.numbering\n"
            "import sys\nprint(' '.join(sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert not [m for m in out if m.startswith(("PySide6", "qasync", "desktop"))]
