"""The workbook and the alert rules read only fields the code emits.

The emitted set comes from the code itself: `summary_fields` on a real, tallied `ScanReport`, the
report summary's field list, and the ticket-problem records. The KQL reads every custom field as
`customDimensions.<name>`; a name the code does not emit (a typo, a renamed counter) fails here
instead of drawing an empty chart or an alert that never fires.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shared.lifecycle.record import OUTCOMES
from shared.lifecycle.results import TicketResult
from shared.scan_models import ScanReport
from shared.telemetry import (
    CATEGORY_MODES,
    EVENTS,
    field_name,
    report_summary_fields,
    summary_fields,
    ticket_problem_fields,
)
from tests.infra.bicep import INFRA, ROOT, array_variable, evaluate, object_variable, params, string_literal

WORKBOOK = INFRA / "monitoring" / "workbook.json"
ALERTS = sorted((INFRA / "monitoring" / "alerts").glob("*.kql"))
FIELD = re.compile(r"customDimensions\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*[\"']([^\"']+)[\"']\s*\])")
EVENT_NAME = re.compile(r"\bname\s*(?:==|in\s*\()\s*([^)\n|]+)")


def emitted_fields() -> dict[str, set[str]]:
    report = ScanReport(
        run_id="r",
        started_at=datetime(2026, 11, 1, tzinfo=UTC),
        mode="shadow",
        analyzer="rules",
        results=[
            TicketResult(key=f"OPS-{i}", outcome=o, verdict="NEEDS_INFO") for i, o in enumerate(OUTCOMES)
        ],
        jira_calls_by_route={"POST /search/jql": 1, "PUT /issue": 1},
    )
    report.tally()
    return {
        "scan_summary": set(summary_fields(report)),
        "report_summary": set(report_summary_fields({})),
        "ticket_problem": set(ticket_problem_fields(report)[0]),
    }


def function_names() -> set[str]:
    from tests.functions.conftest import functions

    return set(functions())


def workbook_queries() -> dict[str, str]:
    data = json.loads(WORKBOOK.read_text(encoding="utf-8"))
    return {item["name"]: item["content"]["query"] for item in data["items"] if item["type"] == 3}


def all_queries() -> dict[str, str]:
    queries = {f"workbook:{name}": q for name, q in workbook_queries().items()}
    queries.update({f"alert:{path.stem}": path.read_text(encoding="utf-8") for path in ALERTS})
    return queries


def fields_read(query: str) -> set[str]:
    return {dotted or quoted for dotted, quoted in FIELD.findall(query)}


def events_read(query: str) -> set[str]:
    names: set[str] = set()
    for match in EVENT_NAME.findall(query):
        names.update(re.findall(r'"([^"]+)"', match))
    return names


def test_the_emitted_set_has_what_the_dashboards_need() -> None:
    emitted = emitted_fields()
    assert {"outcomes_parked", "verdicts_NEEDS_INFO", "estimated_cost_usd", "stopped_early"} <= emitted[
        "scan_summary"
    ]
    assert "jira_calls_by_route_POST__search_jql" in emitted["scan_summary"]
    assert {"month", "status", "batches_missing"} <= emitted["report_summary"]


@pytest.mark.parametrize("name", sorted(all_queries()))
def test_every_field_a_query_reads_is_emitted(name: str) -> None:
    query = all_queries()[name]
    emitted = emitted_fields()
    events = events_read(query) & set(EVENTS)
    # `name` is an event's name in customEvents, or a function's name in requests.
    unknown = events_read(query) - set(EVENTS) - function_names()
    assert not unknown, f"{name} reads events or functions the app does not have: {unknown}"
    fields = fields_read(query)
    if fields:
        assert events, f"{name} reads customDimensions without choosing an event"
        available = set().union(*(emitted[e] for e in events))
        assert fields <= available, (
            f"{name} reads fields no {sorted(events)} record has: {sorted(fields - available)}"
        )


def test_queries_read_dimensions_only_by_name() -> None:
    """No bag_unpack or aliasing of customDimensions: every field read stays visible to this test."""
    for name, query in all_queries().items():
        assert "bag_unpack" not in query, name
        assert not re.search(r"=\s*customDimensions\s*[|,\n)]", query), name


def test_the_workbook_covers_what_operators_asked_for() -> None:
    read = set().union(*(fields_read(q) for q in workbook_queries().values()))
    wanted = {f"outcomes_{o}" for o in OUTCOMES if o != "dry_run"} | {
        "comments_posted", "verdicts_NEEDS_INFO", "verdicts_HIGH_QUALITY", "tokens_in", "tokens_out",
        "estimated_cost_usd", "duration_s", "mode", "jira_calls", "jira_retries", "stopped_early",
        "month", "status", "batches_missing", "key", "reason",
    } | {f"by_category_mode_{field_name(cm)}" for cm in CATEGORY_MODES}  # fmt: skip
    assert wanted <= read, sorted(wanted - read)


def test_workbook_placeholders_are_filled_by_bicep_from_the_real_values() -> None:
    raw = WORKBOOK.read_text(encoding="utf-8")
    tokens = set(re.findall(r"__([A-Z_]+)__", raw))
    assert tokens == {"SCAN_TIME_BUDGET_SECONDS", "FUNCTION_TIMEOUT_SECONDS", "LLM_DAILY_BUDGET_USD"}
    module = (INFRA / "modules" / "workbook.bicep").read_text(encoding="utf-8")
    assert all(f"'__{t}__'" in module for t in tokens)
    main = INFRA / "main.bicep"
    budget = evaluate(object_variable(main, "appSettings")["SCAN_TIME_BUDGET_SECONDS"], main)
    assert budget == "480"
    host = json.loads((ROOT / "host.json").read_text(encoding="utf-8"))
    hours, minutes, seconds = (int(p) for p in host["functionTimeout"].split(":"))
    timeout = _var_literal(main, "functionTimeoutSeconds")
    assert timeout == str(hours * 3600 + minutes * 60 + seconds)
    assert float(budget) < float(timeout)


def _var_literal(path: Path, name: str) -> str | None:
    match = re.search(rf"^var {name} = '([^']*)'", path.read_text(encoding="utf-8"), re.MULTILINE)
    return match.group(1) if match else None


def test_the_failed_tick_alert_names_the_real_timer_function() -> None:
    query = (INFRA / "monitoring" / "alerts" / "scan-tick-failed.kql").read_text(encoding="utf-8")
    assert events_read(query) == {"scan_timer", "scan_summary"} and "scan_timer" in function_names()


def test_there_are_the_four_alerts_and_each_reads_telemetry() -> None:
    assert {p.stem for p in ALERTS} == {
        "scan-tick-failed",
        "no-successful-tick",
        "parked-tickets",
        "llm-spend",
    }
    alerts = (INFRA / "modules" / "alerts.bicep").read_text(encoding="utf-8")
    for path in ALERTS:
        assert f"loadTextContent('../monitoring/alerts/{path.name}')" in alerts
    budget = params(INFRA / "main.bicep")["llmDailyBudgetUsd"].default
    assert isinstance(budget, str) and float(budget) > 0


def test_the_measured_column_of_each_alert_is_produced_by_its_query() -> None:
    module = INFRA / "modules" / "alerts.bicep"
    rules = {
        string_literal(rule["name"]): string_literal(rule["column"])
        for rule in array_variable(module, "rules")
    }
    assert set(rules) == {p.stem for p in ALERTS}
    for name, column in rules.items():
        query = (INFRA / "monitoring" / "alerts" / f"{name}.kql").read_text(encoding="utf-8")
        assert column and re.search(rf"\b{column}\s*=", query), (name, column)
