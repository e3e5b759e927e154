"""What one run used (Jira calls, ledger operations, LLM calls and tokens), counted per run.

A worker serves several invocations at once on shared clients: counting on the clients would
mix an operator's reanalysis served meanwhile into the tick's figures. `metered()` opens a
`Usage` in a context variable; every task the run starts inherits it, and an invocation running
beside it does not. Outside a metered run nothing is counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field


@dataclass
class Usage:
    jira_calls: Counter[str] = field(default_factory=Counter)
    jira_retries: int = 0
    ledger_ops: Counter[str] = field(default_factory=Counter)
    llm_calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0


def llm_cost(tokens_in: int, tokens_out: int, price_in_per_mtok: float, price_out_per_mtok: float) -> float:
    """Estimated USD for these tokens at per-million prices (LLM_PRICE_*_PER_MTOK)."""
    return round(tokens_in * price_in_per_mtok / 1e6 + tokens_out * price_out_per_mtok / 1e6, 6)


@dataclass(frozen=True)
class LLMBudget:
    """The day's LLM allowance for one run: `LLM_DAILY_BUDGET_USD`, what earlier runs of the day
    spent (`spent_usd`), and the prices to turn this run's tokens into dollars. Past it, the
    analyzer judges with the rules for the rest of the run, and the reason says so."""

    limit_usd: float
    spent_usd: float
    price_in_per_mtok: float
    price_out_per_mtok: float

    def exhausted(self, usage: Usage | None) -> bool:
        if usage is None:
            return self.spent_usd >= self.limit_usd
        used = llm_cost(usage.tokens_in, usage.tokens_out, self.price_in_per_mtok, self.price_out_per_mtok)
        return self.spent_usd + used >= self.limit_usd


_CURRENT: ContextVar[Usage | None] = ContextVar("usage", default=None)
BUDGET: ContextVar[LLMBudget | None] = ContextVar("llm_budget", default=None)


def current() -> Usage | None:
    """The usage of the run this code is part of, or None outside a metered run."""
    return _CURRENT.get()


@contextmanager
def metered() -> Iterator[Usage]:
    usage = Usage()
    token = _CURRENT.set(usage)
    try:
        yield usage
    finally:
        _CURRENT.reset(token)
