"""GET /api/reports/{month}: the finished report in each format, problems otherwise."""

from __future__ import annotations

from sandbox.jira_server import JiraSandbox
from shared.report.local import run_report_locally
from tests.functions.conftest import Configure, call


def month_of(jira: JiraSandbox) -> str:
    return str(jira.get_raw("OPS-1")["fields"]["created"])[:7]


async def test_get_report_serves_each_format_and_answers_problems(app: Configure, jira: JiraSandbox) -> None:
    from shared.runtime import get_runtime

    runtime = await get_runtime()
    month = month_of(jira)
    status, _, problem = await call("get_report", route_params={"month": month})
    assert status == 404 and problem["type"].endswith("/not-found")
    await run_report_locally(runtime, month, retry_ms=1)
    for fmt, mimetype in (("html", "text/html"), ("md", "text/markdown"), ("json", "application/json")):
        got = await call_raw("get_report", {"month": month}, {"format": fmt})
        assert got[0] == 200 and got[1] == mimetype
    for params, route, slug in (({"format": "pdf"}, month, "invalid-parameter"), ({}, "2026-13", "invalid-parameter"),
                                ({"lang": "ko"}, month, "unknown-parameter")):  # fmt: skip
        status, _, problem = await call("get_report", route_params={"month": route}, params=params)
        assert status == 400 and problem["type"].endswith(slug)


async def call_raw(name: str, route: dict[str, str], params: dict[str, str]) -> tuple[int, str]:
    import azure.functions as func

    from tests.functions.conftest import functions

    request = func.HttpRequest(
        method="GET", url=f"http://localhost/api/{name}", route_params=route, params=params, body=b""
    )
    response = await functions()[name].get_user_function()(request)
    return response.status_code, response.mimetype
