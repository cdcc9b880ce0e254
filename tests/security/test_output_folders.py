"""An output pointed at a folder that is missing gets the folder made; one that cannot be used
is refused with the reason (exit 1 on the command line), never a crash log or a file dropped
in the process's current directory."""

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.exports import write_table
from models.imports.common import run_import
from models.output_folder import OutputFolderError
from models.store.store import Store
from reports.outputs import ReportRequest, produce

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(tmp_path):
    data = tmp_path / "device"
    Store.open(data, "pw").close()
    cwd, state = tmp_path / "cwd", tmp_path / "state"
    cwd.mkdir()

    def run(*args):
        env = {**os.environ, "FIELDINSPECT_PASSPHRASE": "pw", "XDG_STATE_HOME": str(state),
               "PYTHONPATH": str(ROOT)}
        return subprocess.run([sys.executable, "-m", "desktop.cli", "--data-dir", str(data),
                               *args], capture_output=True, text=True, env=env, cwd=cwd,
                              stdin=subprocess.DEVNULL)

    run.cwd, run.state = cwd, state
    return run


def test_report_out_into_missing_folder(cli, tmp_path):
    target = tmp_path / "新建" / "二级" / "台账.xlsx"
    res = cli("report", "ledger", "--out", str(target))
    assert res.returncode == 0, res.stderr
    assert target.stat().st_size > 0  # the folders were made, the file is where it was asked
    blocker = tmp_path / "报表"
    blocker.write_text("a file, not a folder")
    taken = tmp_path / "taken.xlsx"
    taken.mkdir()
    for args in (("ledger", "--out", str(blocker / "台账.xlsx")),
                 ("notice", "--out", str(blocker / "sub" / "公示.docx")),
                 ("unit-feedback", "--out", str(blocker)),
                 ("ledger", "--out", str(taken))):
        res = cli("report", *args)
        assert res.returncode == 1, (args, res.stderr)
        assert "unexpected error" not in res.stderr and "Traceback" not in res.stderr
        assert ("a file of that name is in the way" in res.stderr) != (args[-1] == str(taken))
    assert "is a folder; give the file a name" in res.stderr
    assert list(cli.cwd.iterdir()) == []  # nothing fell into the current directory
    assert not cli.state.exists()  # and no crash log was written


def test_unwritable_folder_is_refused_with_its_reason(store, tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kw):
        if self.is_relative_to(locked):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_mkdir(self, *args, **kw)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    with store.read() as conn, pytest.raises(OutputFolderError) as refused:
        produce("ledger", conn, ReportRequest(out=locked / "台账.xlsx"))
    assert refused.value.reason == "permission" and refused.value.code == "output_folder_permission"
    assert str(locked) in refused.value.message and "may not write" in refused.value.message
    with pytest.raises(OutputFolderError):
        write_table(locked / "list.csv", ["name"], [["a"]])


def test_list_export_and_rejects_file_into_missing_folders(store, tmp_path):
    listed = write_table(tmp_path / "exports" / "2026" / "units.csv",
                         ["名称", "类别", "上级单位"],
                         [["县社保中心", "department", ""], ["窗口", "service_window", "没有"]])
    assert listed.exists()
    rejects = tmp_path / "rejects" / "units-rejected.csv"
    run_import(store, "units", listed, profile="clerk", skip_invalid=True, rejects_path=rejects)
    assert "没有" in rejects.read_text(encoding="utf-8-sig")
