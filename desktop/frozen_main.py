"""Entry point of the PyInstaller build: `--self-test`, the window, or any subcommand."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
