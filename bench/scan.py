"""Scan benchmark: 200 sandbox tickets, LLM endpoint with a fixed 200 ms latency, concurrency 8.

Prints each figure of the quality bar as a ratio or count (never asserts: the machine is shared
and noisy). Run with `make bench` or `python -m bench.scan`.
"""

from __future__ import annotations

import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench.stack import Service, admin, jira_sandbox
from sandbox.seed import generate_open_batch
from sandbox.stack import ROOT, start_azurite
from shared.config import load_settings
from shared.runtime import build_runtime
from shared.scan import Adapters, run_scan

N, CONCURRENCY = 200, 8
LATENCY = float(os.environ.get("BENCH_LLM_LATENCY", "0.2"))


async def _ticks(env: dict[str, str]) -> None:
    runtime = await build_runtime(load_settings(env))
    bot = await runtime.bot_id()
    start, cpu0 = time.perf_counter(), time.process_time()
    first = await run_scan(Adapters(runtime.jira, runtime.ledger, runtime.analyzer, bot), runtime.options)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu0
    jira_first = dict(first.jira_calls_by_route)
    second = await run_scan(Adapters(runtime.jira, runtime.ledger, runtime.analyzer, bot), runtime.options)
    await runtime.aclose()

    ideal = max(N * LATENCY / CONCURRENCY, 1e-9)
    analyzed = [r for r in first.results if r.outcome == "analyzed"]
    needs = [r for r in analyzed if r.verdict == "NEEDS_INFO"]
    high = [r for r in analyzed if r.verdict == "HIGH_QUALITY"]
    shared_calls = jira_first.get("POST /search/jql", 0) + jira_first.get("GET /myself", 0) + 1  # + bot id
    per_shared = shared_calls / max(len(analyzed), 1)
    per_needs = sum(int(r.commented) + int(bool(r.labels_added or r.labels_removed)) for r in needs)
    per_high = sum(int(bool(r.labels_added or r.labels_removed)) for r in high)
    print(f"scan benchmark: {N} tickets, LLM latency {LATENCY * 1000:.0f} ms, concurrency {CONCURRENCY}")
    print(f"  outcomes: {first.outcomes}  verdicts: {first.verdicts}")
    print(f"  wall time {wall:.2f}s vs ideal {ideal:.2f}s  ratio {wall / ideal:.3f}  (target <= 1.10)")
    print(f"  CPU time of the scanning process in tick 1: {cpu:.2f}s")
    print(f"  Jira calls by route (tick 1): {jira_first}")
    needs_calls = per_needs / max(len(needs), 1) + per_shared
    high_calls = per_high / max(len(high), 1) + per_shared
    print(f"  Jira calls per NEEDS_INFO ticket: {needs_calls:.3f}  (target <= 2.05)")
    print(f"  Jira calls per HIGH_QUALITY ticket: {high_calls:.3f}  (target <= 1.05)")
    print(f"  Jira GETs of single issues: {jira_first.get('GET /issue', 0)}  (target 0)")
    print(f"  LLM calls per ticket, tick 1: {first.llm_calls / max(len(analyzed), 1):.3f}  (target 1)")
    print(f"  LLM calls, tick 2 (nothing changed): {second.llm_calls}  (target 0)")
    print(f"  Jira writes, tick 2: {second.comments_posted + second.label_edits}  (target 0)")
    print(f"  input tokens per ticket: {first.tokens_in / max(first.llm_calls, 1):.0f}  (budget 2000)")
    print(f"  ledger operations per ticket: {first.ledger_ops / max(len(analyzed), 1):.3f}  (target <= 3)")
    print(f"  estimated LLM cost of tick 1: ${first.estimated_cost_usd:.4f}")


def _import_seconds(statement: str, runs: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        samples.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(samples)


def main() -> int:
    azurite = start_azurite()
    with tempfile.TemporaryDirectory() as tmp:
        jira = jira_sandbox(generate_open_batch(N), Path(tmp))
        llm = Service("sandbox.llm_server", "--latency", str(LATENCY))
        try:
            env = {
                "JIRA_BASE_URL": jira.url, "JIRA_EMAIL": "bot@example.com", "JIRA_API_TOKEN": "sandbox-token",
                "JIRA_SCAN_JQL": "project = OPS", "ROLLOUT_MODE": "full", "HOLDOUT_PERCENT": "0",
                "ANALYZER": "llm", "OPENAI_BASE_URL": llm.url, "OPENAI_API_KEY": "sk-test",
                "SCAN_CONCURRENCY": str(CONCURRENCY), "AzureWebJobsStorage": azurite.connection_string,
                "LEDGER_TABLE": "bench" + uuid.uuid4().hex[:8],
            }  # fmt: skip
            asyncio.run(_ticks(env))
            counters = admin(jira, "counters")
            print(f"  sandbox-counted Jira calls (both ticks): {counters}")
        finally:
            jira.stop()
            llm.stop()
            azurite.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS of the scanning process: {rss_mb:.0f} MB  (target < 200 MB)")
    base = _import_seconds("import azure.functions, azure.durable_functions")
    app = _import_seconds("import function_app")
    print(f"  cold start: import function_app {app:.3f}s vs azure.functions + durable {base:.3f}s  "
          f"ratio {app / base:.3f}  (target <= 1.2)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
