"""How long a new store passphrase must be, and how strong it looks.

The store's key is derived from the passphrase (models.store.keys), so a short one is guessed
offline from a stolen laptop whatever the KDF costs. A new passphrase needs at least
`MIN_PASSPHRASE_LENGTH` characters; its strength is an estimate from length and the kinds of
characters used (entropy in bits), shown while it is typed so a person can do better than the
minimum. Opening an existing store never applies the rule: older stores keep working.
"""

import math

MIN_PASSPHRASE_LENGTH = 10
WEAK, FAIR, STRONG = "weak", "fair", "strong"
_FAIR_BITS, _STRONG_BITS = 50, 70


def _alphabet(passphrase: str) -> int:
    size = 0
    if any(c.islower() and c.isascii() for c in passphrase):
        size += 26
    if any(c.isupper() and c.isascii() for c in passphrase):
        size += 26
    if any(c.isdigit() and c.isascii() for c in passphrase):
        size += 10
    if any(not c.isalnum() and c.isascii() for c in passphrase):
        size += 33
    if any(not c.isascii() for c in passphrase):
        size += 3000  # Chinese characters: a few thousand in common use
    return max(size, 1)


def entropy_bits(passphrase: str) -> float:
    """A rough upper estimate: repeated characters count once per distinct character, plus a
    little for the length, so "aaaaaaaaaa" stays weak."""
    distinct = len(set(passphrase))
    return distinct * math.log2(_alphabet(passphrase)) + (len(passphrase) - distinct)


def strength(passphrase: str) -> str:
    bits = entropy_bits(passphrase)
    if len(passphrase) < MIN_PASSPHRASE_LENGTH or bits < _FAIR_BITS:
        return WEAK
    return FAIR if bits < _STRONG_BITS else STRONG


def passphrase_problem(passphrase: str) -> tuple[str, dict] | None:
    """(code, args) when a NEW passphrase is refused; None when it is long enough."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return "passphrase_too_short", {"minimum": MIN_PASSPHRASE_LENGTH}
    return None
