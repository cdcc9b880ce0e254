"""The command line as operators script it: outputs, exit codes, plain-word errors."""

import json
import os
import subprocess
import sys

import pytest

from tests.cli_runner import run_cli
from tests.models.helpers import FORM_HEADER, UNITS, write_csv


def _env(passphrase: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FIELDINSPECT_PASSPHRASE"}
    if passphrase is not None:
        env["FIELDINSPECT_PASSPHRASE"] = passphrase
    return env


def run(data_dir, *args, passphrase="pw"):
    """One command, in this process (tests/cli_runner.py)."""
    return run_cli(["--data-dir", data_dir, *args], _env(passphrase))


def run_process(data_dir, *args, passphrase="pw"):
    """One command in a real `python -m desktop.cli` process: what the exit codes are."""
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir),
                           *args], capture_output=True, text=True, env=_env(passphrase),
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def files(tmp_path):
    units = write_csv(tmp_path / "units.csv", ["name", "kind", "parent"], UNITS)
    good = write_csv(tmp_path / "good.csv", FORM_HEADER, [
        ["1", "2024年万民评议", "patient", "卫生院", "满意", "", "", "2024-05-01"],
        ["2", "2024年万民评议", "citizen", "县社保中心", "不满意", "推诿", "", "2024-05-01"],
    ])
    bad = write_csv(tmp_path / "bad.csv", FORM_HEADER, [
        ["3", "2024年万民评议", "patient", "卫生院", "满意", "", "", "2024-05-01"],
        ["4", "2024年万民评议", "patient", "卫生所", "满意", "", "", "2024-05-01"],
        ["5", "2024年万民评议", "patient", "卫生院", "不满意", "", "", "2024-05-01"],
    ])
    return units, good, bad


def test_import_then_stats_json(tmp_path, files):
    units, good, _ = files
    d = tmp_path / "dev"
    assert run(d, "import", "units", units).returncode == 0
    res = run(d, "import", "evaluations", good)
    assert res.returncode == 0, res.stderr
    assert "imported 2 forms" in res.stdout and "created campaign" in res.stdout
    stats = json.loads(run(d, "stats", "--json").stdout)
    assert stats["evaluations"]["total"] == 2
    assert stats["evaluations"]["satisfaction_rate"] == 0.5
    assert set(stats["evaluations"]["by_level"]) == {
        "satisfied", "fairly_satisfied", "basically_satisfied", "dissatisfied"}
    assert "Overall satisfaction" in run(d, "stats").stdout
    assert run(d, "stats", "--campaign", "no such").returncode == 1


def test_bad_import_lists_every_problem_and_writes_nothing(tmp_path, files):
    units, _, bad = files
    d = tmp_path / "dev"
    run(d, "import", "units", units)
    res = run(d, "import", "evaluations", bad)
    assert res.returncode == 1
    assert f"{bad}:3: unit: unknown unit '卫生所'" in res.stderr
    assert f"{bad}:4: reason: a reason is required" in res.stderr
    assert "Traceback" not in res.stderr
    figures = json.loads(run(d, "stats", "--json").stdout)
    assert figures["evaluations"]["total"] == 0
    # The replies to complainants (issue 14 §4): none yet, so no satisfaction rate either.
    assert (figures["problems"]["replied"], figures["problems"]["complainant_satisfaction"]) == (
        0, None)
    assert "replied to the complainant" in run(d, "stats").stdout
    rejects = tmp_path / "rejects.csv"
    res = run(d, "import", "evaluations", bad, "--skip-invalid", "--rejects", rejects)
    assert res.returncode == 0 and "rejected 2 rows" in res.stdout
    assert rejects.exists()


def test_exit_codes(tmp_path, files):
    d = tmp_path / "dev"
    assert run_process(d, "stats").returncode == 0
    locked = run_process(d, "stats", passphrase="wrong")
    assert locked.returncode == 4 and "Wrong passphrase" in locked.stderr
    assert run_process(d, "stats", passphrase=None).returncode == 4
    assert run_process(d, "no-such-command").returncode == 2
    assert run_process(d, "import", "evaluations", tmp_path / "missing.csv").returncode == 1


def test_demo_data_only_in_an_empty_store(tmp_path, files):
    d = tmp_path / "demo"
    res = run(d, "demo-data", "--seed", "3", "--as-of", "2024-11-30")
    assert res.returncode == 0, res.stderr
    stats = json.loads(run(d, "stats", "--json", "--as-of", "2024-11-30").stdout)
    assert stats["evaluations"]["total"] == 26300
    assert stats["evaluations"]["by_group"] == {"parent": 9800, "patient": 4500, "citizen": 12000}
    assert stats["evaluations"]["satisfaction_rate"] > 0.96
    assert stats["opinions"]["sorted"] == 689 and stats["problems"]["rectified"] == 104
    assert stats["problems"]["overdue"] > 0
    assert all(n > 0 for n in stats["visits"]["by_kind"].values())
    again = run(d, "demo-data")
    assert again.returncode == 1 and "empty store" in again.stderr


def test_window_without_pyside6_names_the_missing_module(monkeypatch, capsys):
    """A headless install: running the window says which module is missing and how to get it,
    not that the window is "not built yet"."""
    import desktop.cli

    monkeypatch.delitem(sys.modules, "desktop.app", raising=False)
    monkeypatch.setitem(sys.modules, "PySide6.QtCore", None)
    assert desktop.cli.main([]) == 2
    err = capsys.readouterr().err
    assert "'PySide6' is missing" in err and "pip install PySide6-Essentials" in err
    assert "not built yet" not in err


def test_stats_json_lists_overdue_units_and_the_accountability_candidates(tmp_path):
    from models.store.store import Store
    from tests.models.helpers import seed_overdue

    d = tmp_path / "chase"
    store = Store.open(d, "pw")
    ids = seed_overdue(store, tmp_path)
    store.close()
    res = run(d, "stats", "--json", "--as-of", ids["today"].isoformat())
    assert res.returncode == 0, res.stderr
    stats = json.loads(res.stdout)
    assert [(u["unit_name"], u["overdue"]) for u in stats["problems"]["overdue_units"]] == [
        ("卫生院", 3), ("县社保中心", 1)]
    candidates = stats["accountability_candidates"]
    assert candidates["threshold"] == 3
    assert [(u["unit_name"], u["campaign_id"], u["overdue"]) for u in candidates["units"]] == [
        ("卫生院", ids["campaign"], 3)]


def test_stats_json_counts_reports_awaiting_acceptance_and_pending_extensions(tmp_path):
    """issue 14 §2: what waits for HQ's answer, in the figures an operator scripts against."""
    from datetime import timedelta

    from models import services
    from models.rectification import ExtensionRequest, RectificationReport
    from models.store.store import Store
    from tests.models.helpers import seed_overdue

    d = tmp_path / "answers"
    store = Store.open(d, "pw")
    ids = seed_overdue(store, tmp_path)
    with store.read() as conn:
        problem = conn.exec_driver_sql("SELECT id FROM problem LIMIT 1").scalar()
    today = ids["today"]
    with store.write("liaison") as w:
        services.create_record(w, RectificationReport, {
            "problem_id": problem, "what_done": "已整改", "reported_on": today,
            "completed_on": today})
        services.create_record(w, ExtensionRequest, {
            "problem_id": problem, "requested_deadline": today + timedelta(days=9),
            "reason": "设备未到", "requested_on": today})
    store.close()
    res = run(d, "stats", "--json")
    assert res.returncode == 0, res.stderr
    stats = json.loads(res.stdout)
    assert stats["problems"]["awaiting_acceptance"] == 1
    assert stats["extensions"] == {"pending": 1}
    assert stats["accountability_candidates"]["units"][0]["problem_ids"]


def test_every_command_is_found_where_it_is_registered():
    """A command's run builds only its own module's parser (desktop/cli COMMAND_OF): each
    command named there is the one its module registers, and none is missing."""
    import argparse
    import importlib

    from desktop.cli import COMMAND_MODULES, COMMAND_OF

    registered = {}
    for name in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(sub)
        registered.update(dict.fromkeys(sub.choices, name))
    assert registered == COMMAND_OF


def test_opening_the_window_builds_no_commands_parser():
    """`fieldinspect` with only global options opens the window; it built every command's
    parser first (the report, sync and server modules: ~0.3 s of a cold start on a quiet
    machine, seconds under load) before the window appeared."""
    code = ("import sys; from desktop.cli import COMMAND_MODULES, build_parser;"
            "args = build_parser(['--data-dir', 'd', '--user', 'u']).parse_args("
            "['--data-dir', 'd', '--user', 'u']);"
            "print(args.command, [m for m in COMMAND_MODULES if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["None", "[]"]


def test_a_command_after_the_global_options_runs_with_its_options(tmp_path, files):
    """`--lang=en --data-dir D import …` and `--lang en --data-dir=D import …` both find
    the command; a mistyped command still lists every command."""
    units, good, _ = files
    d = tmp_path / "dev"
    res = run_cli(["--lang=en", "--data-dir", d, "import", "units", units], _env("pw"))
    assert res.returncode == 0, res.stderr
    res = run_cli(["--lang", "en", f"--data-dir={d}", "import", "evaluations", good],
                  _env("pw"))
    assert res.returncode == 0 and "imported 2 forms" in res.stdout, res.stderr
    res = run(d, "imprt", "units", units)
    assert res.returncode == 2 and "'import'" in res.stderr and "'report'" in res.stderr


def test_a_command_run_as_its_own_process_ends_without_walking_every_object(tmp_path, files):
    """A command run as the process's own command line (`python -m desktop.cli`, the
    `fieldinspect` script) freezes the collector's objects at exit: the interpreter's last
    collection then skips the ~hundred thousand objects SQLAlchemy and the app's modules made
    (26,300-form import: ~0.13 s of CPU after the command, at load 7, down to ~0.02 s). Its
    output is whole and its store closed (the write-ahead log emptied into the file). A call
    with arguments (tests, the built program's forwarding) registers nothing."""
    units, good, _ = files
    code = ("import atexit, gc, io, contextlib, sys\n"
            "from desktop.cli import main\n"
            "out = io.StringIO()\n"
            f"sys.argv = ['fieldinspect', '--data-dir', r'{tmp_path / 'dev'}', 'import', "
            f"'evaluations', r'{good}']\n"
            "with contextlib.redirect_stdout(out): rc = main()\n"
            "atexit._run_exitfuncs()\n"
            "print(rc, gc.get_freeze_count() > 0, out.getvalue().strip())\n")
    assert run_process(tmp_path / "dev", "import", "units", str(units)).returncode == 0
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env("pw"), stdin=subprocess.DEVNULL, check=True)
    rc, frozen, said = done.stdout.split(None, 2)
    assert (rc, frozen) == ("0", "True") and said.startswith("imported 2 forms")
    in_process = code.replace("rc = main()", "rc = main(sys.argv[1:])").replace(
        f"r'{good}'", f"r'{files[1]}', '--skip-invalid'")
    done = subprocess.run([sys.executable, "-c", in_process], capture_output=True, text=True,
                          env=_env("pw"), stdin=subprocess.DEVNULL, check=True)
    assert done.stdout.split()[:2] == ["0", "False"]
    finished = run_process(tmp_path / "dev", "stats", "--json")
    assert finished.returncode == 0 and json.loads(finished.stdout)
    wal = tmp_path / "dev" / "fieldinspect.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
