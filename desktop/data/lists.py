"""How a list of the window is described (`ListSpec`) and the SQL that fetches it.

A list first fetches only the rowids matching its filter, in order (one indexed query); the
table model then asks for the visible rows a page at a time. Sorting and filtering happen in SQL.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa

from models import rules, timeutil
from models.exports import ExportCancelled
from models.rules import kiosk_reasons_matching
from models.tables import Campaign, Team, Unit


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Marks a header for translation without importing Qt here."""
    return text


UNIT = Unit.__table__.alias("u")
# A unit is named with its parent wherever a list shows it ("第二小学（白泥镇）"): two townships
# each have a 第二小学. The county at the top of the tree is left out (every unit is in it).
UNIT_PARENT = Unit.__table__.alias("up")
UNIT_LABEL = sa.case(
    (UNIT_PARENT.c.parent_id.is_not(None), UNIT.c.name + "（" + UNIT_PARENT.c.name + "）"),
    else_=UNIT.c.name)
CAMPAIGN = Campaign.__table__.alias("c")
TEAM = Team.__table__.alias("tm")
NUMBER = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Col:
    key: str
    header: str  # English; the window translates it in the "Lists" context
    expr: Any  # SQL expression
    kind: str = "text"  # text | date | datetime | enum:<Name> | bool | number
    sortable: bool = True
    width: int = 0


@dataclass
class ListSpec:
    name: str
    table: sa.Table
    columns: list[Col]
    joins: list[tuple[Any, Any]] = field(default_factory=list)
    default_sort: str = ""
    default_descending: bool | None = None  # None: dates and numbers newest first, text A-Z
    date_column: str | None = None
    search_columns: tuple[str, ...] = ()
    # The list's number (a paper form's): a search finds rows whose number starts with it, as
    # well as rows whose text or unit name contains it (see `search_clause`).
    number_column: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # non-column values per row
    custom_filters: dict[str, Callable[[sa.Table, Any], Any]] = field(default_factory=dict)

    def column(self, key: str) -> Col:
        return next(c for c in self.columns if c.key == key)

    def tables(self) -> frozenset[str]:
        """The tables this list reads: its own and the ones it joins (by their real names)."""
        names = {str(self.table.name)}
        names.update(str(getattr(alias, "original", alias).name) for alias, _on in self.joins)
        for expr in [c.expr for c in self.columns] + list(self.extra.values()):
            for e in sa.sql.visitors.iterate(expr):  # subqueries too (a team's members)
                table = getattr(e, "table", None) if isinstance(e, sa.ColumnClause) else None
                if isinstance(table, sa.Table | sa.Alias):
                    names.add(str(getattr(table, "original", table).name))
        return frozenset(names)

    def from_clause(self, needed: set[str] | None = None):
        source = self.table
        for alias, on in self.joins:
            parent = alias is UNIT and (needed is None or UNIT_PARENT.name in needed)
            if needed is None or alias.name in needed or parent:
                source = source.outerjoin(alias, on)
            if parent:
                source = source.outerjoin(UNIT_PARENT, UNIT_PARENT.c.id == UNIT.c.parent_id)
        return source


def where_clauses(spec: ListSpec, filters: dict[str, Any]) -> list:
    t = spec.table
    conds = [t.c.deleted_at.is_(None)]
    for key, value in filters.items():
        if value in (None, "", ()):
            continue
        if key in spec.custom_filters:
            conds.append(spec.custom_filters[key](t, value))
        elif key == "date_from" and spec.date_column:
            conds.append(t.c[spec.date_column] >= value)
        elif key == "date_to" and spec.date_column:
            conds.append(t.c[spec.date_column] <= value)
        elif key == "search":
            conds.append(search_clause(spec, value.strip()))
        elif key in t.c:
            conds.append(t.c[key] == value)
    return conds


def search_clause(spec: ListSpec, text: str):
    """The search box: the text columns, the name of the row's unit and, where the list has
    one, its number. Any of them may match: "parking" finds a summary, "县社保" a unit's visits,
    "A0012" a form (a word used to be taken for a form number and found nothing)."""
    t = spec.table
    pattern = f"%{text}%"
    matches = [t.c[c].like(pattern) for c in spec.search_columns]
    if "reason" in spec.search_columns and (codes := kiosk_reasons_matching(text)):
        matches.append(t.c.reason.in_(codes))  # kiosks store the reason's code
    if "unit_id" in t.c:
        units = Unit.__table__
        matches.append(t.c.unit_id.in_(sa.select(units.c.id).where(
            units.c.name.like(pattern), units.c.deleted_at.is_(None))))
    if spec.number_column and spec.number_column not in spec.search_columns \
            and NUMBER.fullmatch(text):
        col = t.c[spec.number_column]
        matches.append(sa.and_(col >= text, col < text + "\uffff"))
    return sa.or_(*matches) if matches else sa.true()


def _ordered(query, spec: ListSpec, sort_key: str | None, descending: bool):
    col = spec.column(sort_key) if sort_key else None
    if col is None:
        return query
    t = spec.table
    order = col.expr.desc() if descending else col.expr.asc()
    tie = sa.literal_column(f"{t.name}.rowid")
    return query.order_by(order, tie.desc() if descending else tie)


def fetch_ids(
    conn: sa.Connection,
    spec: ListSpec,
    filters: dict[str, Any],
    sort_key: str | None = None,
    descending: bool = False,
) -> list[int]:
    """The rowids of the matching rows, in display order."""
    sort_key = sort_key or spec.default_sort
    col = spec.column(sort_key) if sort_key else None
    needed = _aliases_in(col.expr) if col is not None else set()
    t = spec.table
    query = sa.select(sa.literal_column(f"{t.name}.rowid"))
    query = query.select_from(spec.from_clause(needed)).where(*where_clauses(spec, filters))
    return [r[0] for r in conn.execute(_ordered(query, spec, sort_key, descending))]


def fetch_first_rows(
    conn: sa.Connection,
    spec: ListSpec,
    filters: dict[str, Any],
    sort_key: str | None = None,
    descending: bool = False,
    limit: int = 200,
) -> list[dict]:
    """The first rows in display order, whole: what a list shows before its ids are in.
    On an indexed sort column this reads `limit` rows, not the table."""
    sort_key = sort_key or spec.default_sort
    query = sa.select(*_row_columns(spec)).select_from(spec.from_clause())
    query = _ordered(query.where(*where_clauses(spec, filters)), spec, sort_key, descending)
    return [dict(r) for r in conn.execute(query.limit(limit)).mappings()]


def _row_columns(spec: ListSpec) -> list:
    t = spec.table
    cols = [sa.literal_column(f"{t.name}.rowid").label("_rowid"), t.c.id.label("id")]
    cols += [c.expr.label(c.key) for c in spec.columns if c.key != "id"]
    cols += [expr.label(key) for key, expr in spec.extra.items()]
    return cols


def fetch_rows(conn: sa.Connection, spec: ListSpec, rowids: list[int]) -> dict[int, dict]:
    """Rows by rowid, as plain dicts with the spec's column keys plus `id`."""
    if not rowids:
        return {}
    t = spec.table
    cols = _row_columns(spec)
    query = (
        sa.select(*cols)
        .select_from(spec.from_clause())
        .where(sa.literal_column(f"{t.name}.rowid").in_(rowids))
    )
    return {r["_rowid"]: dict(r) for r in conn.execute(query).mappings()}


def fetch_record(conn: sa.Connection, table: sa.Table, row_id: str) -> dict | None:
    row = conn.execute(sa.select(table).where(table.c.id == row_id)).mappings().first()
    return dict(row) if row else None


def _aliases_in(expr) -> set[str]:
    """The names of the joined aliases an expression reads ("c" for CAMPAIGN.c.name). The
    column's `base_columns` name the aliased table ("campaign"), which left the join out and
    broke the count of a list sorted by campaign or unit."""
    return {getattr(e.table, "name", "") for e in sa.sql.visitors.iterate(expr)
            if isinstance(e, sa.ColumnClause) and getattr(e, "table", None) is not None}


def unit_join(t: sa.Table) -> tuple:
    return (UNIT, UNIT.c.id == t.c.unit_id)


def campaign_join(t: sa.Table) -> tuple:
    return (CAMPAIGN, CAMPAIGN.c.id == t.c.campaign_id)


def overdue_expr(t: sa.Table, today: date | None = None):
    """The overdue rule (models.rules) on a problem table, judged on the clerk's calendar."""
    return rules.overdue_clause(t.c.deadline, t.c.status, today or timeutil.local_today())


def spec(name: str) -> ListSpec:
    from desktop.data.list_specs import SPECS

    return SPECS[name]()


# A list exported to a spreadsheet is read in chunks, so a cancel is noticed between them.
FETCH_CHUNK = 2000


def fetch_for_export(conn: sa.Connection, spec: ListSpec, filters: dict,
                     sort: tuple[str | None, bool],
                     cancelled: Callable[[], bool] = lambda: False) -> list[dict]:
    """Every row the list shows, in its order (the table model's SQL filter and sort)."""
    t = spec.table
    cols = [c.expr.label(c.key) for c in spec.columns]
    for key in ("unit_id", "parent_id"):
        if key in t.c:
            cols.append(t.c[key].label(f"_{key}"))
    query = sa.select(*cols).select_from(spec.from_clause()).where(
        *where_clauses(spec, filters))
    key, descending = sort
    key = key or spec.default_sort
    if key:
        expr = spec.column(key).expr
        tie = sa.literal_column(f"{t.name}.rowid")
        query = query.order_by(expr.desc() if descending else expr.asc(),
                               tie.desc() if descending else tie)
    result = conn.execute(query).mappings()
    rows: list[dict] = []
    while chunk := result.fetchmany(FETCH_CHUNK):
        if cancelled():
            raise ExportCancelled()
        rows.extend(dict(r) for r in chunk)
    return rows
