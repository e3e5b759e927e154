"""Claims are short leases kept alive while a ticket is worked on; an uncertain question is
settled in the tick that posted it whenever Jira's answer makes a look at the ticket the truth."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

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


async def test_a_post_answered_unreadably_is_taken_as_posted(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """Jira posted and answered 200 with a broken body: the question is there; never a second."""
    runtime = await make_runtime()
    jira.add_fault("POST /comment", "malformed", key="OPS-2")
    report = await scan(runtime)
    assert {r.key: r.outcome for r in report.results}["OPS-2"] == "analyzed"
    assert len(our_comments(jira, "OPS-2")) == 1


@pytest.mark.parametrize("status", [500, 502, 504])
async def test_an_answer_that_leaves_the_post_open_is_settled_by_the_next_tick(
    make_runtime: BuildRuntime, jira: JiraSandbox, status: int
) -> None:
    """A 500 may have stored the comment without its marker; a 502/504 comes from a gateway, and
    Jira behind it may still post after our look: no second try in this tick; the next one looks
    first and asks once."""
    runtime = await make_runtime()
    jira.add_fault("POST /comment", "status", status=status, key="OPS-2")
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


class _SlowLedger(Ledger):
    """The real ledger, each replace a little slow: renewals and the work overlap."""

    async def replace(self, record: LedgerRecord, etag: str) -> str:
        await asyncio.sleep(0.03)
        return await super().replace(record, etag)


async def test_renewals_never_lose_the_record_of_a_posted_question(
    make_runtime: BuildRuntime, jira: JiraSandbox
) -> None:
    """Keep-alive writes racing the work: every question posted is on its ledger row, so no
    later run asks again."""
    runtime = await make_runtime(SCAN_CONCURRENCY="4")
    table = runtime.ledger._table  # the same Azurite table, through a slower door
    slow = _SlowLedger(table)
    options = dataclasses.replace(runtime.options, renew_every_s=0.01)
    adapters = await runtime.adapters()
    report = await run_scan(dataclasses.replace(adapters, ledger=slow), options)
    asked = [r.key for r in report.results if r.commented]
    assert asked, report.results
    for key in asked:
        found = await runtime.ledger.read(key)
        assert found is not None and found[0].commented, key
        (ours,) = our_comments(jira, key)
        assert found[0].comment_id == str(ours["id"]), key
