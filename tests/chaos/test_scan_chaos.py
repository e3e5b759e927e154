"""Randomised fault schedules against real scan ticks: the promises hold after every one.

`make test` runs a fixed, derandomized budget; `make chaos` a larger one (`CHAOS_EXAMPLES`), and
`CHAOS_SEED=<n>` explores schedules never run before. A failure prints the schedule that broke.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import HealthCheck, example, given, settings
from hypothesis import seed as hypothesis_seed

from sandbox.stack import Azurite
from tests.chaos.schedules import EVERY_KIND, PILOT, Schedule, base_queue, play, schedules
from tests.chaos.stats import STATS, examples, seed
from tests.chaos.tables import CannedTableErrors
from tests.chaos.world import World

SEED = seed()
Test = TypeVar("Test", bound=Callable[..., Any])


def _maybe_seeded(test: Test) -> Test:
    return hypothesis_seed(SEED)(test) if SEED is not None else test


@_maybe_seeded
@settings(
    max_examples=examples(60),
    deadline=None,
    derandomize=SEED is None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
@given(schedule=schedules)
@example(schedule=EVERY_KIND)
def test_every_promise_holds_under_a_random_fault_schedule(
    azurite: Azurite, canned: CannedTableErrors, schedule: Schedule
) -> None:
    asyncio.run(_run(azurite, canned, schedule))


async def _run(azurite: Azurite, canned: CannedTableErrors, schedule: Schedule) -> None:
    settings_: dict[str, str] = {"ROLLOUT_MODE": schedule.mode, "HOLDOUT_PERCENT": str(schedule.holdout)}
    if schedule.mode == "pilot":
        settings_["PILOT_JQL"] = "key in (" + ", ".join(f'"{k}"' for k in PILOT) + ")"
    world = World.create(azurite, canned, base_queue(), use_llm=schedule.use_llm, **settings_)
    world.pilot = set(PILOT)
    try:
        await play(world, schedule)
        await world.check_settled()
    finally:
        await world.close()
    STATS["schedules"] += 1
