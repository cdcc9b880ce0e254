"""The round file (docs/rounds.md §5): everything needed to re-compute a draw, and its check.

The full file (HQ, oversight on request) holds the inputs, the seed material and the whole draw.
The public file leaves the people out: it keeps the unit pool, the people part's hash (so the
inputs' hash HQ committed to can still be recomputed), the seed material, the unit draw and each
visit's inspectors as per-round keyed pseudonyms. Both are canonical JSON, so the same round
written on two machines gives the same bytes.
"""

import hashlib
import hmac
import json
import secrets
from typing import Any

from models.draw import canonical
from models.draw.algorithm import draw, draw_unit_list, replacement, visit_dates
from models.draw.stream import commitment_of, seed_from
from models.errors import DomainError

FORMAT = "fieldinspect-round"
VERSION = 1


def new_secret() -> str:
    return secrets.token_hex(32)


def seed_material(inputs_hash: str, *, secret: str | None, public_value: str | None,
                  seed: str | None) -> dict:
    """The seed and what it came from: committed (secret + public value) or given (`--seed`,
    not verifiable)."""
    if seed is not None:
        return {"commitment": None, "secret": None, "public_value": None,
                "seed": bytes.fromhex(seed).hex(), "verifiable": False}
    if secret is None or public_value is None:
        raise ValueError("a committed round needs its secret and the public value")
    return {"commitment": commitment_of(secret), "secret": secret, "public_value": public_value,
            "seed": seed_from(secret, public_value, inputs_hash), "verifiable": True}


def full_round(inputs: dict, material: dict, *, attempts: int = 1,
               meta: dict[str, Any] | None = None,
               replacements: list[dict] | None = None) -> dict:
    """The full round document: inputs, their hash, the seed material and the draw, and the
    replacements (回避) recorded since, in order (only when there are any, so a round without
    one keeps the bytes it always had)."""
    data = canonical.normalised(inputs)
    doc = {"format": FORMAT, "version": VERSION, "kind": "full", "meta": meta or {},
           "inputs": data, "inputs_hash": canonical.inputs_hash(data), "attempts": attempts,
           **material, "draw": draw(material["seed"], data)}
    if replacements:
        doc["replacements"] = list(replacements)
    return doc


def teams_after(inputs: dict, drawn: dict, replacements: list[dict]) -> list[list[str]]:
    """Each visit's team once the recorded replacements are applied in order, each checked
    against the rule (docs/rounds.md §4): the one leaving was on the team, and the one coming
    is the first eligible of the reserve not used before. Raises `round_verify_differs` naming
    `replacements[i]` at the first that breaks it."""
    teams = [list(v["representatives"]) for v in drawn["visits"]]
    used: list[str] = []
    for i, rec in enumerate(replacements):
        index, leaving = rec["visit"], rec["leaving"]
        if not 0 <= index < len(teams) or leaving not in teams[index]:
            raise _differs(f"replacements[{i}]")
        current = {"visits": [{**v, "representatives": t}
                              for v, t in zip(drawn["visits"], teams, strict=True)],
                   "reserve": drawn["reserve"]}
        if replacement(inputs, current, index, leaving, tuple(used)) != rec["replacement"]:
            raise _differs(f"replacements[{i}]")
        teams[index][teams[index].index(leaving)] = rec["replacement"]
        used.append(rec["replacement"])
    return teams


def pseudonym(key_hex: str, person_id: str) -> str:
    """A representative's name in the public file: HMAC-SHA256(round's pseudonym key, id), its
    first 12 hex digits. The key stays in HQ's store, so the public cannot link rounds."""
    return hmac.new(bytes.fromhex(key_hex), person_id.encode("utf-8"),
                    hashlib.sha256).hexdigest()[:12]


def public_round(full: dict, pseudonym_key: str, results: list[dict] | None = None) -> dict:
    """The public round file of `full`: no people, inspectors as pseudonyms, and `results`
    (unit, outcome) once the round is over."""
    units = canonical.units_part(full["inputs"])
    teams = teams_after(full["inputs"], full["draw"], full.get("replacements", []))
    visits = [{"unit": v["unit"], "date": v["date"],  # who went, stand-ins (回避) included
               "inspectors": [pseudonym(pseudonym_key, p) for p in team]}
              for v, team in zip(full["draw"]["visits"], teams, strict=True)]
    keep = ("commitment", "secret", "public_value", "seed", "verifiable", "attempts",
            "inputs_hash")
    return {"format": FORMAT, "version": VERSION, "kind": "public", "meta": full["meta"],
            "inputs": units, "people_hash": canonical.people_hash(full["inputs"]),
            **{k: full[k] for k in keep},
            "draw": {"units": full["draw"]["units"], "visits": visits},
            "results": results or []}


def to_bytes(doc: dict) -> bytes:
    return canonical.dumps(doc) + b"\n"


def from_bytes(data: bytes, source: str) -> dict:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DomainError(code="round_file_unreadable", params={"path": source}) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != VERSION:
        raise DomainError(code="round_file_not_round", params={"path": source})
    return doc


def _differs(what: str) -> DomainError:
    return DomainError(code="round_verify_differs", params={"what": what})


def _check_seed(doc: dict) -> None:
    if not doc.get("verifiable"):
        return
    if commitment_of(doc["secret"]) != doc["commitment"]:
        raise _differs("commitment")
    if seed_from(doc["secret"], doc["public_value"], doc["inputs_hash"]) != doc["seed"]:
        raise _differs("seed")


def _first_difference(expected: dict, found: dict) -> str:
    if expected["units"] != found.get("units"):
        return "units"
    for i, (want, got) in enumerate(zip(expected["visits"], found.get("visits", []), strict=False)):
        for key in want:
            if want[key] != got.get(key):
                return f"visits[{i}].{key}"
    return "visits" if expected["visits"] != found.get("visits") else "reserve"


def verify(doc: dict) -> dict:
    """Recompute `doc` (full or public); raise `round_verify_differs` naming the first
    difference, else return {"kind", "verifiable"}."""
    try:
        return _verify(doc)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DomainError(code="round_verify_malformed") from exc


def _verify(doc: dict) -> dict:
    if doc["kind"] == "public":
        units = canonical.units_part(doc["inputs"])
        if canonical.combine(canonical.sha256_hex(canonical.dumps(units)),
                             doc["people_hash"]) != doc["inputs_hash"]:
            raise _differs("inputs_hash")
        _check_seed(doc)
        unit_ids = draw_unit_list(doc["seed"], units)
        c = units["constraints"]
        expected = {"units": unit_ids, "visits": [
            {"unit": u, "date": d} for u, d in
            zip(unit_ids, visit_dates(c["date_from"], c["date_to"], len(unit_ids)), strict=True)]}
        found = {"units": doc["draw"]["units"],
                 "visits": [{"unit": v["unit"], "date": v["date"]} for v in doc["draw"]["visits"]]}
    else:
        if canonical.inputs_hash(doc["inputs"]) != doc["inputs_hash"]:
            raise _differs("inputs_hash")
        _check_seed(doc)
        expected, found = draw(doc["seed"], doc["inputs"]), doc["draw"]
    if expected != found:
        raise _differs(_first_difference(expected, found))
    if doc["kind"] == "full":
        teams_after(doc["inputs"], found, doc.get("replacements", []))
    return {"kind": doc["kind"], "verifiable": bool(doc.get("verifiable"))}
