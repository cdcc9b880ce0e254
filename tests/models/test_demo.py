"""The demo county reads like a real one (issue 17 §4; the rules are in docs/demo.md): each kind
of unit hears what it would hear in life, bodies carry today's names, townships are townships,
the supervision visits and criticisms are the report's, and the rectification loop's pages have
something to show — with the report's totals, seeded and deterministic."""

import re
from datetime import date

import pytest

from models import demo_catalogue as cat
from models.enums import UnitKind

AS_OF = date(2026, 6, 30)
# Independent of the catalogue: words that give a text away as another kind of unit's.
NOT_FOR = {"hospital": ("教学", "教师", "师德", "学生", "家长", "学校", "课"),
           "school": ("医", "患", "诊", "病", "挂号"),
           "service_window": ("教学", "学生", "医护", "患者", "诊"),
           "township": ("教师", "学生", "医护", "患者", "诊")}
# Bodies merged or renamed in the 2018–2019 reform: a county office no longer has them.
FORMER = ("卫生局", "卫计局", "工商局", "质监局", "食药监局", "国土局", "环保局", "安监局", "计生",
          "扶贫办", "农牧局", "文广局")


def _load(tmp_path_factory, seed: int = 1):
    from models.demo import load_demo_data
    from models.store.store import Store

    store = Store.open(tmp_path_factory.mktemp("demo") / "data", "pw")
    load_demo_data(store, seed=seed, as_of=AS_OF)
    return store


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = _load(tmp_path_factory)
    yield store
    store.close()


@pytest.fixture
def conn(demo):
    with demo.read() as c:
        yield c


def _rows(conn, sql: str) -> list[tuple]:
    return [tuple(r) for r in conn.exec_driver_sql(sql).all()]


def _units(conn) -> dict[str, dict]:
    return {r[0]: {"id": r[0], "name": r[1], "kind": r[2], "parent_id": r[3]}
            for r in _rows(conn, "SELECT id, name, kind, parent_id FROM unit")}


def _kind(units: dict, unit_id: str) -> str:
    return cat.kind_of(units[unit_id]).value


def _fits(kind: str, text: str) -> bool:
    return not any(word in text for word in NOT_FOR.get(kind, ()))


def _texts(table: dict, kind: str) -> set[str]:
    return {text for text, _ in table[UnitKind(kind)]}


def test_every_form_is_rated_by_its_group_and_says_what_its_kind_of_unit_hears(conn):
    units = _units(conn)
    group_of = {"school": "parent", "hospital": "patient"}
    for group, unit_id, reason, suggestion in _rows(
            conn, "SELECT \"group\", unit_id, reason, suggestion FROM evaluation"):
        kind = _kind(units, unit_id)
        assert group == group_of.get(units[unit_id]["kind"], "citizen"), (group, kind)
        assert not reason or reason in _texts(cat.REASONS, kind), (kind, reason)
        assert not suggestion or suggestion in _texts(cat.SUGGESTIONS, kind), (kind, suggestion)
        assert _fits(kind, reason + suggestion), (kind, reason, suggestion)


def test_no_hospital_is_told_to_improve_teaching_in_any_opinion_or_problem(conn):
    units = _units(conn)
    said = _rows(conn, "SELECT unit_id, text, category FROM opinion") + _rows(
        conn, "SELECT unit_id, description, NULL FROM problem") + _rows(
        conn, "SELECT unit_id, measures, NULL FROM problem")
    for unit_id, text, category in said:
        kind = _kind(units, unit_id)
        assert _fits(kind, text), (units[unit_id]["name"], text)
        if category:  # sorted by what it says, not at random
            assert category == cat.opinion_category(text), (text, category)


def test_townships_are_townships_and_bodies_carry_todays_names(conn):
    units = _units(conn).values()
    townships = [u for u in units if u["kind"] == "township"]
    assert {u["name"] for u in townships} == set(cat.TOWNSHIPS)
    county = next(u for u in units if u["kind"] == "county")
    for u in townships:
        assert u["name"].endswith(("镇", "乡", "街道")) and u["parent_id"] == county["id"]
    names = {u["name"] for u in units}
    assert not any(u["name"].endswith("村") for u in units)
    assert not [n for n in names if any(old in n for old in FORMER)]
    assert {"县市场监管局", "县卫健局", "县医保局", cat.SOCIAL_SECURITY, cat.HOUSING_FUND} <= names


def test_supervision_visits_went_where_the_report_sent_them(conn):
    units = _units(conn)
    done = _rows(conn, "SELECT unit_id, place, summary FROM visit "
                       "WHERE kind = 'supervision' AND status = 'done'")
    assert len(done) == 51
    assert {units[u]["name"] for u, _, _ in done} == {cat.SOCIAL_SECURITY, cat.HOUSING_FUND}


def test_every_visit_has_a_place_and_every_done_one_an_account(conn):
    rows = _rows(conn, "SELECT kind, status, place, summary FROM visit")
    assert all(place for _, _, place, _ in rows)
    done = [summary for _, status, _, summary in rows if status == "done"]
    assert all(done) and len(set(done)) > 50


def test_the_reports_eleven_window_staff_criticised_for_procrastination(conn):
    units = _units(conn)
    rows = _rows(conn, "SELECT c.unit_id, c.post, f.category, v.kind FROM personnel_criticism c "
                       "JOIN finding f ON f.id = c.finding_id JOIN visit v ON v.id = f.visit_id "
                       "WHERE c.sanction = 'criticism_education'")
    assert len(rows) == 11
    for unit_id, post, category, visit_kind in rows:
        assert units[unit_id]["name"] in (cat.SOCIAL_SECURITY, cat.HOUSING_FUND)
        assert (post, category, visit_kind) == ("窗口工作人员", "procrastination", "supervision")


def test_findings_and_measures_are_their_kind_of_units(conn):
    units = _units(conn)
    for unit_id, category, text in _rows(conn, "SELECT unit_id, category, description "
                                               "FROM finding"):
        kind = cat.kind_of(units[unit_id])
        supervised = cat.SUPERVISED.get(units[unit_id]["name"], [])
        assert text in cat.FINDINGS[kind].get(category, []) + supervised, (kind, text)
    measures = _rows(conn, "SELECT unit_id, measures FROM problem WHERE status != 'open'")
    for unit_id, text in measures:
        steps = text.rstrip("。").split("；")
        assert set(steps) <= set(cat.MEASURES[cat.kind_of(units[unit_id])]), text
    assert len({text for _, text in measures}) > 40


def test_completion_dates_fall_around_the_deadlines(conn):
    done = _rows(conn, "SELECT deadline, rectified_on FROM problem "
                       "WHERE status IN ('rectified', 'verified')")
    early = [1 for deadline, on in done if on < deadline]
    late = [1 for deadline, on in done if on > deadline]
    assert len(done) == 104 and len(early) > 50 and len(late) >= 3
    assert len({on for _, on in done}) > 40


def test_the_rectification_loop_has_something_on_every_page(conn):
    from models.acceptance import awaiting_acceptance, pending_extensions

    assigned = _rows(conn, "SELECT unit_id, assignment_no, assigned_on, reported_on, status "
                           "FROM problem WHERE assignment_no != ''")
    assert len(assigned) > 100
    pattern = re.compile(r"^余纠交〔\d{4}〕\d+号$")
    by_number: dict[str, set] = {}
    for unit_id, number, on, reported, status in assigned:
        assert pattern.match(number) and on >= reported and status != "open", number
        by_number.setdefault(number, set()).add(unit_id)
    assert all(len(u) == 1 for u in by_number.values())  # a notice goes to one unit
    assert _rows(conn, "SELECT count(*) FROM problem_receipt")[0][0] > 10
    assert 1 <= len(awaiting_acceptance(conn)) <= 5
    assert 1 <= len(pending_extensions(conn)) <= 3
    secret = _rows(conn, "SELECT assignment_text FROM problem WHERE confidential_source "
                         "AND assignment_no != ''")
    assert all(text.startswith("存在") for text, in secret)


def test_the_totals_are_the_reports(conn):
    """A guard kept from before (these figures were already right): the report's totals."""
    assert dict(_rows(conn, "SELECT \"group\", count(*) FROM evaluation GROUP BY 1")) == {
        "parent": 9800, "patient": 4500, "citizen": 12000}
    assert _rows(conn, "SELECT count(*) FROM opinion WHERE category IS NOT NULL") == [(689,)]
    assert dict(_rows(conn, "SELECT status IN ('rectified', 'verified'), count(*) FROM problem "
                            "GROUP BY 1")) == {1: 104, 0: 60}
    assert _rows(conn, "SELECT count(*) FROM personnel_criticism") == [(26,)]
    assert dict(_rows(conn, "SELECT subject, count(*) FROM accountability_case GROUP BY 1")) \
        == {"person": 7, "unit": 8}
    assert _rows(conn, "SELECT count(*) FROM representative") == [(140,)]


def test_the_same_seed_gives_the_same_county(tmp_path_factory, conn):
    again = _load(tmp_path_factory)
    sql = ("SELECT description, status, deadline, rectified_on, assignment_no, measures "
           "FROM problem ORDER BY 1, 2, 3, 4, 5, 6")
    visits = "SELECT kind, place, summary, visit_date FROM visit ORDER BY 1, 2, 3, 4"
    try:
        with again.read() as other:
            assert _rows(other, sql) == _rows(conn, sql)
            assert _rows(other, visits) == _rows(conn, visits)
    finally:
        again.close()
