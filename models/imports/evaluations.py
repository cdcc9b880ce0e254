"""Import of evaluation forms: `form_no,campaign,group,unit,level,reason,suggestion,date` plus
optional criteria columns, English or Chinese headers and values; paper forms by default, or
forms collected online or on a kiosk elsewhere (`source=`, `import evaluations --source`)."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlalchemy as sa

from models import rules
from models.coltypes import as_utc
from models.enums import Criterion, EvaluationSource, Level, RespondentGroup, parse_enum
from models.errors import ParseError, Problem
from models.form_opinion import opinion_from_form
from models.ids import natural_id, new_id
from models.imports.common import (
    ImportReport,
    Progress,
    UnitIndex,
    column_limits,
    create_chunked,
    long_cells,
    long_columns,
    refuse_if_invalid,
    tick,
)
from models.imports.reading import read_table
from models.store.bulk_tables import CAMPAIGN, EVALUATION, OPINION
from models.store.writes import Columns
from models.timeutil import parse_date
from models.unit_lineage import kinds_up_all

REQUIRED = ("form_no", "campaign", "group", "unit", "level", "date")
# A CSV saved by Excel in a Chinese locale writes dates as 2025/6/3; forms say 2025年6月3日.
_LOCAL_DATE = re.compile(r"\s*(\d{4})\s*[/.年]\s*(\d{1,2})\s*[/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_form_date(text: str) -> date:
    """YYYY-MM-DD, or the same date as Excel or a form writes it in China."""
    found = _LOCAL_DATE.match(text)
    if found:
        try:
            return date(*(int(g) for g in found.groups()))
        except ValueError:
            pass
    return parse_date(text)
CRITERIA = tuple(c.value for c in Criterion)
LIMITS = column_limits(
    {"form_no": (EVALUATION, "form_no"), "campaign": (CAMPAIGN, "name"),
     "reason": (EVALUATION, "reason"), "suggestion": (EVALUATION, "suggestion")},
    ("group", "unit", "level", "date", *CRITERIA))


class _Memo(dict):
    """A column's parser that parses each distinct text once: 26,000 forms hold a few hundred
    units and dates and four levels. `memo[text]` is (value, None) or (None, ParseError); a
    dict, so that a text seen before costs one lookup in C, not a call."""

    def __init__(self, parse):
        super().__init__()
        self.parse = parse

    def __missing__(self, text: str) -> tuple:
        try:
            result = (self.parse(text), None)
        except ParseError as exc:
            result = (None, exc)
        self[text] = result
        return result


def _parsers(units: UnitIndex, columns: set[str]) -> list[tuple[str, str, _Memo]]:
    """(field, column, parser) for each parsed column; criteria only when the file has them.
    A group or level is kept as its plain `str` value, not the StrEnum member: the driver
    binds a str subclass through a failed adapter lookup (an error raised and cleared) for
    every form, and the tallies' keys carry it on to their upserts (26,300 forms, two such
    columns: ~13 ms bound as str, ~80 ms as members, load ~5)."""
    def criterion(v):
        return parse_enum(Level, v).value if v else None

    out = [("group", "group", _Memo(lambda v: parse_enum(RespondentGroup, v).value)),
           ("level", "level", _Memo(lambda v: parse_enum(Level, v).value)),
           ("evaluated_on", "date", _Memo(parse_form_date)),
           ("unit_id", "unit", _Memo(units.find))]
    return out + [(c, c, _Memo(criterion)) for c in CRITERIA if c in columns]


_NO_CRITERIA = dict.fromkeys(CRITERIA)


def _parse_row(values: dict, parsers, limits: dict[str, int],
               source: str = EvaluationSource.PAPER.value) -> tuple[dict, list[Problem]]:
    """One row → a form dict and its problems (by column; row and file set later).
    `limits`: of the file's columns that hold a cell too long (usually none); `source`: how
    the file's forms were collected (`--source`)."""
    if limits:
        errors, values = long_cells(values, limits)
        cut = {p.field for p in errors}
    else:
        errors, cut = [], ()
    get = values.get
    row = {"source": source, "form_no": get("form_no") or None,
           "reason": get("reason", ""), "suggestion": get("suggestion", ""),
           "voided": False, "void_reason": "", **_NO_CRITERIA}
    for name, column, parse in parsers:
        row[name], error = parse[get(column, "")]
        if error is not None and column not in cut:
            errors.append(error.problem(column))
    row["campaign"] = get("campaign", "").strip()
    if not row["campaign"] and "campaign" not in cut:
        errors.append(Problem.of("campaign", "campaign_empty"))
    if not cut:
        errors += rules.evaluation_problems(row["level"], row["reason"])
    return row, errors


def _check_groups(parsed, kinds: dict[str, frozenset[str]]) -> None:
    """A group that does not fit its unit is a row error, as in batch entry. Each (group,
    unit) pair is judged once (26,300 forms hold a few hundred); a row that does not fit gets
    problems of its own (each is given its row number later)."""
    fits: dict[tuple[str, str], bool] = {}
    for _, row, errors in parsed:
        pair = (row["group"], row["unit_id"])
        if pair[0] and pair[1]:
            fit = fits.get(pair)
            if fit is None:
                fit = fits[pair] = not rules.group_fit_problems(pair[0], kinds.get(pair[1], ()))
            if not fit:
                errors += rules.group_fit_problems(pair[0], kinds.get(pair[1], ()))


def _existing_numbers(conn: sa.Connection, campaign_ids: set[str]) -> dict:
    """{(campaign id, form number): (created at, created by)} of the live, unvoided forms
    numbered in these campaigns. Driver SQL, without the table classes
    (models/store/bulk_tables.py) or SQLAlchemy (models/store/driver.py); `created_at` as
    the store keeps it (UTC text, models.coltypes) read back as a UTC datetime."""
    if not campaign_ids:
        return {}
    ids = list(campaign_ids)
    rows = conn.exec_driver_sql(
        "SELECT campaign_id, form_no, created_at, created_by FROM evaluation "
        f"WHERE campaign_id IN ({', '.join('?' for _ in ids)}) AND form_no IS NOT NULL "
        "AND deleted_at IS NULL AND voided IS 0", tuple(ids)).fetchall()
    return {(campaign_id, form_no): (as_utc(created_at), created_by)
            for campaign_id, form_no, created_at, created_by in rows}


def _check_numbers(parsed, existing, report: ImportReport, source: str) -> None:
    seen: dict[tuple, int] = {}
    for number, row, errors in parsed:
        key = (row["campaign_id"], row["form_no"])
        if row["form_no"] is None:
            continue
        if key in existing:
            when, who = existing[key]
            errors.append(Problem.of("form_no", "duplicate_form_number", number=row["form_no"],
                                     when=f"{when.astimezone():%Y-%m-%d %H:%M}", who=who))
        elif key in seen:
            errors.append(Problem.of("form_no", "form_number_repeated", number=row["form_no"],
                                     first_row=seen[key]))
        else:
            seen[key] = number


def _campaigns_to_create(conn, parsed) -> list[dict]:
    years: dict[str, set[int]] = defaultdict(set)
    names = {}
    for _, row, _ in parsed:
        names[row["campaign_id"]] = row["campaign"]
        if isinstance(row["evaluated_on"], date):
            years[row["campaign_id"]].add(row["evaluated_on"].year)
    ids = list(names)
    known = set(conn.exec_driver_sql(
        f"SELECT id FROM campaign WHERE id IN ({', '.join('?' for _ in ids)})",
        tuple(ids)).scalars()) if ids else set()
    return [{"id": cid, "name": names[cid], "year": min(years[cid] or {date.today().year})}
            for cid in names if cid not in known]


def import_file(store, path: Path, *, profile: str, skip_invalid: bool, dry_run: bool = False,
                progress: Progress | None = None,
                source: str = EvaluationSource.PAPER.value) -> ImportReport:
    """`source`: paper (the default), or online / kiosk forms collected elsewhere (issue 17)."""
    headers, rows = read_table(path, REQUIRED)
    report = ImportReport(kind="forms")
    report.headers = headers
    with store.read() as conn:
        parsers = _parsers(UnitIndex(conn), set(rows[0][1]) if rows else set())
        limits = long_columns(rows, LIMITS)
        tick(progress, "reading", 0, len(rows))
        clean = None if limits or not rows else _clean_columns(conn, rows, parsers, source)
        if clean is not None:  # no row has a problem: the forms stay columns
            forms, campaigns = clean
    if clean is not None:
        tick(progress, "reading", len(rows), len(rows))
        return _written(store, profile, forms, campaigns, progress, dry_run, report)
    with store.read() as conn:  # a row has a problem: each row's own, as the file has them
        parsed, campaign_ids = [], {}
        for i, (number, values) in enumerate(rows):
            if i % 500 == 0:
                tick(progress, "reading", i, len(rows))
            row, errors = _parse_row(values, parsers, limits, source)
            name = row["campaign"]
            if name not in campaign_ids:
                campaign_ids[name] = natural_id("campaign", name)
            row["campaign_id"] = campaign_ids[name]
            parsed.append((number, row, errors))
        _check_groups(parsed, kinds_up_all(conn))
        _check_numbers(parsed, _existing_numbers(conn, {r["campaign_id"] for _, r, _ in parsed}),
                       report, str(path))
        campaigns = _campaigns_to_create(conn, [p for p in parsed if not p[2]])
    good = []
    for (number, row, errors), (_, values) in zip(parsed, rows):
        if errors:
            for problem in errors:
                problem.row, problem.source = number, str(path)
            report.rejected += errors
            report.rejected_rows.append((number, values))
        else:
            good.append(row)
    refuse_if_invalid(report, skip_invalid)
    tick(progress, "reading", len(rows), len(rows))
    return _written(store, profile, good, campaigns, progress, dry_run, report)


def _written(store, profile: str, forms, campaigns: list[dict], progress: Progress | None,
             dry_run: bool, report: ImportReport) -> ImportReport:
    """The checked forms (`Columns` or rows) written with the campaigns they need, unless a
    dry run, and the report told how many and which campaigns were made."""
    if not dry_run:
        _write(store, profile, forms, campaigns, progress)
    report.imported = len(forms)
    report.created = [("import_created_campaign", {"name": c["name"], "year": c["year"]})
                      for c in campaigns]
    return report


def _clean_columns(conn, rows: list[tuple[int, dict]], parsers, source: str
                   ) -> tuple[Columns, list[dict]] | None:
    """The file's forms as `Columns` and the campaigns to create, when no row has a problem;
    None when one has (then `import_file` checks the file row by row, for each row's own
    problems with its row and field). The same checks as `_parse_row`, `_check_groups` and
    `_check_numbers`, made over each column's distinct values: a text is parsed once, a
    column read once in C, and no dict is made per form (26,300 forms: the rows' parse and
    the driver's rows built from their dicts ~0.15 s of CPU at load 9)."""
    cells = [values for _, values in rows]
    count, header = len(cells), cells[0].keys()

    def column(name: str) -> list[str]:
        return list(map(itemgetter(name), cells)) if name in header else [""] * count

    data: dict[str, list] = {"source": [source] * count}
    for name, col, memo in parsers:
        texts = column(col)
        found = {text: memo[text] for text in set(texts)}
        if any(error is not None for _, error in found.values()):
            return None
        data[name] = list(map({t: value for t, (value, _) in found.items()}.__getitem__, texts))
    names = list(map(str.strip, column("campaign")))
    reasons = column("reason")
    if "" in names or any(rules.evaluation_problems(level, reason)
                          for level, reason in dict.fromkeys(zip(data["level"], reasons))):
        return None
    ids = {name: natural_id("campaign", name) for name in dict.fromkeys(names)}
    data["campaign_id"] = campaign_ids = list(map(ids.__getitem__, names))
    kinds = kinds_up_all(conn)
    if any(group and unit and rules.group_fit_problems(group, kinds.get(unit, ()))
           for group, unit in set(zip(data["group"], data["unit_id"]))):
        return None
    numbers = [n or None for n in column("form_no")]
    numbered = [key for key in zip(campaign_ids, numbers) if key[1] is not None]
    existing = _existing_numbers(conn, set(campaign_ids))
    if len(set(numbered)) != len(numbered) or not existing.keys().isdisjoint(numbered):
        return None
    data.update({"form_no": numbers, "reason": reasons, "suggestion": column("suggestion"),
                 "voided": [False] * count, "void_reason": [""] * count})
    for criterion in CRITERIA:
        data.setdefault(criterion, [None] * count)
    campaigns = _campaigns_to_create(conn, [
        (None, {"campaign_id": cid, "campaign": name, "evaluated_on": day}, None)
        for cid, name, day in dict.fromkeys(zip(campaign_ids, names, data["evaluated_on"]))])
    return Columns(data, count), campaigns


def _write(store, profile: str, good: list[dict] | Columns, campaigns: list[dict],
           progress: Progress | None = None) -> None:
    if isinstance(good, Columns):
        forms = good
        data = forms.data
        data["id"] = ids = [new_id() for _ in range(forms.count)]
        opinions = [
            opinion_from_form({"suggestion": text, "unit_id": unit, "campaign_id": cid,
                               "evaluated_on": day}, form_id)
            for text, unit, cid, day, form_id in zip(
                data["suggestion"], data["unit_id"], data["campaign_id"], data["evaluated_on"],
                ids) if text.strip()]
    else:
        forms, opinions = [], []
        for row in good:
            row["id"] = new_id()
            row.pop("campaign")
            forms.append(row)
            if row["suggestion"].strip():
                opinions.append(opinion_from_form(row, row["id"]))
    with store.write(profile, bulk=True) as w:
        for campaign in campaigns:
            w.create(CAMPAIGN, campaign)
        create_chunked(w, EVALUATION, forms, progress)
        if opinions:
            w.create_many(OPINION, opinions)
