"""The real orchestrator, replayed by the real Durable SDK through the local runner."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sandbox.durable_history import indexed_functions
from sandbox.durable_runner import replay_is_deterministic, run_orchestration
from shared.functions.report_durable import last_month, start_decision, start_report
from shared.report.orchestrator import LIST, MAP, ORCHESTRATOR, REDUCE, RENDER, monthly_report
from tests.functions.conftest import functions


def fake_activities(fail_batch: int | None = None) -> tuple[dict[str, Any], dict[str, int]]:
    calls: dict[str, int] = {}

    def count(name: str) -> None:
        calls[name] = calls.get(name, 0) + 1

    async def report_list(p: dict[str, Any]) -> list[dict[str, Any]]:
        count(LIST)
        return [{"month": p["month"], "index": i, "blob": f"b/{i}", "count": 50} for i in range(6)]

    async def report_map(p: dict[str, Any]) -> dict[str, Any]:
        count(MAP)
        if p["index"] == fail_batch:
            raise RuntimeError(f"Jira unavailable for batch {p['index']}")
        return {"index": p["index"], "blob": f"f/{p['index']}", "count": 50}

    async def report_reduce(p: dict[str, Any]) -> dict[str, Any]:
        count(REDUCE)
        missing = [r["index"] for r in p["results"] if r.get("error")]
        return {"month": p["month"], "blob": "r", "tickets": 50 * (len(p["results"]) - len(missing)),
                "batches_missing": missing, "generated_at": p["generated_at"]}  # fmt: skip

    async def report_render(p: dict[str, Any]) -> dict[str, Any]:
        count(RENDER)
        return {"month": p["month"], "json": "j", "markdown": "m", "html": "h"}

    return {LIST: report_list, MAP: report_map, REDUCE: report_reduce, RENDER: report_render}, calls


async def test_fan_out_fan_in_completes_and_replays_deterministically() -> None:
    activities, calls = fake_activities()
    result = await run_orchestration(
        monthly_report, activities, {"month": "2026-10", "batch_size": 50}, parallelism=3
    )
    assert result.output["tickets"] == 300 and result.output["batches_missing"] == []
    assert calls == {LIST: 1, MAP: 6, REDUCE: 1, RENDER: 1}
    assert replay_is_deterministic(monthly_report, result.history_json, result)
    assert result.max_payload_bytes < 45_000


async def test_a_batch_that_keeps_failing_is_reported_missing_not_a_failed_month() -> None:
    activities, calls = fake_activities(fail_batch=2)
    result = await run_orchestration(
        monthly_report, activities, {"month": "2026-10", "batch_size": 50, "retry_ms": 10, "attempts": 3}
    )
    assert result.output["batches_missing"] == [2] and result.output["tickets"] == 250
    assert calls[MAP] == 6 + 2  # the failing batch was tried three times (RetryOptions)


async def test_the_registered_orchestrator_is_the_same_one_the_host_runs() -> None:
    registered = functions()["monthly_report_orchestrator"].get_user_function()
    activities, _ = fake_activities()
    result = await run_orchestration(registered, activities, {"month": "2026-10", "batch_size": 50})
    assert result.output["tickets"] == 300


def test_the_host_registers_every_function_under_the_name_the_orchestration_calls() -> None:
    """Activities are found by name at run time: a misspelt one fails only in Azure, mid-report."""
    indexed = functions()
    handler, activities = indexed_functions(indexed.values(), ORCHESTRATOR)
    assert set(activities) == {LIST, MAP, REDUCE, RENDER}
    assert handler is indexed[ORCHESTRATOR].get_user_function()
    assert ORCHESTRATOR == "monthly_report_orchestrator"  # what start_new and running instances use
    trigger = json.loads(indexed[ORCHESTRATOR].get_function_json())["bindings"][0]
    assert trigger["orchestration"] == ORCHESTRATOR
    for name in activities:
        assert json.loads(indexed[name].get_function_json())["bindings"][0]["activity"] == name


async def test_generated_at_comes_from_the_orchestration_clock_not_the_wall_clock() -> None:
    activities, _ = fake_activities()
    first = await run_orchestration(monthly_report, activities, {"month": "2026-10"})
    second = await run_orchestration(monthly_report, activities, {"month": "2026-10"})
    assert first.output["generated_at"] == second.output["generated_at"]


@pytest.mark.parametrize(
    ("status", "force", "decision"),
    [
        (None, False, "start"),
        ("Running", False, "existing"),
        ("Pending", False, "existing"),
        ("Completed", False, "existing"),
        ("Completed", True, "start"),
        ("Failed", False, "start"),
        ("Terminated", False, "start"),
        ("Running", True, "running"),
    ],
)
def test_one_orchestration_per_month(status: str | None, force: bool, decision: str) -> None:
    assert start_decision(status, force) == decision


class StandInClient:
    """The durable client's two calls the starter makes, as the host would answer them."""

    def __init__(self, status: str | None) -> None:
        self.status = status
        self.started: list[tuple[str, str, Any]] = []

    async def get_status(self, instance_id: str) -> Any:
        if self.status is None:
            return None

        class Status:
            class runtime_status:
                value = self.status

        return Status()

    async def start_new(self, name: str, instance_id: str, client_input: Any) -> str:
        self.started.append((name, instance_id, client_input))
        return instance_id


async def test_start_uses_the_fixed_instance_id_and_never_starts_twice() -> None:
    fresh = StandInClient(None)
    assert await start_report(fresh, "2026-10", force=False, batch_size=40) == (
        "start",
        "monthly-report-2026-10",
    )
    assert fresh.started == [
        ("monthly_report_orchestrator", "monthly-report-2026-10", {"month": "2026-10", "batch_size": 40})
    ]
    running = StandInClient("Running")
    assert (await start_report(running, "2026-10", force=False, batch_size=40))[0] == "existing"
    assert running.started == []


def test_the_timer_reports_on_the_previous_month() -> None:
    from datetime import UTC, datetime

    assert last_month(datetime(2026, 11, 1, 2, tzinfo=UTC)) == "2026-10"
    assert last_month(datetime(2027, 1, 1, 2, tzinfo=UTC)) == "2026-12"
