"""The operator's HTTP API, called through `func.HttpRequest` as the host would."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from sandbox.jira_server import JiraSandbox
from sandbox.llm_server import FakeLLM
from shared.analysis.comment import MARKER_KEY
from shared.lifecycle.record import LedgerRecord
from shared.runtime import get_runtime
from tests.factories import issue
from tests.functions.conftest import Configure, call, functions

PROBLEM = "https://ai-ticket-triage.dev/problems/"


def ours(jira: JiraSandbox, key: str) -> int:
    return sum(
        1 for c in jira.comments_of(key) if any(p.get("key") == MARKER_KEY for p in c.get("properties", []))
    )


def test_routes_methods_and_auth_levels_are_as_documented() -> None:
    bindings = {
        name: json.loads(f.get_function_json())["bindings"][0]
        for name, f in functions().items()
        if name != "scan_timer"
    }
    assert bindings["reanalyze_ticket"]["route"] == "tickets/{key}/reanalyze"
    assert bindings["reanalyze_ticket"]["methods"] == ["POST"]
    assert bindings["reanalyze_ticket"]["authLevel"] == "FUNCTION"
    assert bindings["get_ticket"]["route"] == "tickets/{key}" and bindings["get_ticket"]["methods"] == ["GET"]
    assert bindings["get_ticket"]["authLevel"] == "FUNCTION"
    assert bindings["health"]["route"] == "health" and bindings["health"]["methods"] == ["GET"]
    assert bindings["health"]["authLevel"] == "ANONYMOUS"


async def test_dry_run_assesses_and_writes_nothing(app: Configure, jira: JiraSandbox) -> None:
    status, _, body = await call(
        "reanalyze_ticket", method="POST", route_params={"key": "OPS-2"}, params={"dryRun": "true"}
    )
    assert status == 200 and body["dry_run"] is True and body["mode"] == "full"
    result = body["result"]
    assert (
        result["outcome"] == "dry_run"
        and result["verdict"] == "NEEDS_INFO"
        and result["would_comment"] is True
    )
    assert result["missing"] and {"id", "label", "why"} <= set(result["missing"][0])
    assert jira.counters["writes"] == 0 and body["ledger"] is None


async def test_reanalyze_acts_once_and_never_asks_twice(app: Configure, jira: JiraSandbox) -> None:
    status, _, body = await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-2"})
    assert status == 200 and body["result"]["commented"] is True
    assert body["ledger"]["state"] == "done" and body["ledger"]["commented"] is True
    assert set(body["result"]["labels_added"]) == {"AI_ANALYZED", "NEEDS_INFO"}
    status, _, again = await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-2"})
    assert (
        status == 200 and again["result"]["outcome"] == "analyzed" and again["result"]["commented"] is False
    )
    assert "already" in again["result"]["reason"] and ours(jira, "OPS-2") == 1
    assert {"backend", "security"} <= set(jira.get_raw("OPS-2")["fields"]["labels"])


async def test_reanalyze_respects_shadow_mode_and_force_needs_the_setting(
    app: Configure, jira: JiraSandbox
) -> None:
    app(ROLLOUT_MODE="shadow")
    status, _, body = await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-3"})
    assert status == 200 and body["mode"] == "shadow" and jira.counters["writes"] == 0
    assert "shadow" in body["result"]["reason"]
    status, _, problem = await call(
        "reanalyze_ticket", method="POST", route_params={"key": "OPS-3"}, params={"force": "true"}
    )
    assert status == 403 and problem["type"] == PROBLEM + "force-not-allowed"
    app(ROLLOUT_MODE="shadow", REANALYZE_ALLOW_FORCE="true")
    status, _, forced = await call(
        "reanalyze_ticket", method="POST", route_params={"key": "OPS-3"}, params={"force": "true"}
    )
    assert status == 200 and forced["forced"] is True and forced["result"]["commented"] is True
    assert ours(jira, "OPS-3") == 1 and forced["ledger"]["history"][-1]["mode"] == "full (forced)"


async def test_audit_trail_records_every_decision(app: Configure, jira: JiraSandbox) -> None:
    await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-4"})
    await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-4"})
    status, _, record = await call("get_ticket", route_params={"key": "OPS-4"})
    assert status == 200 and record["key"] == "OPS-4" and record["verdict"] == "HIGH_QUALITY"
    assert len(record["history"]) == 2
    assert {"at", "outcome", "reason", "fingerprint", "verdict", "mode"} <= set(record["history"][0])
    assert record["attempts"] == 0


async def test_claimed_ticket_answers_409_with_retry_after(app: Configure, jira: JiraSandbox) -> None:
    runtime = await get_runtime()
    lease = datetime.now(UTC) + timedelta(seconds=120)
    record = LedgerRecord(
        key="OPS-5", state="claimed", fingerprint="x", lease_owner="scan", lease_until=lease
    )
    await runtime.ledger.insert(record)
    status, headers, problem = await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-5"})
    assert status == 409 and problem["type"] == PROBLEM + "ticket-busy"
    assert 100 <= int(headers["Retry-After"]) <= 121 and jira.counters["writes"] == 0


async def test_jira_rate_limit_passes_retry_after_on(app: Configure, jira: JiraSandbox) -> None:
    jira.add_fault("GET /issue", "status", status=429, retry_after=7, times=10)
    status, headers, problem = await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-2"})
    assert status == 429 and problem["type"] == PROBLEM + "rate-limited" and headers["Retry-After"] == "7"


async def test_llm_rate_limit_passes_retry_after_on(app: Configure, jira: JiraSandbox, llm: FakeLLM) -> None:
    app(ANALYZER="llm", OPENAI_BASE_URL=llm.base_url, OPENAI_API_KEY="sk-test", LLM_MAX_RETRIES="0")
    llm.add_fault("status", status=429, retry_after=11, times=5)
    status, headers, problem = await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-2"})
    assert status == 429 and problem["type"] == PROBLEM + "rate-limited" and headers["Retry-After"] == "11"
    assert jira.counters["writes"] == 0


async def test_budget_runs_out_with_504_and_the_stage(app: Configure, jira: JiraSandbox) -> None:
    app(REANALYZE_TIME_BUDGET_SECONDS="0.3")
    jira.add_fault("GET /issue", "delay", delay=3)
    status, _, problem = await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-2"})
    assert status == 504 and problem["type"] == PROBLEM + "timeout" and "Jira" in problem["stage"]


async def test_health_reports_checks_without_secrets(app: Configure) -> None:
    status, _, body = await call("health")
    assert status == 200 and body["status"] == "ok"
    assert body["checks"] == {"tableStorage": "ok", "jira": "ok"} and body["rollout_mode"] == "full"
    assert body["version"] and body["analyzer"].startswith("rules")
    app(JIRA_API_TOKEN="revoked-token-value")
    status, _, body = await call("health")
    assert status == 503 and body["checks"]["jira"] == "token rejected"
    assert "revoked-token-value" not in json.dumps(body)


async def test_health_names_bad_settings_not_their_values(app: Configure) -> None:
    app(ROLLOUT_MODE="sideways", JIRA_API_TOKEN="tok-do-not-show")
    status, _, body = await call("health")
    assert (
        status == 503 and body["status"] == "misconfigured" and "ROLLOUT_MODE" in body["checks"]["settings"]
    )
    assert "tok-do-not-show" not in json.dumps(body) and "sideways" not in json.dumps(body)


NOFIELDS = issue(30, "x")
NOFIELDS["_sandbox"] = {"quirk": "no_fields"}

# (function, key, params, body, setup, status, problem type)
BAD_REQUESTS = [
    ("reanalyze_ticket", "ops-1", {}, b"", {}, 400, "invalid-key"),
    ("reanalyze_ticket", "", {}, b"", {}, 400, "invalid-key"),
    ("reanalyze_ticket", "OPS-0", {}, b"", {}, 400, "invalid-key"),
    ("reanalyze_ticket", "OPS-01", {}, b"", {}, 400, "invalid-key"),
    ("reanalyze_ticket", "OPS", {}, b"", {}, 400, "invalid-key"),
    ("reanalyze_ticket", "1OPS-1", {}, b"", {}, 400, "invalid-key"),
    ("reanalyze_ticket", "O-1", {}, b"", {}, 400, "invalid-key"),
    ("reanalyze_ticket", "OPS-1 OR 1=1", {}, b"", {}, 400, "invalid-key"),
    ("reanalyze_ticket", "OPS-1/../OPS-2", {}, b"", {}, 400, "invalid-key"),
    ("reanalyze_ticket", "ＯＰＳ-１", {}, b"", {}, 400, "invalid-key"),
    ("reanalyze_ticket", "OPS-2", {"dryRun": "yes"}, b"", {}, 400, "invalid-parameter"),
    ("reanalyze_ticket", "OPS-2", {"dryRun": ""}, b"", {}, 400, "invalid-parameter"),
    ("reanalyze_ticket", "OPS-2", {"force": "1"}, b"", {}, 400, "invalid-parameter"),
    ("reanalyze_ticket", "OPS-2", {"verbose": "true"}, b"", {}, 400, "unknown-parameter"),
    ("reanalyze_ticket", "OPS-2", {"DryRun": "true"}, b"", {}, 400, "unknown-parameter"),
    ("reanalyze_ticket", "OPS-2", {}, b"{}", {}, 400, "unexpected-body"),
    ("reanalyze_ticket", "OPS-2", {}, b"x" * 200_000, {}, 400, "unexpected-body"),
    ("reanalyze_ticket", "OPS-2", {"force": "true"}, b"", {}, 403, "force-not-allowed"),
    ("reanalyze_ticket", "OPS-999", {}, b"", {}, 404, "not-found"),
    ("reanalyze_ticket", "OPS-30", {}, b"", {}, 422, "unreadable-ticket"),
    (
        "reanalyze_ticket",
        "OPS-2",
        {},
        b"",
        {"JIRA_API_TOKEN": "tok-expired-4711"},
        502,
        "jira-token-rejected",
    ),
    ("reanalyze_ticket", "OPS-2", {}, b"", {"ROLLOUT_MODE": "pilot"}, 500, "misconfigured"),
    ("get_ticket", "OPS-3", {}, b"", {}, 404, "not-found"),
    ("get_ticket", "OPS-3", {"all": "true"}, b"", {}, 400, "unknown-parameter"),
    ("get_ticket", "OPS-3", {}, b"{}", {}, 400, "unexpected-body"),
    ("get_ticket", "ops-3", {}, b"", {}, 400, "invalid-key"),
    ("health", None, {"deep": "true"}, b"", {}, 400, "unknown-parameter"),
    ("health", None, {}, b"ping", {}, 400, "unexpected-body"),
]


@pytest.mark.parametrize(("name", "key", "params", "body", "setup", "status", "slug"), BAD_REQUESTS)
async def test_bad_requests_get_problem_answers(
    app: Configure,
    jira: JiraSandbox,
    name: str,
    key: str | None,
    params: dict[str, str],
    body: bytes,
    setup: dict[str, str],
    status: int,
    slug: str,
) -> None:
    jira.add_issue(NOFIELDS)
    if setup:
        app(**setup)
    got, headers, problem = await call(
        name, method="GET" if name != "reanalyze_ticket" else "POST",
        route_params={} if key is None else {"key": key}, params=params, body=body,
    )  # fmt: skip
    assert (got, problem["type"]) == (status, PROBLEM + slug)
    assert headers["content-type"] == "application/problem+json"
    assert problem["status"] == status and problem["title"] and problem["detail"]
    text = json.dumps(problem)
    assert "Traceback" not in text and "sandbox-token" not in text and "tok-expired-4711" not in text
    assert jira.counters["writes"] == 0


async def test_reanalyze_writes_nothing_outside_the_scan_scope(app: Configure, jira: JiraSandbox) -> None:
    jira.add_issue(issue(77, *("GitLab access please", "Please give me access."), project="HR"))
    for key in ("OPS-10", "HR-77"):  # a done ticket, and another project
        status, _, body = await call("reanalyze_ticket", method="POST", route_params={"key": key})
        assert status == 200 and body["in_scope"] is False and body["result"]["commented"] is False
        assert "outside JIRA_SCAN_JQL" in body["result"]["reason"]
    assert jira.counters["writes"] == 0


async def test_a_run_out_of_time_gives_its_lease_back(
    app: Configure, jira: JiraSandbox, llm: FakeLLM
) -> None:
    """A 504 used to leave the row leased for LEASE_SECONDS (900 s): every retry got 409."""
    app(
        ANALYZER="llm", OPENAI_BASE_URL=llm.base_url, OPENAI_API_KEY="sk-test", LLM_MAX_RETRIES="0",
        REANALYZE_TIME_BUDGET_SECONDS="1.0",
    )  # fmt: skip
    llm.add_fault("timeout", delay=4)
    status, _, problem = await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-2"})
    assert status == 504 and problem["stage"].startswith("assessing")
    status, _, audit = await call("get_ticket", route_params={"key": "OPS-2"})
    assert status == 200 and audit["lease_until"] is None and audit["state"] == "failed"
    assert audit["attempts"] == 0  # a budget that ran out is not the ticket's fault: no step toward parking
    status, _, body = await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-2"})
    assert status == 200 and body["result"]["outcome"] == "analyzed" and ours(jira, "OPS-2") == 1
