"""The record imports of issue 17 §1 (opinions, visits, findings, criticisms, accountability
cases) as a clerk at HQ meets them: Chinese or English headers and values, a bad row named
`FILE:ROW: column: message` in the reader's language, nothing imported from a file with a bad
row unless told to skip it (the bad rows then in a rejects file), and the same file twice adds
nothing."""

import csv

import pytest

from desktop import messages
from desktop.cli.data_commands import _print_problems
from models.errors import ValidationError
from models.imports import run_import
from tests.models.helpers import count, write_csv
from tests.models.record_import_data import BAD, FILES, TABLES, rows_of, set_up_county

KINDS = tuple(FILES)


@pytest.fixture
def county(store, tmp_path):
    set_up_county(store, tmp_path)
    return store


@pytest.fixture
def english():
    before = messages.language()
    messages.set_language(messages.ENGLISH)
    yield
    messages.set_language(before)


def _bad_file(tmp_path, kind):
    header, rows, *_ = FILES[kind]
    column, text, *_ = BAD[kind]
    bad = [list(rows[0]), list(rows[1])]
    bad[1][column] = text
    return write_csv(tmp_path / f"{kind}-bad.csv", header, bad)


@pytest.mark.parametrize("kind", KINDS)
def test_a_file_with_chinese_headers_and_values_imports(county, tmp_path, kind):
    header, rows, *_ = FILES[kind]
    before = count(county, TABLES[kind])
    report = run_import(county, kind, write_csv(tmp_path / f"{kind}.csv", header, rows,
                                                bom=True), profile="hq")
    assert report.imported == 2 and not report.rejected
    assert count(county, TABLES[kind]) == before + 2


@pytest.mark.parametrize("kind", KINDS)
def test_a_file_with_english_headers_and_values_imports(county, tmp_path, kind):
    *_, header, rows = FILES[kind]
    before = count(county, TABLES[kind])
    report = run_import(county, kind, write_csv(tmp_path / f"{kind}.csv", header, rows),
                        profile="hq")
    assert report.imported == 2 and not report.rejected
    assert count(county, TABLES[kind]) == before + 2


@pytest.mark.parametrize("kind", KINDS)
def test_a_bad_row_is_named_by_file_row_and_column_and_nothing_is_imported(
        county, tmp_path, kind, capsys, english):
    path = _bad_file(tmp_path, kind)
    before = count(county, TABLES[kind])
    with pytest.raises(ValidationError) as refused:
        run_import(county, kind, path, profile="hq")
    assert count(county, TABLES[kind]) == before
    _, _, column, sentence = BAD[kind]
    _print_problems(kind, refused.value.problems, refused.value.headers)
    assert capsys.readouterr().err.strip() == f"{path}:3: {column}: {sentence}"


@pytest.mark.parametrize("kind", KINDS)
def test_a_bad_row_is_named_in_chinese_under_a_chinese_locale(county, tmp_path, kind, capsys):
    path = _bad_file(tmp_path, kind)
    with pytest.raises(ValidationError) as refused:
        run_import(county, kind, path, profile="hq")
    before = messages.language()
    messages.set_language(messages.CHINESE)
    try:
        _print_problems(kind, refused.value.problems, refused.value.headers)
    finally:
        messages.set_language(before)
    line = capsys.readouterr().err.strip()
    assert line.startswith(f"{path}:3: {BAD[kind][2]}: ")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in line.split(": ", 2)[-1])


@pytest.mark.parametrize("kind", KINDS)
def test_skip_invalid_imports_the_good_rows_and_writes_the_bad_ones_to_rejects(
        county, tmp_path, kind):
    rejects = tmp_path / "rejects.csv"
    before = count(county, TABLES[kind])
    report = run_import(county, kind, _bad_file(tmp_path, kind), profile="hq",
                        skip_invalid=True, rejects_path=rejects)
    assert report.imported == 1 and len(report.rejected_rows) == 1
    assert count(county, TABLES[kind]) == before + 1
    with rejects.open(encoding="utf-8-sig") as fh:
        written = list(csv.reader(fh))
    assert written[0] == [*FILES[kind][0], "error"]
    assert BAD[kind][1] in written[1] and len(written) == 2


@pytest.mark.parametrize("kind", KINDS)
def test_importing_the_same_file_twice_adds_nothing(county, tmp_path, kind):
    header, rows, *_ = FILES[kind]
    path = write_csv(tmp_path / f"{kind}.csv", header, rows)
    run_import(county, kind, path, profile="hq")
    before = rows_of(county, kind, "id")
    again = run_import(county, kind, path, profile="hq")
    assert again.imported == 0 and again.skipped_existing == 2
    assert rows_of(county, kind, "id") == before


@pytest.mark.parametrize("kind", KINDS)
def test_a_dry_run_checks_the_file_and_writes_nothing(county, tmp_path, kind):
    before = count(county, TABLES[kind])
    report = run_import(county, kind, _bad_file(tmp_path, kind), profile="", dry_run=True)
    assert report.imported == 1 and len(report.rejected) == 1
    assert count(county, TABLES[kind]) == before
