"""The monthly report end to end: scan, people answer, report (real activities, Azurite, sandbox)."""

from __future__ import annotations

import json

from sandbox.jira_server import JiraSandbox
from shared.report.local import run_report_locally
from shared.report.models import MonthlyReport
from shared.scan import run_scan
from tests.conftest import BuildRuntime


def month_of(jira: JiraSandbox) -> str:
    return str(jira.get_raw("OPS-1")["fields"]["created"])[:7]


async def test_report_measures_the_bots_effect_after_a_scan(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    runtime = await make_runtime(
        REPORT_BATCH_SIZE="3", REPORT_CATEGORY_MAP=json.dumps({"issuetype:Service Request": "access"})
    )
    scan = await run_scan(
        runtime.jira, runtime.ledger, runtime.analyzer, runtime.options, bot_account_id=await runtime.bot_id()
    )
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
    assert report.narrative.available is False and "not available" in report.narrative.note
    html = await store.get_text(output["html"])
    md = await store.get_text(output["markdown"])
    assert html is not None and html.startswith("<!DOCTYPE html>") and "<svg" in html
    assert md is not None and "not available" in md
