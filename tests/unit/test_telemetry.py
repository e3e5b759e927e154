"""Summary records: named, KQL-safe fields that reach Application Insights' `customDimensions`.

The last tests run the real Azure Monitor exporter against a loopback ingestion endpoint and read
the envelopes it POSTs: what Application Insights would receive, field by field.
"""

from __future__ import annotations

import gzip
import json
import logging
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from opentelemetry.sdk._logs.export import InMemoryLogRecordExporter, LogRecordExporter

from shared import telemetry
from shared.lifecycle.record import OUTCOMES
from shared.lifecycle.results import TicketResult
from shared.scan_models import ScanReport
from shared.telemetry import (
    REPORT_FIELDS,
    field_name,
    log_report_summary,
    log_scan_summary,
    summary_fields,
)

IKEY = "00000000-0000-0000-0000-000000000000"


def make_report(**overrides: Any) -> ScanReport:
    report = ScanReport(
        run_id="20261126T120000-abc123",
        started_at=datetime(2026, 11, 26, 12, 0, tzinfo=UTC),
        mode="pilot",
        analyzer="rules-v3",
        results=[
            TicketResult(key="OPS-1", outcome="analyzed", verdict="NEEDS_INFO", commented=True),
            TicketResult(key="OPS-2", outcome="analyzed", verdict="HIGH_QUALITY"),
            TicketResult(key="OPS-3", outcome="poisoned", reason="Jira 500 five times", error_kind="failed"),
            TicketResult(key="OPS-4", outcome="unchanged"),
        ],
    )
    report.tally()
    report.jira_calls_by_route = {"POST /search/jql": 1, "POST /comment": 1, "PUT /issue": 2}
    report.jira_calls, report.tokens_in, report.estimated_cost_usd = 4, 1234, 0.000185
    for name, value in overrides.items():
        setattr(report, name, value)
    return report


@pytest.fixture
def memory() -> Iterator[InMemoryLogRecordExporter]:
    exporter = InMemoryLogRecordExporter()  # type: ignore[no-untyped-call]
    telemetry.export_to(exporter)
    yield exporter
    telemetry.reset_telemetry()


def events(exporter: InMemoryLogRecordExporter) -> list[dict[str, Any]]:
    return [dict(r.log_record.attributes or {}) for r in exporter.get_finished_logs()]


# --- field names and values -------------------------------------------------------------------


def test_summary_is_the_report_flattened_without_results() -> None:
    fields = summary_fields(make_report())
    assert fields["event"] == "scan_summary" and "results" not in fields
    assert fields["outcomes_analyzed"] == 2 and fields["outcomes_poisoned"] == 1
    assert fields["verdicts_NEEDS_INFO"] == 1 and fields["verdicts_HIGH_QUALITY"] == 1
    assert fields["comments_posted"] == 1 and fields["tokens_in"] == 1234
    assert fields["mode"] == "pilot" and fields["started_at"] == "2026-11-26T12:00:00Z"
    assert fields["stopped_early"] is None


def test_every_known_outcome_and_verdict_is_present_even_when_zero() -> None:
    fields = summary_fields(make_report())
    assert {f"outcomes_{o}" for o in OUTCOMES} <= fields.keys()
    assert fields["outcomes_dry_run"] == 0 and fields["outcomes_failed"] == 0


def test_outcome_list_matches_the_ticket_result_model() -> None:
    described = TicketResult.model_fields["outcome"].description or ""
    assert tuple(o.strip() for o in described.split("|")) == OUTCOMES


def test_route_names_become_kql_identifiers_one_character_for_one() -> None:
    fields = summary_fields(make_report())
    assert fields["jira_calls_by_route_POST__search_jql"] == 1
    assert fields["jira_calls_by_route_PUT__issue"] == 2
    assert field_name("GET /issue/{key}") == "GET__issue__key_"
    for name in fields:
        assert name.isidentifier() and name.isascii(), name


def test_routes_that_collide_after_renaming_add_up() -> None:
    fields = summary_fields(make_report(jira_calls_by_route={"GET /a-b": 1, "GET /a_b": 2}))
    assert fields["jira_calls_by_route_GET__a_b"] == 3


def test_log_message_keeps_the_json_format(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="triage")
    log_scan_summary(make_report())
    [summary] = [r for r in caplog.records if r.getMessage().startswith("scan_summary ")]
    assert json.loads(summary.getMessage().removeprefix("scan_summary ")) == summary_fields(make_report())
    assert summary.levelno == logging.INFO
    assert "ticket OPS-3 poisoned: Jira 500 five times" in caplog.text


def test_a_tick_that_stopped_early_logs_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="triage")
    log_scan_summary(make_report(stopped_early="stopped early: Jira unavailable"))
    [summary] = [r for r in caplog.records if r.getMessage().startswith("scan_summary ")]
    assert summary.levelno == logging.WARNING


def test_report_summary_has_every_agreed_field(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="triage")
    log_report_summary({"month": "2026-10", "status": "failed", "tickets": 480, "batches": 24})
    [record] = [r for r in caplog.records if r.getMessage().startswith("report_summary ")]
    fields = json.loads(record.getMessage().removeprefix("report_summary "))
    assert fields["event"] == "report_summary" and set(REPORT_FIELDS) <= fields.keys()
    assert fields["tickets"] == 480 and fields["tokens_in"] is None
    assert record.levelno == logging.WARNING


# --- the OpenTelemetry route ------------------------------------------------------------------


def test_summary_is_one_custom_event_with_every_field(memory: InMemoryLogRecordExporter) -> None:
    report = make_report()
    log_scan_summary(report)
    sent = events(memory)
    assert [e["microsoft.custom_event.name"] for e in sent] == ["scan_summary", "ticket_problem"]
    expected = {k: ("" if v is None else v) for k, v in summary_fields(report).items()}
    assert {k: v for k, v in sent[0].items() if k != "microsoft.custom_event.name"} == expected
    assert sent[1]["key"] == "OPS-3" and sent[1]["outcome"] == "poisoned"
    assert sent[1]["run_id"] == report.run_id and sent[1]["error_kind"] == "failed"


def test_report_summary_is_a_custom_event(memory: InMemoryLogRecordExporter) -> None:
    log_report_summary({"month": "2026-10", "status": "completed", "estimated_cost_usd": 0.42})
    [event] = events(memory)
    assert event["microsoft.custom_event.name"] == "report_summary"
    assert event["month"] == "2026-10" and event["estimated_cost_usd"] == 0.42 and event["batches"] == ""


def test_a_broken_exporter_never_breaks_the_tick(caplog: pytest.LogCaptureFixture) -> None:
    class Broken(InMemoryLogRecordExporter):
        def export(self, batch: Any) -> Any:
            raise RuntimeError("ingestion down")

    telemetry.export_to(Broken())  # type: ignore[no-untyped-call]
    try:
        with caplog.at_level(logging.INFO):
            log_scan_summary(make_report())
    finally:
        telemetry.reset_telemetry()
    assert any(r.getMessage().startswith("scan_summary ") for r in caplog.records)


def test_without_a_connection_string_nothing_is_configured() -> None:
    telemetry.reset_telemetry()
    try:
        assert telemetry.configure_telemetry({}) is False
        assert telemetry.configure_telemetry({"APPLICATIONINSIGHTS_CONNECTION_STRING": "x"}) is False
    finally:
        telemetry.reset_telemetry()


def test_logging_a_summary_without_app_insights_imports_no_telemetry_package() -> None:
    """Locally and in tests nothing of OpenTelemetry loads; on Azure it loads on the first summary."""
    code = (
        "import sys, datetime\n"
        "from shared.lifecycle.results import TicketResult\n"
        "from shared.scan_models import ScanReport\n"
        "from shared.telemetry import log_scan_summary\n"
        "r = ScanReport(run_id='r', started_at=datetime.datetime.now(datetime.UTC), mode='full',"
        " analyzer='rules', results=[TicketResult(key='OPS-1', outcome='failed')])\n"
        "log_scan_summary(r)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('opentelemetry', 'azure.monitor'))))\n"
    )
    env = {"PATH": "/usr/bin:/bin"}
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=root
    )
    assert out.stdout.strip() == "[]"


# --- what the Azure Monitor exporter sends ----------------------------------------------------


class Ingestion:
    """A loopback stand-in for Application Insights' ingestion endpoint (`POST /v2.1/track`)."""

    def __init__(self) -> None:
        self.envelopes: list[dict[str, Any]] = []
        self.paths: list[str] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                items = json.loads(body)
                owner.paths.append(self.path)
                owner.envelopes.extend(items)
                answer = json.dumps(
                    {"itemsReceived": len(items), "itemsAccepted": len(items), "errors": []}
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def connection_string(self) -> str:
        port = self.server.server_address[1]
        return f"InstrumentationKey={IKEY};IngestionEndpoint=http://127.0.0.1:{port}/"

    def events(self, name: str) -> list[dict[str, Any]]:
        return [
            e
            for e in self.envelopes
            if e["data"]["baseType"] == "EventData" and e["data"]["baseData"]["name"] == name
        ]


@pytest.fixture
def ingestion(monkeypatch: pytest.MonkeyPatch) -> Iterator[Ingestion]:
    # The exporter's own side channels (statsbeat, remote configuration) stay off, and nothing
    # may leave the machine: any connection outside loopback fails the test.
    for name in (
        "APPLICATIONINSIGHTS_STATSBEAT_DISABLED_ALL",
        "APPLICATIONINSIGHTS_CONTROLPLANE_DISABLED",
        "APPLICATIONINSIGHTS_SDKSTATS_DISABLED",
    ):
        monkeypatch.setenv(name, "true")
    monkeypatch.delenv("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    connect = socket.socket.connect

    def loopback_only(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"telemetry tried to reach {host}")
        connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", loopback_only)
    server = Ingestion()
    server.thread.start()
    telemetry.reset_telemetry()
    try:
        yield server
    finally:
        telemetry.reset_telemetry()
        server.server.shutdown()
        server.server.server_close()


def test_fields_reach_custom_dimensions_through_the_azure_monitor_exporter(ingestion: Ingestion) -> None:
    """The production path: configured from the connection string on first use, batched, flushed."""
    assert telemetry.configure_telemetry(
        {"APPLICATIONINSIGHTS_CONNECTION_STRING": ingestion.connection_string, "WEBSITE_SITE_NAME": "func-x"}
    )
    report = make_report(stopped_early="time budget")
    log_scan_summary(report)  # returns after the flush: the envelopes are already posted
    assert ingestion.paths and all(p == "/v2.1/track" for p in ingestion.paths)
    [envelope] = ingestion.events("scan_summary")
    assert envelope["name"] == "Microsoft.ApplicationInsights.Event" and envelope["iKey"] == IKEY
    assert envelope["tags"]["ai.cloud.role"] == "func-x"
    dimensions = envelope["data"]["baseData"]["properties"]  # becomes customDimensions
    for name, value in summary_fields(report).items():
        assert dimensions[name] == ("" if value is None else str(value)), name
    assert dimensions["jira_calls_by_route_POST__search_jql"] == "1"
    assert dimensions["stopped_early"] == "time budget"
    assert "microsoft.custom_event.name" not in dimensions
    [problem] = ingestion.events("ticket_problem")
    assert problem["data"]["baseData"]["properties"]["key"] == "OPS-3"


def test_report_summary_reaches_custom_dimensions(ingestion: Ingestion) -> None:
    exporter = _exporter(ingestion)
    telemetry.export_to(exporter, batch=True)
    log_report_summary({"month": "2026-10", "status": "completed", "tickets": 480, "duration_s": 91.5})
    [envelope] = ingestion.events("report_summary")
    dimensions = envelope["data"]["baseData"]["properties"]
    assert set(REPORT_FIELDS) | {"event"} <= dimensions.keys()
    assert dimensions["tickets"] == "480" and dimensions["duration_s"] == "91.5"
    assert dimensions["batches_missing"] == ""


def _exporter(ingestion: Ingestion) -> LogRecordExporter:
    from azure.monitor.opentelemetry.exporter import AzureMonitorLogExporter

    return AzureMonitorLogExporter(
        connection_string=ingestion.connection_string, disable_offline_storage=True
    )
