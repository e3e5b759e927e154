"""`python -m tools scan` is the same tick as the timer, driven by the same settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sandbox.jira_server import JiraSandbox
from sandbox.stack import Azurite
from tests.conftest import settings_env

ROOT = Path(__file__).resolve().parents[2]


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JIRA_", "ROLLOUT", "Azure"))}
    return subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "tools", *args],
        cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_scan_json_prints_one_summary_object(azurite: Azurite, jira: JiraSandbox) -> None:
    result = run_cli(settings_env(azurite, jira.base_url), "--settings", "/nonexistent", "scan", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["outcomes"]["analyzed"] == 8 and summary["comments_posted"] >= 1
    assert "results" not in summary and "sandbox-token" not in result.stdout + result.stderr


def test_cli_reads_local_settings_values_and_the_environment_wins(
    azurite: Azurite, jira: JiraSandbox, tmp_path: Path
) -> None:
    values = settings_env(azurite, jira.base_url)
    values["ROLLOUT_MODE"] = "full"
    path = tmp_path / "local.settings.json"
    path.write_text(json.dumps({"IsEncrypted": False, "Values": values}))
    result = run_cli({"ROLLOUT_MODE": "shadow"}, "--settings", str(path), "scan", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["mode"] == "shadow" and jira.counters["writes"] == 0


def test_bad_setting_fails_at_start_with_its_name(azurite: Azurite, jira: JiraSandbox) -> None:
    env = settings_env(azurite, jira.base_url, ROLLOUT_MODE="everything", HOLDOUT_PERCENT="90")
    result = run_cli(env, "--settings", "/nonexistent", "scan")
    assert result.returncode == 78
    assert "ROLLOUT_MODE" in result.stderr and "HOLDOUT_PERCENT" in result.stderr
    assert "Traceback" not in result.stderr and "sandbox-token" not in result.stderr


def test_analyze_is_a_dry_run_unless_applied(azurite: Azurite, jira: JiraSandbox) -> None:
    env = settings_env(azurite, jira.base_url)
    dry = run_cli(env, "--settings", "/nonexistent", "analyze", "OPS-2", "--json")
    assert dry.returncode == 0, dry.stderr
    body = json.loads(dry.stdout)
    assert (
        body["dry_run"] is True and body["result"]["would_comment"] is True and jira.counters["writes"] == 0
    )
    applied = run_cli(env, "--settings", "/nonexistent", "analyze", "OPS-2", "--apply")
    assert applied.returncode == 0, applied.stderr
    assert "question: posted" in applied.stdout and jira.counters["POST /comment"] == 1


def test_analyze_rejects_a_bad_key_and_names_a_missing_ticket(azurite: Azurite, jira: JiraSandbox) -> None:
    env = settings_env(azurite, jira.base_url)
    bad = run_cli(env, "--settings", "/nonexistent", "analyze", "ops-2")
    assert bad.returncode == 2 and "not an issue key" in bad.stderr
    missing = run_cli(env, "--settings", "/nonexistent", "analyze", "OPS-404")
    assert missing.returncode == 2 and "not found" in missing.stderr and "Traceback" not in missing.stderr


def test_report_with_a_rejected_token_says_so_cleanly(azurite: Azurite, jira: JiraSandbox) -> None:
    env = settings_env(azurite, jira.base_url, JIRA_API_TOKEN="expired-token")
    result = run_cli(env, "--settings", "/nonexistent", "report", "2026-11")
    assert result.returncode == 77
    assert "token rejected" in result.stderr and "Traceback" not in result.stderr
    assert "expired-token" not in result.stderr


def test_every_command_closes_what_it_opened(azurite: Azurite, jira: JiraSandbox, tmp_path: Path) -> None:
    """An operator reads only what the run says: no "Unclosed client session" from aiohttp, no
    ResourceWarning (made visible with Python's development mode)."""
    env = {**settings_env(azurite, jira.base_url), "PYTHONDEVMODE": "1"}
    for args in (
        ("scan",),
        ("analyze", "OPS-2"),
        ("report", "2026-11", "--out", str(tmp_path / "report")),
    ):
        result = run_cli(env, "--settings", "/nonexistent", *args)
        assert result.returncode == 0, result.stderr
        for noise in ("Unclosed", "ResourceWarning", "Traceback"):
            assert noise not in result.stderr, f"{args}: {result.stderr[-2000:]}"
