"""A real-window try of a visit's checklist keyed at full speed (issue 16 §2) by xdotool.

    bash bench/checklist_xdotool.sh [en|zh_CN] [DELAY_MS]   (starts Xvfb :99 when needed)

Makes a demo store in a throw-away folder and adds one visit to a service window (dated the
last day of the year, so it heads the visits list), opens the app on the X display, unlocks
it, opens Visits, selects that visit and opens its checklist with Ctrl+K, then in ONE
`xdotool key` call with DELAY_MS (default 5) between keys: an outcome key per item (1/2/3 and
P/F/N mixed), Enter and a Chinese note on each failed item, Enter to keep it, and Ctrl+S.
Then it reads the store and prints whether every result holds the outcome and note typed, and
whether each failed item has exactly one finding of the visit. Screenshots go to the output
folder (printed). The same helpers as bench/entry_xdotool.py.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entry_xdotool import PASSPHRASE, PYTHON, ROOT, keys_of, map_keys, shot, unlock, xdo

NAV_VISITS = (60, 77)  # where Visits is in the navigation at 1366x768 (no window manager)
FIRST_ROW = (700, 118)  # the first row of the visits list
OUTCOME_KEYS = {"pass": ("1", "p"), "fail": ("2", "f"), "na": ("3", "n")}

ADD_VISIT = """
import sys
from datetime import date
from models.store.store import Store
from models.records import Visit
from models.reference import Unit
s = Store.open(sys.argv[1], sys.argv[2])
with s.write("admin") as w:
    unit = w.create(Unit, {"name": "xdotool 社保窗口", "kind": "service_window"})
    print(w.create(Visit, {"kind": "open", "status": "done", "unit_id": unit,
                           "visit_date": date(2026, 12, 31), "place": "xdotool"}))
s.close()
"""

READ_BACK = """
import json, sys
from models.store.store import Store
s = Store.open(sys.argv[1], sys.argv[2])
with s.read() as c:
    results = c.exec_driver_sql(
        "SELECT i.position, r.outcome, r.note FROM checklist_result r JOIN checklist_item i "
        "ON i.id = r.item_id WHERE r.visit_id = ? ORDER BY i.position", (sys.argv[3],)).fetchall()
    findings = c.exec_driver_sql(
        "SELECT i.position, count(*) FROM finding f JOIN checklist_item i "
        "ON i.id = f.checklist_item_id WHERE f.visit_id = ? AND f.deleted_at IS NULL "
        "GROUP BY i.position", (sys.argv[3],)).fetchall()
s.close()
print(json.dumps({"results": [list(r) for r in results], "findings": dict(findings)}))
"""


def python(code: str, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([PYTHON, "-c", code, *args], check=True, capture_output=True,
                          text=True, env=env).stdout.strip()


def plan(items: int) -> tuple[list[str], list[tuple[str, str]]]:
    """The keys working through `items` items, and the (outcome, note) each must hold."""
    keys, expected = [], []
    for i in range(items):
        outcome = ("fail", "pass", "na", "pass", "fail")[i % 5]
        keys.append(OUTCOME_KEYS[outcome][i % 2])
        expected.append((outcome, ""))
    for i, (outcome, _note) in enumerate(expected):  # back up and write the notes
        if outcome == "fail":
            note = f"未达标{i + 1}"
            keys += ["ctrl+Home", *["Down"] * i, "Return", *keys_of(note), "Return"]
            expected[i] = (outcome, note)
    return keys + ["ctrl+s"], expected


def start_app(out: Path, language: str) -> tuple[subprocess.Popen, str]:
    """The demo store plus the visit to key, then the window (which asks for the passphrase)."""
    config = out / "config" / "FieldInspect"
    config.mkdir(parents=True)
    (config / "FieldInspect.conf").write_text(f"[ui]\nlanguage={language}\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "FIELDINSPECT_PASSPHRASE": PASSPHRASE}
    subprocess.run([PYTHON, "-m", "desktop.cli", "--data-dir", str(out / "data"), "demo-data"],
                   check=True, env=env, capture_output=True)
    visit = python(ADD_VISIT, str(out / "data"), PASSPHRASE)
    env.pop("QT_QPA_PLATFORM")
    env.pop("FIELDINSPECT_PASSPHRASE")
    log = open(out / "app.log", "w")  # noqa: SIM115 - the app's lifetime
    return subprocess.Popen([PYTHON, "-m", "desktop.app", "--data-dir", str(out / "data")],
                            env=env, stdout=log, stderr=subprocess.STDOUT), visit


def open_checklist() -> None:
    unlock()
    for x, y, wait in ((*NAV_VISITS, 3), (*FIRST_ROW, 0.5)):
        xdo("mousemove", str(x), str(y), "click", "1")
        time.sleep(wait)
    xdo("key", "ctrl+k")
    time.sleep(2)


def main(language: str = "en", delay: int = 5) -> None:
    out = Path(tempfile.mkdtemp(prefix="checklist-xdotool-"))
    os.environ.update(FIELDINSPECT_KEYRING="0", FIELDINSPECT_KEY_DIR=str(out / "keys"),
                      XDG_CONFIG_HOME=str(out / "config"), XDG_CACHE_HOME=str(out / "cache"))
    app, visit = start_app(out, language)
    try:
        open_checklist()
        keys, expected = plan(7)  # the service window's shipped checklist has 7+ items
        map_keys({c for _o, note in expected for c in note if not c.isascii()})
        started = time.perf_counter()
        subprocess.run(["xdotool", "key", "--delay", str(delay), *keys], check=True)
        typed = time.perf_counter() - started
        time.sleep(3)
        end = shot(out, f"checklist-end-{language}")
    finally:
        app.terminate()
        app.wait(10)
    got = json.loads(python(READ_BACK, str(out / "data"), PASSPHRASE, visit))
    results = [tuple(r[1:]) for r in got["results"]][:len(expected)]
    findings = {int(k): v for k, v in got["findings"].items()}
    positions = [r[0] for r in got["results"]][:len(expected)]
    failed = {p for p, (o, _n) in zip(positions, expected, strict=False) if o == "fail"}
    right = results == expected and set(findings) == failed and set(findings.values()) <= {1}
    print(f"language {language}, {delay} ms between keys: {len(keys)} keys typed in "
          f"{typed:.2f} s")
    print(f"results stored: {len(got['results'])}; as typed: {results == expected}; "
          f"findings per failed item: {findings} (failed items at {sorted(failed)})")
    if results != expected:
        print(f"  stored {results}\n  typed  {expected}")
    print(f"screenshot: {end}; app log: {out / 'app.log'}")
    sys.exit(0 if right else 1)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en",
         int(sys.argv[2]) if len(sys.argv) > 2 else 5)
