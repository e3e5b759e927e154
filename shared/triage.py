"""One ticket's life in one run: claim -> judge -> ask -> label -> record.

Used by the scan for every candidate and by on-demand reanalysis for one key. Every path ends in
a ledger record (or a deliberate no-write for unchanged/busy tickets), so the ledger can always
say why the bot did or did not act. The decisions are pure and live in `shared.lifecycle` (the
record's moves, the claim, the write policy, the plan); this module only sequences them with the
Jira and ledger adapters.

A claim is a short lease kept alive while the ticket is worked on: a run that dies leaves its
tickets to the very next tick, not to one a quarter of an hour later.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from shared.analysis.analyzer import Analyzer
from shared.analysis.comment import comment_properties, has_marker, needs_info_comment
from shared.analysis.deflection import offered_link
from shared.analysis.models import Assessment
from shared.jira.client import JiraClient
from shared.jira.errors import JiraAuthError, JiraError, WriteOutcomeUnknown
from shared.jira.models import Rejected, Ticket, parse_comments
from shared.ledger import Ledger, LedgerConflict, LedgerUnavailable
from shared.lifecycle.claims import Claim, decide_claim, fingerprint, lease_until
from shared.lifecycle.disagreement import Disagreement, detect_disagreement
from shared.lifecycle.policy import ActionPlan, WritePolicy, plan_actions, written_label
from shared.lifecycle.record import LedgerRecord
from shared.lifecycle.results import (
    RunStopped,
    TicketResult,
    analyzed_result,
    busy,
    counts_toward_parking,
    failed_result,
    left_alone,
)
from shared.llm.errors import LLMUnavailable
from shared.scan_models import ScanOptions

log = logging.getLogger("triage")

_RELEASE_SECONDS = 5.0  # how long a cancelled run may spend giving its row back
_TAKEN_OVER = "lease taken over by another run"
Move = Callable[[LedgerRecord], LedgerRecord]


@dataclass(frozen=True)
class Adapters:
    """What a ticket's life touches: Jira, the ledger, the analyzer, and who the bot is."""

    jira: JiraClient
    ledger: Ledger
    analyzer: Analyzer
    bot_account_id: str | None


@dataclass
class _Held:
    """A claim being worked on. Every ledger write goes through `write`, one at a time, so the
    keep-alive and the work never write with the same ETag."""

    claim: Claim
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    keeper: asyncio.Task[None] | None = None

    async def write(self, ledger: Ledger, move: Move) -> None:
        async with self.lock:
            record = move(self.claim.record)
            self.claim.etag = await ledger.replace(record, self.claim.etag)
            self.claim.record = record

    async def let_go(self) -> None:
        """Stop the keep-alive between two writes (never in the middle of one)."""
        if self.keeper is None:
            return
        async with self.lock:
            self.keeper.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.keeper
        self.keeper = None


@dataclass
class Triage:
    """The per-ticket pipeline with its adapters; one instance per run."""

    adapters: Adapters
    options: ScanOptions
    run_id: str
    clock: Callable[[], datetime]
    llm_slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(8))
    write_slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(4))

    @property
    def jira(self) -> JiraClient:
        return self.adapters.jira

    @property
    def ledger(self) -> Ledger:
        return self.adapters.ledger

    def policy(self, key: str, *, in_pilot: bool, force: bool = False, dry_run: bool = False) -> WritePolicy:
        o = self.options
        return WritePolicy.resolve(
            mode=o.mode,
            in_pilot=in_pilot,
            key=key,
            holdout_percent=o.holdout_percent,
            force=force,
            dry_run=dry_run,
        )

    async def run(
        self, item: Ticket | Rejected, *, in_pilot: bool, reanalyze: bool = False, force: bool = False
    ) -> TicketResult:
        """Fatal errors (token rejected, ledger down) propagate; everything else is recorded.
        `reanalyze` works on the ticket even if unchanged or parked (an operator asked);
        `force` ignores the rollout mode and the holdout."""
        if isinstance(item, Rejected):
            await self.ledger.record_rejected(item.ref, item.reason, self.clock())
            return TicketResult(key=item.ref, outcome="rejected", reason=item.reason)
        ticket = item if item.comments_complete else await self._with_all_comments(item)
        fp = fingerprint(ticket, self.adapters.analyzer.version, self.adapters.bot_account_id)
        policy = self.policy(ticket.key, in_pilot=in_pilot, force=force)
        claimed = await self._claim(ticket, fp, reanalyze=reanalyze, policy=policy)
        if isinstance(claimed, TicketResult):
            return claimed
        held = _Held(claimed)
        held.keeper = asyncio.create_task(self._keep_alive(held))
        try:
            return await self._work(ticket, fp, held, policy)
        except JiraAuthError:
            raise
        except LedgerConflict:
            return busy(ticket.key, _TAKEN_OVER)
        except (JiraError, LLMUnavailable) as exc:
            try:
                return await self._fail(ticket.key, fp, held, exc, policy)
            except LedgerConflict:  # another run took the row over while we failed: it is theirs now
                return busy(ticket.key, _TAKEN_OVER)
        except asyncio.CancelledError:
            # The caller's time ran out (an operator's budget, a host shutting down): give the row
            # back now, so a retry need not wait out the lease. Best effort: the lease lapses anyway.
            stopped = RunStopped("stopped before finishing: the run's time ran out")
            try:
                async with asyncio.timeout(_RELEASE_SECONDS):
                    await self._fail(ticket.key, fp, held, stopped, policy)
            except Exception as exc:  # whatever goes wrong here, the cancellation must go through
                log.warning(
                    "lease of %s not released (%s); it lapses on its own", ticket.key, type(exc).__name__
                )
            raise
        finally:
            if held.keeper is not None:
                held.keeper.cancel()

    async def preview(self, item: Ticket | Rejected, *, in_pilot: bool, force: bool = False) -> TicketResult:
        """Assess and plan without writing anything to Jira or the ledger (a dry run)."""
        if isinstance(item, Rejected):
            return TicketResult(key=item.ref, outcome="rejected", reason=item.reason)
        found = await self.ledger.read(item.key)
        policy = self.policy(item.key, in_pilot=in_pilot, force=force, dry_run=True)
        assessment, plan = await self._judge(item, found[0] if found else None, policy)
        return analyzed_result(item.key, assessment, plan, policy, posted=False)

    async def _judge(
        self, ticket: Ticket, prior: LedgerRecord | None, policy: WritePolicy
    ) -> tuple[Assessment, ActionPlan]:
        assessment = await self.adapters.analyzer.assess(ticket, self.adapters.bot_account_id, self.llm_slots)
        plan = plan_actions(
            ticket,
            assessment,
            policy,
            already_asked=prior is not None and prior.commented,
            labels=self.options.labels,
            written_before=written_label(prior, self.options.labels),
        )
        if prior is not None and prior.labels_overruled and (plan.add or plan.remove):
            plan = plan.without_labels("labels left as a person set them")
        return assessment, plan

    async def _claim(
        self, ticket: Ticket, fp: str, *, reanalyze: bool, policy: WritePolicy
    ) -> Claim | TicketResult:
        """The claimed row, or the result when the ticket is not ours to work on now."""
        now = self.clock()
        until = lease_until(now, self.options.lease_seconds)
        fresh = LedgerRecord.new_claim(ticket.key, fp, owner=self.run_id, until=until)
        ours = self.options.labels.analyzed in ticket.labels
        if not ours:  # most likely new: one conditional insert is the whole claim
            with contextlib.suppress(LedgerConflict):
                return Claim(fresh, await self.ledger.insert(fresh))
        found = await self.ledger.read(ticket.key)
        if found is None:
            try:
                # Our label without a ledger row (ledger reset?): look for our marker before asking.
                return Claim(fresh, await self.ledger.insert(fresh), look_first=ours)
            except LedgerConflict:
                return busy(ticket.key)
        prior, etag = found
        decision = decide_claim(prior, fp, now, self.options.max_attempts, may_write=policy.write_jira)
        verdict_stands = reanalyze and decision == "unchanged"
        if reanalyze and decision in ("unchanged", "parked"):
            decision, prior = "process", prior.retried_by_operator()
        found_now = None if decision in ("busy", "parked") else await self._disagreement(ticket, prior)
        new = found_now if found_now is not None and found_now.text != prior.disagreement else None
        if new is not None:
            prior = prior.disagreed(new.kind, new.text, at=now, fingerprint=fp)
            if decision == "unchanged":
                try:
                    await self.ledger.replace(prior, etag)
                except LedgerConflict:
                    return busy(ticket.key)
        if decision in ("unchanged", "busy", "parked"):
            return left_alone(ticket.key, decision, prior, now, new.text if new else None)
        claim = prior.claimed(fp, owner=self.run_id, until=until, recovering=decision == "recover")
        try:
            etag = await self.ledger.replace(claim, etag)
        except LedgerConflict:
            return busy(ticket.key)
        # "recover": a run died between intent and record; a parked ticket may have been parked
        # with its question's fate unknown. Either way, look for our question before asking.
        look_first = decision == "recover" or prior.state == "poisoned"
        return Claim(claim, etag, look_first=look_first, verdict_stands=verdict_stands)

    async def _keep_alive(self, held: _Held) -> None:
        """Renew the lease while the ticket is worked on (a third of the lease each time)."""
        seconds = self.options.lease_seconds
        every = self.options.renew_every_s or seconds / 3
        while True:
            await asyncio.sleep(every)
            until = lease_until(self.clock(), seconds)
            try:
                await held.write(self.ledger, functools.partial(LedgerRecord.renewed, until=until))
            except LedgerConflict:
                return  # taken over: the work's next write finds out and reports it
            except LedgerUnavailable:
                continue  # the lease still runs; try again next time

    async def _disagreement(self, ticket: Ticket, prior: LedgerRecord) -> Disagreement | None:
        labels, bot = self.options.labels, self.adapters.bot_account_id
        found = detect_disagreement(ticket, prior, labels, bot)
        if found is None or found.text == prior.disagreement or found.kind != "labels":
            return found
        # The search's snapshot can predate our own label write (an overlapping run, a lagging
        # search index): a label change counts only if Jira's current labels show it.
        try:
            fields = (await self.jira.get_issue(ticket.key, ["labels"])).get("fields")
        except JiraAuthError:
            raise
        except JiraError:
            return None  # not confirmed this time; the next look decides
        current = fields.get("labels") if isinstance(fields, dict) else None
        labelled = tuple(x for x in current if isinstance(x, str)) if isinstance(current, list) else ()
        return detect_disagreement(ticket.model_copy(update={"labels": labelled}), prior, labels, bot)

    async def _work(self, ticket: Ticket, fp: str, held: _Held, policy: WritePolicy) -> TicketResult:
        if held.claim.look_first and not held.claim.record.commented:
            # A run stopped after writing its intent: whatever we decide now, first learn whether
            # its question is on the ticket, so the ledger says so and no later run asks again.
            found = await self._our_question(ticket.key)
            if found is not None:
                held.claim.record = held.claim.record.asked(found)
        asked_before = held.claim.record.commented
        assessment, plan = await self._judge(ticket, held.claim.record, policy)
        if plan.write_jira and plan.comment:
            await held.write(self.ledger, LedgerRecord.commenting)
            bot, links = self.adapters.bot_account_id, self.options.deflection_links
            link = offered_link(ticket, assessment, links, bot)
            async with self.write_slots:
                comment_id = await self._ask_once(ticket, assessment, fp, link)
            # From here on a failure is recorded with the question known to be there.
            held.claim.record = held.claim.record.asked(comment_id, link)
        if plan.write_jira and (plan.add or plan.remove):
            async with self.write_slots:
                await self.jira.edit_labels(ticket.key, plan.add, plan.remove)
        posted = held.claim.record.commented and not asked_before
        result = analyzed_result(ticket.key, assessment, plan, policy, posted=posted)
        await held.let_go()
        at = self.clock()
        await held.write(
            self.ledger,
            lambda r: r.analyzed(
                assessment,
                reason=plan.reason,
                wrote_jira=plan.write_jira,
                fingerprint=fp,
                at=at,
                mode=policy.mode,
                holdout=policy.holdout,
            ),
        )
        return result

    async def _with_all_comments(self, ticket: Ticket) -> Ticket:
        """The ticket with every comment, when the search left some out (a reporter's answer may
        be among them). Always, not only when the ticket looks changed: the fingerprint must not
        depend on whether we looked. The search returns a labelled ticket only while it changes,
        so this is one `GET` per such ticket and tick; if it fails, the next tick tries again."""
        try:
            comments = await self.jira.list_comments(ticket.key)
        except JiraAuthError:
            raise
        except JiraError:
            return ticket
        return ticket.model_copy(update={"comments": parse_comments(comments), "comments_complete": True})

    async def _our_question(self, key: str) -> str | None:
        """The id of our question on the ticket (found by its marker), or None."""
        existing = [c for c in await self.jira.list_comments(key) if has_marker(c)]
        return str(existing[0].get("id")) if existing else None

    async def _ask_once(
        self, ticket: Ticket, assessment: Assessment, fp: str, link: str | None
    ) -> str | None:
        """Post the question; an uncertain answer is settled in this run where it can be.

        Jira answered (a 500, a 503, an unreadable body): it is done with the request, so a look
        for our marker is the truth, and when the question is not there one more try is safe.
        No answer (a timeout, a dropped connection): the request may still be carried out after
        our look, so only a later run (its marker looked for first) may ask again."""
        reporter = ticket.reporter.account_id if ticket.reporter and self.options.mention_reporter else None
        body = needs_info_comment(assessment, reporter, link)
        props = comment_properties(assessment, fp, internal=self.options.internal_comments, link=link)
        for attempt in (1, 2):
            try:
                posted = await self.jira.post_comment(ticket.key, body, props)
                return str(posted.get("id")) if posted.get("id") is not None else None
            except WriteOutcomeUnknown as exc:
                found = await self._our_question(ticket.key)
                if found is not None:
                    return found
                if not exc.answered or attempt == 2:
                    break
        raise WriteOutcomeUnknown("comment could not be confirmed; will check again next run")

    async def _fail(
        self, key: str, fp: str, held: _Held, exc: Exception, policy: WritePolicy
    ) -> TicketResult:
        """Record the failure and release the lease (see `LedgerRecord.failed`)."""
        await held.let_go()
        at, o = self.clock(), self.options
        await held.write(
            self.ledger,
            lambda r: r.failed(
                str(exc),
                counts=counts_toward_parking(exc),
                max_attempts=o.max_attempts,
                verdict_stands=held.claim.verdict_stands,
                fingerprint=fp,
                at=at,
                mode=o.mode,
            ),
        )
        return failed_result(key, held.claim.record.outcome or "failed", exc)
