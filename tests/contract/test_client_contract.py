"""Every request our Jira client sends, and every answer the sandbox gives it, fits Atlassian's spec."""

from __future__ import annotations

import json
from typing import Any

import httpx

from sandbox.jira_server import JiraSandbox
from shared.scan import run_scan
from tests.conftest import BuildRuntime
from tests.contract.jira_schema import validate

REQUEST_SCHEMAS = {("POST", "search/jql"): "SearchAndReconcileRequestBean", ("PUT", "issue"): "IssueUpdateDetails",
                   ("POST", "comment"): "Comment", ("PUT", "comment/{id}"): "Comment"}  # fmt: skip
RESPONSE_SCHEMAS = {("POST", "search/jql"): "SearchAndReconcileResults", ("POST", "comment"): "Comment",
                    ("GET", "comment"): "PageOfComments", ("GET", "myself"): "User",
                    ("PUT", "comment/{id}"): "Comment"}  # fmt: skip


def _route(request: httpx.Request) -> tuple[str, str]:
    path = request.url.path
    if "/comment/" in path:
        return request.method, "comment/{id}"
    for suffix in ("search/jql", "comment", "myself"):
        if path.endswith(suffix):
            return request.method, suffix
    return request.method, "issue"


async def test_requests_and_responses_conform_to_the_jira_v3_spec(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    runtime = await make_runtime(COMMENT_VISIBILITY="internal")
    seen: list[tuple[tuple[str, str], Any, Any]] = []

    async def capture(response: httpx.Response) -> None:
        await response.aread()
        request = response.request
        body = json.loads(request.content) if request.content else None
        answer = response.json() if response.content else None
        seen.append((_route(request), body, answer))

    runtime.jira._http.event_hooks["response"].append(capture)
    jira.add_fault("POST /comment", "lost_response", key="OPS-3")  # forces a GET of comments too
    await run_scan(await runtime.adapters(), runtime.options)
    jira.person_comment("OPS-2", "Role: Developer", author="rep-1")  # our question is then kept current
    await run_scan(await runtime.adapters(), runtime.options)
    routes = {route for route, _, _ in seen}
    assert routes >= {("POST", "search/jql"), ("PUT", "issue"), ("POST", "comment"), ("GET", "comment"),
                      ("GET", "myself"), ("PUT", "comment/{id}")}  # fmt: skip
    for route, body, answer in seen:
        if route in REQUEST_SCHEMAS:
            validate(body, REQUEST_SCHEMAS[route])
        if route in RESPONSE_SCHEMAS and answer is not None:
            validate(answer, RESPONSE_SCHEMAS[route])
        if route == ("POST", "search/jql"):
            for raw in answer["issues"]:
                validate(raw, "IssueBean")
        if route == ("PUT", "issue"):
            assert set(body) == {"update"}, "labels change only through the update verbs"
            assert all(set(op) <= {"add", "remove"} for op in body["update"]["labels"])
        if route == ("PUT", "comment/{id}"):
            assert set(body) == {"body"}, "an edit replaces the body only: our marker property stays"
        if route == ("POST", "comment"):
            keys = {p["key"] for p in body["properties"]}
            assert keys == {"ai-triage", "sd.public.comment"}
