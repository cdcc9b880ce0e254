"""Wrong passphrases and PINs: the first few are free, then each waits longer, then a block.

The policy is one pure function of the failure count. Passphrase failures are kept in a small
file in the data directory (the store is still locked, so it cannot hold them; the file holds
counts and times only); PIN failures are kept in the store, per profile. A blocked passphrase is
lifted by HQ recovery (escrow); a blocked PIN by a supervisor.
"""

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from models.errors import StoreLockedError

ATTEMPTS_FILE = "unlock_attempts.json"
FREE_FAILURES = 3
BLOCK_AFTER = 10
FIRST_WAIT_S = 5.0
MAX_WAIT_S = 15 * 60.0


class LockedOutError(StoreLockedError):
    """Too many wrong attempts: wait, or (blocked) ask for the unblock."""

    code = "locked_out"

    def __init__(self, *, code: str, wait_seconds: float | None):
        params = {} if wait_seconds is None else {"seconds": int(wait_seconds) + 1}
        super().__init__(code=code, params=params)
        self.wait_seconds = wait_seconds  # None: blocked until reset


def wait_after(failures: int) -> float | None:
    """Seconds to wait after `failures` consecutive failures; None once blocked."""
    if failures >= BLOCK_AFTER:
        return None
    if failures <= FREE_FAILURES:
        return 0.0
    return min(FIRST_WAIT_S * 2 ** (failures - FREE_FAILURES - 1), MAX_WAIT_S)


@dataclass
class AttemptState:
    failures: int = 0
    last_failure: float = 0.0

    def refuse_if_locked(self, what: str, now: float) -> None:
        """`what`: "passphrase" or "pin", naming the refusal (`passphrase_blocked`,
        `pin_wait`...; models/messages/security.py), which says who can unblock it."""
        wait = wait_after(self.failures)
        if wait is None:
            raise LockedOutError(code=f"{what}_blocked", wait_seconds=None)
        left = self.last_failure + wait - now
        if left > 0:
            raise LockedOutError(code=f"{what}_wait", wait_seconds=left)

    def failed(self, now: float) -> "AttemptState":
        return AttemptState(self.failures + 1, now)


class UnlockGuard:
    """Passphrase attempts for one data directory."""

    def __init__(self, data_dir: Path, clock=time.time):
        self.path = Path(data_dir) / ATTEMPTS_FILE
        self.clock = clock

    def state(self) -> AttemptState:
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
            return AttemptState(int(doc["failures"]), float(doc["last_failure"]))
        except (OSError, ValueError, KeyError):
            return AttemptState()

    def check(self) -> None:
        self.state().refuse_if_locked("passphrase", self.clock())

    def failed(self) -> None:
        self._save(self.state().failed(self.clock()))

    def succeeded(self) -> None:
        if self.path.exists():
            self.path.unlink()

    def _save(self, state: AttemptState) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"failures": state.failures,
                                   "last_failure": state.last_failure}), encoding="utf-8")
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)
