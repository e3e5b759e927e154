"""The LLM analyzer: OpenAI or Azure OpenAI structured outputs, with the rules result as evidence.

Ticket text is redacted and trimmed to the token budget before it leaves. The answer is bound to
a pydantic schema of enums; anything invalid, refused or truncated falls back to the rules verdict
with the reason recorded. The call itself, its errors and its metering are `shared.llm`'s.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from shared.analysis.checklists import CHECKLISTS
from shared.analysis.models import Assessment, Category, Language, MissingItem, PromptVersion
from shared.analysis.redact import redact, trim_to_budget
from shared.analysis.rules import verdict_for
from shared.llm.errors import LLMUnusable

if TYPE_CHECKING:
    from shared.llm.structured import StructuredLLM

PROMPT_VERSION: PromptVersion = "triage-v3"  # the default; LLM_PROMPT_VERSION picks another
# The checklist ids, spelled out so the schema is static; a unit test keeps it equal to ITEM_IDS.
ItemId = Literal[
    "approver", "argocd_app", "cost_owner", "details", "environment", "error", "impact",
    "justification", "network", "region", "resource_spec", "role", "scope", "service", "steps",
    "subscription", "symptom", "tool", "version", "when", "where",
]  # fmt: skip


class LLMJudgement(BaseModel):
    """The only shape the model may answer in."""

    model_config = ConfigDict(extra="forbid")
    category: Category
    language: Language
    score: int
    present: list[ItemId]
    missing: list[ItemId]
    rationale: str


@functools.cache
def system_prompt(version: PromptVersion = PROMPT_VERSION) -> str:
    """The system message; v2 lists each item with what it asks for, from the same catalogue the
    comment is built from, so the model and the question never mean different things."""
    text = (resources.files("shared.analysis.prompts") / f"{version.replace('-', '_')}.md").read_text("utf-8")
    return text.replace("{checklists}", _checklist_lines())


def _checklist_lines() -> str:
    return "\n".join(
        f"- {category}: " + "; ".join(f"{i.id} = {i.label_en.lower()}" for i in items)
        for category, items in CHECKLISTS.items()
    )


@functools.cache
def prompt_id(version: PromptVersion = PROMPT_VERSION) -> str:
    """The version and a digest of the rendered text ("triage-v2.1a2b3c4d"): editing the prompt file
    or a checklist label changes it, so the analyzer's version, the tickets' fingerprints and the
    recorded answers of bench.llm_replay all follow what the model is actually told."""
    digest = hashlib.sha256(system_prompt(version).encode("utf-8")).hexdigest()[:8]
    return f"{version}.{digest}"


@functools.cache
def _system_tokens(version: PromptVersion) -> int:
    return estimate_tokens(system_prompt(version))


def estimate_tokens(text: str) -> int:
    """Cheap upper-bound estimate: Hangul ~1 token a syllable, Latin ~4 characters a token."""
    hangul = sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")
    return hangul + (len(text) - hangul) // 3 + 1


def build_messages(
    summary: str,
    body: str,
    evidence: Assessment,
    *,
    budget: int,
    redact_emails: bool,
    prompt: PromptVersion = PROMPT_VERSION,
) -> tuple[list[dict[str, str]], tuple[str, ...]]:
    """Chat messages (stable system prefix first, for prompt caching) and the redactions made."""
    system = system_prompt(prompt)
    pre_check = json.dumps(
        {
            "category": evidence.category,
            "present": list(evidence.present),
            "missing": [m.id for m in evidence.missing],
        }
    )
    clean_summary = redact(_unfenced(summary), emails=redact_emails)
    clean_body = redact(_unfenced(body), emails=redact_emails)
    fixed = _system_tokens(prompt) + estimate_tokens(pre_check) + estimate_tokens(clean_summary.text) + 40
    room_tokens = max(budget - fixed, 50)
    ratio = len(clean_body.text) / max(estimate_tokens(clean_body.text), 1)
    trimmed = trim_to_budget(clean_body.text, int(room_tokens * ratio))
    user = (
        f"Rules pre-check (evidence): {pre_check}\n"
        f"<ticket>\nSummary: {clean_summary.text}\n\n{trimmed}\n</ticket>"
    )
    found = tuple(sorted(set(clean_summary.found) | set(clean_body.found)))
    return [{"role": "system", "content": system}, {"role": "user", "content": user}], found


_FENCE = re.compile(r"<\s*(/?)\s*ticket\b", re.IGNORECASE)


def _unfenced(text: str) -> str:
    """Ticket text cannot close (or open) our `<ticket>` block: its tags become plain words."""
    return _FENCE.sub(r"<\1ticket-text", text)


def to_assessment(
    judgement: LLMJudgement,
    *,
    threshold: int,
    tokens_in: int,
    tokens_out: int,
    rules: Assessment,
    prompt: PromptVersion = PROMPT_VERSION,
) -> Assessment:
    """Keep only item ids of the chosen category; the comment is built from these ids. The
    question's language is the reporter's as the rules read it from their own words (the model's
    guess can follow a pasted log or a form's English field names)."""
    items = CHECKLISTS[judgement.category]
    allowed = {i.id for i in items}
    score = max(0, min(100, judgement.score))
    verdict = verdict_for(score, threshold)
    missing_ids: list[str] = [i for i in dict.fromkeys(judgement.missing) if i in allowed]
    if verdict == "NEEDS_INFO" and not missing_ids and rules.category == judgement.category:
        missing_ids = [m.id for m in rules.missing]
    language = rules.language
    missing = tuple(
        MissingItem(id=i.id, label=i.label(language), why=i.why(language))
        for i in items
        if i.id in missing_ids
    )
    return Assessment(
        score=score,
        verdict=verdict,
        category=judgement.category,
        language=language,
        missing=missing if verdict == "NEEDS_INFO" else (),
        present=tuple(i for i in dict.fromkeys(judgement.present) if i in allowed),
        analyzer="llm",
        version=prompt_id(prompt),
        tokens_in=tokens_in,
        tokens_out=tokens_out,
    )


class LLMJudge:
    """Judges one ticket through the model adapter (`shared.llm.structured.StructuredLLM`)."""

    def __init__(
        self,
        llm: StructuredLLM,
        *,
        threshold: int,
        token_budget: int,
        redact_emails: bool,
        prompt: PromptVersion = PROMPT_VERSION,
    ) -> None:
        self.llm = llm
        self.prompt: PromptVersion = prompt
        self._threshold = threshold
        self._budget = token_budget
        self._redact_emails = redact_emails
        # Called with (messages, prompt id, the model's answer) for every valid answer: `eval
        # --record` keeps them for offline replay. None in production.
        self.recorder: Callable[[list[dict[str, str]], str, dict[str, Any]], None] | None = None

    @property
    def model(self) -> str:
        return self.llm.model

    async def aclose(self) -> None:
        await self.llm.aclose()

    async def judge(self, summary: str, body: str, rules: Assessment) -> Assessment:
        """The model's assessment; an unusable answer falls back to `rules` with the reason.
        `LLMUnavailable` and `LLMBudgetReached` pass on to the caller."""
        messages, _ = build_messages(
            summary, body, rules, budget=self._budget, redact_emails=self._redact_emails, prompt=self.prompt
        )
        try:
            answer = await self.llm.parse(messages, LLMJudgement, max_tokens=400)
        except LLMUnusable as exc:
            return _fallback(rules, exc.reason, exc.tokens_in, exc.tokens_out)
        if self.recorder is not None:
            self.recorder(messages, prompt_id(self.prompt), answer.value.model_dump(mode="json"))
        return to_assessment(
            answer.value,
            threshold=self._threshold,
            tokens_in=answer.tokens_in,
            tokens_out=answer.tokens_out,
            rules=rules,
            prompt=self.prompt,
        )


def _fallback(rules: Assessment, reason: str, tokens_in: int = 0, tokens_out: int = 0) -> Assessment:
    return rules.model_copy(
        update={"fallback_reason": reason, "tokens_in": tokens_in, "tokens_out": tokens_out}
    )
