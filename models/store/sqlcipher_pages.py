"""SQLCipher 4's page format in Python: a database image's pages encrypted under a store's key
as SQLCipher writes them, and decrypted back (issue 18 §1, a new device's snapshot).

Why: a new device takes HQ's snapshot as a plaintext database image (compressed, over the
authenticated connection) and encrypts each page once, under its own key, as it writes the file:
the store is never under a key HQ knew, nothing is written in the clear, and the device pays one
encryption per page instead of SQLCipher's `PRAGMA rekey` (a decryption and an encryption per
page, 0.40 s CPU for 62 MB, after writing the file once under the one-time key). HQ builds the
image in memory from one blank page SQLCipher itself wrote and `decrypt_image` read
(`snapshot_file.blank_image`, once per process). docs/sync.md has the figures.

The format (SQLCipher 4 defaults, which the store uses: `models.store.database` sets only the
raw key): pages of 4,096 bytes, each ending in 80 reserved bytes (a random 16-byte IV, then an
HMAC-SHA512 of the encrypted bytes, the IV and the page number as 4 bytes little-endian);
AES-256-CBC over the rest of the page; page 1 starts with the file's 16-byte salt in place of
SQLite's magic string and encrypts from byte 16. A raw key (`x'…'`) is the AES key itself; the
HMAC key is PBKDF2-HMAC-SHA512 of it over the salt XOR 0x3a, 2 iterations. A test opens what
`encrypt_pages` writes with the store's own connection and runs SQLCipher's page check.

One CBC encryptor serves a whole file: a page's IV is folded into its first plaintext block
(XOR with the IV and the last ciphertext block of the page before), so every page is exactly
AES-CBC under its own random IV, without building a cipher object per page (50 µs each).
"""

import hashlib
import hmac
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
SALT = 16
IV = 16
MAC = 64
RESERVE = IV + MAC  # SQLCipher 4: the IV and an HMAC-SHA512, a whole number of AES blocks
BODY = PAGE - RESERVE
SQLITE_MAGIC = b"SQLite format 3\0"
HMAC_SALT_MASK = 0x3A
FAST_KDF_ITER = 2
# How a snapshot's image travels (sync/server/snapshot.py): these pages in the clear, zlib.
IMAGE_FORM = "sqlcipher4-zlib"


class NotAnImage(ValueError):
    """The bytes are not a database image of this page format (or not whole)."""


def hmac_key(key: bytes, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", key, bytes(b ^ HMAC_SALT_MASK for b in salt),
                               FAST_KDF_ITER, len(key))


def check_image_header(first_page: bytes) -> None:
    """A plaintext image's first page: SQLite's magic, 4,096-byte pages, 80 reserved bytes."""
    if (len(first_page) < 100 or first_page[:16] != SQLITE_MAGIC
            or int.from_bytes(first_page[16:18], "big") != PAGE or first_page[20] != RESERVE):
        raise NotAnImage("not a database image of SQLCipher's page format")


class _Lane:
    """One CBC encryptor and the last ciphertext block it produced."""

    def __init__(self, key: bytes):
        self.cbc = Cipher(algorithms.AES(key), modes.CBC(bytes(IV))).encryptor()
        self.chain = bytes(IV)


class PageEncryptor:
    """Encrypts a plaintext image page by page under `key` (raw, 32 bytes) and hands each
    encrypted page run to `write`; `feed` takes the image in pieces of any size, `finish`
    checks that it ended on a page boundary and returns the number of pages. With `lanes=2`
    each piece's second half is encrypted on another thread (HMAC and zlib let go of the GIL;
    pages are independent, each lane chains only its own); `close` (or `finish`) ends it."""

    def __init__(self, key: bytes, write: Callable[[bytes], object], lanes: int = 1):
        self._salt = os.urandom(SALT)
        self._mac_key = hmac_key(key, self._salt)
        self._lanes = [_Lane(key) for _ in range(max(1, min(lanes, 2)))]
        self._other = ThreadPoolExecutor(1, "fi-pages") if len(self._lanes) > 1 else None
        self._write = write
        self._rest = b""
        self.pages = 0

    def feed(self, data: bytes | memoryview) -> None:
        if self._rest:
            data = self._rest + bytes(data)
        view = memoryview(data)
        count = len(view) // PAGE
        half = count // 2 * PAGE if self._other is not None and count >= 16 else count * PAGE
        if half < count * PAGE:
            second = self._other.submit(self._encrypt, self._lanes[1], view[half:count * PAGE],
                                        self.pages + 1 + half // PAGE)
        if half:
            self._write(self._encrypt(self._lanes[0], view[:half], self.pages + 1))
        if half < count * PAGE:
            self._write(second.result())
        self.pages += count
        self._rest = bytes(view[count * PAGE:])

    def finish(self) -> int:
        self.close()
        if self._rest or not self.pages:
            raise NotAnImage("the image does not end on a page boundary")
        return self.pages

    def close(self) -> None:
        if self._other is not None:
            self._other.shutdown()

    def _encrypt(self, lane: _Lane, run: memoryview, number: int) -> bytes:
        """The pages of `run` (the first one numbered `number`) encrypted on `lane`. The
        ciphertext goes straight into the output (`update_into`, which wants a block's room
        past its end: the next page's bytes, or 16 spare bytes after the last page), and each
        page's HMAC is a copy of one keyed HMAC fed the page in place: no page is copied to
        be signed."""
        out = bytearray(len(run) + IV)
        view = memoryview(out)
        ivs = os.urandom(IV * (len(run) // PAGE))
        base, cbc, chain = hmac.new(self._mac_key, digestmod="sha512"), lane.cbc, lane.chain
        into = cbc.update_into
        for at in range(0, len(run), PAGE):
            start = at + SALT if number == 1 else at
            if start != at:
                check_image_header(run[at:at + PAGE])
                out[at:at + SALT] = self._salt
            iv = ivs[at // PAGE * IV:at // PAGE * IV + IV]
            first = (int.from_bytes(run[start:start + IV], "little")
                     ^ int.from_bytes(iv, "little")
                     ^ int.from_bytes(chain, "little")).to_bytes(IV, "little")
            into(first, view[start:start + 2 * IV - 1])
            into(run[start + IV:at + BODY], view[start + IV:at + BODY + IV - 1])
            chain = bytes(view[at + BODY - IV:at + BODY])
            view[at + BODY:at + BODY + IV] = iv
            mac = base.copy()
            mac.update(view[start:at + BODY + IV])
            mac.update(number.to_bytes(4, "little"))
            view[at + BODY + IV:at + PAGE] = mac.digest()
            number += 1
        lane.chain = chain
        view.release()
        del out[len(run):]
        return bytes(out)


def encrypt_pages(key: bytes, pieces: Iterable[bytes], write: Callable[[bytes], object],
                  lanes: int = 1) -> int:
    """The image given in `pieces` written encrypted under `key`; how many pages."""
    encryptor = PageEncryptor(key, write, lanes)
    try:
        for piece in pieces:
            encryptor.feed(piece)
        return encryptor.finish()
    finally:
        encryptor.close()


def decrypt_image(data: bytes | memoryview, key: bytes) -> bytearray:
    """The plaintext image of an SQLCipher file `data` (whole) under the raw `key`, its reserved
    bytes zero; every page's HMAC is checked (a wrong key or a damaged page: NotAnImage).

    The whole file is decrypted as ONE CBC stream (one call, no cipher object or call per
    page): inside a page each block's plaintext is its decryption XOR the ciphertext block
    before it, as in the stream; only a page's first block is chained to its own IV (in the
    page's reserve) instead of the bytes before it, and is corrected after. The HMACs are
    checked on a thread meanwhile (OpenSSL lets go of the GIL for a page's 4 KiB)."""
    view = memoryview(data)
    if not len(view) or len(view) % PAGE:
        raise NotAnImage("not a whole number of pages")
    with ThreadPoolExecutor(1, "fi-pages-check") as checking:
        checked = checking.submit(_check_macs, view, hmac_key(key, bytes(view[:SALT])))
        out = bytearray(len(view) + IV)
        Cipher(algorithms.AES(key), modes.CBC(bytes(IV))).decryptor().update_into(view, out)
        blank = bytes(RESERVE)
        for at in range(0, len(view), PAGE):
            start = at + SALT if at == 0 else at
            fix = (int.from_bytes(view[start - IV:start], "little")
                   ^ int.from_bytes(view[at + BODY:at + BODY + IV], "little"))
            out[start:start + IV] = (int.from_bytes(out[start:start + IV], "little")
                                     ^ fix).to_bytes(IV, "little")
            out[at + BODY:at + PAGE] = blank
        del out[len(view):]
        out[:SALT] = SQLITE_MAGIC
        bad = checked.result()
    if bad:
        raise NotAnImage(f"page {bad} does not verify under the key")
    check_image_header(out[:PAGE])
    return out


def _check_macs(view: memoryview, mac_key: bytes) -> int:
    """The number of the first page whose HMAC does not verify, 0 if all do."""
    base = hmac.new(mac_key, digestmod="sha512")
    for number, at in enumerate(range(0, len(view), PAGE), start=1):
        mac = base.copy()
        mac.update(view[at + SALT if number == 1 else at:at + BODY + IV])
        mac.update(number.to_bytes(4, "little"))
        if not hmac.compare_digest(mac.digest(), view[at + BODY + IV:at + PAGE]):
            return number
    return 0
