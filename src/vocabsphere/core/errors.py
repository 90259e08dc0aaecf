"""Domain errors: raised by core and services, mapped once at the edge to an HTML page or a JSON error."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a user may be shown; ``message`` is safe to display."""

    code = "error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(DomainError):
    code = "invalid_input"


class NotAuthenticated(DomainError):
    code = "not_authenticated"


class Forbidden(DomainError):
    code = "forbidden"


class NotFound(DomainError):
    code = "not_found"


class Conflict(DomainError):
    code = "conflict"


class Unavailable(DomainError):
    """A part of the installation is missing or not ready (e.g. the lexicon is not built)."""

    code = "unavailable"


class TooManyRequests(DomainError):
    code = "too_many_requests"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
