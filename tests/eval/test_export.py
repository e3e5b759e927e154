"""Production mistakes become test cases: scan, a person overrules us, export (sandbox + Azurite)."""

from __future__ import annotations

import json
from pathlib import Path

from sandbox.jira_server import JiraSandbox
from sandbox.stack import Azurite
from shared.runtime import Runtime
from shared.scan import run_scan
from tests.conftest import BuildRuntime, settings_env
from tests.factories import issue
from tests.integration.test_cli import run_cli
from tools.eval.dataset import load_set
from tools.eval.export import export_disagreements

SECRET = "glpat-Qm47Vx2Lp9Rt5Wz8Kc3N"
EMAIL = "kim.minsu@example.co.kr"


async def scan(runtime: Runtime) -> None:
    await run_scan(await runtime.adapters(), runtime.options)


async def overruled(make_runtime: BuildRuntime, jira: JiraSandbox) -> Runtime:
    """OPS-11 carries a pasted token and an email; we ask, and a person says it was complete."""
    jira.add_issue(
        issue(
            11, "GitLab access please",
            "Please give me access to GitLab group platform/payments.",
            f"CI says my token {SECRET} is rejected; reach me at {EMAIL}",
        )
    )  # fmt: skip
    runtime = await make_runtime()
    await scan(runtime)
    assert "NEEDS_INFO" in jira.get_raw("OPS-11")["fields"]["labels"]
    jira.person_edit_labels("OPS-11", add=["HIGH_QUALITY"], remove=["NEEDS_INFO"])
    await scan(runtime)
    return runtime


async def test_disagreements_are_exported_redacted_and_unlabelled(
    make_runtime: BuildRuntime, jira: JiraSandbox, tmp_path: Path
) -> None:
    runtime = await overruled(make_runtime, jira)
    out = tmp_path / "disagreements.jsonl"
    result = await export_disagreements(
        runtime.jira, runtime.ledger, ["OPS"], out,
        bot_account_id=await runtime.bot_id(), threshold=runtime.analyzer.threshold,
    )  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert result.written == 1 and result.skipped == []
    assert SECRET not in text and EMAIL not in text
    assert "[REDACTED:gitlab-token]" in text and "[REDACTED:email]" in text
    (line,) = [json.loads(x) for x in text.splitlines()]
    assert line["id"] == "OPS-11" and line["gold"] is None
    assert "NEEDS_INFO to HIGH_QUALITY" in line["disagreement"] and line["fingerprint"]
    bot = line["bot"]
    assert bot["verdict"] == "NEEDS_INFO" and bot["category"] == "access"
    assert bot["missing"] and bot["missing_from"] == "our comment"
    assert "platform/payments" in line["description"]
    # Appended to a set, it waits for a label instead of breaking the bench.
    assert load_set(appended(tmp_path / "set.jsonl", text)).unlabelled == 1


def appended(dest: Path, text: str) -> Path:
    dest.write_text(Path(load_set().path).read_text(encoding="utf-8") + text, encoding="utf-8")
    return dest


async def test_cli_exports_for_the_projects_of_the_scan_scope(
    make_runtime: BuildRuntime, jira: JiraSandbox, azurite: Azurite, tmp_path: Path
) -> None:
    runtime = await overruled(make_runtime, jira)
    out = tmp_path / "d.jsonl"
    env = settings_env(azurite, jira.base_url, LEDGER_TABLE=runtime.settings.LEDGER_TABLE)
    done = run_cli(env, "--settings", "/nonexistent", "eval", "--export-disagreements", str(out))
    assert done.returncode == 0, done.stderr
    assert "exported 1 disagreement(s) from OPS" in done.stdout
    text = out.read_text(encoding="utf-8")
    assert SECRET not in text and EMAIL not in text and json.loads(text)["id"] == "OPS-11"
