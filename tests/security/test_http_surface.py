"""Every HTTP route requires its auth level; bad input of any shape gets a small 4xx problem answer.

The functions are called as the host calls them (see tests/functions/conftest.py). The inputs are
what a scanner or a confused script sends: keys that are not keys (traversal, injection, huge,
full-width digits, markup, empty), unknown or malformed query parameters, and bodies up to 1 MB
on routes that take none.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from sandbox.jira_server import JiraSandbox
from tests.functions.conftest import Configure, call, functions

PROBLEM = "https://ai-ticket-triage.dev/problems/"
ANONYMOUS = {"health"}  # everything else needs a function key

BAD_KEYS = [
    "", "ops-1", "OPS-0", "OPS-01", "O-1", "OPS-1/../../admin", "OPS-1%00", "OPS-1\x00", "OPS-1 OR 1=1",
    "' OR 1=1--", "OPS-" + "9" * 5000, "ＯＰＳ-１", "<script>alert(1)</script>", "OPS-1\nX-Injected: 1",
    "${jndi:ldap://x}", "OPS-1;DROP", "OPS--1", "-1", "OPS-1.json",
]  # fmt: skip
BAD_PARAMS: list[dict[str, str]] = [
    {"dryRun": "yes"},
    {"dryRun": "1"},
    {"force": ""},
    {"dryRun": "true" * 1000},
    {"code2": "x"},
    {"DRYRUN": "true"},
    {"dryRun": "true", "verbose": "true"},
    {"x" * 5000: "true"},
]
BIG_BODY = b"{" + b'"a":' * 250_000 + b"}"


def http_routes() -> dict[str, dict[str, Any]]:
    out = {}
    for name, fn in functions().items():
        bindings = json.loads(fn.get_function_json())["bindings"]
        trigger = next((b for b in bindings if b["type"] == "httpTrigger"), None)
        if trigger is not None:
            out[name] = trigger
    return out


def test_every_http_route_needs_a_function_key_except_health() -> None:
    routes = http_routes()
    assert {"reanalyze_ticket", "get_ticket", "health", "start_report", "get_report"} <= set(routes)
    for name, trigger in routes.items():
        expected = "ANONYMOUS" if name in ANONYMOUS else "FUNCTION"
        assert trigger["authLevel"] == expected, f"{name} is {trigger['authLevel']}"


def assert_problem(status: int, headers: dict[str, str], body: Any, expected: int, slug: str) -> None:
    assert status == expected, body
    assert headers["content-type"] == "application/problem+json"
    assert body["type"] == PROBLEM + slug and body["status"] == status and body["title"]
    text = json.dumps(body, ensure_ascii=False)
    assert "Traceback" not in text and 'File "' not in text
    assert len(body["detail"]) <= 300, "details stay short whatever came in"


@pytest.mark.parametrize("key", BAD_KEYS, ids=[f"key{i}" for i in range(len(BAD_KEYS))])
async def test_a_key_that_is_not_a_jira_key_is_a_400(app: Configure, jira: JiraSandbox, key: str) -> None:
    for name, method in (("reanalyze_ticket", "POST"), ("get_ticket", "GET")):
        status, headers, body = await call(name, method=method, route_params={"key": key})
        assert_problem(status, headers, body, 400, "invalid-key")
        assert key[40:] not in body["detail"] or len(key) <= 40, "the input is echoed at most 40 characters"
    assert jira.counters["writes"] == 0 and sum(jira.counters.values()) == 0, "Jira never called"


@pytest.mark.parametrize("params", BAD_PARAMS, ids=[f"params{i}" for i in range(len(BAD_PARAMS))])
async def test_unknown_or_malformed_parameters_are_a_400(
    app: Configure, jira: JiraSandbox, params: dict[str, str]
) -> None:
    status, headers, body = await call(
        "reanalyze_ticket", method="POST", route_params={"key": "OPS-2"}, params=params
    )
    assert status == 400 and body["type"] in (PROBLEM + "unknown-parameter", PROBLEM + "invalid-parameter")
    assert_problem(status, headers, body, 400, body["type"].removeprefix(PROBLEM))
    assert jira.counters["writes"] == 0


@pytest.mark.parametrize(
    ("name", "method", "route"),
    [
        ("reanalyze_ticket", "POST", {"key": "OPS-2"}),
        ("get_ticket", "GET", {"key": "OPS-2"}),
        ("health", "GET", {}),
        ("get_report", "GET", {"month": "2026-10"}),
    ],
)
async def test_a_body_up_to_1mb_on_a_route_that_takes_none_is_a_400(
    app: Configure, jira: JiraSandbox, name: str, method: str, route: dict[str, str]
) -> None:
    status, headers, body = await call(name, method=method, route_params=route, body=BIG_BODY)
    assert_problem(status, headers, body, 400, "unexpected-body")
    assert jira.counters["writes"] == 0


@pytest.mark.parametrize(
    ("month", "params", "slug"),
    [
        ("2026-13", {}, "invalid-parameter"),
        ("2026-1", {}, "invalid-parameter"),
        ("../../etc/passwd", {}, "invalid-parameter"),
        ("2026-10", {"format": "exe"}, "invalid-parameter"),
        ("2026-10", {"format": "html", "x": "1"}, "unknown-parameter"),
        ("9" * 10_000, {}, "invalid-parameter"),
    ],
)
async def test_report_routes_validate_the_month_and_format(
    app: Configure, month: str, params: dict[str, str], slug: str
) -> None:
    status, headers, body = await call("get_report", route_params={"month": month}, params=params)
    assert_problem(status, headers, body, 400, slug)


async def test_an_upstream_failure_is_a_problem_with_retry_after_not_a_trace(
    app: Configure, jira: JiraSandbox
) -> None:
    jira.add_fault("GET /issue", "status", status=500, times=10)
    status, headers, body = await call("reanalyze_ticket", method="POST", route_params={"key": "OPS-2"})
    assert_problem(status, headers, body, 503, "upstream-unavailable")
    assert int(headers["Retry-After"]) >= 1
    jira.clear_faults()
    jira.add_fault("GET /issue", "malformed", times=10)
    status, headers, body = await call("get_ticket", route_params={"key": "OPS-2"})
    assert status in (200, 404), "the audit trail reads the ledger, not Jira"
