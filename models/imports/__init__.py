"""Spreadsheet imports (CSV or XLSX, English or Chinese headers), all or nothing by default.

`run_import(store, kind, path, profile=..., skip_invalid=False)` is the one entry point the
command line and the window share.
"""

from models.imports.common import ImportReport, run_import

__all__ = ["ImportReport", "run_import"]
