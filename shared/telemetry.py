"""Structured telemetry: one summary record per scan tick and per report run, with named fields.

Every summary goes two ways, with the same fields:

1. A log record on the `triage` logger, `"<event> <json>"` (e.g. `scan_summary {"run_id": ...}`). The
   Functions host forwards it to Application Insights as a trace with the message only (the
   worker's default logging drops `extra` fields); the CLI and the tests read it too.
2. When `APPLICATIONINSIGHTS_CONNECTION_STRING` is set, an Application Insights **custom event**
   (`customEvents`, `name` = the event) sent by OpenTelemetry's log pipeline and the Azure Monitor
   exporter. Every field is a key of `customDimensions` (values arrive as strings: use `toint()` /
   `todouble()` in KQL). The workbook and the alerts in `infra/` read these. The pipeline is built on
   first use, never when `function_app` is imported (cold start), and it is not sampled. Ingestion
   is keyless when `APPLICATIONINSIGHTS_AUTHENTICATION_STRING` names a managed identity (the
   exporter reads that setting itself).

Field names are plain KQL identifiers. Counters kept as dicts in `ScanReport` are flattened to
`<counter>_<key>`, and each character of the key outside `[A-Za-z0-9_]` becomes `_`, one for one:
route `POST /search/jql` -> `jira_calls_by_route_POST__search_jql`. Every known outcome and verdict
is present in every scan summary (0 when none), so charts and alerts never meet a missing column.

Nothing here is a secret or ticket text: keys, counts, outcomes and error reasons only.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import threading
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, get_args

from shared.analysis.models import CATEGORIES, Verdict
from shared.config import RolloutMode
from shared.lifecycle.record import OUTCOMES, Outcome
from shared.scan_models import ScanReport

if TYPE_CHECKING:
    from opentelemetry._logs import Logger
    from opentelemetry.sdk._logs import LoggerProvider
    from opentelemetry.sdk._logs.export import LogRecordExporter

log = logging.getLogger("triage")

SCAN_EVENT = "scan_summary"
REPORT_EVENT = "report_summary"
TICKET_EVENT = "ticket_problem"
EVENTS = (SCAN_EVENT, REPORT_EVENT, TICKET_EVENT)

VERDICTS: tuple[str, ...] = get_args(Verdict)
# Tickets analyzed per category and the rollout mode that applied (a workbook tile per category).
CATEGORY_MODES: tuple[str, ...] = tuple(f"{c}:{m}" for c in CATEGORIES for m in get_args(RolloutMode))
PROBLEM_OUTCOMES: frozenset[Outcome] = frozenset({"failed", "poisoned", "rejected"})

# The monthly report run's summary (event `report_summary`).
REPORT_FIELDS = (
    "month", "status", "tickets", "batches", "batches_missing",
    "llm_calls", "tokens_in", "tokens_out", "estimated_cost_usd", "duration_s",
)  # fmt: skip
# One record per ticket that failed, was parked (`poisoned`) or could not be read, per tick.
TICKET_FIELDS = ("run_id", "key", "outcome", "reason", "error_kind")

CONNECTION_STRING = "APPLICATIONINSIGHTS_CONNECTION_STRING"
# App settings this module depends on (the second is read by the Azure Monitor exporter itself).
TELEMETRY_SETTINGS = (CONNECTION_STRING, "APPLICATIONINSIGHTS_AUTHENTICATION_STRING")
# Application Insights turns a log record carrying this attribute into a custom event of that name.
_EVENT_NAME_ATTRIBUTE = "microsoft.custom_event.name"
_FLUSH_TIMEOUT_MS = 5_000
_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def field_name(name: str) -> str:
    """A KQL-safe field name: every character outside `[A-Za-z0-9_]` becomes `_`."""
    return _UNSAFE.sub("_", name)


def summary_fields(report: ScanReport) -> dict[str, Any]:
    """The tick's summary, flat: `ScanReport` without `results`, counters as `<counter>_<key>`."""
    data = report.model_dump(mode="json", exclude={"results"})
    always: dict[str, tuple[str, ...]] = {
        "outcomes": OUTCOMES, "verdicts": VERDICTS, "by_category_mode": CATEGORY_MODES,
    }  # fmt: skip
    flat: dict[str, Any] = {"event": SCAN_EVENT}
    for name, value in data.items():
        if isinstance(value, dict):
            counts: dict[str, Any] = dict.fromkeys(always.get(name, ()), 0)
            counts.update(value)
            for sub, count in counts.items():
                key = f"{name}_{field_name(str(sub))}"
                flat[key] = flat.get(key, 0) + count  # two keys that map to one name add up
        else:
            flat[name] = value
    return flat


def report_summary_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The report run's summary: every name of `REPORT_FIELDS` (None when not given), extras kept."""
    flat: dict[str, Any] = {"event": REPORT_EVENT}
    flat.update({name: fields.get(name) for name in REPORT_FIELDS})
    for name, value in fields.items():
        if name not in flat:
            flat[field_name(str(name))] = value
    return flat


def ticket_problem_fields(report: ScanReport) -> list[dict[str, Any]]:
    return [
        {
            "event": TICKET_EVENT,
            "run_id": report.run_id,
            "key": result.key,
            "outcome": result.outcome,
            "reason": result.reason[:300],
            "error_kind": result.error_kind,
        }
        for result in report.results
        if result.outcome in PROBLEM_OUTCOMES
    ]


def log_scan_summary(report: ScanReport, *, flush: bool = True) -> None:
    """`flush=False` where the caller awaits `flush_off_loop()` instead (an async trigger)."""
    fields = summary_fields(report)
    _emit(logging.WARNING if report.stopped_early else logging.INFO, fields)
    for problem in ticket_problem_fields(report):
        log.warning("ticket %s %s: %s", problem["key"], problem["outcome"], problem["reason"])
        _export(logging.WARNING, problem)
    if flush:
        flush_telemetry()


def log_report_summary(fields: Mapping[str, Any], *, flush: bool = True) -> None:
    """One record per monthly report run (`status` is "completed" or "failed")."""
    flat = report_summary_fields(fields)
    _emit(logging.WARNING if flat["status"] == "failed" else logging.INFO, flat)
    if flush:
        flush_telemetry()


def _emit(level: int, fields: dict[str, Any]) -> None:
    log.log(level, "%s %s", fields["event"], json.dumps(fields, ensure_ascii=False, default=str))
    _export(level, fields)


# --- the OpenTelemetry pipeline, built lazily -------------------------------------------------


class _Pipeline:
    def __init__(self, provider: LoggerProvider, logger: Logger) -> None:
        self.provider = provider
        self.logger = logger


_pipeline: _Pipeline | None = None
_configured = False
_lock = threading.Lock()


def configure_telemetry(environ: Mapping[str, str] | None = None) -> bool:
    """Send summaries to Application Insights when its connection string is set; True if so.

    Runs once per process (later calls return the first answer); a failure to set up export is
    logged and the app goes on with plain logs.
    """
    global _configured
    with _lock:
        if _configured:
            return _pipeline is not None
        _configured = True
        env = os.environ if environ is None else environ
        connection = env.get(CONNECTION_STRING, "").strip()
        if not connection:
            return False
        try:
            from azure.monitor.opentelemetry.exporter import AzureMonitorLogExporter

            exporter = AzureMonitorLogExporter(connection_string=connection)
        except Exception as exc:
            log.warning("Application Insights export not configured: %s", exc.__class__.__name__)
            return False
        service = env.get("WEBSITE_SITE_NAME") or "ai-ticket-triage"
        _install(exporter, batch=True, service_name=service, at_exit=True)
        return True


def export_to(exporter: LogRecordExporter, *, batch: bool = False, service_name: str = "test") -> None:
    """Send summaries to `exporter` (tests use an in-memory or a loopback exporter)."""
    global _configured
    with _lock:
        _configured = True
        _install(exporter, batch=batch, service_name=service_name, at_exit=False)


def reset_telemetry() -> None:
    """Shut the pipeline down and forget it; the next `configure_telemetry` looks again."""
    global _pipeline, _configured
    with _lock:
        if _pipeline is not None:
            _pipeline.provider.shutdown()
        _pipeline = None
        _configured = False


def flush_telemetry() -> None:
    """Push what is queued now: a Flex Consumption instance may be frozen right after the tick."""
    pipeline = _pipeline
    if pipeline is None:
        return
    try:
        pipeline.provider.force_flush(timeout_millis=_FLUSH_TIMEOUT_MS)
    except Exception as exc:  # telemetry must never break a tick
        log.warning("telemetry flush failed: %s", exc.__class__.__name__)


async def flush_off_loop() -> None:
    """`flush_telemetry` waited for on a worker thread: the flush may take up to its timeout, and
    the worker's event loop keeps serving other invocations (an operator's reanalysis) meanwhile."""
    await asyncio.to_thread(flush_telemetry)


async def publish_scan_summary(report: ScanReport) -> None:
    """`log_scan_summary` for async triggers: the flush waited for off the event loop."""
    log_scan_summary(report, flush=False)
    await flush_off_loop()


async def publish_report_summary(fields: Mapping[str, Any]) -> None:
    """`log_report_summary` for async triggers: the flush waited for off the event loop."""
    log_report_summary(fields, flush=False)
    await flush_off_loop()


def _install(exporter: LogRecordExporter, *, batch: bool, service_name: str, at_exit: bool) -> None:
    global _pipeline
    from opentelemetry.sdk._logs import LoggerProvider
    from opentelemetry.sdk._logs.export import BatchLogRecordProcessor, SimpleLogRecordProcessor
    from opentelemetry.sdk.resources import Resource

    if _pipeline is not None:
        _pipeline.provider.shutdown()
    provider = LoggerProvider(
        resource=Resource.create({"service.name": service_name}), shutdown_on_exit=at_exit
    )
    processor = BatchLogRecordProcessor(exporter) if batch else SimpleLogRecordProcessor(exporter)
    provider.add_log_record_processor(processor)
    _pipeline = _Pipeline(provider, provider.get_logger("triage"))


def _export(level: int, fields: dict[str, Any]) -> None:
    if not configure_telemetry():
        return
    pipeline = _pipeline
    if pipeline is None:
        return
    from opentelemetry._logs import SeverityNumber

    attributes: dict[str, str | int | float | bool] = {_EVENT_NAME_ATTRIBUTE: str(fields["event"])}
    for name, value in fields.items():
        attributes[name] = _attribute(value)
    try:
        pipeline.logger.emit(
            timestamp=time.time_ns(),
            severity_number=SeverityNumber.WARN if level >= logging.WARNING else SeverityNumber.INFO,
            severity_text=logging.getLevelName(level),
            body=str(fields["event"]),
            attributes=attributes,
        )
    except Exception as exc:  # telemetry must never break a tick
        log.warning("telemetry export failed: %s", exc.__class__.__name__)


def _attribute(value: Any) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)
