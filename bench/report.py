"""Report benchmark: 500 tickets of one month, LLM endpoint with a fixed latency, local Durable replay.

Prints wall time against the ideal named in the quality bar (map calls / parallelism x latency +
reduce's one narrative call), the replay overhead per activity, the largest payload and peak RSS.
Run with `make bench` or `python -m bench.report`.
"""

from __future__ import annotations

import asyncio
import math
import os
import resource
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from bench.stack import Service, admin, jira_sandbox
from sandbox.seed import generate_month
from sandbox.stack import start_azurite
from shared.config import load_settings
from shared.runtime import build_runtime
from tools.local_report import run_report_locally

N = 500
LATENCY = float(os.environ.get("BENCH_LLM_LATENCY", "2.0"))
BATCH_SIZE = int(os.environ.get("BENCH_BATCH_SIZE", "125"))
PARALLELISM = int(os.environ.get("BENCH_PARALLELISM", "4"))
MONTH = "2026-10"


async def _report(env: dict[str, str]) -> None:
    runtime = await build_runtime(load_settings(env))
    try:
        start = time.perf_counter()
        output, run = await run_report_locally(runtime, MONTH, retry_ms=1000)
        wall = time.perf_counter() - start
    finally:
        await runtime.aclose()
    map_calls = math.ceil(output["tickets"] / BATCH_SIZE)
    ideal = map_calls / PARALLELISM * LATENCY + LATENCY
    print(f"report benchmark: {output['tickets']} tickets in {map_calls} batches of {BATCH_SIZE}, "
          f"parallelism {PARALLELISM}, LLM latency {LATENCY:.1f} s")  # fmt: skip
    print(f"  wall time {wall:.2f}s vs ideal {ideal:.2f}s  ratio {wall / ideal:.3f}  (target <= 1.25)")
    per_activity = run.replay_seconds / run.activity_calls * 1000
    print(f"  orchestrator episodes {run.episodes}, activity calls {run.activity_calls}, "
          f"replay time {run.replay_seconds * 1000:.1f} ms ({per_activity:.2f} ms per activity)")  # fmt: skip
    print(f"  largest activity payload {run.max_payload_bytes} bytes  (limit 45,000)")
    print(f"  batches missing: {output['batches_missing']}")


def main() -> int:
    azurite = start_azurite()
    issues = generate_month(N, anchor=datetime(2026, 11, 1, tzinfo=UTC), days=31)
    with tempfile.TemporaryDirectory() as tmp:
        jira = jira_sandbox(issues, Path(tmp))
        llm = Service("sandbox.llm_server", "--latency", str(LATENCY))
        try:
            env = {
                "JIRA_BASE_URL": jira.url, "JIRA_EMAIL": "bot@example.com", "JIRA_API_TOKEN": "sandbox-token",
                "JIRA_SCAN_JQL": "project = OPS", "ANALYZER": "llm", "OPENAI_BASE_URL": llm.url,
                "OPENAI_API_KEY": "sk-test", "AzureWebJobsStorage": azurite.connection_string,
                "LEDGER_TABLE": "bench" + uuid.uuid4().hex[:8],
                "REPORT_CONTAINER": "bench-" + uuid.uuid4().hex[:8],
                "REPORT_BATCH_SIZE": str(BATCH_SIZE), "REPORT_PARALLELISM": str(PARALLELISM),
            }  # fmt: skip
            asyncio.run(_report(env))
            print(f"  sandbox-counted Jira calls: {admin(jira, 'counters')}")
        finally:
            jira.stop()
            llm.stop()
            azurite.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS of the reporting process: {rss_mb:.0f} MB  (target < 300 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
