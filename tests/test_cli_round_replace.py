"""`fieldinspect plan replace ROUND --visit VISIT --representative NAME` (回避, issue 16 §1): the
round's reserve gives the stand-in, and the exported full round file still verifies."""

import json

from tests.test_cli import run
from tests.test_cli_rounds import county


def test_plan_replace_names_the_stand_in_and_the_full_file_still_verifies(tmp_path):
    d = county(tmp_path)
    drawn = tmp_path / "round.json"
    done = run(d, "plan", "draw", "--campaign", "2020年明察暗访", "--units", "1", "--from",
               "2020-03-02", "--to", "2020-03-02", "--team-size", "2", "--max-per-rep", "1",
               "--seed", "ab" * 32, "--out", str(drawn))
    assert done.returncode == 0, done.stderr
    doc = json.loads(drawn.read_text(encoding="utf-8"))
    round_id, visit = doc["meta"]["round"], doc["draw"]["visits"][0]
    unit_path = doc["meta"]["unit_names"][visit["unit"]]
    leaving = visit["representatives"][0]
    replaced = run(d, "plan", "replace", round_id, "--visit", unit_path,
                   "--representative", leaving)
    assert replaced.returncode == 0, replaced.stderr
    assert "steps aside from the visit to " + unit_path in replaced.stdout
    full = tmp_path / "full.json"
    assert run(d, "plan", "export", round_id, "--out", str(full)).returncode == 0
    after = json.loads(full.read_text(encoding="utf-8"))
    [record] = after["replacements"]
    assert record["leaving"] == leaving and record["replacement"] in doc["draw"]["reserve"]
    checked = run(tmp_path / "anyone", "plan", "verify", str(full))
    assert checked.returncode == 0, checked.stderr
    unknown = run(d, "plan", "replace", round_id, "--visit", "no such unit",
                  "--representative", leaving)
    assert unknown.returncode == 1 and "The round has no visit no such unit" in unknown.stderr
