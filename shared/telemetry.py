"""Structured logs: one summary record per tick, with named fields Application Insights can chart.

The record goes out as a log message carrying the JSON and as `extra` fields; nothing in it is a
secret or ticket text (keys, counts, reasons only).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from shared.scan_models import ScanReport

log = logging.getLogger("triage")


def summary_fields(report: ScanReport) -> dict[str, Any]:
    data = report.model_dump(mode="json", exclude={"results"})
    flat: dict[str, Any] = {"event": "scan_summary"}
    for name, value in data.items():
        if isinstance(value, dict):
            for sub, count in value.items():
                flat[f"{name}_{sub}"] = count
        else:
            flat[name] = value
    return flat


def log_scan_summary(report: ScanReport) -> None:
    fields = summary_fields(report)
    level = logging.WARNING if report.stopped_early else logging.INFO
    log.log(
        level, "scan_summary %s", json.dumps(fields, ensure_ascii=False), extra={"custom_dimensions": fields}
    )
    for result in report.results:
        if result.outcome in ("failed", "poisoned", "rejected"):
            log.warning("ticket %s %s: %s", result.key, result.outcome, result.reason)
