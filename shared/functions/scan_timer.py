"""Timer trigger: one scan tick every 15 minutes (schedule from the `SCAN_SCHEDULE` setting).

The use case and its adapters are imported inside the function, not at module import: indexing
`function_app` (every cold start) then costs little more than the Functions SDK itself.
"""

from __future__ import annotations

import logging

import azure.functions as func

bp = func.Blueprint()  # type: ignore[no-untyped-call]
log = logging.getLogger(__name__)


@bp.function_name("scan_timer")
@bp.timer_trigger(schedule="%SCAN_SCHEDULE%", arg_name="timer", run_on_startup=False, use_monitor=True)
async def scan_timer(timer: func.TimerRequest) -> None:
    """Translate the trigger into one `run_scan` call; the use case does the rest."""
    from shared.runtime import get_runtime
    from shared.scan import run_scan
    from shared.telemetry import publish_scan_summary

    if timer.past_due:
        log.warning("scan timer is past due; running now")
    runtime = await get_runtime()
    report = await run_scan(await runtime.adapters(), runtime.options)
    await publish_scan_summary(report)
    if report.stop_kind == "token_rejected":
        # Surface as a failed execution so the portal's failure count and alerts see it.
        raise RuntimeError(report.stopped_early)
