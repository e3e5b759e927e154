"""The local durable runner: real orchestrators, replayed by the real SDK, as the host would.

Why: the monthly report's orchestration is only trustworthy locally if the runner keeps the
host's replay contract: episodes, retries through timers, task_all's failure behaviour,
payload sizes, and non-determinism caught rather than hidden.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import uuid
from collections.abc import Callable, Generator
from datetime import UTC, datetime, timedelta
from typing import Any

import azure.durable_functions as df
import pytest
from azure.durable_functions.models.history.HistoryEventType import HistoryEventType as Event

from sandbox.durable_runner import (
    NonDeterministicOrchestration,
    OrchestrationFailed,
    RunResult,
    UnsupportedAction,
    indexed_functions,
    replay_is_deterministic,
    run_orchestration,
)

Gen = Generator[Any, Any, Any]
BATCHES = [[1, 2], [3], [4, 5, 6], [7], [8, 9]]
EXPECTED = {"batches": 5, "tickets": 9, "sum": 45}
RETRY = df.RetryOptions(first_retry_interval_in_milliseconds=1000, max_number_of_attempts=3)
START = datetime(2026, 2, 1, tzinfo=UTC)


def map_batch(batch: list[int]) -> dict[str, int]:
    return {"count": len(batch), "sum": sum(batch)}


def reduce_batches(parts: list[dict[str, int]]) -> dict[str, int]:
    return {
        "batches": len(parts),
        "tickets": sum(p["count"] for p in parts),
        "sum": sum(p["sum"] for p in parts),
    }


ACTIVITIES: dict[str, Callable[[Any], Any]] = {"map_batch": map_batch, "reduce_batches": reduce_batches}


def fan_out_fan_in(context: Any) -> Gen:
    batches = context.get_input()
    parts = yield context.task_all([context.call_activity("map_batch", b) for b in batches])
    context.set_custom_status({"mapped": len(parts)})
    total = yield context.call_activity("reduce_batches", parts)
    return total


def history(result: RunResult) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = json.loads(result.history_json)["history"]
    return events


def of_kind(result: RunResult, *kinds: Event) -> list[dict[str, Any]]:
    return [e for e in history(result) if e["EventType"] in kinds]


def first_line(error: Exception) -> str:
    return str(error).splitlines()[0].strip()


def assert_fan_out_result(result: RunResult) -> None:
    assert result.output == EXPECTED
    assert result.custom_status == {"mapped": 5}
    # Episode 1 schedules the fan-out, 2 gets all five results and schedules reduce, 3 returns.
    assert result.episodes == 3
    assert result.activity_calls == 6
    assert result.history_events == 20  # 8 + 8 + 3 events in the episodes, then ExecutionCompleted
    assert result.max_payload_bytes == len(json.dumps([map_batch(b) for b in BATCHES]))
    assert result.replay_seconds > 0
    assert [e["TaskScheduledId"] for e in of_kind(result, Event.TASK_COMPLETED)] == [0, 1, 2, 3, 4, 5]


async def test_fan_out_fan_in_registered_on_a_dfapp() -> None:
    app = df.DFApp()

    @app.orchestration_trigger(context_name="context")  # type: ignore[untyped-decorator]
    def monthly_fan_out(context: df.DurableOrchestrationContext) -> Gen:
        return (yield from fan_out_fan_in(context))

    @app.activity_trigger(input_name="x")  # type: ignore[untyped-decorator]
    def map_batch_activity(x: list[int]) -> dict[str, int]:
        return map_batch(x)

    @app.activity_trigger(input_name="x")  # type: ignore[untyped-decorator]
    def reduce_activity(x: list[dict[str, int]]) -> dict[str, int]:
        return reduce_batches(x)

    functions = app.get_functions()
    handler, activities = indexed_functions(functions)
    trigger = next(f for f in functions if f.get_trigger().type == "orchestrationTrigger")
    assert handler is trigger.get_user_function()
    assert set(activities) == {"map_batch_activity", "reduce_activity"}

    result = await run_orchestration(
        handler,
        {"map_batch": activities["map_batch_activity"], "reduce_batches": activities["reduce_activity"]},
        BATCHES,
        name="monthly_fan_out",
    )

    assert_fan_out_result(result)


async def test_fan_out_fan_in_as_a_bare_generator() -> None:
    result = await run_orchestration(fan_out_fan_in, ACTIVITIES, BATCHES)

    assert_fan_out_result(result)
    assert replay_is_deterministic(fan_out_fan_in, result.history_json, result)
    assert replay_is_deterministic(fan_out_fan_in, result.history_json)


def fan_out_of(count: int) -> Any:
    def orchestrator(context: Any) -> Gen:
        return (yield context.task_all([context.call_activity("work", n) for n in range(count)]))

    return orchestrator


async def test_async_activities_never_run_more_than_parallelism_at_once() -> None:
    in_flight = peak = 0
    all_slots_busy = asyncio.Event()

    async def work(n: int) -> int:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        if in_flight == 3:
            all_slots_busy.set()
        await asyncio.wait_for(all_slots_busy.wait(), timeout=5)  # the first wave meets here
        in_flight -= 1
        return n

    result = await run_orchestration(fan_out_of(10), {"work": work}, parallelism=3)

    assert result.output == list(range(10))
    assert peak == 3


async def test_sync_activities_run_in_threads_bounded_by_parallelism() -> None:
    lock = threading.Lock()
    in_flight = peak = 0
    every_slot_busy = threading.Barrier(4, timeout=5)  # passes only with 4 threads in flight

    def work(n: int) -> int:
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        every_slot_busy.wait()
        with lock:
            in_flight -= 1
        return n

    result = await run_orchestration(fan_out_of(8), {"work": work}, parallelism=4)

    assert result.output == list(range(8))
    assert peak == 4


@pytest.mark.parametrize("timer_speedup", [0.0, 0.001])
async def test_retry_fails_twice_then_succeeds_through_real_timers(timer_speedup: float) -> None:
    attempts = 0

    def flaky(batch: list[int]) -> dict[str, int]:
        nonlocal attempts
        attempts += 1
        if attempts < 3:
            raise ConnectionError(f"Jira answered 503 (attempt {attempts})")
        return map_batch(batch)

    def orchestrator(context: Any) -> Gen:
        return (yield context.call_activity_with_retry("flaky", RETRY, [1, 2]))

    result = await run_orchestration(orchestrator, {"flaky": flaky}, timer_speedup=timer_speedup)

    assert result.output == {"count": 2, "sum": 3}
    assert result.activity_calls == 3
    assert result.actions == [
        {
            "actionType": 1,
            "functionName": "flaky",
            "input": "[1, 2]",
            "retryOptions": {"firstRetryIntervalInMilliseconds": 1000, "maxNumberOfAttempts": 3},
        }
    ]
    kinds = [e["EventType"] for e in history(result)]
    answers = [k for k in kinds if k not in (Event.ORCHESTRATOR_STARTED, Event.ORCHESTRATOR_COMPLETED)]
    assert answers == [
        Event.EXECUTION_STARTED,
        *[Event.TASK_SCHEDULED, Event.TASK_FAILED, Event.TIMER_CREATED, Event.TIMER_FIRED] * 2,
        Event.TASK_SCHEDULED,
        Event.TASK_COMPLETED,
    ]
    failures = of_kind(result, Event.TASK_FAILED)
    assert [f["Reason"] for f in failures] == [f"Jira answered 503 (attempt {n})" for n in (1, 2)]
    for failure, timer in zip(failures, of_kind(result, Event.TIMER_CREATED), strict=True):
        waited = datetime.fromisoformat(timer["FireAt"]) - datetime.fromisoformat(failure["Timestamp"])
        assert waited == timedelta(seconds=1)  # first_retry_interval, in orchestration time


def failing_first_batch(batch: list[int]) -> dict[str, int]:
    if batch == BATCHES[0]:
        raise RuntimeError(f"batch {batch} has a ticket the parser rejects")
    return map_batch(batch)


async def test_task_all_fails_fast_on_the_first_failed_task() -> None:
    """The exception reaches the orchestrator while the other batches are still unanswered."""

    def orchestrator(context: Any) -> Gen:
        tasks = [context.call_activity("map_batch", b) for b in BATCHES]
        try:
            yield context.task_all(tasks)
        except Exception as exc:
            return {"error": first_line(exc), "completed": [t.is_completed for t in tasks]}
        return None

    result = await run_orchestration(orchestrator, {"map_batch": failing_first_batch})

    assert result.output == {
        "error": "batch [1, 2] has a ticket the parser rejects",
        "completed": [True, False, False, False, False],
    }


async def test_an_exhausted_retry_is_caught_while_the_other_batches_complete() -> None:
    """Catch around the yield, then wait again for whatever is still running."""

    def orchestrator(context: Any) -> Gen:
        tasks = [context.call_activity_with_retry("map_batch", RETRY, b) for b in BATCHES]
        waiting, caught = tasks, []
        while waiting:
            try:
                yield context.task_all(waiting)
            except Exception as exc:  # a batch failed all its attempts; the others keep going
                caught.append(first_line(exc))
            waiting = [t for t in waiting if not t.is_completed]
        parts = [
            {"error": first_line(t.result)} if isinstance(t.result, Exception) else t.result for t in tasks
        ]
        return {"parts": parts, "caught": caught}

    result = await run_orchestration(orchestrator, {"map_batch": failing_first_batch})

    error = "batch [1, 2] has a ticket the parser rejects"
    assert result.output == {
        "parts": [{"error": error}, *[map_batch(b) for b in BATCHES[1:]]],
        "caught": [error],
    }
    assert result.activity_calls == 3 + 4


async def test_recommended_pattern_activities_return_error_objects() -> None:
    """A map activity that reports its own failure keeps task_all whole and the report partial."""

    def map_or_report(batch: list[int]) -> dict[str, Any]:
        try:
            return {"ok": failing_first_batch(batch)}
        except RuntimeError as exc:
            return {"error": str(exc), "batch": batch}

    def orchestrator(context: Any) -> Gen:
        results = yield context.task_all([context.call_activity("map_batch", b) for b in BATCHES])
        parts = [r["ok"] for r in results if "ok" in r]
        total = yield context.call_activity("reduce_batches", parts)
        return {"total": total, "failed": [r["batch"] for r in results if "error" in r]}

    result = await run_orchestration(
        orchestrator, {"map_batch": map_or_report, "reduce_batches": reduce_batches}
    )

    assert result.output == {"total": {"batches": 4, "tickets": 7, "sum": 42}, "failed": [[1, 2]]}
    assert result.episodes == 3


async def test_activity_names_that_change_on_replay_fail_like_on_the_host() -> None:
    names = itertools.cycle(["map_batch", "reduce_batches"])  # hidden state, like random.choice

    def orchestrator(context: Any) -> Gen:
        yield context.call_activity(next(names), [1])
        return (yield context.call_activity("map_batch", [2]))

    with pytest.raises(NonDeterministicOrchestration, match=r"action #0 was CALL_ACTIVITY\('map_batch'\)"):
        await run_orchestration(orchestrator, ACTIVITIES)


def trace_each_batch(context: Any) -> Gen:
    """Inputs change on every replay (uuid4, like datetime.now): the host does not compare them."""
    return (yield context.call_activity("echo", {"batch": [1], "trace": str(uuid.uuid4())}))


async def test_verify_replay_catches_inputs_that_change_on_replay() -> None:
    activities = {"echo": lambda x: x}

    with pytest.raises(NonDeterministicOrchestration, match="action #0 was"):
        await run_orchestration(trace_each_batch, activities)

    result = await run_orchestration(trace_each_batch, activities, verify_replay=False)
    assert not replay_is_deterministic(trace_each_batch, result.history_json, result)
    assert not replay_is_deterministic(trace_each_batch, result.history_json)


async def test_an_orchestrator_exception_becomes_orchestration_failed() -> None:
    def orchestrator(context: Any) -> Gen:
        yield context.call_activity("map_batch", [1])
        raise ValueError("no tickets for 2026-13")

    with pytest.raises(OrchestrationFailed) as failed:
        await run_orchestration(orchestrator, ACTIVITIES)

    assert str(failed.value) == "no tickets for 2026-13"
    assert isinstance(failed.value.__cause__, Exception)


async def test_an_uncaught_activity_failure_fails_the_orchestration() -> None:
    def orchestrator(context: Any) -> Gen:
        return (yield context.call_activity("map_batch", BATCHES[0]))

    with pytest.raises(OrchestrationFailed) as failed:
        await run_orchestration(orchestrator, {"map_batch": failing_first_batch})

    assert first_line(failed.value) == "batch [1, 2] has a ticket the parser rejects"
    assert "Exception: RuntimeError" in str(failed.value)
    assert "$OutOfProcData$" not in str(failed.value)


async def test_payload_sizes_are_recorded_for_inputs_and_outputs() -> None:
    def orchestrator(context: Any) -> Gen:
        title = context.get_input()
        small = yield context.call_activity("render", {"title": title, "size": 10})
        big = yield context.call_activity("render", {"title": title, "size": 50_000})
        return [len(small), len(big)]

    render = {"render": lambda x: x["title"] * x["size"]}
    result = await run_orchestration(orchestrator, render, "x")
    assert result.output == [10, 50_000]
    assert result.max_payload_bytes == 50_002  # the JSON string, quotes included: over 45 KB

    accented = await run_orchestration(orchestrator, render, "é")
    assert accented.max_payload_bytes == 300_002  # the worker's JSON escapes é as \\u00e9: 6 bytes


async def test_an_output_that_is_not_json_fails_loudly_like_on_azure() -> None:
    def orchestrator(context: Any) -> Gen:
        return (yield context.call_activity("labels", None))

    with pytest.raises(OrchestrationFailed, match="json serializable"):
        await run_orchestration(orchestrator, {"labels": lambda _: {"AI_ANALYZED", "NEEDS_INFO"}})


@pytest.mark.parametrize(
    ("call", "action"),
    [
        (lambda c: c.call_sub_orchestrator("child", None), "CALL_SUB_ORCHESTRATOR"),
        (lambda c: c.wait_for_external_event("approved"), "WAIT_FOR_EXTERNAL_EVENT"),
    ],
)
async def test_unsupported_actions_are_named(call: Any, action: str) -> None:
    def orchestrator(context: Any) -> Gen:
        return (yield call(context))

    with pytest.raises(UnsupportedAction, match=action):
        await run_orchestration(orchestrator, ACTIVITIES)


async def test_an_unknown_activity_is_refused_by_name() -> None:
    def orchestrator(context: Any) -> Gen:
        return (yield context.call_activity("map_bacth", [1]))

    with pytest.raises(OrchestrationFailed, match="'map_bacth' doesn't exist"):
        await run_orchestration(orchestrator, ACTIVITIES)


async def test_the_orchestration_clock_is_deterministic_and_timers_move_it() -> None:
    def orchestrator(context: Any) -> Gen:
        seen = [context.current_utc_datetime]
        yield context.call_activity("map_batch", [1])
        seen.append(context.current_utc_datetime)
        yield context.create_timer(context.current_utc_datetime + timedelta(hours=1))
        seen.append(context.current_utc_datetime)
        return [moment.isoformat() for moment in seen]

    result = await run_orchestration(orchestrator, ACTIVITIES, start_time=START)

    assert result.output == [
        START.isoformat(),
        (START + timedelta(seconds=1)).isoformat(),
        (START + timedelta(seconds=1, hours=1)).isoformat(),
    ]


async def test_an_activity_beats_a_long_timeout_without_waiting_for_it() -> None:
    def orchestrator(context: Any) -> Gen:
        timeout = context.create_timer(context.current_utc_datetime + timedelta(minutes=30))
        work = context.call_activity("map_batch", [1, 2])
        winner = yield context.task_any([work, timeout])
        if winner is work:
            timeout.cancel()
            return work.result
        return "timed out"

    # At real speed the timer would take 30 minutes: finishing proves the runner dropped it.
    result = await asyncio.wait_for(
        run_orchestration(orchestrator, ACTIVITIES, timer_speedup=1.0), timeout=30
    )

    assert result.output == {"count": 2, "sum": 3}
    assert of_kind(result, Event.TIMER_FIRED) == []


async def test_invalid_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="parallelism"):
        await run_orchestration(fan_out_fan_in, ACTIVITIES, BATCHES, parallelism=0)
    with pytest.raises(ValueError, match="timer_speedup"):
        await run_orchestration(fan_out_fan_in, ACTIVITIES, BATCHES, timer_speedup=-1)
