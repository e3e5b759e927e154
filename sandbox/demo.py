"""`make demo`: the main job on the local stack, start to finish, with nothing to set up.

Starts Azurite and the Jira sandbox (a seeded month of bilingual tickets), runs one scan tick in
`full` mode with the rules analyzer (the same use case the timer and the CLI run), shows a few
tickets before and after, runs a second tick to show that nothing is done twice, lets reporters
answer and re-scores them, then runs the monthly report through the real Durable orchestrator
replay and writes it to `.demo/`. Stops what it started.

The demo keeps its own clock, shared by the sandbox and the scan: the ticks run near the end of the
month the report covers (so the report counts them as that month's work), and reporters answer
our questions hours later, as people do, not in the same instant.

The model judges, as in a default deployment: the scan talks to a local OpenAI-compatible
endpoint (`sandbox.llm_server`, answering from the rules' reading) through the real `openai`
client, so the ticks show LLM calls, tokens and their cost, and two answers the model spoils (an
unreadable one, a refusal) show the rules taking over. `--rules` runs the rules alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import sys
import textwrap
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sandbox.jira_server import JiraSandbox
from sandbox.llm_responder import respond
from sandbox.llm_server import FakeLLM
from sandbox.seed import generate_month
from sandbox.seed_forms import FORMS, field_answer
from sandbox.seed_people import SITE
from sandbox.stack import start_azurite
from shared.analysis.comment import MARKER_KEY
from shared.config import load_settings
from shared.jira.adf_markdown import to_markdown
from shared.jira.models import SCAN_EXPAND, SCAN_FIELDS, Ticket, normalise_issue, parse_jira_datetime
from shared.jira.rendering import form_lines
from shared.runtime import build_runtime
from shared.scan import run_scan
from shared.scan_models import ScanReport
from tools import cli

OURS = {"AI_ANALYZED", "HIGH_QUALITY", "NEEDS_INFO"}


def _snapshot(sandbox: JiraSandbox, key: str) -> dict[str, Any]:
    raw = sandbox.get_raw(key)
    fields = raw.get("fields") or {}
    return {"summary": fields.get("summary"), "labels": list(fields.get("labels") or [])}


def _our_comment(sandbox: JiraSandbox, key: str) -> str | None:
    for comment in sandbox.comments_of(key):
        if any(p.get("key") == MARKER_KEY for p in comment.get("properties", [])):
            return to_markdown(comment.get("body"))
    return None


class DemoClock:
    """The demo's "now": the sandbox answers and the scan runs by it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


# Faster paths the demo's questions offer (and its report measures): GitLab access and DNS records.
DEFLECTION_LINKS = {
    "access/gitlab": "https://wiki.example.com/devops/gitlab-access",
    "cloud_resource/dns-record": "https://wiki.example.com/devops/dns-records",
}


def _first_tick_time(today: datetime) -> datetime:
    """10:00 KST three days before the end of last month: the ticks and the reporters' answers
    (over the next two days) all fall inside the month the report covers."""
    start_of_month = today.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return start_of_month - timedelta(days=3) + timedelta(hours=1)


def _pick_examples(issues: list[dict[str, Any]], now: datetime) -> list[str]:
    """One Korean and one English incomplete ticket, and a complete one with people's labels."""
    wanted: dict[str, str] = {}
    for raw in issues:
        truth = raw.get("_sandbox") or {}
        status = raw["fields"]["status"]["statusCategory"]["key"]
        created = parse_jira_datetime(raw["fields"].get("created"))
        recent = created is not None and created > now - timedelta(days=6)
        if status == "done" or not recent or truth.get("quirk") or truth.get("category") == "other":
            continue
        kind = "complete" if not truth.get("missing") else f"missing-{truth.get('language')}"
        if truth.get("form") and truth.get("missing"):
            kind = "form"  # filed through the service desk form: the bot reads its fields
        if kind == "complete" and not raw["fields"].get("labels"):
            continue
        wanted.setdefault(kind, raw["key"])
    return [wanted[k] for k in ("missing-ko", "missing-en", "form", "complete") if k in wanted]


def _form_lines(sandbox: JiraSandbox, key: str) -> list[str]:
    """The request form as the bot reads it (the same normalising and rendering as the scan)."""
    served = sandbox.get_issue(key, ",".join(SCAN_FIELDS), SCAN_EXPAND)
    ticket = normalise_issue(served)
    if not isinstance(ticket, Ticket) or not ticket.request_type:
        return []
    empty = [f"{f.name}: (empty)" for f in ticket.form if not f.filled and f.id.startswith("customfield_")]
    return form_lines(ticket) + empty


async def _tick(clock: Callable[[], datetime]) -> ScanReport:
    """Exactly what `python -m tools scan` runs (at the demo's clock), keeping the results to show."""
    runtime = await build_runtime(load_settings(dict(os.environ)))
    try:
        return await run_scan(await runtime.adapters(), runtime.options, clock=clock)
    finally:
        await runtime.aclose()


# What a reporter typically adds when asked, per checklist item (demo data only).
ANSWERS = {
    "tool": "Tool: GitLab", "scope": "Group: platform/payments", "role": "Role: Developer",
    "justification": "Reason: I joined the payments team and need to push merge requests",
    "approver": "Approved by: Lee Seo-yeon (team lead)",
    "subscription": "Subscription: sub-commerce-nonprod, resource group rg-orders-qa",
    "environment": "Environment: qa", "region": "Region: koreacentral",
    "resource_spec": "Size: Standard_D4s_v5 (4 vCPU, 16 GB)",
    "network": "Network: vnet-qa / subnet-app, private DNS orders-db.qa.internal",
    "cost_owner": "Cost center: CC-4130",
    "symptom": "What happened: the pipeline fails at the deploy step", "when": "Since: today 09:30 KST",
    "where": "Where: order-service in the stg cluster",
    "error": "Error: ERROR: failed to pull image: 403 Forbidden",
    "steps": "Steps: 1) push to main 2) the pipeline runs 3) the deploy job fails",
    "impact": "Impact: the commerce team cannot release today",
    "service": "Service: order-service", "version": "Version: v1.4.2",
    "argocd_app": "ArgoCD app: order-service-stg",
    "details": "Details: we need a shared test account for the partner demo next week, for five people.",
}  # fmt: skip
CATEGORY_MAP = {
    "component:Access Management": "access", "component:GitLab": "access",
    "component:Azure": "cloud_resource", "component:Cloud Resources": "cloud_resource",
    "component:Networking": "cloud_resource", "component:CI/CD": "troubleshooting",
    "component:Kubernetes": "troubleshooting", "component:Git": "troubleshooting",
    "component:Deployment": "deployment", "component:ArgoCD": "deployment", "component:General": "other",
}  # fmt: skip


def _answer_delay(key: str) -> timedelta:
    """How long a reporter takes to answer: a log-normal spread around four hours (a few within the
    hour, some the next day), the same for the same ticket on every run."""
    rng = random.Random(key)
    return timedelta(hours=min(rng.lognormvariate(math.log(4), 1.0), 40.0))


def _reporters_answer(sandbox: JiraSandbox, report: ScanReport, clock: DemoClock) -> tuple[int, int]:
    """Two in three reporters answer our question with what was missing (deterministic), hours
    later: in the empty form field the question pointed at, or else in a reply."""
    asked_at = clock.now
    answering = [r for r in report.results if r.commented and int(r.key.rsplit("-", 1)[1]) % 3 != 0]
    answered = in_fields = 0
    for result in sorted(answering, key=lambda r: _answer_delay(r.key)):
        clock.now = asked_at + _answer_delay(result.key)
        raw = sandbox.get_raw(result.key)
        reporter = (raw["fields"].get("reporter") or {}).get("accountId", "")
        by_item = FORMS.get(result.category or "", ("", {}))[1] if raw.get("_sandbox", {}).get("form") else {}
        filled = {
            by_item[m.id]: field_answer(by_item[m.id], ANSWERS[m.id].split(": ", 1)[1])
            for m in result.missing
            if m.field and m.id in by_item and m.id in ANSWERS
        }
        if filled:
            sandbox.person_edit_fields(result.key, filled, reporter)
            in_fields += 1
        lines = [ANSWERS[m.id] for m in result.missing if m.id in ANSWERS and by_item.get(m.id) not in filled]
        if lines:
            sandbox.person_comment(result.key, "\n".join(lines), author=reporter)
        answered += 1
    return answered, in_fields


def _busiest_month(issues: list[dict[str, Any]]) -> str:
    months = Counter(str(raw["fields"]["created"])[:7] for raw in issues)
    return months.most_common(1)[0][0]


def _monthly_report(month: str) -> int:
    out = Path(".demo") / f"report-{month}"
    print(f"\n== Monthly report: python -m tools report {month} --out {out} ==")
    code = cli.main(["--settings", "/nonexistent", "report", month, "--out", str(out)])
    if code == 0:
        print(f"   open {out / 'report.html'} in a browser (Markdown: {out / 'report.md'})")
    return code


def _show_fallbacks(report: ScanReport) -> None:
    fallbacks = [r for r in report.results if r.fallback_reason]
    for r in fallbacks[:2]:
        print(f"   {r.key}: the rules judged ({r.fallback_reason})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sandbox.demo", description="make demo")
    parser.add_argument("--rules", action="store_true", help="judge with the rules alone (no model)")
    args = parser.parse_args(argv)
    clock = DemoClock(_first_tick_time(datetime.now(UTC)))
    issues = generate_month(anchor=clock.now)
    examples = _pick_examples(issues, clock.now)
    month = _busiest_month(issues)
    print(
        f"Seeded the Jira sandbox with {len(issues)} tickets (a month of a DevOps queue, Korean and English)."
        f"\nThe demo's clock starts at {clock.now:%Y-%m-%d %H:%M} UTC, near the end of the month it "
        "reports on."
    )
    azurite = start_azurite()
    sandbox = JiraSandbox(issues, now=clock)
    url = sandbox.start()
    llm = None if args.rules else FakeLLM(respond)
    try:
        model: dict[str, str] = {"ANALYZER": "rules"}
        if llm is not None:
            llm.start()
            llm.add_fault("invalid_json")  # two spoiled answers: the rules verdict stands, with the reason
            llm.add_fault("refusal")
            model = {"ANALYZER": "llm", "OPENAI_BASE_URL": llm.base_url, "OPENAI_API_KEY": llm.api_key,
                     "OPENAI_MODEL": "gpt-4.1-mini (local stand-in)", "LLM_MAX_RETRIES": "0"}  # fmt: skip
        os.environ.update(
            {
                "JIRA_BASE_URL": url,
                "JIRA_BROWSE_URL": f"{SITE}/browse",  # the report's keys outlive the sandbox
                "JIRA_EMAIL": "bot@example.com",
                "JIRA_API_TOKEN": "sandbox-token",
                "JIRA_SCAN_JQL": "project = OPS",
                "ROLLOUT_MODE": "full",
                # One category still earning its autonomy: judged and recorded, nothing written;
                # the report's readiness table measures it by what people did.
                "ROLLOUT_CATEGORIES": json.dumps({"deployment": "shadow"}),
                "HOLDOUT_PERCENT": "10",
                "AzureWebJobsStorage": azurite.connection_string,
                "LEDGER_TABLE": "demo" + uuid.uuid4().hex[:8],
                "REPORT_CONTAINER": "demo-reports-" + uuid.uuid4().hex[:8],
                "REPORT_CATEGORY_MAP": json.dumps(CATEGORY_MAP),
                "DEFLECTION_LINKS": json.dumps(DEFLECTION_LINKS),
                **model,
            }
        )
        before = {key: _snapshot(sandbox, key) for key in examples}
        judge = "the rules alone" if llm is None else "a model, through the local OpenAI-compatible endpoint"
        print(f"\n== Tick 1: python -m tools scan (full mode, deployment in shadow; judged by {judge}) ==")
        report = asyncio.run(_tick(clock))
        print(cli.render_summary(report))
        _show_fallbacks(report)
        results = {r.key: r for r in report.results}
        for key in examples:
            after = _snapshot(sandbox, key)
            print(f"\n-- {key}: {before[key]['summary']}")
            print(f"   labels before: {before[key]['labels']}")
            print(f"   labels after:  {after['labels']}")
            kept = set(before[key]["labels"]) - OURS <= set(after["labels"])
            print(f"   people's labels kept: {'yes' if kept else 'NO'}")
            if form := _form_lines(sandbox, key):
                print("   filed through the service desk form; the bot read:")
                print(textwrap.indent("\n".join(form), "     | ", lambda _: True))
            if key in results:
                r = results[key]
                print(f"   verdict: {r.verdict} (score {r.score}, {r.category}, {r.language}): {r.reason}")
            comment = _our_comment(sandbox, key)
            if comment:
                print("   our question:")
                print(textwrap.indent(comment, "     | ", lambda _: True))
        sandbox.reset_counters()
        clock.now += timedelta(minutes=15)
        print("\n== Tick 2, 15 minutes later: the same scan again (nothing changed, so nothing is done) ==")
        print(cli.render_summary(asyncio.run(_tick(clock))))
        print(f"   Jira writes in tick 2: {sandbox.counters['writes']}")
        answered, in_fields = _reporters_answer(sandbox, report, clock)
        asked = report.comments_posted
        clock.now = max(clock.now, report.started_at + timedelta(hours=44)) + timedelta(minutes=15)
        print(f"\n== Reporters answer {answered} of {asked} questions over the next hours ({in_fields} by "
              f"filling in the form field the question named); tick 3 at {clock.now:%m-%d %H:%M} UTC "
              "re-scores them ==")  # fmt: skip
        third = asyncio.run(_tick(clock))
        print(cli.render_summary(third))
        swapped = sum(1 for r in third.results if "HIGH_QUALITY" in r.labels_added)
        print(f"   tickets now complete (NEEDS_INFO -> HIGH_QUALITY, no new question): {swapped}")
        return _monthly_report(month)
    finally:
        if llm is not None:
            llm.stop()
        sandbox.stop()
        azurite.stop()


if __name__ == "__main__":
    sys.exit(main())
