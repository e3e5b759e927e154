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


_CURRENT: ContextVar[Usage | None] = ContextVar("usage", default=None)


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
