"""`python -m shared scan [--json]`: the same use case the timer runs, from a terminal.

Settings come from the environment and, when present, `local.settings.json` `Values` (the
environment wins), so pointing the CLI at a real Jira and LLM is a matter of settings.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from pathlib import Path

from shared.config import SettingsError, load_settings, local_settings_values
from shared.jira.errors import JiraAuthError, JiraError
from shared.ledger import LedgerUnavailable
from shared.runtime import build_runtime
from shared.scan import run_scan
from shared.scan_models import ScanReport
from shared.telemetry import log_scan_summary


def _environ(settings_file: Path) -> dict[str, str]:
    env = local_settings_values(settings_file)
    env.update(os.environ)
    return env


async def _scan(as_json: bool, settings_file: Path) -> int:
    runtime = await build_runtime(load_settings(_environ(settings_file)))
    try:
        report = await run_scan(
            runtime.jira,
            runtime.ledger,
            runtime.analyzer,
            runtime.options,
            bot_account_id=await runtime.bot_id(),
        )
    finally:
        await runtime.aclose()
    log_scan_summary(report)
    if as_json:
        print(json.dumps(report.model_dump(mode="json", exclude={"results"}), ensure_ascii=False))
    else:
        print(render_summary(report))
    return 0 if report.stopped_early is None else 2


def render_summary(report: ScanReport) -> str:
    """A short human-readable account of one tick."""
    lines = [
        f"scan {report.run_id}  mode={report.mode}  analyzer={report.analyzer}",
        f"  tickets seen: {report.tickets_seen}  in {report.duration_s:.2f}s",
        "  outcomes: " + (", ".join(f"{k}={v}" for k, v in sorted(report.outcomes.items())) or "none"),
        "  verdicts: " + (", ".join(f"{k}={v}" for k, v in sorted(report.verdicts.items())) or "none"),
        f"  comments posted: {report.comments_posted}  label edits: {report.label_edits}",
        f"  jira calls: {report.jira_calls} (retries {report.jira_retries})  ledger ops: {report.ledger_ops}",
        f"  llm calls: {report.llm_calls}  tokens in/out: {report.tokens_in}/{report.tokens_out}"
        f"  est. cost: ${report.estimated_cost_usd:.4f}",
    ]
    if report.stopped_early:
        lines.append(f"  STOPPED EARLY: {report.stopped_early}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m shared", description=__doc__)
    parser.add_argument("--settings", type=Path, default=Path("local.settings.json"))
    sub = parser.add_subparsers(dest="command", required=True)
    scan = sub.add_parser("scan", help="run one scan tick now")
    scan.add_argument("--json", action="store_true", help="print the tick summary as one JSON object")
    args = parser.parse_args(argv)
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "WARNING"), stream=sys.stderr)
    try:
        if args.command == "scan":
            return asyncio.run(_scan(args.json, args.settings))
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 78
    except JiraAuthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 77
    except (LedgerUnavailable, JiraError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 64
