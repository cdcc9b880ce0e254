"""Who may import what (issue 17 §1) follows the authorization matrix (docs/authorization.md):
a file is no way round it. An office holds no visits, findings, criticisms or cases; only HQ
holds cases; a kiosk and a unit's liaison create no opinions; a representative's laptop
creates visits of its own team only, and none that it would hide from itself."""

import pytest

from models.errors import DomainError, ValidationError
from models.imports import run_import
from tests.models.helpers import count, write_csv
from tests.models.record_import_data import FILES, TABLES, set_up_county


@pytest.fixture
def county(store, tmp_path):
    return store, set_up_county(store, tmp_path)


def _file(tmp_path, kind):
    header, rows, *_ = FILES[kind]
    return write_csv(tmp_path / f"{kind}.csv", header, rows)


@pytest.mark.parametrize("kind", ["visits", "findings", "criticisms"])
def test_an_office_cannot_import_field_records_it_may_not_hold(county, tmp_path, kind):
    store, _ = county
    store.set_meta("device_role", "office")
    before = count(store, TABLES[kind])
    with pytest.raises(DomainError) as refused:
        run_import(store, kind, _file(tmp_path, kind), profile="clerk")
    assert refused.value.code == "import_field_records_not_here"
    assert count(store, TABLES[kind]) == before


@pytest.mark.parametrize("role", ["office", "representative", "kiosk", "unit"])
def test_only_hq_imports_accountability_cases(county, tmp_path, role):
    store, _ = county
    store.set_meta("device_role", role)
    with pytest.raises(DomainError) as refused:
        run_import(store, "accountability", _file(tmp_path, "accountability"), profile="x")
    assert refused.value.code == "import_accountability_hq_only"
    assert count(store, "accountability_case") == 0


@pytest.mark.parametrize("role", ["kiosk", "unit"])
def test_a_kiosk_or_a_unit_liaison_cannot_import_opinions(county, tmp_path, role):
    store, _ = county
    store.set_meta("device_role", role)
    with pytest.raises(DomainError) as refused:
        run_import(store, "opinions", _file(tmp_path, "opinions"), profile="x")
    assert refused.value.code == "import_opinions_not_here"
    assert count(store, "opinion") == 0


def test_an_office_imports_opinions(county, tmp_path):
    store, _ = county
    store.set_meta("device_role", "office")
    assert run_import(store, "opinions", _file(tmp_path, "opinions"),
                      profile="clerk").imported == 2


def test_a_representative_laptop_imports_visits_of_its_own_team_only(county, tmp_path):
    store, ids = county
    store.set_meta("device_role", "representative")
    store.set_meta("team_id", ids["team"])
    store.set_meta("representative_id", ids["张三"])
    with store.write("hq") as w:
        from models.reference import Team
        w.create(Team, {"name": "第二督查组"})
    path = write_csv(tmp_path / "v.csv", ["类别", "单位", "日期", "督查组"],
                     [["明查", "县社保中心", "2026-04-09", ""],
                      ["明查", "卫生院", "2026-04-09", "第二督查组"]])
    with pytest.raises(ValidationError) as refused:
        run_import(store, "visits", path, profile="rep")
    assert [(p.row, p.field, p.code) for p in refused.value.problems] == [
        (3, "team", "import_visit_other_team")]
    report = run_import(store, "visits", path, profile="rep", skip_invalid=True)
    assert report.imported == 1


def test_a_representative_laptop_cannot_import_a_secret_visit_hidden_from_itself(
        county, tmp_path):
    store, ids = county
    store.set_meta("device_role", "representative")
    store.set_meta("team_id", ids["team"])
    store.set_meta("representative_id", ids["张三"])
    path = write_csv(tmp_path / "v.csv", ["类别", "状态", "单位", "日期", "督查代表"],
                     [["暗访", "计划中", "县社保中心", "2026-04-09", "李四"]])
    with pytest.raises(ValidationError) as refused:
        run_import(store, "visits", path, profile="rep")
    assert [p.code for p in refused.value.problems] == ["import_secret_visit_hidden"]
