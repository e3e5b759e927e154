"""GET /api/reports/{month}: the finished report in each format, problems otherwise."""

from __future__ import annotations

import pytest

import shared.runtime
from sandbox.jira_server import JiraSandbox
from tests.functions.conftest import Configure, call
from tools.local_report import run_report_locally


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


async def test_post_starts_once_per_month_through_the_real_durable_client(app: Configure) -> None:
    import json

    import azure.functions as func

    from sandbox.durable_host import DurableHost
    from tests.functions.conftest import functions

    host = DurableHost()
    host.start()
    try:
        starter = functions()["start_report"].get_user_function()

        async def post(month: str, params: dict[str, str] | None = None) -> func.HttpResponse:
            request = func.HttpRequest(method="POST", url=f"http://localhost/api/reports/{month}",
                                       route_params={"month": month}, params=params or {}, body=b"")  # fmt: skip
            response: func.HttpResponse = await starter(req=request, client=host.client_binding())
            return response

        first = await post("2026-10")
        assert first.status_code == 202 and host.starts[0][:2] == (
            "monthly_report_orchestrator",
            "monthly-report-2026-10",
        )
        assert json.loads(host.starts[0][2]) == {"month": "2026-10", "batch_size": 50}
        links = json.loads(first.get_body())
        assert links["id"] == "monthly-report-2026-10" and "statusQueryGetUri" in links
        second = await post("2026-10")
        assert second.status_code == 200 and len(host.starts) == 1  # the running one is returned
        host.instances["monthly-report-2026-10"] = "Running"
        refused = await post("2026-10", {"force": "true"})
        assert refused.status_code == 409 and len(host.starts) == 1
        host.instances["monthly-report-2026-10"] = "Completed"
        again = await post("2026-10", {"force": "true"})
        assert again.status_code == 202 and len(host.starts) == 2
        bad = await post("2026-1")
        assert bad.status_code == 400 and len(host.starts) == 2
    finally:
        host.stop()


async def test_the_timer_starts_last_months_report_from_the_settings_without_a_runtime(
    app: Configure,
) -> None:
    """One setting read: no tables opened, no LLM client made; the activities build the runtime."""
    import json
    from datetime import UTC, datetime

    from azure.functions.timer import TimerRequest

    from sandbox.durable_host import DurableHost
    from shared.config import SettingsError
    from shared.functions.report_durable import last_month
    from shared.report.orchestrator import ORCHESTRATOR, instance_id
    from tests.functions.conftest import functions

    timer = functions()["report_timer"].get_user_function()
    host = DurableHost()
    host.start()
    try:
        app(REPORT_BATCH_SIZE=7)
        await timer(timer=TimerRequest(), client=host.client_binding())
        month = last_month(datetime.now(UTC))
        assert host.starts[0][:2] == (ORCHESTRATOR, instance_id(month))
        assert json.loads(host.starts[0][2]) == {"month": month, "batch_size": 7}
        assert shared.runtime._runtime is None
        app(ROLLOUT_MODE="pilot")  # no PILOT_JQL: the settings are invalid, so the execution fails
        with pytest.raises(SettingsError, match="PILOT_JQL"):
            await timer(timer=TimerRequest(), client=host.client_binding())
        assert len(host.starts) == 1
    finally:
        host.stop()
