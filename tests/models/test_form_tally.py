"""The counts kept on write (models.form_tally, migrations 0024 and 0027) give every results
figure exactly as a full scan of the forms does, after any mix of saves, edits, voids, deletions,
imports and pulled rows, for any period, whole months or not, and the duplicated form numbers
too (issue 15, "Performance": the figures read the counts, not the forms).
"""

from collections import Counter
from datetime import date
from itertools import count

import pytest
import sqlalchemy as sa
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import criteria, form_tally, trends
from models.enums import EvaluationSource, Level, RespondentGroup
from models.errors import ValidationError
from models.records import Evaluation
from models.reference import Campaign, Unit
from models.stats import (
    Filters,
    county_stats_and_ranking,
    duplicate_form_numbers,
    duplicate_form_numbers_of_forms,
    form_counts,
    form_counts_of_forms,
)
from models.store.schema import HEAD, alembic_config
from models.store.store import Store
from sync.client.apply import apply_page
from sync.protocol import PulledPage
from tests.conftest import PASSPHRASE

PULLED = count()  # the ids of the forms HQ sends
LEVELS = list(Level)
MAYBE_LEVEL = st.one_of(st.none(), st.sampled_from(LEVELS))
NUMBER = st.sampled_from([None, "", "7", "8", "9"])  # few numbers: duplicates come and go
CRITERIA = ("discipline", "law", "service", "integrity", "efficiency")
FORM = st.fixed_dictionaries({
    "unit": st.integers(0, 2), "campaign": st.integers(0, 1),
    "group": st.sampled_from(list(RespondentGroup)), "level": st.sampled_from(LEVELS),
    "source": st.sampled_from(list(EvaluationSource)),
    "evaluated_on": st.dates(date(2025, 11, 1), date(2026, 2, 28)),
    **{c: MAYBE_LEVEL for c in CRITERIA}, "voided": st.booleans(), "form_no": NUMBER})
CHANGE = st.fixed_dictionaries({}, optional={
    "unit": st.integers(0, 2), "level": st.sampled_from(LEVELS), "discipline": MAYBE_LEVEL,
    "service": MAYBE_LEVEL, "evaluated_on": st.dates(date(2025, 11, 1), date(2026, 2, 28)),
    "source": st.sampled_from(list(EvaluationSource)), "voided": st.booleans(),
    "form_no": NUMBER, "campaign": st.integers(0, 1)})
OP = st.one_of(
    st.tuples(st.just("save"), FORM), st.tuples(st.just("import"), st.lists(FORM, max_size=6)),
    st.tuples(st.just("edit"), st.integers(0, 99), CHANGE),
    st.tuples(st.just("delete"), st.integers(0, 99)),
    st.tuples(st.just("pull"), FORM, st.integers(0, 99), CHANGE),
    st.tuples(st.just("removal"), st.integers(0, 99)))
PERIODS = [Filters(), Filters(date_from=date(2025, 12, 1), date_to=date(2026, 1, 31)),
           Filters(date_from=date(2026, 2, 1)), Filters(date_to=date(2025, 11, 30))]
MID_MONTH = [Filters(date_from=date(2025, 11, 10), date_to=date(2026, 1, 20)),
             Filters(date_from=date(2026, 1, 5), date_to=date(2026, 1, 25)),
             Filters(date_from=date(2025, 12, 31), date_to=date(2026, 1, 1)),
             Filters(date_from=date(2026, 2, 15)), Filters(date_to=date(2025, 12, 12)),
             Filters(date_from=date(2024, 6, 2), date_to=date(2027, 3, 3)),
             Filters(date_from=date(2026, 3, 2))]


def _seed(store: Store) -> dict:
    with store.write("clerk") as w:
        units = [w.create(Unit, {"name": f"单位{i}", "kind": k})
                 for i, k in enumerate(("township", "school", "department"))]
        campaigns = [w.create(Campaign, {"name": f"{y}年万民评议", "year": y,
                                         "weight_fairly_satisfied": 85.0})
                     for y in (2025, 2026)]
    return {"units": units, "campaigns": campaigns}


def _values(ids: dict, form: dict) -> dict:
    out = {k: v for k, v in form.items() if k not in ("unit", "campaign")}
    if "unit" in form:
        out["unit_id"] = ids["units"][form["unit"]]
    if "campaign" in form:
        out["campaign_id"] = ids["campaigns"][form["campaign"]]
    return out


def _ids(store: Store, live: bool = False) -> list[str]:
    where = " WHERE deleted_at IS NULL" if live else ""
    with store.read() as conn:
        return [r[0] for r in conn.exec_driver_sql(f"SELECT id FROM evaluation{where} ORDER BY id")]


def _pulled(store: Store, ids: dict, form: dict, pick: int, change: dict) -> PulledPage:
    """A pull page as HQ sends it: a new form, and an edit of a form this device holds."""
    with store.read() as conn:
        cur = conn.exec_driver_sql("SELECT * FROM evaluation ORDER BY id")
        columns, rows = [c[0] for c in cur.cursor.description], [list(r) for r in cur]
    new = list(rows[0]) if rows else None
    out = []
    if new is not None:
        new[columns.index("id")] = f"hq-{next(PULLED)}"  # a page never holds a form twice
        for k, v in _values(ids, form).items():
            new[columns.index(k)] = _stored(v)
        out.append(new)
    if rows:
        edited = rows[pick % len(rows)]
        for k, v in _values(ids, change).items():
            edited[columns.index(k)] = _stored(v)
        out.append(edited)
    return PulledPage(cursor=1, more=False, tables={"evaluation": {"columns": columns,
                                                                   "rows": out}},
                      removals=[], conflicts=[])


def _stored(value):
    if isinstance(value, bool):
        return int(value)
    return value.isoformat() if isinstance(value, date) else value


def _apply(store: Store, ids: dict, op: tuple) -> None:
    kind, *args = op
    known, live = _ids(store), _ids(store, live=True)
    with store.write("clerk") as w:
        if kind == "save":
            w.create(Evaluation, _values(ids, args[0]))
        elif kind == "import":
            w.create_many(Evaluation, [_values(ids, f) for f in args[0]])
        elif kind == "chunks":  # an import's chunks: counted once, when the last is written
            with w.counts_merged_once():
                for chunk in args[0]:
                    if chunk:
                        w.create_many(Evaluation, [_values(ids, f) for f in chunk])
        elif kind == "edit" and live:
            w.update(Evaluation, live[args[0] % len(live)], _values(ids, args[1]))
        elif kind == "delete" and live:
            w.delete(Evaluation, live[args[0] % len(live)])
    if kind == "pull":
        apply_page(store, _pulled(store, ids, *args))
    elif kind == "removal" and known:
        apply_page(store, PulledPage(cursor=1, more=False, tables={}, conflicts=[], removals=[
            {"table": "evaluation", "id": known[args[0] % len(known)]}]))


def _summed(rows, key=lambda r: r[:-1]) -> Counter:
    out: Counter = Counter()
    for row in rows:
        out[tuple(str(v) if v is not None else None for v in key(row))] += row[-1]
    return +out  # zero counts dropped


def _rounded(value):
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def assert_tally_matches_scan(store: Store, ids: dict) -> None:
    month = lambda r: (str(r[0])[:7], *r[1:-1])  # noqa: E731
    campaigns = [Filters(campaign_id=c) for c in ids["campaigns"]]
    mid_month = [*MID_MONTH, Filters(ids["campaigns"][1], date(2025, 12, 3), date(2026, 2, 27))]
    with store.read() as conn:
        for f in [*PERIODS, *campaigns, *mid_month]:
            assert form_tally.covers_months(conn, f) == (f not in mid_month)
            assert form_tally.covers(conn, f) or form_tally.covers_dated(conn, f)
            assert _summed(trends.day_counts(conn, f), month) == _summed(
                trends.day_counts_of_forms(conn, f), month)
            assert _rounded(trends.forms_by_month(conn, f, trends.day_counts(conn, f))) == \
                _rounded(trends.forms_by_month(conn, f, trends.day_counts_of_forms(conn, f)))
            assert duplicate_form_numbers(conn, f) == duplicate_form_numbers_of_forms(conn, f)
            scan = criteria.criteria_scan(conn, f)
            assert criteria.tallied_counts(conn, f) == criteria.criteria_counts(scan)
            assert _summed(form_counts(conn, f)) == _summed(form_counts_of_forms(conn, f))
            assert _summed(form_counts(conn, f, "citizen")) == _summed(
                form_counts_of_forms(conn, f, "citizen"))
            assert _rounded(criteria.criteria_stats(conn, f)) == _rounded(
                criteria.criteria_stats(conn, f, scan))
            period = {"campaign_id": f.campaign_id, "date_from": f.date_from,
                      "date_to": f.date_to}
            assert _rounded(county_stats_and_ranking(conn, **period)) == _rounded(
                _scanned(county_stats_and_ranking, conn, **period))


def _scanned(figures, conn, **filters):
    """`figures` as HQ's server database computes them: from the forms, no count kept."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(form_tally, "kept", lambda conn: False)
        patch.setattr(form_tally, "kept_dated", lambda conn: False)
        return figures(conn, **filters)


@pytest.fixture(params=["triggers", "bulk"])
def seeded(request, store, monkeypatch):
    """`bulk`: every import and pulled page merged per batch (models.tally_bulk), however
    small; `triggers`: the small batches these tests make counted row by row."""
    if request.param == "bulk":
        monkeypatch.setattr("models.tally_bulk.SMALL", 1)
    return store, _seed(store)


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=st.lists(OP, min_size=1, max_size=12))
def test_figures_from_the_counts_equal_a_full_scan_after_any_writes(seeded, ops):
    """One store through every example: the writes pile up, the counts must keep up."""
    store, ids = seeded
    for op in ops:
        _apply(store, ids, op)
    assert_tally_matches_scan(store, ids)


def test_a_period_inside_a_month_is_counted_from_its_days(store):
    """A period that starts or ends mid-month is counted exactly, from the day counts."""
    ids = _seed(store)
    with store.write("clerk") as w:
        for day in (3, 20):
            w.create(Evaluation, _values(ids, {"unit": 0, "campaign": 1, "group": "citizen",
                                               "level": "satisfied",
                                               "evaluated_on": date(2026, 3, day)}))
    f = Filters(date_from=date(2026, 3, 10), date_to=date(2026, 3, 31))
    with store.read() as conn:
        assert not form_tally.covers_months(conn, f)
        assert form_tally.covers_dated(conn, f)
        assert [r[-1] for r in form_counts(conn, f)] == [1]
        assert [r[-1] for r in form_counts(conn, Filters(date_from=date(2026, 3, 1)))] == [2]


def test_an_older_store_is_counted_when_it_is_upgraded(data_dir):
    """Forms written before migration 0024 are in the counts once the store opens."""
    fresh = Store.open(data_dir, PASSPHRASE)
    ids = _seed(fresh)
    with fresh.write("clerk") as w:
        w.create_many(Evaluation, [_values(ids, {
            "unit": i % 3, "campaign": i % 2, "group": "citizen", "level": LEVELS[i % 4],
            "discipline": LEVELS[(i + 1) % 4] if i % 5 else None, "evaluated_on": date(2026, 1, 1 + i),
            "voided": i == 7}) for i in range(20)])
    with fresh.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0017")
        assert not sa.inspect(conn).has_table("evaluation_tally")
    fresh.close()
    upgraded = Store.open(data_dir, PASSPHRASE)
    with upgraded.read() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD
        assert sum(r[-1] for r in form_counts(conn, Filters())) == 19
    assert_tally_matches_scan(upgraded, ids)
    upgraded.close()


def _steps_to_import(store: Store, ids: dict, forms: int, start: int) -> int:
    """SQLite VM steps (in thousands) of a bulk import of `forms` numbered forms."""
    steps = [0]
    with store.write("clerk") as w:
        driver = w.conn.connection.driver_connection
        driver.set_progress_handler(lambda: steps.__setitem__(0, steps[0] + 1) or 0, 1000)
        try:
            w.create_many(Evaluation, [_values(ids, {
                "unit": i % 3, "campaign": 0, "group": "citizen", "level": LEVELS[i % 4],
                "evaluated_on": date(2026, 1, 1 + i % 28), "form_no": f"N{i // 2}"})
                for i in range(start, start + forms)])
        finally:
            driver.set_progress_handler(None, 0)
    return steps[0]


def test_an_import_recounts_duplicate_numbers_in_one_pass_even_without_the_number_index(store):
    """A snapshot file at HQ is filled before its indexes are built: the duplicated numbers'
    recount must not probe every form once per number there (it made a 20,000-form snapshot
    run past the device's patience: every first sync of a county failed)."""
    ids = _seed(store)
    with store.write("clerk") as w:
        w.conn.exec_driver_sql("DROP INDEX ix_evaluation_form_no")
    small = _steps_to_import(store, ids, 1000, 0)
    large = _steps_to_import(store, ids, 4000, 1000)
    assert large < 8 * small  # linear: about 4x the steps for 4x the forms; the join was ~16x+
    with store.read() as conn:
        assert duplicate_form_numbers(conn, Filters()) == duplicate_form_numbers_of_forms(
            conn, Filters())


def _upserts(store: Store, write) -> Counter:
    """Statements run on each tally table while `write(session)` runs in one transaction."""
    seen: Counter = Counter()

    def count(conn, cursor, statement, *_):
        for table in ("form_tally", "dated_tally", "duplicate_form_no"):
            if statement.startswith(f"INSERT INTO {table} "):
                seen[table] += 1

    sa.event.listen(store.engine, "before_cursor_execute", count)
    try:
        with store.write("clerk") as w:
            write(w)
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", count)
    return seen


def test_an_import_in_chunks_counts_each_key_once_and_the_figures_equal_a_scan(
        store, monkeypatch):
    """A file imported in chunks (models.imports.common.create_chunked) upserts each tally
    and counts its form numbers again once for the whole file, not once per chunk (26,300
    forms in 7 chunks upserted 46,631 day and month keys for 33,793), and the figures are
    those of the forms: numbers duplicated across chunks included."""
    from models.imports import common

    monkeypatch.setattr("models.tally_bulk.SMALL", 1)
    monkeypatch.setattr(common, "CHUNK", 7)
    ids = _seed(store)
    forms = [_values(ids, {
        "unit": i % 3, "campaign": i % 2, "group": "citizen", "level": LEVELS[i % 4],
        "source": "paper", "discipline": LEVELS[(i + 1) % 4] if i % 3 else None,
        "evaluated_on": date(2026, 1 + i % 2, 1 + i % 5), "voided": i % 11 == 0,
        "form_no": f"N{i % 13}"}) for i in range(40)]
    seen = _upserts(store, lambda w: common.create_chunked(w, Evaluation, forms, None))
    assert seen == {"form_tally": 1, "dated_tally": 1, "duplicate_form_no": 1}
    assert_tally_matches_scan(store, ids)
    seen = _upserts(store, lambda w: common.create_chunked(w, Evaluation, forms[:20], None))
    assert seen == {"form_tally": 1, "dated_tally": 1, "duplicate_form_no": 1}
    assert_tally_matches_scan(store, ids)


def test_an_import_refused_half_way_leaves_the_counts_as_they_were(store, monkeypatch):
    """A chunk that fails after others were written rolls back the whole file: the counts
    gathered for the written chunks are never merged."""
    from models.imports import common

    monkeypatch.setattr("models.tally_bulk.SMALL", 1)
    monkeypatch.setattr(common, "CHUNK", 5)
    ids = _seed(store)
    good = [_values(ids, {"unit": i % 3, "campaign": 0, "group": "citizen",
                          "level": LEVELS[i % 4], "evaluated_on": date(2026, 2, 1 + i),
                          "form_no": f"M{i % 4}"}) for i in range(12)]
    with store.write("clerk") as w:
        w.create_many(Evaluation, good[:6])
    bad = [*good, {**good[0], "reason": "x" * 100_000}]  # longer than the field: refused
    with pytest.raises(ValidationError), store.write("clerk") as w:
        common.create_chunked(w, Evaluation, bad, None)
    with store.read() as conn:
        assert sum(r[-1] for r in form_counts(conn, Filters())) == 6
    assert_tally_matches_scan(store, ids)


def _schema(store: Store) -> list[tuple]:
    with store.read() as conn:
        return sorted(conn.exec_driver_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master").all())


def test_an_import_sets_the_insert_triggers_aside_and_puts_them_back(store, monkeypatch):
    """A file's chunks are written without the counting insert triggers (each still cost
    every form its call), counted by the import itself, the last small chunk included; the
    triggers come back word for word in the same transaction, so a form saved after is
    counted by them, and a refused file leaves them and the counts as they were."""
    from models.imports import common

    monkeypatch.setattr(common, "CHUNK", 70)  # the last chunk (30) is below SMALL (64)
    ids = _seed(store)
    forms = [_values(ids, {
        "unit": i % 3, "campaign": i % 2, "group": "citizen", "level": LEVELS[i % 4],
        "discipline": LEVELS[(i + 2) % 4] if i % 4 else None,
        "evaluated_on": date(2026, 1 + i % 3, 1 + i % 7), "form_no": f"T{i % 90}"})
        for i in range(100)]
    schema = _schema(store)
    seen = []

    def chunked(w):
        original = w.create_many

        def create_many(model, rows):
            result = original(model, rows)
            seen.append(w.conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                "AND sql LIKE '%AFTER INSERT ON evaluation%'").scalar())
            return result

        w.create_many = create_many
        common.create_chunked(w, Evaluation, forms, None)

    with store.write("clerk") as w:
        chunked(w)
    assert seen == [0, 0]  # both chunks written with no insert trigger left
    assert _schema(store) == schema
    assert_tally_matches_scan(store, ids)
    _apply(store, ids, ("save", {"unit": 1, "campaign": 0, "group": "citizen",
                                 "level": LEVELS[0], "evaluated_on": date(2026, 3, 9),
                                 "form_no": "T5"}))
    assert_tally_matches_scan(store, ids)  # the triggers count the saved form again
    bad = [*forms[:80], {**forms[0], "reason": "x" * 100_000}]
    with pytest.raises(ValidationError), store.write("clerk") as w:
        common.create_chunked(w, Evaluation, bad, None)
    assert _schema(store) == schema
    assert_tally_matches_scan(store, ids)


def test_a_file_larger_than_the_forms_held_builds_their_indexes_after_its_rows(
        store, monkeypatch):
    """A file with at least as many forms as the store holds is written without the forms'
    secondary indexes, which are built again from their own text after its last chunk (a
    sorted build instead of 26,300 inserts into each), in the same transaction: the schema is
    the same after, the figures those of a scan; a smaller file keeps the indexes; a refused
    file leaves schema and counts as they were."""
    from models.imports import common

    monkeypatch.setattr(common, "CHUNK", 30)
    ids = _seed(store)
    forms = [_values(ids, {
        "unit": i % 3, "campaign": i % 2, "group": "citizen", "level": LEVELS[i % 4],
        "evaluated_on": date(2026, 1 + i % 3, 1 + i % 7), "form_no": f"X{i % 50}"})
        for i in range(80)]
    schema = _schema(store)
    indexes = ("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
               "AND tbl_name = 'evaluation' AND sql IS NOT NULL")
    with store.read() as conn:
        held = conn.exec_driver_sql(indexes).scalar()
    assert held >= 4

    def chunked(w, rows, seen):
        original = w.create_many

        def create_many(model, batch):
            result = original(model, batch)
            seen.append(w.conn.exec_driver_sql(indexes).scalar())
            return result

        w.create_many = create_many
        common.create_chunked(w, Evaluation, rows, None)

    seen: list[int] = []
    with store.write("clerk") as w:
        chunked(w, forms, seen)
    assert seen == [0, 0, 0]  # an empty table: every chunk written with no index to keep
    assert _schema(store) == schema
    assert_tally_matches_scan(store, ids)
    with store.read() as conn:  # the figures' queries read through the rebuilt indexes
        plan = " ".join(r[-1] for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM evaluation WHERE form_no = 'X1'"))
        assert "ix_evaluation_form_no" in plan

    seen = []
    with store.write("clerk") as w:  # 40 forms into 80: the indexes are kept up row by row
        chunked(w, forms[:40], seen)
    assert seen == [held, held]
    assert _schema(store) == schema
    assert_tally_matches_scan(store, ids)

    bad = [*forms, *forms, {**forms[0], "reason": "x" * 100_000}]  # 161 forms, refused
    with pytest.raises(ValidationError), store.write("clerk") as w:
        common.create_chunked(w, Evaluation, bad, None)
    assert _schema(store) == schema
    assert_tally_matches_scan(store, ids)


def test_a_batch_in_storage_form_is_counted_as_the_general_way_counts_it():
    """The counting of a batch whose days are text (counted in C, models.tally_bulk
    `_text_day_keys`) gives every tally the keys and counts of the general way (days as
    dates), voided and deleted forms, criteria in some rows and none in others included."""
    import random

    from models import tally_bulk

    names = ["id", "unit_id", "campaign_id", "group", "level", "source", "evaluated_on",
             "voided", "deleted_at", "form_no", *CRITERIA]
    at = {n: i for i, n in enumerate(names)}
    rng = random.Random(5)
    for trial in range(60):
        rows = [(str(i), rng.choice("abc"), rng.choice("xy"), rng.choice(["citizen", "rep"]),
                 rng.choice(LEVELS).value, rng.choice(["paper", "kiosk"]),
                 date(2026, rng.randint(1, 3), rng.randint(1, 4)),
                 trial % 2 == 1 and rng.random() < 0.2,
                 None if trial % 3 == 0 or rng.random() < 0.8 else "2026-02-01 00:00:00",
                 "n", *[rng.choice([None, *LEVELS]) if trial % 4 else None for _ in CRITERIA])
                for i in range(rng.randint(1, 50))]
        general = tally_bulk._row_keys(at, rows)
        as_text = [(*r[:6], r[6].isoformat(), *r[7:]) for r in rows]
        assert tally_bulk._row_keys(at, as_text) == general


def test_a_file_larger_than_the_forms_held_is_counted_by_sql_over_its_new_rows(
        store, monkeypatch):
    """When an import rebuilds the forms' indexes, its tallies are counted by one SQL
    statement per tally over the rows it added (no key counted or bound in Python), added
    to what the tallies held: criteria in some forms, voided forms and forms already held
    (counted, with criteria) included, the figures those of a scan; a file with no criterion
    writes no criterion tally statement."""
    from models.imports import common

    monkeypatch.setattr(common, "CHUNK", 25)
    ids = _seed(store)

    def forms(n: int, shift: int, with_criteria: bool = True) -> list[dict]:
        return [_values(ids, {
            "unit": (i + shift) % 3, "campaign": i % 2, "group": "citizen",
            "level": LEVELS[(i + shift) % 4],
            **({c: LEVELS[(i + j) % 4] if (i + j) % 3 else None
                for j, c in enumerate(CRITERIA)} if with_criteria else {}),
            "evaluated_on": date(2026, 1 + i % 3, 1 + (i + shift) % 9),
            "voided": i % 7 == 0, "form_no": f"S{(i + shift) % 40}"}) for i in range(n)]

    with store.write("clerk") as w:
        w.create_many(Evaluation, forms(30, 1))
    assert_tally_matches_scan(store, ids)

    tallies = ("form_tally", "month_tally", "criterion_tally", "dated_tally",
               "dated_criterion_tally")
    seen: list[tuple[str, bool]] = []

    def listen(conn, cursor, statement, parameters, context, executemany):
        for table in tallies:
            if statement.startswith(f"INSERT INTO {table} "):
                seen.append((table, executemany))

    sa.event.listen(store.engine, "before_cursor_execute", listen)
    try:
        with store.write("clerk") as w:
            common.create_chunked(w, Evaluation, forms(70, 2), None)
        assert sorted(seen) == [(t, False) for t in sorted(tallies)]
        assert_tally_matches_scan(store, ids)
        seen.clear()
        with store.write("clerk") as w:  # 110 forms held: 120 more, none with a criterion
            common.create_chunked(w, Evaluation, forms(120, 3, with_criteria=False), None)
        assert sorted(seen) == [("dated_tally", False), ("form_tally", False),
                                ("month_tally", False)]
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", listen)
    assert_tally_matches_scan(store, ids)


def test_a_file_counted_by_sql_in_a_store_without_the_day_index_counts_its_months(
        store, monkeypatch):
    """The month tally of an import is read from the forms' day index when the store has it;
    a store without it (an index dropped by hand, a damaged schema repaired) still gets
    every month counted, through the forms themselves."""
    from models.imports import common

    monkeypatch.setattr(common, "CHUNK", 25)
    ids = _seed(store)
    with store.write("clerk") as w:
        w.conn.exec_driver_sql("DROP INDEX ix_evaluation_evaluated_on")
    rows = [_values(ids, {"unit": i % 3, "campaign": i % 2, "group": "citizen",
                          "level": LEVELS[i % 4], "evaluated_on": date(2026, 1 + i % 5, 1 + i % 9),
                          "voided": i % 6 == 0, "form_no": f"M{i % 30}"}) for i in range(80)]
    with store.write("clerk") as w:
        common.create_chunked(w, Evaluation, rows, None)
    assert_tally_matches_scan(store, ids)
