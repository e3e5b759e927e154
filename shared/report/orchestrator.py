"""The monthly report orchestration: list -> fan-out map (with retries) -> fan-in reduce -> render.

Deterministic by construction: no I/O, no wall clock (only `context.current_utc_datetime`), no
randomness. Everything that touches the world is an activity, and every payload is a small
reference (batch blobs, fact blobs), never ticket data.
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator
from typing import Any

import azure.durable_functions as df

# The names the host registers the functions under (shared.functions.report_durable) and the
# orchestration calls them by: one spelling, here.
ORCHESTRATOR = "monthly_report_orchestrator"
LIST, MAP, REDUCE, RENDER = "report_list", "report_map", "report_reduce", "report_render"


def instance_id(month: str) -> str:
    """One orchestration per month: a second start finds this id already in use."""
    return f"monthly-report-{month}"


def monthly_report(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict[str, Any]]:
    params: dict[str, Any] = context.get_input() or {}
    month = str(params["month"])
    started_at = context.current_utc_datetime.isoformat()
    context.set_custom_status({"stage": "listing", "month": month})
    batches: list[dict[str, Any]] = yield context.call_activity(
        LIST, {"month": month, "batch_size": int(params.get("batch_size", 50))}
    )
    context.set_custom_status({"stage": "mapping", "month": month, "batches": len(batches)})
    retry = df.RetryOptions(
        first_retry_interval_in_milliseconds=int(params.get("retry_ms", 5000)),
        max_number_of_attempts=int(params.get("attempts", 3)),
    )
    tasks = [context.call_activity_with_retry(MAP, retry, batch) for batch in batches]
    # task_all fails on the first batch out of retries while others still run: wait again for the
    # rest, so one bad batch is reported as missing instead of failing the month.
    pending = list(tasks)
    while pending:
        with contextlib.suppress(Exception):  # failed tasks are read below, per batch
            yield context.task_all(pending)
        pending = [t for t in pending if not t.is_completed]
    results = [
        {"index": batch["index"], "blob": None, "count": 0, "error": str(task.result)[:300]}
        if isinstance(task.result, Exception)
        else task.result
        for batch, task in zip(batches, tasks, strict=True)
    ]
    context.set_custom_status({"stage": "reducing", "month": month})
    summary: dict[str, Any] = yield context.call_activity(
        REDUCE,
        {
            "month": month,
            "results": results,
            "started_at": started_at,
            "generated_at": context.current_utc_datetime.isoformat(),
        },
    )
    context.set_custom_status({"stage": "rendering", "month": month})
    rendered: dict[str, Any] = yield context.call_activity(RENDER, {"month": month})
    context.set_custom_status({"stage": "done", "month": month})
    return {**summary, **rendered}
