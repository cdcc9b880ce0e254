"""HQ's `confidential_source` flag and `source_category` travel like any column, HQ judges a
problem again when its link or its source changes, and an upgraded HQ re-announces its
problems (sync/server/confidential.py, migrations 0007 and s0003)."""

from datetime import date

from alembic import command

from models import services
from models.enums import ProblemSource, VisitKind, VisitStatus
from models.records import Finding, Problem, Visit
from reports.redaction import build_redactor
from sync.server.db import alembic_config, migrate
from tests.sync.helpers import seed_reference


def _problem(ids: dict, text: str, **kw) -> dict:
    return {"description": text, "unit_id": ids["window"], "campaign_id": ids["campaign"],
            "reported_on": date(2026, 3, 5), **kw}


def _visit_and_finding(device, ids: dict, kind: str) -> tuple[str, str]:
    with device.write("hq") as w:
        visit = w.create(Visit, {"kind": kind, "unit_id": ids["window"],
                                 "status": VisitStatus.DONE, "visit_date": date(2026, 3, 4)})
        finding = w.create(Finding, {"visit_id": visit, "unit_id": ids["window"],
                                     "category": "absent_from_post", "description": "脱岗"})
    return visit, finding


def test_the_flag_and_category_sync_both_ways(hq):
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    ids = seed_reference(office)
    with office.write("clerk") as w:
        unlinked = services.create_record(w, Problem, _problem(
            ids, "暗访发现脱岗", source=ProblemSource.FINDING))
        plain = services.create_record(w, Problem, _problem(ids, "收费未公示"))
    office.sync()
    boss.sync()
    with boss.write("hq") as w:  # a person at HQ flags the plain one by hand
        services.update_record(w, Problem, plain, {"confidential_source": True})
    boss.sync()
    office.sync()
    for rows in (hq.rows("problem"), office.rows("problem"), boss.rows("problem")):
        assert rows[unlinked]["confidential_source"] is True  # judged at HQ on arrival
        assert rows[plain]["confidential_source"] is True  # pushed by HQ's desk, pulled
        assert rows[plain]["source_category"] is None


def test_a_visit_becoming_secret_flags_the_problems_of_its_findings(hq):
    boss, office = hq.device("hq", name="hq-desk"), hq.device("office", name="office")
    ids = seed_reference(boss)
    visit, finding = _visit_and_finding(boss, ids, VisitKind.OPEN)
    with boss.write("hq") as w:
        problem = services.create_record(w, Problem, _problem(
            ids, "明查发现脱岗", source=ProblemSource.FINDING, source_id=finding))
    boss.sync()
    held = hq.rows("problem")[problem]
    assert held["confidential_source"] is False and held["source_category"] == "absent_from_post"
    with boss.write("hq") as w:
        w.update(Visit, visit, {"kind": VisitKind.SECRET})
    boss.sync()
    office.sync()
    assert hq.rows("problem")[problem]["confidential_source"] is True
    assert office.rows("problem")[problem]["confidential_source"] is True


def test_a_problem_relinked_to_a_secret_finding_counts_at_once_and_hq_flags_it(hq):
    boss = hq.device("hq", name="hq-desk")
    ids = seed_reference(boss)
    _, finding = _visit_and_finding(boss, ids, VisitKind.SECRET)
    with boss.write("hq") as w:
        problem = services.create_record(w, Problem, _problem(ids, "窗口脱岗"))
    boss.sync()
    assert hq.rows("problem")[problem]["confidential_source"] is False
    with boss.write("hq") as w:
        services.update_record(w, Problem, problem, {"source": ProblemSource.FINDING,
                                                     "source_id": finding})
    with boss.store.read() as conn:  # HQ saw the old link only: judged here until it syncs
        assert build_redactor(conn).unjudged == {problem: "absent_from_post"}
    boss.sync()
    assert hq.rows("problem")[problem]["confidential_source"] is True
    assert boss.rows("problem")[problem]["confidential_source"] is True


def test_an_upgraded_hq_re_announces_its_problems(hq):
    """An office's own migration judged from what it holds (no findings: flagged); HQ's
    upgrade sends every problem again, so the office gets HQ's judgement at its next pull."""
    office = hq.device("office", name="office")
    ids = seed_reference(office)
    with office.write("clerk") as w:
        problem = services.create_record(w, Problem, _problem(ids, "收费未公示"))
    office.sync()
    with office.store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE problem SET confidential_source = 1")
    office.sync()
    assert office.rows("problem")[problem]["confidential_source"] is True  # nothing new
    with hq.db.engine.begin() as conn:  # as an HQ of the version before
        command.downgrade(alembic_config(conn), "s0002")
    migrate(hq.db.engine)
    office.sync()
    assert office.rows("problem")[problem]["confidential_source"] is False
