"""Canonical JSON of a round's inputs and their hashes (docs/rounds.md §2).

Two machines must hash the same inputs to the same bytes, so the encoding is fixed: keys
sorted, no whitespace, UTF-8 without escaping, integers only (a weight is in hundredths), every
pool sorted by id. The inputs' hash is split in two so that the public round file, which leaves
out the people, can still be checked against the hash HQ committed to:
inputs_hash = SHA-256(units_hash ‖ people_hash), each a SHA-256 of its part's canonical JSON.
"""

import hashlib
import json
from typing import Any

UNIT_KEYS = ("id", "township", "weight")
PEOPLE_KEYS = ("id", "kind", "conflicts")
UNIT_CONSTRAINTS = ("units", "date_from", "date_to", "visit_kind")
PEOPLE_CONSTRAINTS = ("team_size", "max_per_rep")


def dumps(value: Any) -> bytes:
    """The canonical bytes of `value` (docs/rounds.md §2)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def units_part(inputs: dict) -> dict:
    """The unit pool (sorted by id) and the constraints the unit draw depends on."""
    units = sorted(({k: u[k] for k in UNIT_KEYS} for u in inputs["units"]),
                   key=lambda u: u["id"])
    return {"units": units, "constraints": {k: inputs["constraints"][k] for k in UNIT_CONSTRAINTS}}


def people_part(inputs: dict) -> dict:
    """The representative pool (sorted by id, conflicts sorted) and the assignment constraints."""
    people = sorted(({"id": p["id"], "kind": p["kind"], "conflicts": sorted(set(p["conflicts"]))}
                     for p in inputs["representatives"]), key=lambda p: p["id"])
    return {"representatives": people,
            "constraints": {k: inputs["constraints"][k] for k in PEOPLE_CONSTRAINTS}}


def normalised(inputs: dict) -> dict:
    """`inputs` in canonical order, with only the keys the specification names."""
    units, people = units_part(inputs), people_part(inputs)
    return {"units": units["units"], "representatives": people["representatives"],
            "constraints": {**units["constraints"], **people["constraints"]}}


def units_hash(inputs: dict) -> str:
    return sha256_hex(dumps(units_part(inputs)))


def people_hash(inputs: dict) -> str:
    return sha256_hex(dumps(people_part(inputs)))


def combine(units_hex: str, people_hex: str) -> str:
    """The inputs' hash from its two halves."""
    return sha256_hex(bytes.fromhex(units_hex) + bytes.fromhex(people_hex))


def inputs_hash(inputs: dict) -> str:
    return combine(units_hash(inputs), people_hash(inputs))
