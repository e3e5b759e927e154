"""Faults a tick must survive: timeouts, malformed answers, Table Storage down, Azure OpenAI path."""

from __future__ import annotations

from sandbox.jira_server import JiraSandbox
from sandbox.llm_server import FakeLLM
from sandbox.stack import Azurite, free_port
from shared.config import load_settings
from shared.runtime import Runtime, build_runtime
from shared.scan import run_scan
from shared.scan_models import ScanReport
from tests.conftest import BuildRuntime, settings_env


async def scan(runtime: Runtime) -> ScanReport:
    return await run_scan(await runtime.adapters(), runtime.options)


async def test_read_timeouts_and_malformed_json_are_retried(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    runtime = await make_runtime(JIRA_TIMEOUT_SECONDS="0.5")
    jira.add_fault("POST /search/jql", "delay", delay=2)
    jira.add_fault("POST /search/jql", "malformed")
    jira.add_fault("PUT /issue", "disconnect")
    report = await scan(runtime)
    assert report.stopped_early is None and report.jira_retries >= 3
    assert report.outcomes.get("analyzed") == 8


async def test_persistent_jira_outage_stops_the_tick_cleanly(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    runtime = await make_runtime()
    jira.add_fault("POST /search/jql", "status", status=503, times=10)
    report = await scan(runtime)
    assert report.stopped_early is not None and "503" in report.stopped_early
    assert jira.counters["writes"] == 0


async def test_table_storage_down_stops_the_tick_before_any_jira_write(
    azurite: Azurite, jira: JiraSandbox
) -> None:
    env = settings_env(azurite, jira.base_url)
    runtime = await build_runtime(load_settings(env))
    try:
        dead = azurite.connection_string.replace(f":{azurite.table_port}/", f":{free_port()}/")
        from shared.ledger import Ledger

        await runtime.ledger.aclose()
        runtime.ledger = Ledger.create(dead, env["LEDGER_TABLE"])
        report = await scan(runtime)
    finally:
        await runtime.aclose()
    assert report.stopped_early is not None and "ledger" in report.stopped_early
    assert jira.counters["writes"] == 0


async def test_azure_openai_v1_path_with_api_key(
    make_runtime: BuildRuntime, jira: JiraSandbox, llm: FakeLLM
) -> None:
    endpoint = llm.base_url.removesuffix("/v1")
    runtime = await make_runtime(
        ANALYZER="llm",
        AZURE_OPENAI_ENDPOINT=endpoint,
        AZURE_OPENAI_DEPLOYMENT="gpt-4o-mini-triage",
        AZURE_OPENAI_API_KEY="sk-test",
    )
    report = await scan(runtime)
    assert report.llm_calls == report.outcomes["analyzed"] == 8
    assert {r["model"] for r in llm.requests} == {"gpt-4o-mini-triage"}


async def test_a_forbidden_issue_is_that_tickets_problem_not_a_rejected_token(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    runtime = await make_runtime(MAX_ATTEMPTS="2")
    jira.add_fault("POST /comment", "status", status=403, key="OPS-2", times=10)
    first = await scan(runtime)
    assert first.stopped_early is None
    outcomes = {r.key: r.outcome for r in first.results}
    assert outcomes["OPS-2"] == "failed" and outcomes["OPS-3"] == "analyzed"
    second = await scan(runtime)
    assert {r.key: r.outcome for r in second.results}["OPS-2"] == "poisoned" and second.stopped_early is None
