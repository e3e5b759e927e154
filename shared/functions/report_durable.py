"""Durable Functions faces of the monthly report: orchestrator, activities, timer, HTTP.

Thin adapters: each activity builds nothing itself; it takes the worker's runtime and passes its
parts to the use case in `shared.report.activities`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import azure.durable_functions as df
import azure.functions as func

from shared.functions.http_common import answers_problems, flags, no_body, query, runtime_or_problem
from shared.functions.problems import Problem
from shared.report.months import MONTH
from shared.report.orchestrator import (
    LIST,
    MAP,
    ORCHESTRATOR,
    REDUCE,
    RENDER,
    instance_id,
    monthly_report,
)

bp = df.Blueprint()
log = logging.getLogger(__name__)
_FORMATS = {"html": ("report.html", "text/html"), "md": ("report.md", "text/markdown"),
            "json": ("report.json", "application/json")}  # fmt: skip


@bp.function_name(ORCHESTRATOR)
@bp.orchestration_trigger(context_name="context", orchestration=ORCHESTRATOR)
def monthly_report_orchestrator(context: df.DurableOrchestrationContext) -> Any:
    return (yield from monthly_report(context))


@bp.function_name(LIST)
@bp.activity_trigger(input_name="params", activity=LIST)
async def report_list(params: dict[str, Any]) -> list[dict[str, Any]]:
    from shared.report.activities import list_month
    from shared.runtime import get_runtime

    runtime = await get_runtime()
    try:
        return await list_month(
            runtime.jira, await runtime.report_store(), params["month"], int(params["batch_size"]),
            scope_jql=runtime.settings.JIRA_SCAN_JQL,
        )  # fmt: skip
    except Exception as exc:
        from shared.telemetry import publish_report_summary

        await publish_report_summary(
            {"month": params["month"], "status": "failed", "error": exc.__class__.__name__}
        )
        raise


@bp.function_name(MAP)
@bp.activity_trigger(input_name="params", activity=MAP)
async def report_map(params: dict[str, Any]) -> dict[str, Any]:
    from shared.report.activities import map_batch
    from shared.report.models import BatchRef
    from shared.report.options import ReportOptions
    from shared.runtime import get_runtime

    runtime = await get_runtime()
    return await map_batch(
        runtime.jira, runtime.ledger, runtime.llm, await runtime.report_store(),
        BatchRef.model_validate(params), ReportOptions.from_settings(runtime.settings),
        bot_account_id=await runtime.bot_id(),
    )  # fmt: skip


@bp.function_name(REDUCE)
@bp.activity_trigger(input_name="params", activity=REDUCE)
async def report_reduce(params: dict[str, Any]) -> dict[str, Any]:
    from shared.report.activities import reduce_month, run_summary
    from shared.report.options import ReportOptions
    from shared.runtime import get_runtime
    from shared.telemetry import publish_report_summary

    runtime = await get_runtime()
    store = await runtime.report_store()
    options = ReportOptions.from_settings(runtime.settings)
    summary = await reduce_month(
        runtime.ledger, runtime.llm, store, params["month"], params["results"], params["generated_at"],
        browse_url=options.browse_url, links=options.deflection_links,
    )  # fmt: skip
    await publish_report_summary(run_summary(params, summary, runtime.options))
    return summary


@bp.function_name(RENDER)
@bp.activity_trigger(input_name="params", activity=RENDER)
async def report_render(params: dict[str, Any]) -> dict[str, Any]:
    from shared.report.activities import render_month
    from shared.runtime import get_runtime

    runtime = await get_runtime()
    return await render_month(await runtime.report_store(), params["month"])


def last_month(now: datetime) -> str:
    return f"{now.year - (now.month == 1)}-{(now.month - 2) % 12 + 1:02d}"


def start_decision(runtime_status: str | None, force: bool) -> str:
    """'start' a new run, return the 'existing' one, or refuse ('running') a forced restart."""
    if runtime_status in (None, "", "Terminated", "Failed", "Canceled"):
        return "start"
    if runtime_status in ("Running", "Pending", "ContinuedAsNew", "Suspended"):
        return "running" if force else "existing"
    return "start" if force else "existing"  # Completed


async def start_report(
    client: df.DurableOrchestrationClient, month: str, *, force: bool, batch_size: int
) -> tuple[str, str]:
    """Start the month's orchestration under its fixed id; returns (decision, instance id)."""
    iid = instance_id(month)
    status = await client.get_status(iid)
    # Not `if status`: the SDK's status object is falsy even when the instance exists.
    runtime_status = getattr(getattr(status, "runtime_status", None), "value", None)
    decision = start_decision(runtime_status, force)
    if decision == "start":
        await client.start_new(ORCHESTRATOR, iid, {"month": month, "batch_size": batch_size})
    return decision, iid


@bp.function_name("report_timer")
@bp.timer_trigger(schedule="%REPORT_SCHEDULE%", arg_name="timer", run_on_startup=False, use_monitor=True)
@bp.durable_client_input(client_name="client")
async def report_timer(timer: func.TimerRequest, client: df.DurableOrchestrationClient) -> None:
    """Start last month's report. Needs one setting, so it validates the settings (a bad one fails
    the execution, named) but builds no runtime: the activities build theirs."""
    from shared.config import load_settings

    batch_size = load_settings().REPORT_BATCH_SIZE
    month = last_month(datetime.now(UTC))
    decision, iid = await start_report(client, month, force=False, batch_size=batch_size)
    log.info("monthly report %s: %s (%s)", month, decision, iid)


def parse_month(req: func.HttpRequest) -> str:
    month = (req.route_params.get("month") or "").strip()
    if not MONTH.match(month):
        raise Problem("invalid-parameter", 400, "the month must look like 2026-10")
    return month


@bp.function_name("start_report")
@bp.route(route="reports/{month}", methods=["POST"], auth_level=func.AuthLevel.FUNCTION)
@bp.durable_client_input(client_name="client")
@answers_problems
async def start_report_http(
    req: func.HttpRequest, client: df.DurableOrchestrationClient
) -> func.HttpResponse:
    """POST /api/reports/{yyyy-mm}[?force=true]: start, or return the month's existing run."""
    month = parse_month(req)
    force = flags(req, ("force",)).get("force", False)
    no_body(req)
    runtime = await runtime_or_problem()
    decision, iid = await start_report(
        client, month, force=force, batch_size=runtime.settings.REPORT_BATCH_SIZE
    )
    if decision == "running":
        raise Problem("report-running", 409, f"the {month} report is running; force a restart when it ends")
    checked: func.HttpResponse = client.create_check_status_response(req, iid)
    if decision == "existing":  # 200 with the same status links: nothing new was started
        return func.HttpResponse(
            checked.get_body(), status_code=200, headers=dict(checked.headers), mimetype="application/json"
        )
    return checked


@bp.function_name("get_report")
@bp.route(route="reports/{month}", methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
@answers_problems
async def get_report(req: func.HttpRequest) -> func.HttpResponse:
    """GET /api/reports/{yyyy-mm}[?format=html|md|json]: the finished report."""
    month = parse_month(req)
    fmt = query(req, ("format",)).get("format", "html")
    if fmt not in _FORMATS:
        raise Problem("invalid-parameter", 400, "format must be html, md or json")
    no_body(req)
    name, mimetype = _FORMATS[fmt]
    store = await (await runtime_or_problem()).report_store()
    text = await store.get_text(f"{month}/{name}")
    if text is None:
        raise Problem("not-found", 404, f"no finished report for {month}; start one with POST")
    return func.HttpResponse(text, status_code=200, mimetype=mimetype, charset="utf-8")
