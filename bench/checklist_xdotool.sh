#!/usr/bin/env bash
# A real-window try of a visit checklist (bench/checklist_xdotool.py says what it does and prints).
#   bash bench/checklist_xdotool.sh [en|zh_CN] [DELAY_MS]   (Xvfb set-up as bench/entry_xdotool.sh)
XDOTOOL_SCRIPT=checklist_xdotool.py exec bash "$(dirname "$0")/entry_xdotool.sh" "$@"
