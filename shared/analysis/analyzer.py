"""Rules first, then the LLM when one is configured: one `assess` for the scan to call.

Both read the one rendering of the ticket (`shared.jira.rendering`). What the site already knows
comes first and last: a category its request type decides, items its mapped fields answer, and
the empty field a missing item belongs in (`site_fields`). And what the reporter said last: an
item their reply calls not applicable is answered, whatever either analyzer read (`not_applicable`).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
from collections.abc import Mapping

from shared.analysis.checklists import CHECKLISTS
from shared.analysis.learned import LearnedJudge
from shared.analysis.llm import LLMJudge, prompt_id
from shared.analysis.models import Assessment, Category
from shared.analysis.not_applicable import called_not_applicable, credit_not_applicable, form_names
from shared.analysis.rules import assess_text, detect_language
from shared.analysis.rules_version import RULES_VERSION
from shared.analysis.site_fields import answered_by_fields, credit_fields, point_to_fields, site_category
from shared.jira.models import Ticket
from shared.jira.rendering import follow_ups, render_body, reporter_words
from shared.llm.errors import LLMBudgetReached


class Analyzer:
    """Judges tickets; `judge` is None when no LLM is configured (rules alone, deterministic).
    `learned`: the rules' learned layer (`shared.analysis.learned.load_judge()`), None for the
    hand-written rules alone."""

    def __init__(
        self,
        *,
        threshold: int,
        judge: LLMJudge | None = None,
        model: str = "",
        category_map: Mapping[str, Category] | None = None,
        learned: LearnedJudge | None = None,
    ) -> None:
        self.threshold = threshold
        self.learned = learned
        self.judge = judge
        self.category_map: Mapping[str, Category] = dict(category_map or {})
        llm = "" if judge is None else f"+{prompt_id(judge.prompt)}:{model}"
        # A new map decides categories differently: the tickets it touches are judged again.
        site = f"+map.{_digest(self.category_map)}" if self.category_map else ""
        rules = RULES_VERSION if learned is None else f"{RULES_VERSION}+{learned.version}"
        self.version = f"{rules}{llm}{site}"

    async def assess(
        self, ticket: Ticket, bot_account_id: str | None, llm_slots: asyncio.Semaphore | None = None
    ) -> Assessment:
        """Rules first (CPU, outside any LLM slot), then the LLM call inside `llm_slots`, so a
        slot is held only while a request is in flight."""
        body = render_body(ticket, bot_account_id)
        fixed = site_category(ticket, self.category_map)
        rules = self._rules(ticket, bot_account_id, body, fixed)
        if self.judge is None:
            return rules
        async with llm_slots or contextlib.nullcontext():
            # The adapter checks the budget once the slot is held: a ticket that waited for one
            # sees what the calls before it spent.
            try:
                judged = await self.judge.judge(ticket.summary, body, rules)
            except LLMBudgetReached as exc:
                return rules.model_copy(update={"fallback_reason": f"{exc}: rules judged"})
        if fixed is not None and judged.category != fixed:
            reason = f"LLM chose {judged.category}, the site's type says {fixed}"
            tokens = {"tokens_in": judged.tokens_in, "tokens_out": judged.tokens_out}
            return rules.model_copy(update={"fallback_reason": reason, **tokens})
        return self._with_site(judged, ticket, fixed, bot_account_id)

    def rules(self, ticket: Ticket, bot_account_id: str | None) -> Assessment:
        """The rules' judgement alone, site knowledge included: the LLM's evidence and its fallback."""
        fixed = site_category(ticket, self.category_map)
        return self._rules(ticket, bot_account_id, render_body(ticket, bot_account_id), fixed)

    def _rules(
        self, ticket: Ticket, bot_account_id: str | None, body: str, fixed: Category | None
    ) -> Assessment:
        language = detect_language(reporter_words(ticket, bot_account_id))
        judged = assess_text(
            ticket.summary, body, threshold=self.threshold, category=fixed, language=language,
            judge=self.learned,
        )  # fmt: skip
        return self._with_site(judged, ticket, fixed, bot_account_id)

    def _with_site(
        self, assessment: Assessment, ticket: Ticket, fixed: Category | None, bot_account_id: str | None
    ) -> Assessment:
        credited = credit_fields(assessment, answered_by_fields(ticket, assessment.category), self.threshold)
        credited = credit_not_applicable(
            credited, _not_applicable(ticket, credited, bot_account_id), self.threshold
        )
        pointed = point_to_fields(credited, ticket)
        return pointed.model_copy(update={"category_source": "site"}) if fixed is not None else pointed


def _not_applicable(ticket: Ticket, assessment: Assessment, bot_account_id: str | None) -> tuple[str, ...]:
    """Items the reporter's own replies call not applicable: a person's reply wins over our reading.
    Replies only: a description written before our question answers by the rules, not by this."""
    replies = follow_ups(ticket, bot_account_id)
    if not replies:
        return ()
    return called_not_applicable(replies, CHECKLISTS[assessment.category], form_names(ticket.form))


def _digest(mapping: Mapping[str, str]) -> str:
    text = json.dumps({k.lower(): v for k, v in mapping.items()}, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
