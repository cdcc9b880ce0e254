"""docs/authorization.md states the matrix HQ enforces (sync/server/scope.py)."""

from pathlib import Path

from models.tables import SYNCED_TABLES
from sync.server.scope import HQ_FIELDS, MATRIX, ROW_FILTERED

DOC = Path(__file__).resolve().parents[2] / "docs" / "authorization.md"
DEVICE_ROLE = {"representative": "representative", "clerk": "office", "supervisor": "office",
               "hq": "hq", "kiosk": "kiosk", "unit": "unit"}


def test_the_documented_matrix_is_the_enforced_one():
    lines = [ln for ln in DOC.read_text(encoding="utf-8").splitlines() if ln.startswith("| ")]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    roles = header[1:]
    documented = {}
    for line in lines[1:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        documented[cells[0]] = dict(zip(roles, cells[1:], strict=True))
    assert set(documented) == set(SYNCED_TABLES)  # every table of the model is in the doc
    for table, by_role in documented.items():
        for role, cell in by_role.items():
            device = DEVICE_ROLE[role]
            perms = MATRIX[device].get(table, "")
            expected = (perms or "—") + (" *" if perms and table in ROW_FILTERED.get(device, ())
                                         else "") + \
                (" †" if perms and table in HQ_FIELDS.get(device, {}) else "")
            assert cell == expected, (table, role)


def test_the_documented_hq_only_fields_are_the_enforced_ones():
    text = DOC.read_text(encoding="utf-8")
    for tables in HQ_FIELDS.values():
        for table, fields in tables.items():
            for name in fields:
                assert f"`{name}`" in text, (table, name)
