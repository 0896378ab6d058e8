"""The engine's one error: a refusal the candidate can act on."""

from __future__ import annotations


class InterviewError(Exception):
    """A request the engine refuses; ``message`` says what to do, ``status_code`` is HTTP."""

    def __init__(self, message: str, status_code: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
