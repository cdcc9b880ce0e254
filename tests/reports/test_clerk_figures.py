"""The clerks' figures as XLSX (issue 15 §4): a supervisor's workbook lists every clerk, a
clerk's only their own, with the error rate the double entry found."""

import pytest
from openpyxl import load_workbook

from models import batches
from models.enums import ProfileRole
from reports.clerk_figures import write_clerk_figures
from tests.models.test_clerk_stats import FULL, _batch, _key_all, ref  # noqa: F401


def _verified_batch(store, ref):  # noqa: F811
    batch = _batch(store, ref, cover=4)
    _key_all(store, batch, [FULL] * 4, "clerkA")
    _key_all(store, batch, [FULL, FULL, {**FULL, "law": "fairly_satisfied"}, FULL], "clerkB")
    with store.write("clerkB") as w:
        (diff,) = batches.finish_verification(w, batch)
    with store.write("boss") as w:
        batches.settle(w, batch, diff.keying_id, "second", actor_role=ProfileRole.SUPERVISOR)


def _rows(path, sheet):
    return [r for r in load_workbook(path)[sheet].iter_rows(min_row=3, values_only=True)]


def test_the_supervisors_workbook_lists_every_clerk_with_the_error_rate(store, ref, tmp_path):  # noqa: F811
    _verified_batch(store, ref)
    with store.read() as conn:
        path = write_clerk_figures(conn, tmp_path / "clerks.xlsx", "boss")
    totals = {r[0]: r for r in _rows(path, "汇总")}
    assert sorted(totals) == ["clerkA", "clerkB"]
    # forms, minutes, per hour, fields compared, errors, error rate, pending
    assert totals["clerkA"][1] == 4 and totals["clerkA"][4:7] == (32, 1, pytest.approx(1 / 32))
    assert totals["clerkB"][4:7] == (32, 0, 0)
    by_batch = _rows(path, "按批次")
    assert {(r[0], r[3]) for r in by_batch} == {("clerkA", "录入"), ("clerkB", "复核录入")}
    assert by_batch[0][1] == "县社保中心"


def test_a_clerks_workbook_holds_only_their_own_figures(store, ref, tmp_path):  # noqa: F811
    _verified_batch(store, ref)
    with store.read() as conn:
        path = write_clerk_figures(conn, tmp_path / "mine.xlsx", "clerkB", ProfileRole.CLERK)
    assert [r[0] for r in _rows(path, "汇总")] == ["clerkB"]
    assert [r[0] for r in _rows(path, "按批次")] == ["clerkB"]
