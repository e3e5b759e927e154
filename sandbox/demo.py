"""`make demo`: the main job on the local stack, start to finish, with nothing to set up.

Starts Azurite and the Jira sandbox (a seeded month of bilingual tickets), runs one scan tick in
`full` mode with the rules analyzer through the same CLI an operator uses, shows a few tickets
before and after, runs a second tick to show that nothing is done twice, and stops what it started.
"""

from __future__ import annotations

import asyncio
import os
import sys
import textwrap
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sandbox.jira_server import JiraSandbox
from sandbox.seed import generate_month
from sandbox.stack import start_azurite
from shared import cli
from shared.analysis.comment import MARKER_KEY
from shared.config import load_settings
from shared.jira import adf
from shared.jira.models import parse_jira_datetime
from shared.runtime import build_runtime
from shared.scan import run_scan
from shared.scan_models import ScanReport

OURS = {"AI_ANALYZED", "HIGH_QUALITY", "NEEDS_INFO"}


def _snapshot(sandbox: JiraSandbox, key: str) -> dict[str, Any]:
    raw = sandbox.get_raw(key)
    fields = raw.get("fields") or {}
    return {"summary": fields.get("summary"), "labels": list(fields.get("labels") or [])}


def _our_comment(sandbox: JiraSandbox, key: str) -> str | None:
    for comment in sandbox.comments_of(key):
        if any(p.get("key") == MARKER_KEY for p in comment.get("properties", [])):
            return adf.to_text(comment.get("body"))
    return None


def _pick_examples(issues: list[dict[str, Any]]) -> list[str]:
    """One Korean and one English incomplete ticket, and a complete one with people's labels."""
    wanted: dict[str, str] = {}
    for raw in issues:
        truth = raw.get("_sandbox") or {}
        status = raw["fields"]["status"]["statusCategory"]["key"]
        created = parse_jira_datetime(raw["fields"].get("created"))
        recent = created is not None and created > datetime.now(UTC) - timedelta(days=6)
        if status == "done" or not recent or truth.get("quirk") or truth.get("category") == "other":
            continue
        kind = "complete" if not truth.get("missing") else f"missing-{truth.get('language')}"
        if kind == "complete" and not raw["fields"].get("labels"):
            continue
        wanted.setdefault(kind, raw["key"])
    return [wanted[k] for k in ("missing-ko", "missing-en", "complete") if k in wanted]


async def _tick() -> ScanReport:
    """Exactly what `python -m shared scan` runs, keeping the per-ticket results to show."""
    runtime = await build_runtime(load_settings(dict(os.environ)))
    try:
        return await run_scan(
            runtime.jira, runtime.ledger, runtime.analyzer, runtime.options,
            bot_account_id=await runtime.bot_id(),
        )  # fmt: skip
    finally:
        await runtime.aclose()


def main() -> int:
    issues = generate_month()
    examples = _pick_examples(issues)
    print(
        f"Seeded the Jira sandbox with {len(issues)} tickets (a month of a DevOps queue, Korean and English)."
    )
    azurite = start_azurite()
    sandbox = JiraSandbox(issues)
    url = sandbox.start()
    try:
        os.environ.update(
            {
                "JIRA_BASE_URL": url,
                "JIRA_EMAIL": "bot@example.com",
                "JIRA_API_TOKEN": "sandbox-token",
                "JIRA_SCAN_JQL": "project = OPS",
                "ROLLOUT_MODE": "full",
                "ANALYZER": "rules",
                "HOLDOUT_PERCENT": "10",
                "AzureWebJobsStorage": azurite.connection_string,
                "LEDGER_TABLE": "demo" + uuid.uuid4().hex[:8],
            }
        )
        before = {key: _snapshot(sandbox, key) for key in examples}
        print("\n== Tick 1: python -m shared scan (full mode, rules analyzer) ==")
        report = asyncio.run(_tick())
        print(cli.render_summary(report))
        results = {r.key: r for r in report.results}
        for key in examples:
            after = _snapshot(sandbox, key)
            print(f"\n-- {key}: {before[key]['summary']}")
            print(f"   labels before: {before[key]['labels']}")
            print(f"   labels after:  {after['labels']}")
            kept = set(before[key]["labels"]) - OURS <= set(after["labels"])
            print(f"   people's labels kept: {'yes' if kept else 'NO'}")
            if key in results:
                r = results[key]
                print(f"   verdict: {r.verdict} (score {r.score}, {r.category}, {r.language}): {r.reason}")
            comment = _our_comment(sandbox, key)
            if comment:
                print("   our question:")
                print(textwrap.indent(comment, "     | "))
        sandbox.reset_counters()
        print("\n== Tick 2: the same scan again (nothing changed, so nothing is done) ==")
        print(cli.render_summary(asyncio.run(_tick())))
        print(f"   Jira writes in tick 2: {sandbox.counters['writes']}")
        return 0
    finally:
        sandbox.stop()
        azurite.stop()


if __name__ == "__main__":
    sys.exit(main())
