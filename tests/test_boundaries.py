"""The layers: models and sync never load Qt; headless commands start without it."""

import json
import os
import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": "pw"}
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True, env=env)
    return set(out.stdout.split())


def test_models_and_sync_never_import_qt():
    mods = _modules_after("import models.stats, models.imports, models.demo, models.store.store\n"
                          "import importlib.util\n"
                          "if importlib.util.find_spec('sync'): import sync")
    assert not {m for m in mods if m.startswith(("PySide6", "qasync"))}
    assert not {m for m in mods if m.startswith("desktop")}


def test_headless_commands_never_import_qt(tmp_path):
    code = ("import sys, runpy\n"
            f"sys.argv = ['fieldinspect', '--data-dir', r'{tmp_path}', 'stats', '--json']\n"
            "from desktop.cli import main\n"
            "import io, contextlib\n"
            "with contextlib.redirect_stdout(io.StringIO()): main()\n")
    mods = _modules_after(code)
    assert not {m for m in mods if m.startswith(("PySide6", "qasync"))}


def test_profile_commands_never_import_qt(tmp_path):
    """A kiosk is set up over SSH, where no display exists (issue 17 §3)."""
    code = ("import os, sys\n"
            "os.environ['FIELDINSPECT_PIN'] = '2468'\n"
            "from desktop.cli import main\n"
            f"base = ['--data-dir', r'{tmp_path}', 'profile']\n"
            "assert main([*base, 'add', '负责人', '--role', 'supervisor']) == 0\n"
            "import io, contextlib\n"
            "with contextlib.redirect_stdout(io.StringIO()): assert main([*base, 'list']) == 0\n")
    mods = _modules_after(code)
    assert not {m for m in mods if m.startswith(("PySide6", "qasync"))}


def test_a_command_loads_only_what_it_needs(tmp_path):
    """`import evaluations` (issue 18 §2: the whole command in a second) builds only its own
    command's parser: the report commands' documents, the HQ server and the sync client stay
    unloaded, as do the workbook readers a CSV does not need."""
    forms = tmp_path / "forms.csv"
    forms.write_text("form_no,campaign,group,unit,level,reason,suggestion,date\n",
                     encoding="utf-8")
    code = ("import sys\n"
            "from desktop.cli import main\n"
            "import io, contextlib\n"
            "with contextlib.redirect_stdout(io.StringIO()), "
            "contextlib.redirect_stderr(io.StringIO()):\n"
            f"    main(['--data-dir', r'{tmp_path / 'dev'}', 'import', 'evaluations', "
            f"r'{forms}'])\n")
    mods = _modules_after(code)
    assert "models.imports.evaluations" in mods  # the command ran
    loaded = {m.split(".")[0] for m in mods} | {m.rsplit(".", 1)[0] for m in mods}
    assert not loaded & {"reports", "fastapi", "httpx", "openpyxl", "python_calamine",
                         "sync.client", "sync.server", "desktop.cli.report_commands"}


def test_import_evaluations_writes_without_the_table_classes(tmp_path):
    """`import evaluations` reads, checks and writes forms (with a suggestion's opinion and a
    new campaign) without SQLModel, pydantic, the ORM or the table classes: a third of the
    command's start-up (docs/imports.md); nor SQLAlchemy itself: the store is reached through
    the SQLite driver alone (models/store/driver.py), ~0.17 s of CPU less."""
    units, forms = tmp_path / "units.csv", tmp_path / "forms.csv"
    units.write_text("name,kind,parent\n白泥镇,township,\n", encoding="utf-8")
    forms.write_text("form_no,campaign,group,unit,level,reason,suggestion,date\n"
                     "000001,2026年评议,citizen,白泥镇,satisfied,,多修路,2026-03-02\n"
                     "000002,2026年评议,citizen,白泥镇,dissatisfied,态度差,,2026-03-03\n",
                     encoding="utf-8")
    base = ["--data-dir", str(tmp_path / "dev"), "import"]
    env = {**os.environ, "FIELDINSPECT_PASSPHRASE": "pw"}
    subprocess.run([sys.executable, "-m", "desktop.cli", *base, "units", str(units)],
                   check=True, env=env, capture_output=True)
    code = ("from desktop.cli import main\n"
            f"assert main({[*base, 'evaluations', str(forms)]!r}) == 0\n")
    mods = _modules_after(code)
    assert not mods & {"sqlmodel", "pydantic", "sqlalchemy", "models.records",
                       "models.reference", "models.services"}
    stats = subprocess.run([sys.executable, "-m", "desktop.cli", "--data-dir",
                            str(tmp_path / "dev"), "stats", "--json"],
                           check=True, env=env, capture_output=True, text=True).stdout
    figures = json.loads(stats)
    assert figures["evaluations"]["total"] == 2
    assert figures["opinions"]["total"] == 1
