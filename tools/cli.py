"""`python -m tools scan [--json]`: the same use case the timer runs, from a terminal.

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
from shared.jira.keys import KEY_PATTERN
from shared.ledger import LedgerUnavailable
from shared.lifecycle.results import SETTLED
from shared.reanalysis import BudgetExceeded, ForceNotAllowed
from shared.report.months import MONTH
from shared.runtime import build_runtime
from shared.scan import run_scan
from shared.scan_models import ScanReport
from shared.telemetry import log_scan_summary
from tools.eval.cli import add_arguments as add_eval_arguments
from tools.eval.cli import run as run_eval


def _environ(settings_file: Path) -> dict[str, str]:
    env = local_settings_values(settings_file)
    env.update(os.environ)
    return env


async def _scan(as_json: bool, settings_file: Path) -> int:
    runtime = await build_runtime(load_settings(_environ(settings_file)))
    try:
        report = await run_scan(await runtime.adapters(), runtime.options)
    finally:
        await runtime.aclose()
    log_scan_summary(report)
    if as_json:
        print(json.dumps(report.model_dump(mode="json", exclude={"results"}), ensure_ascii=False))
    else:
        print(render_summary(report))
    return 0 if report.stopped_early is None else 2


async def _analyze(key: str, apply: bool, force: bool, as_json: bool, settings_file: Path) -> int:
    from shared.reanalysis import reanalyze

    runtime = await build_runtime(load_settings(_environ(settings_file)))
    try:
        outcome = await reanalyze(
            await runtime.adapters(),
            runtime.options,
            key,
            dry_run=not apply,
            force=force,
            allow_force=runtime.settings.REANALYZE_ALLOW_FORCE,
            budget_s=runtime.settings.REANALYZE_TIME_BUDGET_SECONDS,
        )
    finally:
        await runtime.aclose()
    if as_json:
        print(json.dumps(outcome.model_dump(mode="json"), ensure_ascii=False))
    else:
        r = outcome.result
        print(f"{key}: {r.outcome}  mode={outcome.mode}{' (dry run)' if outcome.dry_run else ''}")
        if r.verdict:
            print(f"  verdict {r.verdict}  score {r.score}  category {r.category}  language {r.language}")
        for item in r.missing:
            print(f"  missing: {item.label} ({item.why})")
        action = "posted" if r.commented else ("would post" if r.would_comment else "no question")
        print(f"  question: {action}; {r.reason}")
        if r.labels_added or r.labels_removed:
            print(f"  labels: +{r.labels_added} -{r.labels_removed}")
    return 0 if outcome.result.outcome in SETTLED else 2


async def _report(month: str, out: Path | None, as_json: bool, settings_file: Path) -> int:
    from tools.local_report import ReportFailed, run_report_locally

    runtime = await build_runtime(load_settings(_environ(settings_file)))
    container = runtime.settings.REPORT_CONTAINER
    try:
        await runtime.bot_id()  # the cheapest credential check: a rejected token says so, first
        output, run = await run_report_locally(runtime, month, out=out)
    except ReportFailed as exc:
        print(f"error: the monthly report for {month} failed: {exc}", file=sys.stderr)
        return 2
    finally:
        await runtime.aclose()
    if as_json:
        print(json.dumps(output, ensure_ascii=False))
        return 0
    missing = output.get("batches_missing") or []
    print(f"monthly report {month}: {output['tickets']} tickets, {run.activity_calls} activity calls, "
          f"{run.episodes} orchestrator episodes, largest payload {run.max_payload_bytes} bytes")  # fmt: skip
    if missing:
        print(f"  WARNING: map batches {missing} failed after retries; the report says so")
    print(f"  blobs: {output['html']}, {output['markdown']}, {output['json']} (container {container})")
    if out is not None:
        print(f"  files: {out / 'report.html'}, {out / 'report.md'}, {out / 'report.json'}")
    return 0


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


def _key(value: str) -> str:
    key = value.strip()
    if not KEY_PATTERN.match(key):
        raise argparse.ArgumentTypeError(f"{value!r} is not an issue key like OPS-123")
    return key


def _month(value: str) -> str:
    if not MONTH.match(value.strip()):
        raise argparse.ArgumentTypeError(f"{value!r} is not a month like 2026-10")
    return value.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools", description=__doc__)
    parser.add_argument("--settings", type=Path, default=Path("local.settings.json"))
    sub = parser.add_subparsers(dest="command", required=True)
    scan = sub.add_parser("scan", help="run one scan tick now")
    scan.add_argument("--json", action="store_true", help="print the tick summary as one JSON object")
    analyze = sub.add_parser("analyze", help="reanalyze one ticket now (dry run unless --apply)")
    analyze.add_argument("key", type=_key, help="issue key, e.g. OPS-123")
    analyze.add_argument("--apply", action="store_true", help="write to Jira and the ledger")
    analyze.add_argument(
        "--force", action="store_true", help="ignore rollout mode and holdout (needs REANALYZE_ALLOW_FORCE)"
    )
    analyze.add_argument("--json", action="store_true", help="print the result as JSON")
    report = sub.add_parser("report", help="run the monthly report for a month (YYYY-MM) locally")
    report.add_argument("month", type=_month, help="e.g. 2026-10")
    report.add_argument("--out", type=Path, help="also write report.html/.md/.json to this folder")
    report.add_argument("--json", action="store_true", help="print the orchestration output as JSON")
    add_eval_arguments(sub.add_parser("eval", help="score the analyzer on the labelled set (eval/)"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "WARNING"), stream=sys.stderr)
    try:
        if args.command == "scan":
            return asyncio.run(_scan(args.json, args.settings))
        if args.command == "report":
            return asyncio.run(_report(args.month, args.out, args.json, args.settings))
        if args.command == "analyze":
            return asyncio.run(_analyze(args.key, args.apply, args.force, args.json, args.settings))
        if args.command == "eval":
            return asyncio.run(run_eval(args, _environ(args.settings)))
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 78
    except JiraAuthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 77
    except ForceNotAllowed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 78
    except (LedgerUnavailable, JiraError, BudgetExceeded) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 64
