"""The only LLM call of the report: words over the aggregate's numbers, never over ticket text."""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict

from shared.llm.errors import LLMError, LLMUnusable
from shared.llm.structured import StructuredLLM
from shared.report.models import Aggregate, Narrative

NARRATIVE_PROMPT = (
    "You write the narrative of a DevOps platform team's monthly ticket report. You get only "
    "aggregate numbers (JSON). Name at most 5 automation candidates and at most 5 documentation "
    "priorities, each one sentence citing the numbers behind it (counts, hours, rounds), and a "
    "3-sentence summary of the bot's measured effect with its sample sizes. Do not invent numbers."
)
# Why there is no narrative: the report section says "The narrative is not available for this
# month: <note>. The numbers above are all there." (the note is the reason, said once).
NOT_AVAILABLE = "no LLM is configured (ANALYZER=rules or no endpoint); every number is computed without one"


class ReportNarrative(BaseModel):
    model_config = ConfigDict(extra="forbid")
    automation: list[str]
    documentation: list[str]
    summary: str


def evidence(aggregate: Aggregate) -> str:
    """The compact JSON the model sees: top lists and effect figures only."""
    data = aggregate.model_dump(
        mode="json",
        include={
            "month",
            "tickets",
            "by_category",
            "automation_candidates",
            "documentation_candidates",
            "median_resolution_hours",
            "effect",
            "batches_missing",
        },
    )
    return json.dumps(data, ensure_ascii=False)[:12000]


async def narrate(llm: StructuredLLM | None, aggregate: Aggregate) -> Narrative:
    """The narrative, or why there is none (no LLM configured, the call failed, no usable answer)."""
    if llm is None:
        return Narrative(available=False, note=NOT_AVAILABLE)
    messages = [
        {"role": "system", "content": NARRATIVE_PROMPT},
        {"role": "user", "content": evidence(aggregate)},
    ]
    try:
        answer = await llm.parse(messages, ReportNarrative, max_tokens=900)
    except LLMError as exc:
        if isinstance(exc, LLMUnusable) and exc.cause is None:  # refused, or answered nothing
            return Narrative(available=False, note="the LLM gave no usable narrative")
        return Narrative(available=False, note=f"the LLM call failed ({exc.cause or exc.__class__.__name__})")
    words = answer.value
    return Narrative(
        available=True,
        automation=[s[:400] for s in words.automation[:5]],
        documentation=[s[:400] for s in words.documentation[:5]],
        summary=words.summary[:1200],
    )
