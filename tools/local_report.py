"""Run the monthly report on a laptop: the real orchestrator replayed by the real Durable SDK.

The local runner (`sandbox.durable_runner`) plays the host's part: it synthesises the history,
calls the orchestrator, runs the scheduled activities concurrently and repeats until done, so a
non-deterministic orchestrator fails here as it would in Azure. Used by the CLI and `make demo`;
never by the deployed app.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from shared.report.activities import list_month, map_batch, reduce_month, render_month
from shared.report.models import BatchRef
from shared.report.options import ReportOptions
from shared.report.orchestrator import LIST, MAP, ORCHESTRATOR, REDUCE, RENDER, instance_id, monthly_report
from shared.runtime import Runtime


class ReportFailed(Exception):
    """The orchestration ended in failure; the message is the orchestrator's reason, first line."""


async def run_report_locally(
    runtime: Runtime, month: str, *, out: Path | None = None, retry_ms: int = 1000
) -> tuple[dict[str, Any], Any]:
    """(the orchestration's output, the runner's RunResult with episodes and payload sizes)."""
    from sandbox.durable_runner import run_orchestration

    store = await runtime.report_store()
    jira, ledger, llm = runtime.jira, runtime.ledger, runtime.llm
    options = ReportOptions.from_settings(runtime.settings)

    async def report_list(p: dict[str, Any]) -> list[dict[str, Any]]:
        return await list_month(jira, store, p["month"], int(p["batch_size"]), scope_jql=options.scope_jql)

    async def report_map(p: dict[str, Any]) -> dict[str, Any]:
        ref, bot = BatchRef.model_validate(p), await runtime.bot_id()
        return await map_batch(jira, ledger, llm, store, ref, options, bot_account_id=bot)

    async def report_reduce(p: dict[str, Any]) -> dict[str, Any]:
        return await reduce_month(
            ledger, llm, store, p["month"], p["results"], p["generated_at"], browse_url=options.browse_url,
            links=options.deflection_links,
        )  # fmt: skip

    async def report_render(p: dict[str, Any]) -> dict[str, Any]:
        return await render_month(store, p["month"])

    from sandbox.durable_history import OrchestrationFailed

    settings = runtime.settings
    try:
        result = await run_orchestration(
            monthly_report,
            {LIST: report_list, MAP: report_map, REDUCE: report_reduce, RENDER: report_render},
            {"month": month, "batch_size": settings.REPORT_BATCH_SIZE, "retry_ms": retry_ms},
            name=ORCHESTRATOR,
            instance_id=instance_id(month),
            parallelism=settings.REPORT_PARALLELISM,
            start_time=datetime.now(UTC),
        )
    except OrchestrationFailed as exc:
        reason = next((line.strip() for line in str(exc).splitlines() if line.strip()), "unknown reason")
        raise ReportFailed(reason) from None
    output: dict[str, Any] = result.output
    if out is not None:
        files = {}
        for kind, filename in (("json", "report.json"), ("markdown", "report.md"), ("html", "report.html")):
            files[filename] = await store.get_text(output[kind]) or ""
        await asyncio.to_thread(_write_files, out, files)
    return output, result


def _write_files(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
