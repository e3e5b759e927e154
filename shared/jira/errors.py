"""What can go wrong talking to Jira, in words an operator can act on."""

from __future__ import annotations

from typing import Literal


class JiraError(Exception):
    """Base of every Jira failure; messages never carry credentials or ticket text."""


class JiraAuthError(JiraError):
    """401/403: the token was rejected (expired, revoked, or lacks permission)."""


class JiraNotFound(JiraError):
    """404: the issue does not exist or the account may not see it."""


class JiraRequestError(JiraError):
    """4xx other than auth/404/429: our request was wrong; retrying will not help."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class JiraTransient(JiraError):
    """429, 5xx, timeouts, dropped connections, malformed answers: worth a later retry."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class JiraRateLimited(JiraTransient):
    """429 (or 503 with Retry-After) that outlasted our retries or our time budget."""


class WriteOutcomeUnknown(JiraError):
    """A non-idempotent write (comment POST) may or may not have happened: check before redoing.

    `known`: what Jira's answer does tell.
    - "done": a 2xx with an unreadable body: the comment exists, only its id is unknown;
    - "refused": a 503: the service turned the request away, so it did not act, and one more try
      after a look is safe;
    - "unknown": no answer (a timeout, a dropped connection) or a 500/502/504: it may have acted,
      or may still act after we look, so only a later run may ask again."""

    def __init__(self, message: str, *, known: Literal["done", "refused", "unknown"] = "unknown") -> None:
        super().__init__(message)
        self.known = known
