"""Each schedule the chaos suite found breaking a promise, replayed deterministically.

One test per bug (fixed in shared/ with it): the schedule reduced to the steps that matter, the
promise it broke asserted directly, then the world's invariants.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
import pytest_asyncio

from sandbox.stack import Azurite
from shared.jira.models import normalise_issue
from shared.ledger import Ledger
from shared.triage import Adapters, Triage
from tests.chaos.schedules import base_queue
from tests.chaos.tables import CannedTableErrors, TableFault
from tests.chaos.world import BOT, Process, World, quiet
from tests.conftest import operator_reanalysis
from tests.factories import COMPLETE_EN

ANSWER = "Tool: GitLab, group platform/payments, role Developer. Reason: new team member. Approved by: Lee"


@pytest_asyncio.fixture(loop_scope="session")
async def world(azurite: Azurite, canned: CannedTableErrors) -> AsyncIterator[World]:
    w = World.create(azurite, canned, base_queue())
    try:
        yield w
    finally:
        await w.close()


async def settle(world: World, proc: Process) -> None:
    for _ in range(6):
        world.clock.advance(16)
        report = await world.scan(proc)
        await world.check_always([report], [], single=False)
        if quiet(report):
            await world.check_settled()
            return
    raise AssertionError("did not settle")


def questions(world: World, key: str) -> int:
    return len(world.bot_comments(key))


async def test_a_row_taken_over_while_a_failure_is_recorded_does_not_crash_the_batch(world: World) -> None:
    """Bug: LedgerConflict raised while recording a failure escaped `run_scan` (the whole tick)."""
    proc = await world.process()
    world.jira.add_fault("POST /comment", "status", status=400, key="OPS-2")
    # OPS-2's replaces: the intent, then the failure record; another writer gets in before the latter.
    proc.plan.faults[:] = [TableFault("replace", 1, "etag_conflict", row="OPS-2")]
    report = await world.scan(proc)
    outcomes = {r.key: r.outcome for r in report.results}
    assert outcomes["OPS-2"] == "busy" and outcomes["OPS-3"] == "analyzed"
    proc.plan.faults.clear()
    await settle(world, proc)
    assert questions(world, "OPS-2") == 1


async def test_a_ticket_left_busy_keeps_the_watermark_so_its_change_is_still_seen(world: World) -> None:
    """Bug: a tick where a ticket was busy (held by a run that then died) counted as clean and
    moved the watermark; once the lease lapsed, the ticket's change was outside every window."""
    proc = await world.process()
    await world.scan(proc)  # everything analyzed; OPS-1 is HIGH_QUALITY
    world.clock.advance(1)
    world.jira.person_edit_description("OPS-1", "Please help, it does not work.")  # now vague
    ledger = Ledger(proc.meddler)
    found = await ledger.read("OPS-1")
    assert found is not None
    dead = found[0].model_copy(
        update={
            "state": "claimed",
            "lease_owner": "dead-run",
            "lease_until": world.clock() + timedelta(hours=1),
        }
    )
    await ledger.replace(dead, found[1])  # a run claimed it, then died
    for _ in range(4):  # 15, 30, 45, 60 minutes later: busy until the lease lapses
        world.clock.advance(15)
        report = await world.scan(proc)
    assert {r.key: r.outcome for r in report.results}.get("OPS-1") == "analyzed"
    record = await world.record("OPS-1")
    assert record is not None and record.verdict == "NEEDS_INFO" and questions(world, "OPS-1") == 1
    await settle(world, proc)


async def test_a_recovered_ticket_that_needs_no_question_still_records_the_one_we_posted(
    world: World,
) -> None:
    """Bug: a run posted the question, then failed; the ticket was completed before the next
    run, which recovered without looking and recorded commented=False. Had the reporter made it
    vague again, a second question would have followed."""
    proc = await world.process()
    world.jira.add_fault("PUT /issue", "status", status=400, key="OPS-2")
    await world.scan(proc)
    assert questions(world, "OPS-2") == 1
    world.jira.person_comment("OPS-2", ANSWER)
    world.clock.advance(16)
    await world.scan(proc)
    record = await world.record("OPS-2")
    assert record is not None and record.verdict == "HIGH_QUALITY" and record.commented
    world.jira.person_edit_description("OPS-2", "never mind, it is unclear again")
    world.clock.advance(16)
    await world.scan(proc)
    assert questions(world, "OPS-2") == 1
    await settle(world, proc)


async def test_a_ticket_parked_after_its_question_never_gets_a_second_one(world: World) -> None:
    """Bug: parked after posting (label writes kept failing), the row said commented=False; a
    later change of the ticket re-ran it without looking for our question."""
    proc = await world.process()
    world.jira.add_fault("PUT /issue", "status", status=400, key="OPS-2", times=20)
    for _ in range(3):  # MAX_ATTEMPTS=3 in chaos worlds
        await world.scan(proc)
        world.clock.advance(16)
    record = await world.record("OPS-2")
    assert record is not None and record.state == "poisoned" and record.commented
    world.jira.clear_faults()
    world.jira.person_edit_description("OPS-2", "Please give me access to GitLab, any group.")
    await world.scan(proc)
    assert questions(world, "OPS-2") == 1
    await settle(world, proc)


async def test_a_question_that_timed_out_and_landed_later_is_not_asked_again(world: World) -> None:
    """Bug: after a timed-out POST, the run looked for our marker at once (not there yet: Jira
    was still working on it) and posted again; then the first one landed too."""
    proc = await world.process()
    world.jira.add_fault("POST /comment", "delay", delay=float(world.env["JIRA_TIMEOUT_SECONDS"]) * 1.6)
    await world.scan(proc)
    world.jira.quiesce()
    assert all(questions(world, k) <= 1 for k in world.eligible)
    await settle(world, proc)


async def test_a_failed_reanalysis_of_an_unchanged_ticket_leaves_its_verdict_standing(
    azurite: Azurite, canned: CannedTableErrors
) -> None:
    """Bug: an operator's reanalysis that failed (LLM down) turned a done row into `failed`,
    which no tick ever retries (the ticket is unchanged and not in the search)."""
    world = World.create(azurite, canned, base_queue(), use_llm=True)
    try:
        proc = await world.process()
        await world.scan(proc)
        before = await world.record("OPS-1")
        assert world.llm is not None and before is not None and before.state == "done"
        world.llm.add_fault("status", status=500)
        outcome = await operator_reanalysis(proc.runtime, "OPS-1", clock=world.clock)
        assert outcome.result.outcome == "failed" and outcome.result.error_kind == "llm_unavailable"
        after = await world.record("OPS-1")
        assert after is not None and after.state == "done" and after.verdict == before.verdict
        assert after.history[-1].outcome == "failed", "the failed attempt is in the audit trail"
        await settle(world, proc)
    finally:
        await world.close()


async def test_labels_seen_before_our_own_write_are_not_a_persons_disagreement(world: World) -> None:
    """Bug: a run whose search snapshot predated another run's label write took our missing
    labels for a person removing them, recorded a disagreement, and from then on left the
    labels alone: the verdict changed to HIGH_QUALITY, Jira kept NEEDS_INFO."""
    proc = await world.process()
    page = world.jira.search({"jql": "project = OPS AND key = OPS-2", "fields": ["*all"], "expand": "names,schema"})
    stale = {**page["issues"][0], "names": page["names"], "schema": page["schema"]}  # as the scan's client reads it
    await world.scan(proc)  # another run labels OPS-2 NEEDS_INFO after that snapshot
    r = proc.runtime
    late = Triage(Adapters(r.jira, r.ledger, r.analyzer, BOT), r.options, run_id="late-run", clock=world.clock)
    result = await late.run(normalise_issue(stale), in_pilot=False)
    assert result.outcome == "unchanged", result
    record = await world.record("OPS-2")
    assert record is not None and not record.disagreement
    world.jira.person_comment("OPS-2", ANSWER)
    await settle(world, proc)
    assert {"HIGH_QUALITY"} <= world.labels("OPS-2") and "NEEDS_INFO" not in world.labels("OPS-2")


@pytest.mark.parametrize("mode", ["full"])
async def test_overlapping_scans_and_a_reanalysis_on_one_complete_ticket_ask_nothing(
    world: World, mode: str
) -> None:
    """Not a bug found: the plain overlap, kept as a quick sanity check of the harness itself."""
    world.jira.person_edit_description("OPS-2", "\n".join(COMPLETE_EN[1:]))
    a, b = await world.process(), await world.process()
    await asyncio.gather(world.scan(a), world.scan(b), operator_reanalysis(b.runtime, "OPS-2", clock=world.clock))
    assert questions(world, "OPS-2") == 0 and world.mode == mode
    await settle(world, a)


async def test_a_run_that_searched_before_another_runs_label_write_still_swaps_the_verdict(
    world: World,
) -> None:
    """Bug (make chaos, overlapping scans and a person's edit): run B searched OPS-1 after a
    person made it vague but before run A labelled the complete version HIGH_QUALITY. B judged
    NEEDS_INFO and removed only the labels its snapshot showed, so Jira kept both verdicts."""
    proc = await world.process()

    def snapshot() -> dict[str, object]:
        found = world.jira.search({"jql": "project = OPS AND key = OPS-1", "fields": ["*all"]})
        return dict(found["issues"][0])

    def run(name: str) -> Triage:
        r = proc.runtime
        return Triage(Adapters(r.jira, r.ledger, r.analyzer, BOT), r.options, run_id=name, clock=world.clock)

    seen_by_a = snapshot()  # the complete ticket, no labels yet
    world.jira.person_edit_description("OPS-1", "Please help, it does not work.")
    seen_by_b = snapshot()  # vague now, and still no labels
    first = await run("run-a").run(normalise_issue(seen_by_a), in_pilot=False)
    assert first.outcome == "analyzed" and "HIGH_QUALITY" in world.labels("OPS-1")
    second = await run("run-b").run(normalise_issue(seen_by_b), in_pilot=False)
    assert second.outcome == "analyzed"
    assert "NEEDS_INFO" in world.labels("OPS-1") and "HIGH_QUALITY" not in world.labels("OPS-1")
    await settle(world, proc)
