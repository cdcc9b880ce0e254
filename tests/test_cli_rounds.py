"""`fieldinspect plan verify FILE` (issue 16 §1): anyone re-computes a round file's draw; exit 0
on a match saying whether the seed was committed, 1 naming the difference."""

import json

from models.draw import canonical
from models.draw.round_file import full_round, public_round, seed_material, to_bytes
from tests.models.test_draw import documented_vector
from tests.test_cli import run


def write_round(path, *, seed=None, public=False):
    vector = documented_vector()
    inputs = vector["inputs"]
    material = seed_material(canonical.inputs_hash(inputs), secret=None if seed else
                             vector["secret"], public_value=None if seed else
                             vector["public_value"], seed=seed)
    doc = full_round(inputs, material)
    path.write_bytes(to_bytes(public_round(doc, "cd" * 32) if public else doc))
    return path


def test_plan_verify_accepts_a_committed_round_and_says_so(tmp_path):
    done = run(tmp_path / "d", "plan", "verify", str(write_round(tmp_path / "r.json")))
    assert done.returncode == 0, done.stderr
    assert "The round verifies: 3 units" in done.stdout and "committed" in done.stdout


def test_plan_verify_checks_the_unit_draw_of_a_public_file_in_chinese(tmp_path):
    path = write_round(tmp_path / "public.json", public=True)
    done = run(tmp_path / "d", "--lang", "zh_CN", "plan", "verify", str(path))
    assert done.returncode == 0, done.stderr
    assert "验证通过" in done.stdout


def test_plan_verify_says_a_seed_given_directly_proves_nothing(tmp_path):
    done = run(tmp_path / "d", "plan", "verify",
               str(write_round(tmp_path / "r.json", seed="44" * 32)))
    assert done.returncode == 0, done.stderr
    assert "not verifiable" in done.stdout


def test_plan_verify_refuses_a_changed_pool_naming_the_difference(tmp_path):
    path = write_round(tmp_path / "r.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["inputs"]["representatives"][3]["conflicts"] = []  # r-4 could now go to u-c
    path.write_bytes(to_bytes(doc))
    done = run(tmp_path / "d", "plan", "verify", str(path))
    assert done.returncode == 1
    assert "inputs_hash differs" in done.stderr and "Traceback" not in done.stderr


def test_plan_verify_refuses_a_swapped_representative(tmp_path):
    path = write_round(tmp_path / "r.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["draw"]["visits"][0]["representatives"][0] = "r-4"
    path.write_bytes(to_bytes(doc))
    done = run(tmp_path / "d", "plan", "verify", str(path))
    assert done.returncode == 1 and "visits[0].representatives differs" in done.stderr


def test_plan_verify_refuses_a_file_that_is_not_a_round(tmp_path):
    path = tmp_path / "r.json"
    path.write_text("{}", encoding="utf-8")
    done = run(tmp_path / "d", "plan", "verify", str(path))
    assert done.returncode == 1 and "is not a FieldInspect round file" in done.stderr
