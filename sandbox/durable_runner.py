"""Run a real orchestrator through the real azure-functions-durable SDK, without the Functions host.

Why: Core Tools cannot be installed here, yet the monthly report's orchestration must run on a
laptop and in tests under the same replay contract as on Azure, so that non-determinism, payload
sizes and retry behaviour show up before a deploy. The runner plays the Durable extension: it
keeps the history, calls the orchestrator's handler once per episode, runs the activities it
schedules (concurrently, bounded), answers timers, and does what DTFx does for
``call_activity_with_retry`` (TaskFailed, a retry timer, a fresh TaskScheduled) so retries
really happen.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from azure.durable_functions.models.actions.ActionType import ActionType
from azure.durable_functions.models.history.HistoryEventType import HistoryEventType as Event

from sandbox.durable_history import (
    Activity,
    Handler,
    History,
    NonDeterministicOrchestration,
    OrchestrationFailed,
    OrchestratorFunction,
    RetryState,
    UnsupportedAction,
    as_handler,
    as_utc,
    call_handler,
    check_supported,
    flat_actions,
    indexed_functions,
    invoke_activity,
    parse_timestamp,
    replay_difference,
    replay_mismatch,
)

__all__ = [
    "NonDeterministicOrchestration",
    "OrchestrationFailed",
    "RunResult",
    "UnsupportedAction",
    "indexed_functions",
    "replay_is_deterministic",
    "run_orchestration",
]

DEFAULT_START = datetime(2026, 1, 1, tzinfo=UTC)
EPISODE_STEP = timedelta(seconds=1)
"""How far the orchestration clock moves per episode: deterministic, so replays see equal times."""


@dataclass
class RunResult:
    """What a finished orchestration produced, and what it cost to replay it.

    ``actions`` are the orchestrator's actions as the last episode returned them (flattened);
    ``history_json`` is the context that episode received, ready for ``replay_is_deterministic``.
    The extra replay of ``verify_replay`` is not counted in ``episodes`` or ``replay_seconds``.
    """

    output: Any
    episodes: int
    activity_calls: int
    history_events: int
    replay_seconds: float
    custom_status: Any
    max_payload_bytes: int
    actions: list[dict[str, Any]] = field(default_factory=list)
    history_json: str = ""


@dataclass
class _Work:
    """An activity execution (``name`` set) or a timer (``fire_at`` set) the host owes an answer."""

    event_id: int
    name: str | None = None
    input_json: str = "null"
    fire_at: datetime | None = None
    retry: RetryState | None = None
    action_index: int | None = None
    due: float = 0.0
    """For timers: the monotonic time before which a scaled timer may not fire."""


@dataclass
class _Outcome:
    work: _Work
    result_json: str | None = None
    error: Exception | None = None


class _Run:
    """One orchestration instance: history, pending work and the counters RunResult reports."""

    def __init__(
        self,
        handler: Handler,
        activities: Mapping[str, Activity],
        *,
        name: str,
        instance_id: str,
        input_json: str | None,
        parallelism: int,
        start_time: datetime,
        timer_speedup: float,
    ) -> None:
        self.handler, self.activities, self.name = handler, activities, name
        self.instance_id, self.input_json = instance_id, input_json
        self.timer_speedup = timer_speedup
        self.history = History(start_time)
        self.actions: list[dict[str, Any]] = []
        self.pending: list[_Work] = []
        self.next_id = 0
        self.episodes = self.activity_calls = self.max_payload_bytes = 0
        self.replay_seconds = 0.0
        self.slots = asyncio.Semaphore(parallelism)
        self.threads = ThreadPoolExecutor(max_workers=parallelism, thread_name_prefix="activity")

    async def until_done(self, *, verify_replay: bool) -> RunResult:
        """Episode, run what it scheduled, record the answers; repeat until the handler is done."""
        self.history.begin_episode(self.history.clock)
        self.history.add(Event.EXECUTION_STARTED, Name=self.name, Version="", Input=self.input_json)
        try:
            while True:
                context_json = self.history.context_json(
                    instance_id=self.instance_id, input_json=self.input_json
                )
                state = self._episode(context_json)
                self.history.add(Event.ORCHESTRATOR_COMPLETED)
                if state.get("isDone"):
                    break
                self._record(await self._round())
        finally:
            self.threads.shutdown(wait=False, cancel_futures=True)
        output = state.get("output")
        self.history.add(
            Event.EXECUTION_COMPLETED, OrchestrationStatus="Completed", Result=json.dumps(output)
        )
        if verify_replay and (problem := replay_difference(self.actions, output, self.handler, context_json)):
            raise NonDeterministicOrchestration(f"replaying '{self.name}' again differs: {problem}")
        return RunResult(
            output=output,
            episodes=self.episodes,
            activity_calls=self.activity_calls,
            history_events=len(self.history.events),
            replay_seconds=self.replay_seconds,
            custom_status=state.get("customStatus"),
            max_payload_bytes=self.max_payload_bytes,
            actions=self.actions,
            history_json=context_json,
        )

    def _episode(self, context_json: str) -> dict[str, Any]:
        """Call the handler, check its replayed actions like DTFx does, schedule the new ones."""
        started = time.perf_counter()
        try:
            state = call_handler(self.handler, context_json)
        finally:
            self.replay_seconds += time.perf_counter() - started
            self.episodes += 1
        actions = flat_actions(state)
        if problem := replay_mismatch(self.actions, actions):
            raise NonDeterministicOrchestration(f"non-deterministic orchestrator '{self.name}': {problem}")
        for index in range(len(self.actions), len(actions)):
            self._schedule(actions[index], index)
        self.actions = actions
        return state

    def _schedule(self, action: dict[str, Any], index: int) -> None:
        """Turn a new action into history (TaskScheduled / TimerCreated) and pending work."""
        check_supported(action)
        event_id = self._take_id()
        if action["actionType"] == ActionType.CREATE_TIMER:
            fire_at = parse_timestamp(action["fireAt"])
            self.history.timer_created(event_id, fire_at)
            self.pending.append(self._timer(event_id, fire_at, action_index=index))
            return
        name, input_json = action["functionName"], action.get("input") or "null"
        if name not in self.activities:
            raise OrchestrationFailed(
                f"The function '{name}' doesn't exist, is disabled, or is not an activity function. "
                f"Known activities: {sorted(self.activities)}"
            )
        retry = None
        if action["actionType"] == ActionType.CALL_ACTIVITY_WITH_RETRY:
            retry = RetryState(name, input_json, action["retryOptions"])
        self.history.task_scheduled(event_id, name, input_json)
        self.pending.append(_Work(event_id, name=name, input_json=input_json, retry=retry))

    def _take_id(self) -> int:
        event_id, self.next_id = self.next_id, self.next_id + 1
        return event_id

    def _timer(self, event_id: int, fire_at: datetime, **fields: Any) -> _Work:
        delay = (fire_at - self.history.clock).total_seconds() * self.timer_speedup
        return _Work(event_id, fire_at=fire_at, due=time.monotonic() + max(delay, 0.0), **fields)

    def _cancelled(self, work: _Work) -> bool:
        """A timer the orchestrator cancelled (e.g. a lost race) is not worth waiting for."""
        return work.action_index is not None and bool(self.actions[work.action_index].get("isCanceled"))

    async def _round(self) -> list[_Outcome]:
        """Run every scheduled activity; fire the timers due by then, in logical time.

        Activities finish one step after the episode that scheduled them; a timer fires in the
        same round only if its FireAt is not later, so a 30-minute timeout racing an activity
        loses the race and waits (scaled) only if nothing else is left. Deterministic for any
        ``timer_speedup``: wall-clock waits never decide the order of events.
        """
        activities = [w for w in self.pending if w.name is not None]
        timers = [(w.fire_at, w) for w in self.pending if w.fire_at and not self._cancelled(w)]
        if not activities and not timers:
            raise OrchestrationFailed(
                f"orchestrator '{self.name}' is waiting, but nothing it scheduled can answer"
            )
        horizon = self.history.clock + EPISODE_STEP if activities else min(at for at, _ in timers)
        firing = [w for at, w in timers if at <= horizon]
        self.pending = [w for at, w in timers if at > horizon]
        outcomes = list(await asyncio.gather(*(self._execute(w) for w in activities)))
        if firing and (wait := max(t.due for t in firing) - time.monotonic()) > 0:
            await asyncio.sleep(wait)
        return [*outcomes, *(_Outcome(t) for t in firing)]

    async def _execute(self, work: _Work) -> _Outcome:
        """Run an activity inside a parallelism slot; its failure becomes the outcome."""
        assert work.name is not None
        async with self.slots:
            self.activity_calls += 1
            self._measure(work.input_json)
            try:
                result_json = await invoke_activity(self.activities[work.name], work.input_json, self.threads)
            except Exception as exc:
                return _Outcome(work, error=exc)
            self._measure(result_json)
            return _Outcome(work, result_json=result_json)

    def _measure(self, payload: str) -> None:
        self.max_payload_bytes = max(self.max_payload_bytes, len(payload.encode("utf-8")))

    def _record(self, outcomes: list[_Outcome]) -> None:
        """Append one episode's new events.

        The SDK numbers a retry's timer when it replays the TaskFailed, and the rescheduled task
        when it replays the TimerFired; those events come first so the numbers we give them match
        the SDK's. Events that resume the orchestrator follow, ordered by logical time, then id.
        """
        done_at = self.history.clock + EPISODE_STEP
        self.history.begin_episode(max([done_at, *(o.work.fire_at for o in outcomes if o.work.fire_at)]))
        resuming: list[_Outcome] = []
        for outcome in sorted(outcomes, key=lambda o: o.work.event_id):
            work, retry = outcome.work, outcome.work.retry
            if retry and outcome.error is not None:
                self.history.task_failed(work.event_id, outcome.error)
                timer_id, fire_at = self._take_id(), self.history.clock + retry.delay()
                self.history.timer_created(timer_id, fire_at)
                self.pending.append(self._timer(timer_id, fire_at, retry=retry))
            elif retry and work.fire_at and not retry.exhausted:
                self.history.timer_fired(work.event_id, work.fire_at)
                retry.attempts += 1
                task_id = self._take_id()
                self.history.task_scheduled(task_id, retry.name, retry.input_json)
                self.pending.append(_Work(task_id, name=retry.name, input_json=retry.input_json, retry=retry))
            else:
                resuming.append(outcome)
        for outcome in sorted(resuming, key=lambda o: (o.work.fire_at or done_at, o.work.event_id)):
            work = outcome.work
            if work.fire_at:
                self.history.timer_fired(work.event_id, work.fire_at)
            elif outcome.error is not None:
                self.history.task_failed(work.event_id, outcome.error)
            else:
                self.history.task_completed(work.event_id, outcome.result_json)


def replay_is_deterministic(
    orchestrator: OrchestratorFunction, history_json: str, expected: RunResult | None = None
) -> bool:
    """Replay a history and compare with what a run recorded (or with a first replay)."""
    handler = as_handler(orchestrator)
    if expected is None:
        first = call_handler(handler, history_json)
        return replay_difference(flat_actions(first), first.get("output"), handler, history_json) is None
    return replay_difference(expected.actions, expected.output, handler, history_json) is None


async def run_orchestration(
    orchestrator: OrchestratorFunction,
    activities: Mapping[str, Activity],
    input: Any = None,
    *,
    name: str = "orchestrator",
    instance_id: str = "local",
    parallelism: int = 4,
    start_time: datetime | None = None,
    timer_speedup: float = 0.0,
    verify_replay: bool = True,
) -> RunResult:
    """Run an orchestration to completion under the host's replay contract.

    ``orchestrator`` is a DFApp orchestration's user function (context JSON in, state JSON out)
    or a bare generator function. Timers fire at once when ``timer_speedup`` is 0, else after
    their delay times ``timer_speedup``. ``verify_replay`` replays the final history once more
    and raises NonDeterministicOrchestration if the actions or the output differ.
    """
    if parallelism < 1:
        raise ValueError("parallelism must be at least 1")
    if timer_speedup < 0:
        raise ValueError("timer_speedup cannot be negative")
    run = _Run(
        as_handler(orchestrator),
        activities,
        name=name,
        instance_id=instance_id,
        input_json=None if input is None else json.dumps(input),
        parallelism=parallelism,
        start_time=as_utc(start_time or DEFAULT_START),
        timer_speedup=timer_speedup,
    )
    return await run.until_done(verify_replay=verify_replay)
