"""Spreadsheet imports (CSV or XLSX, English or Chinese headers), all or nothing by default.

`run_import(store, kind, path, profile=..., skip_invalid=False)` is the one entry point the
command line and the window share; `dry_run=True` checks a file without writing (the window's
preview) and `progress=` reports and may cancel (`ImportCancelled`) a long import.
"""

from models.imports.common import ImportCancelled, ImportReport, run_import

__all__ = ["ImportCancelled", "ImportReport", "run_import"]
