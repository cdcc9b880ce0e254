"""A real-window try of typing ahead: a 50-form batch typed into the running app by xdotool.

    bash bench/entry_xdotool.sh [en|zh_CN] [DELAY_MS]      (starts Xvfb :99 when needed)

Makes a demo store in a throw-away folder, opens the app on the X display, unlocks it, opens
Form entry, starts a batch of the first unit and types 50 forms in ONE `xdotool key` call with
DELAY_MS (default 5) between keys and no pause between forms: most are "level, Enter", every
7th is dissatisfied with a Chinese reason, every 5th has criteria and a Chinese suggestion
(Chinese as Unicode keysyms, one key per character: `xdotool type` cannot be chained).
The Chinese characters are put on spare keycodes first (xmodmap), as a keyboard layout or an
input method gives them: left to itself, xdotool remaps one keycode for each character while
typing, and an app still working through queued keys then reads them through a keymap that has
already moved on (mangled text that no real keyboard produces).
Then it reads the store and prints how many forms were stored, how many hold exactly the values
typed (in keying order), and the time from the first key to the last form stored. Screenshots
of the entry screen mid-batch and at the end go to the output folder (printed).
"""

import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PASSPHRASE = "entry try 2026"
FORMS = 50
# Where the window puts things at 1366x768 (the window fills the screen: no window manager).
NAV_FORM_ENTRY = (60, 189)
UNIT_FIELD = (700, 131)
START_BUTTON = (613, 218)


def keys_of(text: str) -> list[str]:
    """Key names typing `text`: letters and digits as such, the rest as Unicode keysyms."""
    return [c if c.isascii() and c.isalnum() else "minus" if c == "-" else f"U{ord(c):04X}"
            for c in text]


def plan(n: int) -> tuple[list[str], list[tuple]]:
    """The keys typing n forms (the first number included), and what each form must hold."""
    keys, expected = ["shift+Tab", *keys_of("T-0001"), "Return"], []
    for i in range(1, n + 1):
        number = f"T-{i:04d}"
        if i % 7 == 0:
            keys += ["4", "Tab", *keys_of(f"办事拖拉{i}"), "Return"]
            expected.append((number, "dissatisfied", f"办事拖拉{i}", None, ""))
        elif i % 5 == 0:
            keys += ["2", "Tab", "1", "0", "3", "Tab", *keys_of("窗口太少"), "Return"]
            expected.append((number, "fairly_satisfied", "", "satisfied", "窗口太少"))
        else:
            level = i % 3
            keys += [str(level + 1), "Return"]
            expected.append((number, ("satisfied", "fairly_satisfied", "basically_satisfied")
                             [level], "", None, ""))
    return keys, expected


def map_keys(chars: set[str]) -> None:
    """Give each character its own keycode for the run (keycodes without symbols first)."""
    table = subprocess.run(["xmodmap", "-pke"], check=True, capture_output=True,
                           text=True).stdout.splitlines()
    empty = [int(line.split()[1]) for line in table if len(line.split()) == 3]
    spare = empty + list(range(247, 200, -1))
    for code, ch in zip(spare, sorted(chars), strict=False):
        subprocess.run(["xmodmap", "-e", f"keycode {code} = U{ord(ch):04X}"], check=True)
    time.sleep(0.5)


def xdo(*args: str) -> str:
    return subprocess.run(["xdotool", *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def shot(out: Path, name: str) -> Path:
    path = out / f"{name}.png"
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    return path


def stored(data: Path) -> tuple[list[tuple], str | None]:
    """The batch's forms in keying order, and when the last one was written (UTC text)."""
    code = (
        "import json, sys\n"
        "from models.store.store import Store\n"
        "s = Store.open(sys.argv[1], sys.argv[2])\n"
        "with s.read() as c:\n"
        "    rows = c.exec_driver_sql(\"SELECT e.form_no, e.level, e.reason, e.discipline, "
        "e.suggestion, e.created_at FROM evaluation e JOIN batch_keying k ON "
        "k.evaluation_id = e.id WHERE e.form_no LIKE 'T-%' ORDER BY k.created_at, k.id\""
        ").fetchall()\n"
        "s.close()\n"
        "print(json.dumps([list(r) for r in rows], default=str))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([PYTHON, "-c", code, str(data), PASSPHRASE], check=True,
                            capture_output=True, text=True, env=env)
    import json

    rows = json.loads(result.stdout)
    return [tuple(r[:5]) for r in rows], (rows[-1][5] if rows else None)


def start_app(out: Path, language: str) -> subprocess.Popen:
    config = out / "config" / "FieldInspect"
    config.mkdir(parents=True)
    (config / "FieldInspect.conf").write_text(f"[ui]\nlanguage={language}\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "FIELDINSPECT_PASSPHRASE": PASSPHRASE}
    subprocess.run([PYTHON, "-m", "desktop.cli", "--data-dir", str(out / "data"), "demo-data"],
                   check=True, env=env, capture_output=True)
    env.pop("QT_QPA_PLATFORM")
    env.pop("FIELDINSPECT_PASSPHRASE")  # the window asks for it, as it asks a clerk
    log = open(out / "app.log", "w")  # noqa: SIM115 - the app's lifetime
    return subprocess.Popen([PYTHON, "-m", "desktop.app", "--data-dir", str(out / "data")],
                            env=env, stdout=log, stderr=subprocess.STDOUT)


def unlock() -> None:
    """Type the passphrase into the window's unlock dialog and wait for the dashboard."""
    dialog = xdo("search", "--sync", "--onlyvisible", "--name", "^Unlock$|^解锁$").split()[0]
    xdo("windowfocus", "--sync", dialog)
    time.sleep(0.3)
    xdo("type", "--delay", "20", PASSPHRASE)
    xdo("key", "Return")
    time.sleep(12)  # unlock (scrypt) and the dashboard over 26,300 forms


def open_batch() -> None:
    unlock()
    for x, y, wait in ((*NAV_FORM_ENTRY, 3), (*UNIT_FIELD, 0.3)):
        xdo("mousemove", str(x), str(y), "click", "1")
        time.sleep(wait)
    xdo("key", "Down")  # the first unit of the list
    time.sleep(0.3)
    xdo("mousemove", *map(str, START_BUTTON), "click", "1")
    time.sleep(3)


def main(language: str = "en", delay: int = 5) -> None:
    out = Path(tempfile.mkdtemp(prefix="entry-xdotool-"))
    # Its own settings (the language), key folder and cache: the compiled catalogue in the user
    # cache is shared by every checkout on the machine and may come from another one's .ts.
    os.environ.update(FIELDINSPECT_KEYRING="0", FIELDINSPECT_KEY_DIR=str(out / "keys"),
                      XDG_CONFIG_HOME=str(out / "config"), XDG_CACHE_HOME=str(out / "cache"))
    app = start_app(out, language)
    try:
        open_batch()
        keys, expected = plan(FORMS)
        map_keys({c for e in expected for text in (e[2], e[4]) for c in text if not c.isascii()})
        started, started_utc = time.perf_counter(), datetime.now(UTC)
        typing = subprocess.Popen(["xdotool", "key", "--delay", str(delay), *keys])
        time.sleep(0.6)
        mid = shot(out, f"entry-mid-batch-{language}")
        typing.wait()
        typed = time.perf_counter() - started
        rows: list[tuple] = []
        deadline = time.perf_counter() + 120
        while len(rows) < FORMS and time.perf_counter() < deadline:
            rows, last = stored(out / "data")
            time.sleep(1)
        done = (datetime.fromisoformat(last).replace(tzinfo=UTC) - started_utc
                ).total_seconds() if last else float("nan")
        end = shot(out, f"entry-end-{language}")
    finally:
        app.terminate()
        app.wait(10)
    right = sum(1 for r, e in zip(rows, expected, strict=False) if r == e)
    print(f"language {language}, {delay} ms between keys: {len(keys)} keys typed in "
          f"{typed:.2f} s")
    print(f"forms stored: {len(rows)} of {FORMS}; with exactly the values typed, in order: "
          f"{right}; the last one written {done:.2f} s after the first key")
    for r, e in zip(rows, expected, strict=False):
        if r != e:
            print(f"  differs: stored {r}, typed {e}")
    print(f"screenshots: {mid} {end}; app log: {out / 'app.log'}")
    sys.exit(0 if len(rows) == FORMS == right else 1)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "en",
         int(sys.argv[2]) if len(sys.argv) > 2 else 5)
