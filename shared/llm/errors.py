"""What a model call can end in, for the core to catch without importing `openai`.

`LLMUnavailable` means "try later" (the ticket waits for the next tick); `LLMUnusable` means the
call was made and its answer cannot be used (the caller falls back to the rules); `LLMBudgetReached`
means no call was made because the day's allowance is spent.
"""

from __future__ import annotations


class LLMError(Exception):
    """Any model call that gave no usable answer. `cause` names what went wrong underneath (the
    SDK's exception class), for messages; None when the model answered but refused or said nothing."""

    def __init__(self, message: str, *, cause: str | None = None) -> None:
        super().__init__(message)
        self.cause = cause


class LLMUnavailable(LLMError):
    """429, timeouts, connection or server errors after the SDK's own retries, or a rejected key."""

    def __init__(
        self,
        message: str,
        *,
        rate_limited: bool = False,
        retry_after: float | None = None,
        cause: str | None = None,
    ) -> None:
        super().__init__(message, cause=cause)
        self.rate_limited = rate_limited
        self.retry_after = retry_after


class LLMUnusable(LLMError):
    """The endpoint answered, but not with a valid object of the schema: refused, truncated,
    filtered, invalid or unreadable. The tokens it spent are kept, so the caller can report them."""

    def __init__(
        self, reason: str, *, tokens_in: int = 0, tokens_out: int = 0, cause: str | None = None
    ) -> None:
        super().__init__(reason, cause=cause)
        self.reason = reason
        self.tokens_in = tokens_in
        self.tokens_out = tokens_out


class LLMBudgetReached(LLMError):
    """The run's daily allowance (LLM_DAILY_BUDGET_USD) is spent: the call was not made."""

    def __init__(self, limit_usd: float) -> None:
        super().__init__(f"daily LLM budget of ${limit_usd:g} reached (LLM_DAILY_BUDGET_USD)")
        self.limit_usd = limit_usd
