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

Each lane encrypts its pages as ONE CBC stream, reserves included, in one call per run of
pages (no cipher object and no cipher call per page): a page's IV is the stream's ciphertext
block just before the page (the encrypted last block of the page before's reserve, which the
IV and HMAC then overwrite; a lane's first page takes the lane's random starting IV), so every
page is exactly AES-CBC under its own IV as SQLCipher reads it. The IVs are AES outputs of a
chain under the device's key, unpredictable without it, as the blocks of any CBC message are;
SQLCipher writes a fresh random one each time it rewrites a page. The image's plaintext is
whole before a page is encrypted, so nothing is chosen after seeing a ciphertext (CBC's
condition on its IVs). The HMACs are then taken page by page over the output in place.
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
    """One CBC stream (from a random IV) and its last ciphertext block: the next page's IV."""

    def __init__(self, key: bytes):
        start = os.urandom(IV)
        self.cbc = Cipher(algorithms.AES(key), modes.CBC(start)).encryptor()
        self.chain = start


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
        view = memoryview(data)
        if self._rest:  # the page begun in the last piece: completed alone, the piece not copied
            need = PAGE - len(self._rest)
            if len(view) < need:
                self._rest += bytes(view)
                return
            self._rest += bytes(view[:need])
            view = view[need:]
            self._write(self._encrypt(self._lanes[0], memoryview(self._rest), self.pages + 1))
            self.pages += 1
            self._rest = b""
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

    def _encrypt(self, lane: _Lane, run: memoryview, number: int) -> bytearray:
        """The pages of `run` (the first one numbered `number`) encrypted on `lane`: the
        lane's stream over the whole run in one call (`update_into` wants a block's room past
        the end), each page's IV the stream's block before it, then each page's IV and HMAC
        written into its reserve (the HMAC a copy of one keyed HMAC fed the page in place: no
        page is copied to be signed)."""
        out = bytearray(len(run) + IV)
        view = memoryview(out)
        start = 0
        if number == 1:  # page 1: the salt in the clear, encrypted from byte 16
            check_image_header(run[:PAGE])
            out[:SALT] = self._salt
            start = SALT
        lane.cbc.update_into(run[start:], view[start:])
        ivs = [lane.chain, *(bytes(view[at - IV:at]) for at in range(PAGE, len(run), PAGE))]
        lane.chain = bytes(view[len(run) - IV:len(run)])
        base = hmac.new(self._mac_key, digestmod="sha512")
        for page, at in enumerate(range(0, len(run), PAGE)):
            view[at + BODY:at + BODY + IV] = ivs[page]
            mac = base.copy()
            mac.update(view[at + SALT if number == 1 else at:at + BODY + IV])
            mac.update(number.to_bytes(4, "little"))
            view[at + BODY + IV:at + PAGE] = mac.digest()
            number += 1
        view.release()
        del out[len(run):]
        return out


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
