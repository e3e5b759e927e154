"""The LLM analyzer through the real openai client over loopback to the fake endpoint."""

from __future__ import annotations

import json

import pytest

from sandbox.jira_server import JiraSandbox
from sandbox.llm_server import FakeLLM
from shared.runtime import Runtime
from shared.scan import Adapters, run_scan
from shared.scan_models import ScanReport
from tests.conftest import BuildRuntime
from tests.factories import issue

SECRET = "glpat-Zx81Kq0Lm2Nb7Vc4Xd9T"


async def scan(runtime: Runtime) -> ScanReport:
    return await run_scan(await runtime.adapters(), runtime.options)


async def llm_runtime(make_runtime: BuildRuntime, llm: FakeLLM, **kw: str) -> Runtime:
    return await make_runtime(
        ANALYZER="llm", OPENAI_BASE_URL=llm.base_url, OPENAI_API_KEY="sk-test", LLM_MAX_RETRIES="0", **kw
    )


async def test_one_llm_call_per_new_ticket_and_none_for_unchanged(
    make_runtime: BuildRuntime, jira: JiraSandbox, llm: FakeLLM
) -> None:
    runtime = await llm_runtime(make_runtime, llm)
    first = await scan(runtime)
    analyzed = first.outcomes["analyzed"]
    assert llm.calls == analyzed == first.llm_calls and analyzed >= 8
    assert first.tokens_in > 0 and first.estimated_cost_usd > 0
    assert all(r.fallback_reason is None for r in first.results)
    llm.reset()
    second = await scan(runtime)
    assert llm.calls == 0 and second.llm_calls == 0


async def test_prompt_has_stable_prefix_schema_and_no_secrets(
    make_runtime: BuildRuntime, jira: JiraSandbox, llm: FakeLLM
) -> None:
    jira.add_issue(issue(20, "GitLab push fails", f"My token {SECRET} gets 403", "password: hunter2hunter2"))
    runtime = await llm_runtime(make_runtime, llm)
    await scan(runtime)
    systems = {r["messages"][0]["content"] for r in llm.requests}
    assert len(systems) == 1, "one stable system prefix for prompt caching"
    dumped = json.dumps(llm.requests)
    assert SECRET not in dumped and "hunter2hunter2" not in dumped
    assert "[REDACTED:gitlab-token]" in dumped
    assert all(r["response_format"]["type"] == "json_schema" for r in llm.requests)


async def test_long_descriptions_are_trimmed_to_the_token_budget(
    make_runtime: BuildRuntime, jira: JiraSandbox, llm: FakeLLM
) -> None:
    jira.add_issue(issue(21, "Build fails", "ERROR build step failed\n" * 20000))
    runtime = await llm_runtime(make_runtime, llm, LLM_INPUT_TOKEN_BUDGET="2000")
    report = await scan(runtime)
    assert {r.key: r.outcome for r in report.results}["OPS-21"] == "analyzed"
    big = next(r for r in llm.requests if "Build fails" in r["messages"][1]["content"])
    # the fake endpoint's usage counts ~4 characters a token; our estimate is stricter
    assert sum(len(m["content"]) for m in big["messages"]) / 4 <= 2000


async def test_invalid_or_refused_answers_fall_back_to_rules_with_the_reason(
    make_runtime: BuildRuntime, jira: JiraSandbox, llm: FakeLLM
) -> None:
    runtime = await llm_runtime(make_runtime, llm, SCAN_CONCURRENCY="1")
    llm.add_fault("invalid_json")
    llm.add_fault("schema_violation")
    llm.add_fault("refusal")
    llm.add_fault("truncated")
    report = await scan(runtime)
    fallbacks = [r for r in report.results if r.fallback_reason]
    assert len(fallbacks) == 4
    assert all(r.outcome == "analyzed" and r.verdict for r in fallbacks)
    assert {r.fallback_reason.split(":")[0] for r in fallbacks if r.fallback_reason} >= {"LLM refused"}


async def test_llm_unavailable_leaves_tickets_for_the_next_tick_and_stops_early(
    make_runtime: BuildRuntime, jira: JiraSandbox, llm: FakeLLM
) -> None:
    runtime = await llm_runtime(make_runtime, llm, SCAN_CONCURRENCY="1")
    llm.add_fault("status", status=429, retry_after=1, times=50)
    report = await scan(runtime)
    assert report.stopped_early is not None and "LLM" in report.stopped_early
    assert report.outcomes.get("failed", 0) >= 3 and jira.counters["writes"] == 0
    llm.clear_faults()
    again = await scan(runtime)
    assert again.outcomes.get("analyzed", 0) >= 8 and again.stopped_early is None


@pytest.mark.parametrize("body", ["<html>proxy error</html>", "{}"])
async def test_an_endpoint_answering_200_with_something_else_falls_back_to_rules(body: str) -> None:
    """A proxy page or an empty object instead of a completion: the rules verdict stands."""
    import httpx2
    from openai import AsyncOpenAI

    from shared.analysis.llm import LLMJudge
    from shared.analysis.rules import assess_text
    from shared.llm.structured import StructuredLLM

    def answer(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, text=body, headers={"content-type": "text/html"})

    client = AsyncOpenAI(base_url="http://llm.invalid/v1", api_key="k", max_retries=0,
                         http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(answer)))  # fmt: skip
    judge = LLMJudge(StructuredLLM(client, "m"), threshold=85, token_budget=2000, redact_emails=True)
    rules = assess_text("GitLab access", "please", threshold=85)
    result = await judge.judge("GitLab access", "please", rules)
    assert result.verdict == rules.verdict and result.fallback_reason is not None
    assert result.fallback_reason.startswith("LLM answer unreadable")
    await client.close()


async def test_the_prompt_version_setting_decides_what_the_model_is_told(
    make_runtime: BuildRuntime, jira: JiraSandbox, llm: FakeLLM
) -> None:
    """LLM_PROMPT_VERSION reaches the wire, and the analyzer's version (which every ticket's
    fingerprint includes) names the prompt and its text's digest."""
    from shared.analysis.llm import prompt_id, system_prompt

    runtime = await llm_runtime(make_runtime, llm, LLM_PROMPT_VERSION="triage-v1")
    await scan(runtime)
    assert {r["messages"][0]["content"] for r in llm.requests} == {system_prompt("triage-v1")}
    assert f"+{prompt_id('triage-v1')}:" in runtime.analyzer.version
    llm.reset()
    default = await llm_runtime(make_runtime, llm)
    assert f"+{prompt_id('triage-v3')}:" in default.analyzer.version
    assert prompt_id("triage-v1") != prompt_id("triage-v3")
    second = await scan(default)  # a new prompt is a new judgement: every ticket is looked at again
    assert llm.calls == second.outcomes["analyzed"] > 0
    assert {r["messages"][0]["content"] for r in llm.requests} == {system_prompt("triage-v3")}


async def test_the_daily_budget_caps_llm_spend_and_the_rules_judge_past_it(
    make_runtime: BuildRuntime, jira: JiraSandbox, llm: FakeLLM
) -> None:
    """LLM_DAILY_BUDGET_USD is enforced in the app: once the day's estimated spend reaches it, the
    tick judges with the rules (and says why), the next tick that day makes no LLM call at all,
    and the next day the model judges again."""
    from datetime import UTC, datetime, timedelta

    from shared.scan import run_scan

    # About a thousand input tokens a call (system prompt and ticket) at 500 USD per million:
    # about half a dollar a call, so a 2 USD day pays for a few calls and not for all eight tickets.
    runtime = await llm_runtime(
        make_runtime, llm, SCAN_CONCURRENCY="1", LLM_DAILY_BUDGET_USD="2",
        LLM_PRICE_INPUT_PER_MTOK="500", LLM_PRICE_OUTPUT_PER_MTOK="0",
    )  # fmt: skip
    day = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    bot = await runtime.bot_id()

    async def tick(at: datetime) -> ScanReport:
        return await run_scan(Adapters(runtime.jira, runtime.ledger, runtime.analyzer, bot), runtime.options, clock=lambda: at)

    first = await tick(day)
    analyzed = [r for r in first.results if r.outcome == "analyzed"]
    capped = [r for r in analyzed if r.fallback_reason and "daily LLM budget" in r.fallback_reason]
    calls = first.llm_calls
    assert len(analyzed) >= 8 and llm.calls == calls and 0 < calls < len(analyzed)
    assert len(capped) == len(analyzed) - calls and all(r.verdict for r in capped)
    # The calls stop once the day's spend reaches the budget: not before, and one call at most past it
    # (a call costs under a dollar here).
    assert 2.0 <= first.estimated_cost_usd < 3.0
    spent = await runtime.ledger.get_meta(f"llm-spend-{day:%Y-%m-%d}")
    assert spent["spent_usd"] == first.estimated_cost_usd

    llm.reset()
    jira.add_issue(issue(31, "GitLab push rejected", "remote: HTTP Basic: Access denied since 09:00"))
    later = await tick(day + timedelta(minutes=15))
    assert llm.calls == 0 and later.outcomes.get("analyzed") == 1
    assert all("daily LLM budget" in (r.fallback_reason or "") for r in later.results if r.outcome == "analyzed")

    jira.add_issue(issue(32, "ArgoCD sync stuck", "payment-api-stg sync stuck at 'Progressing' since 10:00"))
    tomorrow = await tick(day + timedelta(days=1))
    assert llm.calls == 1 and tomorrow.llm_calls == 1


async def test_tickets_waiting_for_an_llm_slot_see_what_the_calls_before_them_spent(
    make_runtime: BuildRuntime, llm: FakeLLM
) -> None:
    """The budget is checked once a ticket holds its slot, not before it queues: four tickets
    queued behind one slot, with a budget one call spends, make one call, not four."""
    import asyncio

    from shared import metering
    from shared.jira.models import Ticket, normalise_issue

    runtime = await llm_runtime(make_runtime, llm)
    raw = [issue(40 + n, f"GitLab push rejected {n}", "remote: HTTP Basic: Access denied") for n in range(4)]
    tickets = [t for t in map(normalise_issue, raw) if isinstance(t, Ticket)]
    assert len(tickets) == 4
    # One call (some hundred tokens at 1 USD per million) spends more than the whole allowance.
    allowance = metering.LLMBudget(limit_usd=0.0001, spent_usd=0.0, price_in_per_mtok=1.0, price_out_per_mtok=1.0)
    token = metering.BUDGET.set(allowance)
    try:
        with metering.metered():
            slot = asyncio.Semaphore(1)
            judged = await asyncio.gather(*(runtime.analyzer.assess(t, None, slot) for t in tickets))
    finally:
        metering.BUDGET.reset(token)
    assert llm.calls == 1
    assert sum(1 for a in judged if a.fallback_reason and "daily LLM budget" in a.fallback_reason) == 3
