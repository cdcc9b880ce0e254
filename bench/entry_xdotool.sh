#!/usr/bin/env bash
# A real-window try of the entry screen (bench/entry_xdotool.py says what it does and prints).
#   bash bench/entry_xdotool.sh [en|zh_CN] [DELAY_MS]
# (XDOTOOL_SCRIPT=checklist_xdotool.py runs that try on the same display set-up.)
# Needs Xvfb, xdotool, xmodmap and ImageMagick's import
# (apt-get install -y xvfb xdotool x11-xserver-utils imagemagick).
# Uses DISPLAY if a server answers there, else starts Xvfb :99 for the run and stops it after.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for tool in Xvfb xdotool xmodmap import; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y xvfb xdotool x11-xserver-utils imagemagick" >&2; exit 2; }
done
XVFB_PID=""
if ! DISPLAY="${DISPLAY:-:99}" xdotool getdisplaygeometry >/dev/null 2>&1; then
    export DISPLAY=:99
    Xvfb :99 -screen 0 1366x768x24 >/dev/null 2>&1 &
    XVFB_PID=$!
    trap 'kill "$XVFB_PID"' EXIT
    for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
else
    export DISPLAY="${DISPLAY:-:99}"
fi
cd "$ROOT"
"$ROOT/.venv/bin/python" "bench/${XDOTOOL_SCRIPT:-entry_xdotool.py}" "$@"
