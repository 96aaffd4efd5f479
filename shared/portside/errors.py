"""Domain exceptions. The web layer maps each to a status and a page in one place."""

from __future__ import annotations


class PortsideError(Exception):
    """Base of every error the portal answers on purpose."""

    status = 500
    public_message = "Something went wrong on our side."
    # Refusals an auditor should see are recorded as ``security.<this>`` (rate-limited) where they are answered.
    security_event: str | None = None


class NotFound(PortsideError):
    status = 404
    public_message = "We could not find that page."


class Forbidden(PortsideError):
    status = 403
    public_message = "Your role does not give access to this page."
    security_event = "denied"

    def __init__(self, detail: str = "", who_may: tuple[str, ...] = ()) -> None:
        """``who_may``: the roles that may, as the page names them to the person refused."""
        super().__init__(detail)
        if who_may:
            self.public_message = (
                f"{self.public_message} It is for the {_either(who_may)} role. If you need it, ask whoever"
                " manages your access."
            )


def _either(words: tuple[str, ...]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


class Conflict(PortsideError):
    status = 409
    public_message = "Someone else changed this at the same time. Reload and try again."


class RateLimited(PortsideError):
    status = 429
    public_message = "Too many attempts. Please wait a few minutes and try again."
    security_event = "rate_limited"

    def __init__(self, message: str | None = None, retry_after_seconds: int = 900) -> None:
        super().__init__(message or self.public_message)
        self.public_message = message or self.public_message
        self.retry_after_seconds = retry_after_seconds


class InvalidInput(PortsideError):
    """Bad input: ``errors`` maps each field name to a sentence a person can act on."""

    status = 400
    public_message = "Some of what you entered needs another look."

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {problem}" for field, problem in errors.items()))
        self.errors = errors


class TooLarge(PortsideError):
    status = 413
    public_message = "The request is larger than this endpoint takes."


class UnreadableForm(PortsideError):
    """A body that is not a form at all (not UTF-8, too large): nothing in it can be shown again."""

    status = 400

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.public_message = problem


class CsrfRejected(PortsideError):
    status = 403
    security_event = "csrf_refused"
    public_message = "This form has expired or came from another site. Go back, reload the page and try again."


class SignInRequired(PortsideError):
    """No valid session: pages redirect to the sign-in page, JSON answers 401."""

    status = 401
    public_message = "Please sign in."
