"""Random inspection rounds anyone can re-compute (双随机, issue 16 §1).

Qt-free and database-free: the inputs (pools and constraints) come in as plain data, the draw
comes out as plain data, and the same bytes in give the same bytes out on any machine. The
specification, with a test vector, is docs/rounds.md; this package is its reference
implementation:

- `canonical`: canonical JSON and the hashes of the inputs (units part, people part, both).
- `stream`: the seed, the HMAC-SHA256 counter stream, uniform integers by rejection sampling,
  Fisher–Yates.
- `algorithm`: the weighted unit draw, the visit dates, the representative assignment under the
  constraints, the reserve list and the replacement rule.
- `round_file`: the round file (full and public) and its verification.
"""
