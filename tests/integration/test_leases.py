"""Claims are short leases kept alive while a ticket is worked on; an uncertain question is
settled in the tick that posted it whenever Jira's answer makes a look at the ticket the truth."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from sandbox.jira_server import JiraSandbox
from shared.ledger import Ledger
from shared.lifecycle.record import LedgerRecord
from shared.scan import run_scan
from shared.scan_models import ScanReport
from tests.conftest import BuildRuntime
from tests.integration.test_scan import OPEN_KEYS, our_comments, scan


async def test_a_503_on_the_question_is_settled_in_the_same_tick(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """Jira answered 503: it did not post, a look says so, and one more try asks the question."""
    runtime = await make_runtime()
    jira.add_fault("POST /comment", "status", status=503, key="OPS-2")
    report = await scan(runtime)
    result = {r.key: r for r in report.results}["OPS-2"]
    assert result.outcome == "analyzed" and result.commented, result
    assert len(our_comments(jira, "OPS-2")) == 1
    found = await runtime.ledger.read("OPS-2")
    assert found is not None and found[0].state == "done" and found[0].commented
    assert report.stopped_early is None


async def test_a_500_that_did_post_is_found_and_not_asked_again(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """Jira posted and then failed its answer (an unreadable body): the look finds our question."""
    runtime = await make_runtime()
    jira.add_fault("POST /comment", "malformed", key="OPS-2")
    report = await scan(runtime)
    assert {r.key: r.outcome for r in report.results}["OPS-2"] == "analyzed"
    assert len(our_comments(jira, "OPS-2")) == 1


async def test_a_gateway_timeout_is_left_to_the_next_tick_and_asked_once(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """A 504 comes from a gateway, not from Jira, which may still post after our look: no second
    try in this tick; the next one looks first and asks once."""
    runtime = await make_runtime()
    jira.add_fault("POST /comment", "status", status=504, key="OPS-2")
    first = await scan(runtime)
    assert {r.key: r.outcome for r in first.results}["OPS-2"] == "failed"
    assert jira.counters["POST /comment"] == sum(1 for r in first.results if r.commented) + 1
    second = await scan(runtime)
    assert {r.key: r.outcome for r in second.results}["OPS-2"] == "analyzed"
    assert len(our_comments(jira, "OPS-2")) == 1


class _Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


async def _lease_of(ledger: Ledger, key: str) -> datetime | None:
    found = await ledger.read(key)
    return found[0].lease_until if found else None


async def test_the_lease_is_renewed_while_the_ticket_is_worked_on(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """A label write that hangs: the claim's lease moves on with the clock while the run is alive,
    so no other run takes the ticket over; at the end the row is released."""
    runtime = await make_runtime(CLAIM_LEASE_SECONDS="30", SCAN_CONCURRENCY="1")
    options = dataclasses.replace(runtime.options, renew_every_s=0.02)
    clock = _Clock()
    hanging = threading.Event()
    release = threading.Event()
    take_fault = jira.take_fault

    def hang_on_ops2_labels(route: str, key: str | None) -> Any:
        if route == "PUT /issue" and key == "OPS-2":
            hanging.set()
            release.wait(timeout=60)
        return take_fault(route, key)

    jira.take_fault = hang_on_ops2_labels  # type: ignore[method-assign]
    adapters = await runtime.adapters()
    tick = asyncio.create_task(run_scan(adapters, options, clock=clock))
    try:
        assert await asyncio.to_thread(hanging.wait, 60), "the scan never reached OPS-2's label write"
        first = await _lease_of(runtime.ledger, "OPS-2")
        assert first is not None
        clock.now += timedelta(seconds=25)  # the first lease would lapse 5 s from now
        renewed = first
        for _ in range(500):  # the keeper renews every 0.02 s; give it up to ~10 s of turns
            renewed = await _lease_of(runtime.ledger, "OPS-2") or first
            if renewed >= clock.now + timedelta(seconds=30):
                break
            await asyncio.sleep(0.02)
        assert renewed >= clock.now + timedelta(seconds=30), (first, renewed, clock.now)
    finally:
        release.set()
        report: ScanReport = await tick
        jira.take_fault = take_fault  # type: ignore[method-assign]
    assert {r.key: r.outcome for r in report.results}["OPS-2"] == "analyzed"
    found = await runtime.ledger.read("OPS-2")
    assert found is not None
    done: LedgerRecord = found[0]
    assert done.state == "done" and done.lease_until is None and done.lease_owner == ""


async def test_a_tick_a_schedule_later_takes_over_what_a_dead_run_held(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """A run that died holding claims (its rows `claimed`, leases from the default setting) blocks
    nothing once the next scheduled tick comes, 15 minutes later."""
    runtime = await make_runtime()
    now = datetime.now(UTC)
    for key in sorted(OPEN_KEYS):
        dead = LedgerRecord.new_claim(
            key,
            "fp-of-the-dead-run",
            owner="dead-run",
            until=now + timedelta(seconds=30 + runtime.options.lease_seconds),  # claimed 30 s into its tick
        )
        await runtime.ledger.insert(dead)
    report = await run_scan(
        await runtime.adapters(), runtime.options, clock=lambda: now + timedelta(minutes=15)
    )
    outcomes = {r.key: r.outcome for r in report.results if r.key.startswith("OPS-")}
    assert outcomes.keys() == OPEN_KEYS and set(outcomes.values()) == {"analyzed"}, outcomes
    assert "busy" not in report.outcomes
