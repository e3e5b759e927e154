"""One ticket's life in one run: claim -> judge -> ask -> label -> record.

Used by the scan for every candidate and by on-demand reanalysis for one key. Every path ends in
a ledger record (or a deliberate no-write for unchanged/busy tickets), so the ledger can always
say why the bot did or did not act. The decisions are pure and live in `shared.lifecycle` (the
record's moves, the claim, the write policy, the plan); this module only sequences them with the
Jira and ledger adapters.

The claim is held by `held_claim.HeldClaim` (a short lease, kept alive while the ticket is
worked on); the question goes through `question.Question` (asked once, kept current).
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
from shared.analysis.deflection import offered_link
from shared.analysis.models import Assessment
from shared.held_claim import HeldClaim
from shared.jira.client import JiraClient
from shared.jira.errors import JiraAuthError, JiraError
from shared.jira.models import Rejected, Ticket, parse_comments
from shared.ledger import Ledger, LedgerConflict
from shared.lifecycle.claims import (
    LEFT_ALONE,
    NOT_READ,
    RETRIED_BY_OPERATOR,
    Claim,
    decide_claim,
    fingerprint,
    lease_until,
)
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
from shared.question import Question
from shared.scan_models import ScanOptions

log = logging.getLogger("triage")

_RELEASE_SECONDS = 5.0  # how long a cancelled run may spend giving its row back
_TAKEN_OVER = "lease taken over by another run"


@dataclass(frozen=True)
class Adapters:
    """What a ticket's life touches: Jira, the ledger, the analyzer, and who the bot is."""

    jira: JiraClient
    ledger: Ledger
    analyzer: Analyzer
    bot_account_id: str | None


@dataclass(frozen=True)
class Scope:
    """Where this run may write, before the category is known: inside the pilot scope, forced by
    an operator, or a dry run."""

    in_pilot: bool
    force: bool = False
    dry_run: bool = False


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

    @property
    def question(self) -> Question:
        o = self.options
        return Question(self.jira, self.adapters.bot_account_id, o.mention_reporter, o.internal_comments)

    def policy(self, key: str, category: str | None, scope: Scope) -> WritePolicy:
        """The write policy of a ticket of this category (its mode: ROLLOUT_CATEGORIES, else
        ROLLOUT_MODE), resolved once the category is known."""
        o = self.options
        return WritePolicy.resolve(
            modes=o.modes,
            category=category,
            in_pilot=scope.in_pilot,
            key=key,
            holdout_percent=o.holdout_percent,
            force=scope.force,
            dry_run=scope.dry_run,
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
        scope = Scope(in_pilot, force)
        claimed = await self._claim(ticket, fp, reanalyze=reanalyze, scope=scope)
        if isinstance(claimed, TicketResult):
            return claimed
        held = HeldClaim(claimed, self.ledger)
        held.keep_alive(self.clock, self.options.lease_seconds, self.options.renew_every_s)
        try:
            return await self._work(ticket, fp, held, scope)
        except JiraAuthError:
            raise
        except LedgerConflict:
            return busy(ticket.key, _TAKEN_OVER)
        except (JiraError, LLMUnavailable) as exc:
            try:
                return await self._fail(ticket.key, fp, held, exc, scope)
            except LedgerConflict:  # another run took the row over while we failed: it is theirs now
                return busy(ticket.key, _TAKEN_OVER)
        except asyncio.CancelledError:
            # The caller's time ran out (an operator's budget, a host shutting down): give the row
            # back now, so a retry need not wait out the lease. Best effort: the lease lapses anyway.
            stopped = RunStopped("stopped before finishing: the run's time ran out")
            try:
                async with asyncio.timeout(_RELEASE_SECONDS):
                    await self._fail(ticket.key, fp, held, stopped, scope)
            except Exception as exc:  # whatever goes wrong here, the cancellation must go through
                log.warning(
                    "lease of %s not released (%s); it lapses on its own", ticket.key, type(exc).__name__
                )
            raise
        finally:
            held.abandon()

    async def preview(self, item: Ticket | Rejected, *, in_pilot: bool, force: bool = False) -> TicketResult:
        """Assess and plan without writing anything to Jira or the ledger (a dry run)."""
        if isinstance(item, Rejected):
            return TicketResult(key=item.ref, outcome="rejected", reason=item.reason)
        found = await self.ledger.read(item.key)
        scope = Scope(in_pilot, force, dry_run=True)
        assessment, policy, plan = await self._judge(item, found[0] if found else None, scope)
        return analyzed_result(item.key, assessment, plan, policy, posted=False)

    async def _judge(
        self, ticket: Ticket, prior: LedgerRecord | None, scope: Scope
    ) -> tuple[Assessment, WritePolicy, ActionPlan]:
        """The judgement, the write policy its category picks, and the plan under it."""
        assessment = await self.adapters.analyzer.assess(ticket, self.adapters.bot_account_id, self.llm_slots)
        policy = self.policy(ticket.key, assessment.category, scope)
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
        return assessment, policy, plan

    async def _claim(self, ticket: Ticket, fp: str, *, reanalyze: bool, scope: Scope) -> Claim | TicketResult:
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
        # Judged before under a mode that wrote nothing, and its category may write now: act once.
        may_write = self.policy(ticket.key, prior.category, scope).write_jira
        decision = decide_claim(prior, fp, now, self.options.max_attempts, may_write=may_write)
        verdict_stands = reanalyze and decision == "unchanged"
        if reanalyze and decision in RETRIED_BY_OPERATOR:
            decision, prior = "process", prior.retried_by_operator()
        found_now = None if decision in NOT_READ else await self._disagreement(ticket, prior)
        new = found_now if found_now is not None and found_now.text != prior.disagreement else None
        if new is not None:
            prior = prior.disagreed(new.kind, new.text, at=now, fingerprint=fp)
            if decision == "unchanged":
                try:
                    await self.ledger.replace(prior, etag)
                except LedgerConflict:
                    return busy(ticket.key)
        if decision in LEFT_ALONE:
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

    async def _work(self, ticket: Ticket, fp: str, held: HeldClaim, scope: Scope) -> TicketResult:
        if held.claim.look_first and not held.claim.record.commented:
            # A run stopped after writing its intent: whatever we decide now, first learn whether
            # its question is on the ticket, so the ledger says so and no later run asks again.
            found = await self.question.find(ticket.key)
            if found is not None:
                known = functools.partial(
                    LedgerRecord.asked, comment_id=found[0], items=found[1], link=found[2]
                )
                await held.note(known)
        asked_before = held.claim.record.commented
        assessment, policy, plan = await self._judge(ticket, held.claim.record, scope)
        if plan.write_jira and plan.comment:
            # The intent, with the lease renewed: the question goes out with a full lease ahead.
            until = lease_until(self.clock(), self.options.lease_seconds)
            await held.write(functools.partial(LedgerRecord.commenting, until=until))
            bot, links = self.adapters.bot_account_id, self.options.deflection_links
            link = offered_link(ticket, assessment, links, bot)
            async with self.write_slots:
                comment_id = await self.question.ask_once(ticket, assessment, fp, link)
            # From here on a failure is recorded with the question known to be there.
            asked = tuple(m.id for m in assessment.missing)
            await held.note(
                functools.partial(LedgerRecord.asked, comment_id=comment_id, items=asked, link=link)
            )
        kept = await self._keep_question_current(ticket, assessment, held) if plan.write_jira else None
        if plan.write_jira and (plan.add or plan.remove):
            async with self.write_slots:
                await self.jira.edit_labels(ticket.key, plan.add, plan.remove)
        posted = held.claim.record.commented and not asked_before
        result = analyzed_result(ticket.key, assessment, plan, policy, posted=posted)
        if kept is not None:
            result = result.model_copy(update={"reason": f"{result.reason}; {kept}"})
        await held.let_go()
        at = self.clock()
        await held.write(
            lambda r: r.analyzed(
                assessment,
                reason=result.reason,
                wrote_jira=plan.write_jira,
                fingerprint=fp,
                at=at,
                mode=policy.mode,
                mode_reason=policy.reason,
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

    async def _keep_question_current(
        self, ticket: Ticket, assessment: Assessment, held: HeldClaim
    ) -> str | None:
        """Our question kept current (see `Question.keep_current`); what was done, or None."""
        async with self.write_slots:
            done, still = await self.question.keep_current(ticket, assessment, held.record)
        if done == "left to a person":
            await held.note(LedgerRecord.question_left_to_person)
            return "our question was edited by a person: left as they wrote it"
        if done == "no change":
            return None
        await held.note(functools.partial(LedgerRecord.question_updated, still_open=still))
        return "our question updated in place" if still else "our question now says everything is here"

    async def _fail(self, key: str, fp: str, held: HeldClaim, exc: Exception, scope: Scope) -> TicketResult:
        """Record the failure and release the lease (see `LedgerRecord.failed`)."""
        await held.let_go()
        at, o = self.clock(), self.options
        mode = self.policy(key, held.claim.record.category, scope).mode
        await held.write(
            lambda r: r.failed(
                str(exc),
                counts=counts_toward_parking(exc),
                max_attempts=o.max_attempts,
                verdict_stands=held.claim.verdict_stands,
                fingerprint=fp,
                at=at,
                mode=mode,
            ),
        )
        return failed_result(key, held.claim.record.outcome or "failed", exc)
