"""Why a call to HQ failed, as types the caller switches on (never on a message's text).

`HqUnreachable` (no answer, or only 502/503/504 answers), `HqUntrusted` (HQ's TLS certificate
could not be verified: no retry helps, the device needs the office's CA file), `HqRefused` (HQ
answered no, with its wire code and details), and below it `DeviceRevoked`,
`EnrollmentExpired` and `NeedsUpdate`.
Each is a SyncError with a message code (models/messages/sync.py) that the window and the
command line render in the user's language; HQ's own English sentence is kept for the log.
"""

from typing import Any

from models.errors import SyncError
from models.messages import MESSAGES


def message_code(wire: str) -> str:
    """The message code of HQ's wire code: ``hq_`` + the code, else the generic refusal."""
    code = wire if wire.startswith("hq_") else f"hq_{wire}"
    return code if code in MESSAGES else "hq_refused"


class HqUnreachable(SyncError):
    """HQ did not answer (network fault), or answered only "unavailable" (`status`)."""

    def __init__(self, url: str, status: int | None = None):
        self.url, self.status = url, status
        if status is None:
            super().__init__(code="hq_unreachable", params={"url": url})
        else:
            super().__init__(code="hq_unavailable", params={"url": url, "status": status})


class HqUntrusted(SyncError):
    """HQ at `url` (https) showed a certificate this device cannot verify against the system's
    authorities and FIELDINSPECT_CA_FILE; `reason`: the TLS library's words (logs only)."""

    def __init__(self, url: str, reason: str = ""):
        self.url, self.reason = url, reason
        super().__init__(f"HQ certificate not trusted: {reason}", code="hq_untrusted",
                         params={"url": url})


class CaFileUnreadable(SyncError):
    """FIELDINSPECT_CA_FILE names no readable PEM certificate authority file."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(code="hq_ca_file_unreadable", params={"path": path})


class HqRefused(SyncError):
    """HQ answered no. `hq_code`: HQ's wire code; `status`: the HTTP status; `details`: HQ's
    details; `reason`: HQ's own English sentence (logs only)."""

    def __init__(self, status: int, hq_code: str, reason: str = "",
                 details: dict[str, Any] | None = None, params: dict[str, Any] | None = None):
        self.status, self.hq_code, self.reason = status, hq_code, reason
        self.details = dict(details or {})
        code = message_code(hq_code)
        shown = params if params is not None else self._params(code)
        super().__init__(f"HQ refused ({status} {hq_code}): {reason or hq_code}", code=code,
                         params=shown)

    def _params(self, code: str) -> dict[str, Any]:
        if code == "hq_refused":
            return {"code": self.hq_code}
        return {k: v for k, v in self.details.items() if isinstance(v, str | int | float)}


class DeviceRevoked(HqRefused):
    """HQ revoked this device (or it was revoked before): it syncs no more."""

    def __init__(self, reason: str = "HQ has revoked this device."):
        super().__init__(401, "revoked", reason)


class EnrollmentExpired(HqRefused):
    """The one-time enrollment code is past its time: ask HQ for a new one."""


class NeedsUpdate(HqRefused):
    """HQ does not take this app's version (`hq_code` update_app) or is older than it
    (update_hq); `minimum` and `newest` are the versions HQ accepts."""

    def __init__(self, status: int, hq_code: str, reason: str = "",
                 details: dict[str, Any] | None = None):
        accepted = (details or {}).get("accepted") or [None, None]
        self.minimum, self.newest = (list(accepted) + [None, None])[:2]
        super().__init__(status, hq_code, reason, details,
                         params={"minimum": self.minimum, "newest": self.newest})


class NotEnrolled(SyncError):
    """No HQ address or no credential on this device: enroll it first."""


def refusal(status: int, body: dict, text: str) -> HqRefused:
    """The typed failure of a 4xx answer (`body`: HQ's `ErrorBody` as JSON, or {})."""
    wire = str(body.get("code") or "refused")
    reason = str(body.get("message") or text)[:300]
    details = body.get("details") if isinstance(body.get("details"), dict) else {}
    if status == 401 and wire == "revoked":
        return DeviceRevoked(reason)
    if wire == "expired_code":
        return EnrollmentExpired(status, wire, reason, details)
    if status == 426 or wire in ("update_app", "update_hq"):
        return NeedsUpdate(status, wire, reason, details)
    return HqRefused(status, wire, reason, details)
