"""A mode per category from every face: the timer's tick, HTTP reanalysis and the CLI."""

from __future__ import annotations

import json
import uuid

from azure.functions.timer import TimerRequest

import shared.runtime
from sandbox.jira_server import JiraSandbox
from sandbox.stack import Azurite
from shared.runtime import Runtime
from tests.conftest import BuildRuntime, settings_env
from tests.functions.conftest import Configure, call, functions
from tests.integration.test_cli import run_cli
from tests.integration.test_scan import OPEN_KEYS, labels, our_comments, scan

ACCESS_FULL = json.dumps({"access": "full"})


async def categories(runtime: Runtime) -> dict[str, str | None]:
    found = {k: await runtime.ledger.read(k) for k in sorted(OPEN_KEYS)}
    return {k: (f[0].category if f else None) for k, f in found.items()}


def written(jira: JiraSandbox, key: str) -> bool:
    return "AI_ANALYZED" in labels(jira, key) or bool(our_comments(jira, key))


async def test_the_timer_writes_only_for_the_categories_set_to_full(
    app: Configure, jira: JiraSandbox
) -> None:
    app(ROLLOUT_MODE="shadow", ROLLOUT_CATEGORIES=ACCESS_FULL)
    await functions()["scan_timer"].get_user_function()(TimerRequest())
    runtime = shared.runtime._runtime
    assert runtime is not None
    by_key = await categories(runtime)
    access = {k for k, c in by_key.items() if c == "access"}
    assert access and access != OPEN_KEYS, by_key  # both kinds are in the queue
    for key in OPEN_KEYS:
        assert written(jira, key) is (key in access), (key, by_key[key])
        record = await runtime.ledger.read(key)
        assert record is not None
        decision = record[0].history[-1]
        assert decision.mode == ("full" if key in access else "shadow")
        assert ("ROLLOUT_CATEGORIES" in (decision.mode_reason or "")) is (key in access)


async def test_reanalysis_says_which_mode_applied_and_why(app: Configure, jira: JiraSandbox) -> None:
    app(ROLLOUT_MODE="full", ROLLOUT_CATEGORIES=json.dumps({"troubleshooting": "shadow"}))
    status, _, trouble = await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-5"})
    assert status == 200 and trouble["result"]["category"] == "troubleshooting"
    assert trouble["mode"] == "shadow" and trouble["result"]["mode"] == "shadow"
    assert "troubleshooting (ROLLOUT_CATEGORIES)" in trouble["result"]["mode_reason"]
    assert not written(jira, "OPS-5") and trouble["result"]["would_comment"] is True
    status, _, access = await call(
        "reanalyze_ticket", method="POST", route_params={"key": "OPS-2"}, params={"dryRun": "true"}
    )
    assert (
        status == 200
        and access["result"]["mode"] == "full"
        and access["result"]["mode_reason"] == "full mode"
    )
    assert jira.counters["writes"] == 0


def test_the_cli_applies_the_categorys_mode(azurite: Azurite, jira: JiraSandbox) -> None:
    env = settings_env(
        azurite, jira.base_url, ROLLOUT_MODE="full", ROLLOUT_CATEGORIES='{"troubleshooting": "shadow"}'
    )
    shadowed = run_cli(env, "--settings", "/nonexistent", "analyze", "OPS-5", "--apply", "--json")
    assert shadowed.returncode == 0, shadowed.stderr
    body = json.loads(shadowed.stdout)
    assert body["result"]["mode"] == "shadow" and "ROLLOUT_CATEGORIES" in body["result"]["mode_reason"]
    assert jira.counters["writes"] == 0
    acted = run_cli(env, "--settings", "/nonexistent", "analyze", "OPS-2", "--apply", "--json")
    assert acted.returncode == 0, acted.stderr
    assert json.loads(acted.stdout)["result"]["mode"] == "full" and len(our_comments(jira, "OPS-2")) == 1


async def test_a_category_switched_to_full_is_acted_on_once(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """Judged in shadow, then the team sets access to full: those tickets get their labels and
    question on the next tick (once), the others stay untouched."""
    table = "t" + uuid.uuid4().hex[:20]
    await scan(await make_runtime(ROLLOUT_MODE="shadow", LEDGER_TABLE=table))
    assert jira.counters["writes"] == 0
    runtime = await make_runtime(ROLLOUT_MODE="shadow", ROLLOUT_CATEGORIES=ACCESS_FULL, LEDGER_TABLE=table)
    await scan(runtime)
    by_key = await categories(runtime)
    for key, category in by_key.items():
        assert written(jira, key) is (category == "access"), key
        assert len(our_comments(jira, key)) <= 1
    again = await scan(runtime)
    assert again.comments_posted == 0 and again.label_edits == 0


async def test_a_pilot_category_writes_only_inside_the_pilot_scope(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    runtime = await make_runtime(
        ROLLOUT_MODE="full", ROLLOUT_CATEGORIES=json.dumps({"access": "pilot"}), PILOT_JQL='key in ("OPS-2")'
    )
    await scan(runtime)
    by_key = await categories(runtime)
    for key, category in by_key.items():
        assert written(jira, key) is (category != "access" or key == "OPS-2"), (key, category)
