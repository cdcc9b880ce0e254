"""Benchmark: reading a 200,000-row XLSX of forms, openpyxl (read-only) against python-calamine.

Prints, for each reader in the same run, the seconds to read every row into text cells and the
peak resident memory of a fresh process doing only that (not a test). Issue 17 measured 28 s and
817 MB for openpyxl on a county's file; calamine, in Rust, is expected to take seconds and tens
of megabytes. "app" is `models.imports.reading` as the importer calls it.

    PYTHONPATH=$PWD .venv/bin/python bench/xlsx_read_bench.py [ROWS]
"""

import datetime as dt
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = ["form_no", "campaign", "group", "unit", "level", "reason", "suggestion", "date"]
UNITS = ["白泥镇/第一小学", "龙溪镇/第一小学", "县人民医院", "县社保中心", "县市场监管局", "卫生院"]
LEVELS = ["满意", "基本满意", "不满意", "satisfied", "fairly_satisfied"]


def write_workbook(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(7)
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet()
    sheet.append(HEADER)
    for i in range(rows):
        sheet.append([f"{i:06d}", "2026年万民评议", "群众", rng.choice(UNITS), rng.choice(LEVELS),
                      "", "希望进一步简化办事流程" if i % 14 == 0 else "",
                      dt.date(2026, rng.randint(1, 11), rng.randint(1, 28))])
    wb.save(path)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def read_openpyxl(path: Path) -> int:
    """Today's reader before issue 17 (models/imports/reading.py at 5bfdfd6)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    sheet = wb.active
    sheet.reset_dimensions()
    count = 0
    for row in sheet.iter_rows(max_col=len(HEADER), values_only=True):
        [_cell(v) for v in row]
        count += 1
    wb.close()
    return count


def read_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    count = 0
    with CalamineWorkbook.from_path(str(path)) as wb:
        for row in wb.get_sheet_by_index(0).iter_rows():
            [_cell(v) for v in row]
            count += 1
    return count


def read_app(path: Path) -> int:
    """The importer's reader (`_raw_rows`): the hostile-file checks, then calamine."""
    from models.imports.reading import _raw_rows

    return sum(1 for _ in _raw_rows(path, ("form_no", "unit")))


READERS = {"openpyxl": read_openpyxl, "calamine": read_calamine, "app": read_app}


def measure(name: str, path: Path) -> None:
    """Run in a child process: its peak RSS is this reader's alone."""
    start = time.perf_counter()
    count = READERS[name](path)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{name:9s} {count:8d} rows  {seconds:6.2f} s  peak RSS {peak_mb:6.0f} MB", flush=True)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] in READERS:
        measure(sys.argv[1], Path(sys.argv[2]))
        return
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "forms.xlsx"
        start = time.perf_counter()
        write_workbook(path, rows)
        print(f"wrote {rows} rows ({path.stat().st_size / 2**20:.1f} MB) in "
              f"{time.perf_counter() - start:.1f} s")
        for name in READERS:
            subprocess.run([sys.executable, __file__, name, str(path)], check=True,
                           env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})


if __name__ == "__main__":
    main()
