"""An unexpected error leaves where it happened in the crash log, never what it quoted: an
exception's message may carry a name or a form's text that must stay inside the store."""

from pathlib import Path

from desktop.cli import context

CANARY = "CRASHCANARY-张敏-迟到"


def _failing_command(ctx, args):
    try:
        {}["form"]
    except KeyError as inner:
        raise RuntimeError(f"could not save the criticism of {CANARY}") from inner


def test_crash_log_names_the_place_not_the_record(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(context, "resolve_log_dir", lambda: tmp_path / "logs")
    ctx = context.CommandContext(data_dir=str(tmp_path / "data"), user=None)
    assert ctx.run(_failing_command, None) == 1
    log = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert CANARY not in log and CANARY not in capsys.readouterr().err
    assert "_failing_command" in log  # the frame, to find the bug
    assert "builtins.RuntimeError (message withheld)" in log
    assert "builtins.KeyError (message withheld)" in log  # the cause too


def _unwritable_log_dir(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setattr(context, "resolve_log_dir", lambda: blocker / "logs")


def test_crash_message_names_a_log_that_was_written(tmp_path, monkeypatch, capsys):
    _unwritable_log_dir(tmp_path, monkeypatch)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    ctx = context.CommandContext(data_dir=str(tmp_path / "data"), user=None)
    assert ctx.run(_failing_command, None) == 1
    named = capsys.readouterr().err.split("Details: ")[1].strip()
    assert "_failing_command" in Path(named).read_text(encoding="utf-8")


def test_crash_message_names_no_file_when_none_could_be_written(tmp_path, monkeypatch, capsys):
    _unwritable_log_dir(tmp_path, monkeypatch)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "not-a-folder" / "tmp"))
    ctx = context.CommandContext(data_dir=str(tmp_path / "data"), user=None)
    assert ctx.run(_failing_command, None) == 1
    err = capsys.readouterr().err
    assert "Details:" not in err and "No details could be saved" in err
