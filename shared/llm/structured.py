"""The structured-output call every model use goes through: messages and a pydantic schema in, a
validated object out.

One place maps the SDK's failures (`shared.llm.errors`), counts calls and tokens into the run's
`metering.Usage` and refuses a call once the run's daily allowance is spent, so the judge, the
report's map and its narrative cannot drift apart. `openai` is imported lazily (cold start).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from shared import metering
from shared.llm.errors import LLMBudgetReached, LLMUnavailable, LLMUnusable

if TYPE_CHECKING:
    from openai import AsyncOpenAI

Schema = TypeVar("Schema", bound=BaseModel)
Messages = list[dict[str, str]]


@dataclass(frozen=True)
class Answer(Generic[Schema]):
    """The validated object and what it cost."""

    value: Schema
    tokens_in: int
    tokens_out: int


class StructuredLLM:
    """One chat-completions deployment (OpenAI or Azure OpenAI). Construct with an `AsyncOpenAI`
    client (`shared.llm_setup.create_client`) and the model or deployment name."""

    def __init__(self, client: AsyncOpenAI, model: str) -> None:
        self.client = client
        self.model = model

    async def aclose(self) -> None:
        await self.client.close()

    async def parse(self, messages: Messages, schema: type[Schema], *, max_tokens: int) -> Answer[Schema]:
        """The model's answer as `schema`, at temperature 0. Raises `LLMBudgetReached` (no call
        made), `LLMUnavailable` (try later) or `LLMUnusable` (the answer cannot be used)."""
        usage = metering.current()
        budget = metering.BUDGET.get()
        if budget is not None and budget.exhausted(usage):
            raise LLMBudgetReached(budget.limit_usd)
        if usage is not None:
            usage.llm_calls += 1
        try:
            completion = await self.client.chat.completions.parse(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]
                response_format=schema,
                temperature=0,
                max_completion_tokens=max_tokens,
            )
        except Exception as exc:
            error = mapped(exc)
            if error is exc:
                raise
            raise error from None
        counted = completion.usage
        tokens_in = counted.prompt_tokens if counted else 0
        tokens_out = counted.completion_tokens if counted else 0
        if usage is not None:
            usage.tokens_in += tokens_in
            usage.tokens_out += tokens_out
        message = completion.choices[0].message if completion.choices else None
        if message is None or message.refusal or message.parsed is None:
            reason = "LLM refused" if message is not None and message.refusal else "LLM gave no answer"
            raise LLMUnusable(reason, tokens_in=tokens_in, tokens_out=tokens_out)
        return Answer(message.parsed, tokens_in, tokens_out)


def mapped(exc: Exception) -> Exception:
    """The `shared.llm.errors` exception for what the SDK raised; anything else unchanged."""
    import openai

    name = exc.__class__.__name__
    if isinstance(exc, openai.RateLimitError):
        after = _retry_after(exc.response.headers)
        return LLMUnavailable("LLM rate limited (429)", rate_limited=True, retry_after=after, cause=name)
    if isinstance(exc, openai.APITimeoutError | openai.APIConnectionError):
        return LLMUnavailable(f"LLM unavailable: {name}", cause=name)
    if isinstance(exc, openai.InternalServerError):
        return LLMUnavailable(f"LLM server error {exc.status_code}", cause=name)
    if isinstance(exc, openai.AuthenticationError):
        return LLMUnavailable("LLM key or identity rejected (401)", cause=name)
    if isinstance(exc, openai.LengthFinishReasonError | openai.ContentFilterFinishReasonError):
        return LLMUnusable(f"LLM answer unusable: {name}", cause=name)
    if isinstance(exc, ValidationError | ValueError):
        return LLMUnusable(f"LLM answer invalid: {name}", cause=name)
    if isinstance(exc, openai.APIStatusError):
        return LLMUnusable(f"LLM request rejected: {exc.status_code}", cause=name)
    if isinstance(exc, openai.OpenAIError | AttributeError | TypeError | KeyError):
        # An endpoint that answers 200 with something else (an HTML page, `{}`): the SDK fails
        # while reading it.
        return LLMUnusable(f"LLM answer unreadable: {name}", cause=name)
    return exc


def _retry_after(headers: Any) -> float | None:
    try:
        return max(0.0, min(float(headers.get("retry-after")), 300.0))
    except (TypeError, ValueError):
        return None

