"""The process killed between posting the question and writing labels: the rerun asks nothing new."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sandbox.jira_server import JiraSandbox
from sandbox.stack import Azurite
from shared.analysis.comment import MARKER_KEY
from shared.config import load_settings
from shared.runtime import build_runtime
from shared.scan import run_scan
from shared.scan_models import ScanReport
from tests.conftest import settings_env

ROOT = Path(__file__).resolve().parents[2]


def test_sigkill_after_comment_then_rerun_leaves_one_comment(azurite: Azurite, jira: JiraSandbox) -> None:
    env = settings_env(azurite, jira.base_url, CLAIM_LEASE_SECONDS="60")
    label_write_started = threading.Event()
    take_fault = jira.take_fault

    def take_and_signal(route: str, key: str | None) -> Any:
        fault = take_fault(route, key)
        if route == "PUT /issue" and key == "OPS-2":
            label_write_started.set()
        return fault

    jira.take_fault = take_and_signal  # type: ignore[method-assign]
    # OPS-2's label write hangs: the question is on the ticket, the labels and ledger are not.
    jira.add_fault("PUT /issue", "delay", delay=20, key="OPS-2")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tools", "--settings", "/nonexistent", "scan", "--json"],
        cwd=ROOT,
        env={**os.environ, **env, "SCAN_CONCURRENCY": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert label_write_started.wait(timeout=120), "the scan never reached a label write"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    jira.clear_faults()
    jira.take_fault = take_fault  # type: ignore[method-assign]
    posted_before = {k: _ours(jira, k) for k in (f"OPS-{n}" for n in range(1, 9))}
    assert posted_before["OPS-2"] == 1, "the killed run had posted its question on OPS-2"
    assert "AI_ANALYZED" not in jira.get_raw("OPS-2")["fields"]["labels"]

    jira.reset_counters()
    report = asyncio.run(_rerun(env, later=datetime.now(UTC) + timedelta(minutes=5)))
    assert report.stopped_early is None
    outcomes = {r.key: r.outcome for r in report.results}
    assert outcomes["OPS-2"] == "analyzed"
    assert jira.counters["GET /comment"] >= 1, "the rerun looked for our marker before asking again"
    assert _ours(jira, "OPS-2") == 1 and "AI_ANALYZED" in jira.get_raw("OPS-2")["fields"]["labels"]
    for key in posted_before:
        assert _ours(jira, key) <= 1, key
        # Every open ticket ends analyzed: by the killed run (labelled) or by the rerun.
        assert outcomes.get(key) == "analyzed" or "AI_ANALYZED" in jira.get_raw(key)["fields"]["labels"]


async def _rerun(env: dict[str, str], later: datetime) -> ScanReport:
    """A new process's tick, after the dead run's lease has lapsed."""
    runtime = await build_runtime(load_settings(env))
    try:
        return await run_scan(await runtime.adapters(), runtime.options, clock=lambda: later)
    finally:
        await runtime.aclose()


def _ours(jira: JiraSandbox, key: str) -> int:
    return sum(
        1 for c in jira.comments_of(key) if any(p.get("key") == MARKER_KEY for p in c.get("properties", []))
    )
