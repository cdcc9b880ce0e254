"""The one refusal type of the HQ API: every 4xx HQ answers is a `ClientError` (and so is the
503 `busy`, which `sync.server.app` makes from the database's lock timeouts).

It carries the HTTP status, a stable machine code (what the client switches on) and the
arguments of the refusal; one handler (`sync.server.app`) turns it into the JSON body
`{"code", "message", "details"}`, the arguments going to `details`. The wire format is the
client's contract: codes and keys do not change.
"""


class ClientError(Exception):
    def __init__(self, status: int, code: str, message: str, **details):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details

    def body(self) -> dict:
        return {"code": self.code, "message": self.message, "details": self.details}


def not_authenticated(code: str, message: str) -> ClientError:
    """401: invalid | expired | revoked (a token), invalid_code | expired_code |
    already_enrolled (an enrollment code)."""
    return ClientError(401, code, message)
