"""Rules first, then the LLM when one is configured: one `assess` for the scan to call."""

from __future__ import annotations

import asyncio

from shared.analysis.llm import LLMJudge, prompt_id
from shared.analysis.models import Assessment
from shared.analysis.rules import RULES_VERSION, assess_text
from shared.jira.models import Ticket


def ticket_body(ticket: Ticket, bot_account_id: str | None) -> str:
    """Description plus the reporter's own follow-up comments (answers often arrive there)."""
    reporter = ticket.reporter.account_id if ticket.reporter else None
    follow_ups = [
        c.text
        for c in ticket.comments
        if reporter and c.author_id == reporter and c.author_id != bot_account_id
    ]
    return "\n\n".join([ticket.description, *follow_ups]).strip()


class Analyzer:
    """Judges tickets; `judge` is None when no LLM is configured (rules alone, deterministic)."""

    def __init__(self, *, threshold: int, judge: LLMJudge | None = None, model: str = "") -> None:
        self.threshold = threshold
        self.judge = judge
        llm = "" if judge is None else f"+{prompt_id(judge.prompt)}:{model}"
        self.version = f"{RULES_VERSION}{llm}"

    async def assess(
        self, ticket: Ticket, bot_account_id: str | None, llm_slots: asyncio.Semaphore | None = None
    ) -> Assessment:
        """Rules first (CPU, outside any LLM slot), then the LLM call inside `llm_slots`, so a
        slot is held only while a request is in flight."""
        body = ticket_body(ticket, bot_account_id)
        rules = assess_text(ticket.summary, body, threshold=self.threshold)
        if self.judge is None:
            return rules
        if llm_slots is None:
            return await self.judge.judge(ticket.summary, body, rules)
        async with llm_slots:
            return await self.judge.judge(ticket.summary, body, rules)
