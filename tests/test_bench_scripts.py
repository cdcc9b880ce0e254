"""`bench/anki_compare.py` is an optional benchmark: without the `anki` package (the
`bench-anki` extra) its --help still works and a run says how to install the extra and exits 2.
Run with `python -S`, which leaves site-packages (and so anki) out. `bench/desktop_bench.py`
builds its store where --store names a folder without one."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_without_site_packages(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-S", "bench/anki_compare.py", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_anki_compare_help_runs_without_anki():
    done = run_without_site_packages("--help")
    assert done.returncode == 0, done.stderr
    assert "--records" in done.stdout and "--forms" in done.stdout


def test_anki_compare_without_anki_names_the_extra_and_exits_2():
    done = run_without_site_packages("--records", "10")
    assert done.returncode == 2
    assert "bench-anki" in done.stderr


def _desktop_bench():
    spec = importlib.util.spec_from_file_location("desktop_bench", ROOT / "bench" / "desktop_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_desktop_bench_builds_the_store_a_missing_store_folder_names(tmp_path, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # what the script sets on import
    bench = _desktop_bench()
    built = []

    def build(data_dir, forms):
        built.append((data_dir, forms))
        data_dir.mkdir(parents=True)
        (data_dir / "fieldinspect.db").write_bytes(b"")

    monkeypatch.setattr(bench, "build_store", build)
    missing = tmp_path / "new"
    assert bench.prepared_store(missing, 500) == missing
    assert built == [(missing, 500)]  # benched before on an empty store of 0 forms
    assert bench.prepared_store(missing, 500) == missing
    assert built == [(missing, 500)]  # an existing store is used as it is


def test_a_bench_keeps_hqs_attachment_folder_out_of_the_users_data_directory(tmp_path):
    """A bench's own opening of a PostgreSQL HQ (its migration, its seeding) names no data
    directory: HQ's attachment key must land in the bench's throw-away folder, not in the
    user's real one (~/.local/share/FieldInspect/hq-blobs), and the folder goes at exit."""
    home = tmp_path / "home"
    home.mkdir()
    script = ("from bench.key_dir import throwaway_key_dir; throwaway_key_dir(); "
              "from sync.server.db import default_pg_blob_dir; print(default_pg_blob_dir())")
    env = {k: v for k, v in os.environ.items()
           if k not in ("FIELDINSPECT_DATA_DIR", "FIELDINSPECT_BLOB_DIR", "FIELDINSPECT_KEY_DIR",
                        "XDG_DATA_HOME")}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={**env, "HOME": str(home)},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    blob_dir = Path(done.stdout.strip())
    assert home not in blob_dir.parents
    assert blob_dir.name == "hq-blobs" and not blob_dir.parent.exists()


def test_the_first_pull_bench_leaves_new_devices_taking_snapshots_for_the_benches_after_it(
        tmp_path):
    """`bench_pull` times row-by-row pulls last by switching snapshots off; `anki_compare`
    runs the A->B bench after it in the same process, whose devices must start as new devices
    do (from a snapshot), not from 100,000 rows pulled one page at a time."""
    script = (
        "import sys; from pathlib import Path; from bench import sync_bench; "
        "from sync.client import engine; before = engine.wants_snapshot; "
        f"sync_bench.bench_pull(Path({str(tmp_path)!r}), 30); "
        "print('same' if engine.wants_snapshot is before else 'changed')")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDINSPECT_")}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "same"
