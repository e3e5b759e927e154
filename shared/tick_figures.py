"""The counters one scan tick keeps and the monthly report sums, declared once for both."""

from __future__ import annotations

from pydantic import BaseModel


class TickFigures(BaseModel):
    """What the bot did that shows or costs: comments, LLM calls, tokens, the estimated spend.

    `ScanReport` counts them for one tick (and `_record_tick` writes them to the ledger);
    `BotFigures` sums them over the ticks that ran inside a month. One definition keeps the two
    from drifting apart.
    """

    comments_posted: int = 0
    llm_calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    estimated_cost_usd: float = 0.0
