"""The one LLM adapter through the real openai client over loopback: what each failure becomes,
what it meters, and how the report's narrative and map read those failures."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from sandbox.llm_server import FakeLLM
from shared import metering
from shared.analysis.llm import LLMJudgement
from shared.llm.errors import LLMBudgetReached, LLMUnavailable, LLMUnusable
from shared.llm.structured import StructuredLLM
from shared.report.llm_map import ReportBatch, classify_batch
from shared.report.narrative import ReportNarrative, narrate
from tests.factories import issue
from tests.report.sample import sample_report

MESSAGES = [
    {"role": "system", "content": "judge"},
    {"role": "user", "content": "<ticket>\nSummary: GitLab access\n\nplease\n</ticket>"},
]


@pytest.fixture
async def adapter(llm: FakeLLM) -> AsyncIterator[StructuredLLM]:
    from openai import AsyncOpenAI

    client = AsyncOpenAI(base_url=llm.base_url, api_key="sk-test", max_retries=0, timeout=5)
    yield StructuredLLM(client, "m")
    await client.close()


async def test_a_valid_answer_is_the_schema_object_and_is_metered(adapter: StructuredLLM) -> None:
    with metering.metered() as usage:
        answer = await adapter.parse(MESSAGES, LLMJudgement, max_tokens=400)
    assert isinstance(answer.value, LLMJudgement) and answer.tokens_in > 0 and answer.tokens_out > 0
    assert (usage.llm_calls, usage.tokens_in, usage.tokens_out) == (1, answer.tokens_in, answer.tokens_out)


async def test_rate_limits_server_errors_and_a_rejected_key_are_unavailable(
    adapter: StructuredLLM, llm: FakeLLM
) -> None:
    llm.add_fault("status", status=429, retry_after=7)
    with pytest.raises(LLMUnavailable) as limited:
        await adapter.parse(MESSAGES, LLMJudgement, max_tokens=400)
    assert limited.value.rate_limited and limited.value.retry_after == 7.0
    llm.add_fault("status", status=503)
    with pytest.raises(LLMUnavailable, match="LLM server error 503") as down:
        await adapter.parse(MESSAGES, LLMJudgement, max_tokens=400)
    assert not down.value.rate_limited and down.value.cause == "InternalServerError"
    llm.add_fault("status", status=401)
    with pytest.raises(LLMUnavailable, match=r"rejected \(401\)"):
        await adapter.parse(MESSAGES, LLMJudgement, max_tokens=400)


async def test_refused_truncated_invalid_or_rejected_answers_are_unusable(
    adapter: StructuredLLM, llm: FakeLLM
) -> None:
    llm.add_fault("refusal")
    with metering.metered() as usage, pytest.raises(LLMUnusable, match="LLM refused") as refused:
        await adapter.parse(MESSAGES, LLMJudgement, max_tokens=400)
    assert refused.value.cause is None and refused.value.tokens_in > 0  # answered: its tokens count
    assert usage.llm_calls == 1 and usage.tokens_in == refused.value.tokens_in
    for fault, reason in (("truncated", "LLM answer unusable"), ("schema_violation", "LLM answer invalid")):
        llm.add_fault(fault)  # type: ignore[arg-type]
        with pytest.raises(LLMUnusable, match=reason) as unusable:
            await adapter.parse(MESSAGES, LLMJudgement, max_tokens=400)
        assert unusable.value.cause is not None
    llm.add_fault("status", status=400)
    with pytest.raises(LLMUnusable, match="LLM request rejected: 400"):
        await adapter.parse(MESSAGES, LLMJudgement, max_tokens=400)


async def test_no_call_once_the_days_budget_is_spent(adapter: StructuredLLM, llm: FakeLLM) -> None:
    spent = metering.LLMBudget(limit_usd=1.0, spent_usd=1.0, price_in_per_mtok=1.0, price_out_per_mtok=1.0)
    token = metering.BUDGET.set(spent)
    try:
        with pytest.raises(LLMBudgetReached, match=r"daily LLM budget of \$1 reached"):
            await adapter.parse(MESSAGES, LLMJudgement, max_tokens=400)
    finally:
        metering.BUDGET.reset(token)
    assert llm.calls == 0


async def test_the_narrative_says_why_it_is_missing(adapter: StructuredLLM, llm: FakeLLM) -> None:
    aggregate = sample_report().aggregate
    assert (await narrate(adapter, aggregate)).available
    llm.add_fault("refusal")
    assert (await narrate(adapter, aggregate)).note == "the LLM gave no usable narrative"
    llm.add_fault("status", status=500)
    assert (await narrate(adapter, aggregate)).note == "the LLM call failed (InternalServerError)"
    llm.add_fault("schema_violation")
    assert (await narrate(adapter, aggregate)).note == "the LLM call failed (ValidationError)"
    assert {r["response_format"]["json_schema"]["name"] for r in llm.requests} == {ReportNarrative.__name__}


async def test_the_map_falls_back_to_the_rules_for_a_batch_the_model_cannot_answer(
    adapter: StructuredLLM, llm: FakeLLM
) -> None:
    from shared.jira.models import Ticket, normalise_issue

    tickets = [t for t in (normalise_issue(issue(n, "GitLab access", "group platform")) for n in (1, 2))
               if isinstance(t, Ticket)]  # fmt: skip
    readings, tokens_in, _ = await classify_batch(adapter, tickets)
    assert set(readings) == {"OPS-1", "OPS-2"} and tokens_in > 0
    llm.add_fault("status", status=429)
    assert await classify_batch(adapter, tickets) == ({}, 0, 0)
    llm.add_fault("refusal")
    readings, tokens_in, _ = await classify_batch(adapter, tickets)
    assert readings == {} and tokens_in > 0
    assert {r["response_format"]["json_schema"]["name"] for r in llm.requests} == {ReportBatch.__name__}
