"""A refusal of a client's request: an HTTP status, a machine code and a sentence."""


class ClientError(Exception):
    def __init__(self, status: int, code: str, message: str, **details):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details
