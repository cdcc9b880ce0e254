"""The draw's only source of randomness (docs/rounds.md §3): a seed, an HMAC-SHA256 counter
stream, uniform integers by rejection sampling and Fisher–Yates. Not Python's `random`, whose
algorithm is not a published contract; every step here is written down so another program can
reproduce it byte for byte.
"""

import hashlib
import hmac


def seed_from(secret_hex: str, public_value: str, inputs_hash_hex: str) -> str:
    """SHA-256(secret ‖ UTF-8 public value ‖ inputs' hash): the secret and the hash are 32 bytes
    each, so the variable-length middle cannot be confused with either end."""
    secret = bytes.fromhex(secret_hex)
    digest = bytes.fromhex(inputs_hash_hex)
    if len(secret) != 32 or len(digest) != 32:
        raise ValueError("secret and inputs hash are 32 bytes each")
    return hashlib.sha256(secret + public_value.encode("utf-8") + digest).hexdigest()


def commitment_of(secret_hex: str) -> str:
    return hashlib.sha256(bytes.fromhex(secret_hex)).hexdigest()


class Stream:
    """Bytes HMAC-SHA256(seed, counter) for counter = 0, 1, 2, … (8 bytes, big-endian), read in
    order; `uniform` and `shuffle` consume them."""

    def __init__(self, seed_hex: str):
        self._key = bytes.fromhex(seed_hex)
        if len(self._key) != 32:
            raise ValueError("a seed is 32 bytes")
        self._counter = 0
        self._buffer = b""

    def take(self, n: int) -> bytes:
        while len(self._buffer) < n:
            block = hmac.new(self._key, self._counter.to_bytes(8, "big"), hashlib.sha256)
            self._buffer += block.digest()
            self._counter += 1
        out, self._buffer = self._buffer[:n], self._buffer[n:]
        return out

    def uniform(self, n: int) -> int:
        """An integer in [0, n), each equally likely: read ceil(b / 8) bytes (b = bit length of
        n - 1) as a big-endian number, keep its low b bits, retry while the value is ≥ n.
        n = 1 reads nothing."""
        if n < 1:
            raise ValueError("uniform needs n >= 1")
        if n == 1:
            return 0
        bits = (n - 1).bit_length()
        size, mask = (bits + 7) // 8, (1 << bits) - 1
        while True:
            value = int.from_bytes(self.take(size), "big") & mask
            if value < n:
                return value

    def shuffle(self, items: list) -> list:
        """A new list: Fisher–Yates from the last position down, j = uniform(i + 1)."""
        out = list(items)
        for i in range(len(out) - 1, 0, -1):
            j = self.uniform(i + 1)
            out[i], out[j] = out[j], out[i]
        return out
