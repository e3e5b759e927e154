"""History events and handler plumbing for the local durable runner.

Why a module of its own: the runner's loop (scheduling, retries, concurrency) reads better when
the wire details it mimics, i.e. the history the Durable extension sends to a Python
orchestrator and the JSON the SDK answers with, live in one place next to the notes on why each
field is there.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import inspect
import json
import traceback
from collections.abc import Callable, Generator, Iterable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from itertools import zip_longest
from pathlib import Path
from typing import Any, cast

import azure.durable_functions as df
from azure.durable_functions.models.actions.ActionType import ActionType
from azure.durable_functions.models.history.HistoryEventType import HistoryEventType
from azure.functions import meta
from azure.functions.durable_functions import ActivityTriggerConverter

Handler = Callable[[str], str]
"""The orchestrator's entry point as the host calls it: context JSON in, state JSON out."""

Activity = Callable[[Any], Any]
"""An activity's user function: the deserialised input in, a JSON-serialisable value out."""

OrchestratorFunction = Handler | Callable[[Any], Generator[Any, Any, Any]]
"""A DFApp orchestration's user function (a Handler) or a bare generator function."""

SUPPORTED_ACTIONS = frozenset(
    {ActionType.CALL_ACTIVITY, ActionType.CALL_ACTIVITY_WITH_RETRY, ActionType.CREATE_TIMER}
)
_OUT_OF_PROC_MARKER = "$OutOfProcData$"
_TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


class OrchestrationFailed(Exception):
    """The orchestrator raised (or an activity failure went uncaught): the instance is Failed."""


class NonDeterministicOrchestration(OrchestrationFailed):
    """A replay produced other actions than the ones recorded: the host would fail the instance."""


class UnsupportedAction(NotImplementedError):
    """The orchestrator asked for something the local runner does not emulate."""


def as_handler(orchestrator: OrchestratorFunction) -> Handler:
    """Accept a DFApp user function as is and wrap a bare generator the way the SDK's tests do."""
    if inspect.isgeneratorfunction(orchestrator):
        generator_function = orchestrator

        def handle(context_json: str) -> str:
            context = df.DurableOrchestrationContext.from_json(context_json)
            state: str = df.Orchestrator(generator_function).handle(context)
            return state

        return handle
    return cast(Handler, orchestrator)


def call_handler(handler: Handler, context_json: str) -> dict[str, Any]:
    """Run one episode; the SDK reports an orchestrator exception by raising with its state."""
    try:
        raw = handler(context_json)
    except Exception as exc:
        message = str(exc).split(_OUT_OF_PROC_MARKER, 1)[0].strip()
        raise OrchestrationFailed(message or type(exc).__name__) from exc
    state: dict[str, Any] = json.loads(raw)
    return state


async def invoke_activity(activity: Activity, input_json: str, threads: Executor) -> str:
    """Decode and encode with the worker's own converter, so payloads behave as on Azure.

    Sync activities run on ``threads`` (sized to the runner's parallelism: the default
    ``asyncio.to_thread`` pool, cpu + 4 threads, would cap it), with the caller's context vars.
    """
    value = ActivityTriggerConverter.decode(meta.Datum(input_json, "json"), trigger_metadata=None)
    if inspect.iscoroutinefunction(activity):
        result = await activity(value)
    else:
        call = functools.partial(contextvars.copy_context().run, activity, value)
        result = await asyncio.get_running_loop().run_in_executor(threads, call)
        if inspect.isawaitable(result):
            result = await result
    encoded: str = ActivityTriggerConverter.encode(result, expected_type=None).value
    return encoded


def flat_actions(state: dict[str, Any]) -> list[dict[str, Any]]:
    """Replay schema V1 (what we send) groups actions per yield: a list of lists, flattened here."""
    return [action for group in state.get("actions") or [] for action in group]


def action_label(action: dict[str, Any]) -> str:
    """Name an action for error messages: its type, and the function it calls if any."""
    kind = action.get("actionType")
    label = ActionType(kind).name if kind in ActionType._value2member_map_ else f"action type {kind}"
    name = action.get("functionName")
    return f"{label}({name!r})" if name else label


def check_supported(action: dict[str, Any]) -> None:
    """Fail loudly on sub-orchestrations, external events, entities, HTTP and continue-as-new."""
    if action.get("actionType") not in SUPPORTED_ACTIONS:
        raise UnsupportedAction(
            f"the local durable runner cannot run {action_label(action)}: only activities "
            "(with or without retry) and timers are emulated"
        )


def replay_mismatch(recorded: Sequence[dict[str, Any]], replayed: Sequence[dict[str, Any]]) -> str | None:
    """Compare what the host compares on replay (type and function name, in order); None if equal."""
    for index, (old, new) in enumerate(zip(recorded, replayed, strict=False)):
        if (old.get("actionType"), old.get("functionName")) != (
            new.get("actionType"),
            new.get("functionName"),
        ):
            return (
                f"action #{index} was {action_label(old)} when first scheduled "
                f"but {action_label(new)} on replay"
            )
    if len(replayed) < len(recorded):
        return f"replay scheduled {len(replayed)} actions, history holds {len(recorded)}"
    return None


def as_utc(moment: datetime) -> datetime:
    """A naive start time is taken as UTC, the host's only clock."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def parse_timestamp(value: str) -> datetime:
    """Read the SDK's timestamps (``...Z``) as aware UTC datetimes."""
    return datetime.fromisoformat(value).astimezone(UTC)


def format_timestamp(moment: datetime) -> str:
    """Write timestamps the way the SDK writes them, so the history reads like the host's."""
    return moment.astimezone(UTC).strftime(_TIMESTAMP_FORMAT)


@dataclass
class History:
    """The orchestration's event log, as the Durable extension keeps it and replays it.

    Every event is stamped with ``clock``, the current episode's OrchestratorStarted time: the
    only time the orchestrator can see, so it only moves when a new episode begins.
    """

    clock: datetime
    events: list[dict[str, Any]] = field(default_factory=list)

    def add(self, kind: IntEnum, event_id: int = -1, **fields: Any) -> None:
        """Append an event; IsPlayed is decided when a context is built, not here."""
        stamp = format_timestamp(self.clock)
        self.events.append(
            {"EventType": int(kind), "EventId": event_id, "IsPlayed": False, "Timestamp": stamp, **fields}
        )

    def begin_episode(self, at: datetime) -> None:
        self.clock = at
        self.add(HistoryEventType.ORCHESTRATOR_STARTED)

    def task_scheduled(self, task_id: int, name: str, input_json: str) -> None:
        self.add(HistoryEventType.TASK_SCHEDULED, task_id, Name=name, Input=input_json)

    def task_completed(self, task_id: int, result_json: str | None) -> None:
        self.add(HistoryEventType.TASK_COMPLETED, TaskScheduledId=task_id, Result=result_json)

    def task_failed(self, task_id: int, error: Exception) -> None:
        """The SDK raises ``f"{Reason} \\n {Details}"`` into the orchestrator."""
        details = failure_details(error)
        self.add(HistoryEventType.TASK_FAILED, TaskScheduledId=task_id, Reason=str(error), Details=details)

    def timer_created(self, timer_id: int, fire_at: datetime) -> None:
        self.add(HistoryEventType.TIMER_CREATED, timer_id, FireAt=format_timestamp(fire_at))

    def timer_fired(self, timer_id: int, fire_at: datetime) -> None:
        self.add(HistoryEventType.TIMER_FIRED, TimerId=timer_id, FireAt=format_timestamp(fire_at))

    def context_json(self, *, instance_id: str, input_json: str | None) -> str:
        """Build the trigger payload: events before the last OrchestratorStarted are played."""
        starts = [
            i
            for i, event in enumerate(self.events)
            if event["EventType"] == HistoryEventType.ORCHESTRATOR_STARTED
        ]
        boundary = starts[-1] if starts else 0
        history = [{**event, "IsPlayed": i < boundary} for i, event in enumerate(self.events)]
        return json.dumps(
            {
                "history": history,
                "instanceId": instance_id,
                "isReplaying": boundary > 0,
                "parentInstanceId": None,
                "input": input_json,
            }
        )


@dataclass
class RetryState:
    """DTFx's retry interceptor state for one ``call_activity_with_retry``."""

    name: str
    input_json: str
    options: dict[str, Any]
    attempts: int = 1

    def delay(self) -> timedelta:
        """First interval times the back-off coefficient (1 from Python's RetryOptions)."""
        first = float(self.options["firstRetryIntervalInMilliseconds"])
        millis = first * float(self.options.get("backoffCoefficient", 1.0)) ** (self.attempts - 1)
        if cap := self.options.get("maxRetryIntervalInMilliseconds"):
            millis = min(millis, float(cap))
        return timedelta(milliseconds=millis)

    @property
    def exhausted(self) -> bool:
        return self.attempts >= int(self.options["maxNumberOfAttempts"])


def failure_details(error: Exception) -> str:
    """Shaped like the Python worker's failure text, with the runner's own frames left out."""
    frames = [
        frame for frame in traceback.extract_tb(error.__traceback__) if not _is_plumbing(Path(frame.filename))
    ]
    kind = type(error).__name__
    return f"Exception: {kind}: {error}\nStack: {''.join(traceback.format_list(frames))}"


def _is_plumbing(path: Path) -> bool:
    """The runner's and the thread pool's frames say nothing about the activity's failure."""
    runner = path.parent == Path(__file__).parent and path.name.startswith("durable_")
    return runner or path.parent.name == "futures"


def replay_difference(
    actions: list[dict[str, Any]], output: Any, handler: Handler, history_json: str
) -> str | None:
    """Replay the history once more; describe the first action (or the output) that changed."""
    state = call_handler(handler, history_json)
    replayed = flat_actions(state)
    for index, (old, new) in enumerate(zip_longest(actions, replayed)):
        if old != new:
            return f"action #{index} was {old} and is now {new}"
    if state.get("output") != output:
        return f"output was {output!r} and is now {state.get('output')!r}"
    return None


def indexed_functions(
    functions: Iterable[Any], orchestration: str | None = None
) -> tuple[Handler, dict[str, Activity]]:
    """What the host indexes: one orchestration's handler and every activity, by function name.

    Takes ``app.get_functions()``, not the app: that call is one-shot (a second call on the same
    app raises "does not have a unique function name").
    """
    handlers: dict[str, Handler] = {}
    activities: dict[str, Activity] = {}
    for function in functions:
        kind, name = function.get_trigger().type, function.get_function_name()
        if kind == "orchestrationTrigger":
            handlers[name] = function.get_user_function()
        elif kind == "activityTrigger":
            activities[name] = function.get_user_function()
    chosen = orchestration or (next(iter(handlers)) if len(handlers) == 1 else None)
    if chosen not in handlers:
        raise LookupError(f"pick one orchestration by name among {sorted(handlers)}")
    return handlers[chosen], activities
