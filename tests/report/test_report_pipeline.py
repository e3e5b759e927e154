"""The monthly report end to end: scan, people answer, report (real activities, Azurite, sandbox)."""

from __future__ import annotations

import json

from sandbox.jira_server import JiraSandbox
from sandbox.llm_server import FakeLLM
from shared.report.models import MonthlyReport
from shared.scan import run_scan
from tests.conftest import BuildRuntime
from tools.local_report import run_report_locally


def month_of(jira: JiraSandbox) -> str:
    return str(jira.get_raw("OPS-1")["fields"]["created"])[:7]


async def test_report_measures_the_bots_effect_after_a_scan(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    runtime = await make_runtime(
        REPORT_BATCH_SIZE="3", REPORT_CATEGORY_MAP=json.dumps({"issuetype:Service Request": "access"})
    )
    scan = await run_scan(await runtime.adapters(), runtime.options)
    questioned = [r.key for r in scan.results if r.commented]
    assert len(questioned) >= 2
    jira.person_comment(questioned[0], "Role: Developer. Approved by Lee.", author="rep-1")
    output, run = await run_report_locally(runtime, month_of(jira), retry_ms=1)
    assert run.max_payload_bytes < 45_000 and run.activity_calls >= 4
    store = await runtime.report_store()
    report = MonthlyReport.model_validate(await store.get_json(output["json"]))
    effect = report.aggregate.effect
    assert effect.questioned == len(questioned) and effect.completed == 1
    assert effect.completion_rate == round(1 / len(questioned), 4)
    assert (
        report.aggregate.bot.comments_posted == len(questioned) and report.aggregate.bot.tickets_analyzed >= 8
    )
    assert report.aggregate.accuracy.coverage > 0 and report.aggregate.tickets >= 9
    assert report.narrative.available is False and "no LLM is configured" in report.narrative.note
    html = await store.get_text(output["html"])
    md = await store.get_text(output["markdown"])
    assert html is not None and html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert md is not None and "not available" in md


async def test_with_an_llm_one_call_per_batch_and_a_narrative(
    make_runtime: BuildRuntime, jira: JiraSandbox, llm: FakeLLM
) -> None:
    runtime = await make_runtime(
        ANALYZER="llm", OPENAI_BASE_URL=llm.base_url, OPENAI_API_KEY="sk-test", REPORT_BATCH_SIZE="4"
    )
    output, _ = await run_report_locally(runtime, month_of(jira), retry_ms=1)
    schemas = [r["response_format"]["json_schema"]["name"] for r in llm.requests]
    batches = -(-output["tickets"] // 4)
    assert schemas.count("ReportBatch") == batches and schemas.count("ReportNarrative") == 1
    store = await runtime.report_store()
    report = MonthlyReport.model_validate(await store.get_json(output["json"]))
    assert report.narrative.available and report.narrative.automation
    dumped = json.dumps([r["messages"] for r in llm.requests if "ReportBatch" in json.dumps(r)])
    assert "sandbox-token" not in dumped


async def test_an_llm_answer_that_is_unusable_falls_back_to_the_rules(
    make_runtime: BuildRuntime, jira: JiraSandbox, llm: FakeLLM
) -> None:
    runtime = await make_runtime(
        ANALYZER="llm", OPENAI_BASE_URL=llm.base_url, OPENAI_API_KEY="sk-test", LLM_MAX_RETRIES="0"
    )
    llm.add_fault("schema_violation", times=5)
    output, _ = await run_report_locally(runtime, month_of(jira), retry_ms=1)
    assert output["batches_missing"] == [] and output["tickets"] >= 9


async def test_a_category_in_shadow_still_gets_its_readiness_row(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """Nothing is written to its tickets, yet the report reads their ledger rows: the category is
    measured by what people did, and the bot's effect does not count it as touched."""
    runtime = await make_runtime(
        ROLLOUT_MODE="full", ROLLOUT_CATEGORIES=json.dumps({"access": "shadow"}), REPORT_BATCH_SIZE="4"
    )
    scan = await run_scan(await runtime.adapters(), runtime.options)
    shadowed = [r for r in scan.results if r.category == "access" and r.outcome == "analyzed"]
    written = [r for r in scan.results if r.outcome == "analyzed" and r.category != "access"]
    assert shadowed and written and all(r.mode == "shadow" for r in shadowed)
    output, _ = await run_report_locally(runtime, month_of(jira), retry_ms=1)
    store = await runtime.report_store()
    report = MonthlyReport.model_validate(await store.get_json(output["json"]))
    rows = {r.category: r for r in report.aggregate.readiness}
    assert rows["access"].modes == ["shadow"] and rows["access"].judged == len(shadowed)
    assert rows["access"].asked == 0 and rows["access"].recommendation == "stay in shadow"
    assert report.aggregate.effect.judged_by_bot == len(written), (
        "judged in shadow is not 'judged' for people"
    )
