"""The scan process SIGKILLed at every step boundary of a tick, then the next tick runs.

A first run counts the tick's steps (every request to Jira or Table Storage). Then, for each
step k, a fresh world: a scan process is started, killed just before its k-th request, and the
next ticks (another process, on the timer's schedule: 15 minutes later) must leave every promise
kept: one question at most, people's labels intact, every ticket analyzed and the ledger
agreeing. The very next tick finishes every ticket the dead run held: its claims were short.
"""

from __future__ import annotations

import asyncio
import os
import re
import select
import signal
import subprocess
import sys
from pathlib import Path

from sandbox.stack import Azurite
from shared.jira.models import parse_comments
from tests.chaos.schedules import base_queue
from tests.chaos.stats import STATS, examples
from tests.chaos.tables import CannedTableErrors
from tests.chaos.world import World, quiet

ROOT = Path(__file__).resolve().parents[2]
# `make test`: the first two open tickets (one complete, one asked), the keyless one; `make chaos`: all.
QUEUE = base_queue() if examples(0) else [t for t in base_queue() if t["id"] in ("10001", "10002", "10009")]


def _child(world: World, kill_at: int | None) -> subprocess.Popen[str]:
    env = {**os.environ, **world.env, "SCAN_CONCURRENCY": "2"}
    env.pop("CHAOS_KILL_AT", None)
    if kill_at is not None:
        env["CHAOS_KILL_AT"] = str(kill_at)
    return subprocess.Popen(
        [sys.executable, "-m", "tests.chaos.killable_scan"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def step_kind(step: str) -> str:
    """`jira PUT /issue/OPS-2` -> `before jira PUT /issue/{key}`; `ledger replace OPS|OPS-2` -> `before ledger replace`."""
    if step.startswith("ledger "):
        return "before " + " ".join(step.split(" ")[:2])
    return "before " + re.sub(r"/issue/[^/ ]+", "/issue/{key}", step)


def _lines_until(proc: subprocess.Popen[str], prefix: str, timeout: float = 120.0) -> list[str]:
    """Read the child's stdout until a line starting with `prefix` (or its end)."""
    assert proc.stdout is not None
    lines: list[str] = []
    while True:
        ready, _, _ = select.select([proc.stdout], [], [], timeout)
        assert ready, f"the scan process printed nothing for {timeout} s"
        line = proc.stdout.readline()
        if not line:
            return lines
        lines.append(line.rstrip("\n"))
        if line.startswith(prefix):
            return lines


def _count_steps(world: World) -> list[str]:
    """A run to its end in a process of its own: the step boundaries it passed, in order."""
    try:
        proc = _child(world, None)
        lines = _lines_until(proc, "STEPS")
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
    finally:
        asyncio.run(world.close())
    return [line.split(" ", 2)[2] for line in lines if line.startswith("STEP ")]


def _kill_at(world: World, k: int) -> str:
    """A run SIGKILLed just before its k-th step; the step it was about to take."""
    proc = _child(world, k)
    try:
        reached = _lines_until(proc, f"AT {k} ")
        assert reached and reached[-1].startswith(f"AT {k} "), (k, proc.stderr and proc.stderr.read())
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    return reached[-1].split(" ", 2)[2]


def test_killed_at_every_step_boundary_the_next_tick_keeps_every_promise(
    azurite: Azurite, canned: CannedTableErrors
) -> None:
    steps = _count_steps(World.create(azurite, canned, QUEUE))
    assert len(steps) >= 10 and any("comment" in s for s in steps), steps
    for k in range(1, len(steps) + 1):
        world = World.create(azurite, canned, QUEUE)
        try:
            reached = _kill_at(world, k)
            STATS["step:kill"] += 1
            STATS[f"kill:{step_kind(reached)}"] += 1
        finally:
            asyncio.run(_next_ticks(world))
    STATS["schedules"] += len(steps)


async def _next_ticks(world: World) -> None:
    """Later ticks in a new process: the dead run's leases have lapsed by then."""
    try:
        await _settle(world)
    finally:
        await world.close()


async def _settle(world: World) -> None:
    proc = await world.process()
    await world.check_always([], [], single=False)
    held = await world.held_by_a_run()
    for tick in range(4):
        world.clock.advance(15)  # the timer's schedule: the very next tick comes 15 minutes later
        report = await world.scan(proc)
        STATS["step:tick"] += 1
        await world.check_always([report], [], single=False)
        if tick == 0:
            # The dead run's claims lapse before the next tick: it finishes every ticket they held.
            left = {key: r.state for key in held if (r := await world.record(key)) and r.state != "done"}
            assert not left, f"the tick after the kill left the dead run's tickets: {left}"
            STATS["kill:held tickets finished by the next tick"] += len(held)
        if quiet(report):
            break
    else:
        raise AssertionError("the ticks after the kill never settled")
    await world.check_settled()


async def _asked_then_partly_answered(world: World) -> None:
    """A first tick asks; then the reporter of OPS-2 answers one item: the next tick edits."""
    proc = await world.process()
    try:
        await world.scan(proc)
    finally:  # its clients belong to this event loop: closed in it
        world.processes.remove(proc)
        await proc.runtime.aclose()
        await proc.meddler.close()
    world.jira.person_comment("OPS-2", "Role: Developer")


def test_killed_around_the_edit_of_our_question_the_next_tick_keeps_it_current(
    azurite: Azurite, canned: CannedTableErrors
) -> None:
    """The scan process killed just before and just after the PUT that keeps our question
    current: still one question, a person's words never overwritten, and the question ends up
    showing what the ledger says is still missing."""
    counting = World.create(azurite, canned, QUEUE)
    asyncio.run(_asked_then_partly_answered(counting))
    steps = _count_steps(counting)
    edit = [i for i, s in enumerate(steps, 1) if re.fullmatch(r"jira PUT /issue/OPS-2/comment/\d+", s)]
    assert len(edit) == 1, steps
    for k in (edit[0], edit[0] + 1):  # before the PUT, and after it (before whatever came next)
        world = World.create(azurite, canned, QUEUE)
        try:
            asyncio.run(_asked_then_partly_answered(world))
            _kill_at(world, k)
            STATS["kill:around the edit of our question"] += 1
        finally:
            asyncio.run(_edited_and_settled(world))


async def _edited_and_settled(world: World) -> None:
    try:
        await _settle(world)
        (question,) = world.bot_comments("OPS-2")
        record = await world.record("OPS-2")
        assert record is not None and "role" not in record.items("open")
        assert "✓ Which role or permission level" in parse_comments([question])[0].text
    finally:
        await world.close()
