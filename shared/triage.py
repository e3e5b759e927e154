"""One ticket through the pipeline: normalise -> claim -> assess -> act -> record.

Used by the scan for every candidate and by on-demand reanalysis for one key. Every path ends in
a ledger record (or a deliberate no-write for unchanged/busy tickets), so the ledger can always
say why the bot did or did not act.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from shared.analysis.analyzer import Analyzer
from shared.analysis.comment import comment_properties, has_marker, needs_info_comment
from shared.analysis.models import Assessment
from shared.decisions import (
    ActionPlan,
    decide_claim,
    detect_disagreement,
    fingerprint,
    in_holdout,
    lease_until,
    plan_actions,
    written_label,
)
from shared.jira.client import JiraClient
from shared.jira.errors import (
    JiraAuthError,
    JiraError,
    WriteOutcomeUnknown,
)
from shared.jira.models import Rejected, Ticket, normalise_issue, parse_comments
from shared.ledger import Ledger, LedgerConflict
from shared.ledger_models import LedgerRecord
from shared.llm.errors import LLMUnavailable
from shared.scan_models import ScanOptions, TicketResult
from shared.triage_results import (
    RunStopped,
    analyzed_record,
    analyzed_result,
    failed_record,
    left_alone,
    with_disagreement,
)

log = logging.getLogger("triage")


_RELEASE_SECONDS = 5.0  # how long a cancelled run may spend giving its row back


@dataclass
class _Held:
    """The ledger row we hold for a ticket and its current ETag (changes with each write)."""

    record: LedgerRecord
    etag: str


@dataclass
class Triage:
    """The per-ticket pipeline with its adapters; one instance per run."""

    jira: JiraClient
    ledger: Ledger
    analyzer: Analyzer
    options: ScanOptions
    bot_account_id: str | None
    run_id: str
    clock: Callable[[], datetime]
    llm_slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(8))
    write_slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(4))

    async def run(
        self, raw: dict[str, Any], *, in_pilot: bool, reanalyze: bool = False, force: bool = False
    ) -> TicketResult:
        """Fatal errors (token rejected, ledger down) propagate; everything else is recorded.
        `reanalyze` works on the ticket even if unchanged or parked (an operator asked);
        `force` ignores the rollout mode and the holdout."""
        ticket = normalise_issue(raw, self.options.field_policy)
        if isinstance(ticket, Rejected):
            await self.ledger.record_rejected(ticket.ref, ticket.reason, self.clock())
            return TicketResult(key=ticket.ref, outcome="rejected", reason=ticket.reason)
        if not ticket.comments_complete:
            ticket = await self._with_all_comments(ticket)
        fp = fingerprint(ticket, self.analyzer.version, self.bot_account_id)
        mode = self.options.mode
        may_write = force or mode == "full" or (mode == "pilot" and in_pilot)
        claimed = await self._claim(ticket, fp, reanalyze=reanalyze, may_write=may_write)
        if isinstance(claimed, TicketResult):
            return claimed
        held = _Held(*claimed[:2])
        try:
            return await self._work(ticket, fp, held, claimed[2], in_pilot, force)
        except JiraAuthError:
            raise
        except LedgerConflict:
            return TicketResult(key=ticket.key, outcome="busy", reason="lease taken over by another run")
        except (JiraError, LLMUnavailable) as exc:
            try:
                return await self._fail(ticket, fp, held.record, held.etag, exc, verdict_stands=claimed[3])
            except LedgerConflict:  # another run took the row over while we failed: it is theirs now
                return TicketResult(key=ticket.key, outcome="busy", reason="lease taken over by another run")
        except asyncio.CancelledError:
            # The caller's time ran out (an operator's budget, a host shutting down): give the row
            # back now, so a retry need not wait out the lease. Best effort: the lease lapses anyway.
            stopped = RunStopped("stopped before finishing: the run's time ran out")
            try:
                async with asyncio.timeout(_RELEASE_SECONDS):
                    await self._fail(ticket, fp, held.record, held.etag, stopped, verdict_stands=claimed[3])
            except Exception as exc:  # whatever goes wrong here, the cancellation must go through
                log.warning(
                    "lease of %s not released (%s); it lapses on its own", ticket.key, type(exc).__name__
                )
            raise

    async def preview(self, raw: dict[str, Any], *, in_pilot: bool, force: bool = False) -> TicketResult:
        """Assess and plan without writing anything to Jira or the ledger (a dry run)."""
        ticket = normalise_issue(raw, self.options.field_policy)
        if isinstance(ticket, Rejected):
            return TicketResult(key=ticket.ref, outcome="rejected", reason=ticket.reason)
        found = await self.ledger.read(ticket.project or "_none", ticket.key)
        assessment, plan, holdout = await self._judge(ticket, found[0] if found else None, in_pilot, force)
        result = analyzed_result(ticket, assessment, plan, holdout, posted=False)
        return result.model_copy(update={"outcome": "dry_run", "labels_added": [], "labels_removed": []})

    async def _judge(
        self, ticket: Ticket, prior: LedgerRecord | None, in_pilot: bool, force: bool
    ) -> tuple[Assessment, ActionPlan, bool]:
        assessment = await self.analyzer.assess(ticket, self.bot_account_id, self.llm_slots)
        holdout = not force and in_holdout(ticket.key, self.options.holdout_percent)
        plan = plan_actions(
            ticket,
            assessment,
            mode="full" if force else self.options.mode,
            in_pilot=in_pilot,
            holdout=holdout,
            already_asked=prior is not None and prior.commented,
            labels=self.options.labels,
            written_before=written_label(prior, self.options.labels),
        )
        return assessment, plan, holdout

    async def _claim(
        self, ticket: Ticket, fp: str, *, reanalyze: bool = False, may_write: bool = False
    ) -> TicketResult | tuple[LedgerRecord, str, bool, bool]:
        """The claimed row and its ETag, whether to look for our question before asking, and
        whether the verdict on record stands if this run fails (an operator re-ran an unchanged,
        analyzed ticket); or the result when the ticket is not ours to work on now."""
        project = ticket.project or "_none"
        now = self.clock()
        fresh = LedgerRecord(
            key=ticket.key,
            state="claimed",
            fingerprint=fp,
            lease_owner=self.run_id,
            lease_until=lease_until(now, self.options.lease_seconds),
        )
        ours = self.options.labels.analyzed in ticket.labels
        if not ours:  # most likely new: one conditional insert is the whole claim
            try:
                return fresh, await self.ledger.insert(project, fresh), False, False
            except LedgerConflict:
                pass
        found = await self.ledger.read(project, ticket.key)
        if found is None:
            try:
                # Our label without a ledger row (ledger reset?): look for our marker before asking.
                return fresh, await self.ledger.insert(project, fresh), ours, False
            except LedgerConflict:
                return TicketResult(key=ticket.key, outcome="busy", reason="claimed by another run")
        prior, prior_etag = found
        decision = decide_claim(prior, fp, now, self.options.max_attempts, may_write=may_write)
        verdict_stands = reanalyze and decision == "unchanged"
        if reanalyze and decision in ("unchanged", "parked"):
            decision = "process"
            prior = prior.model_copy(update={"attempts": 0})
        disagreement = None if decision in ("busy", "parked") else await self._disagreement(ticket, prior)
        new_disagreement = disagreement is not None and disagreement != prior.disagreement
        if new_disagreement:
            prior = with_disagreement(prior, str(disagreement), at=now, fingerprint=fp)
        if decision == "unchanged" and new_disagreement:
            try:
                await self.ledger.replace(project, prior, prior_etag)
            except LedgerConflict:
                return TicketResult(key=ticket.key, outcome="busy", reason="claimed by another run")
        if decision in ("unchanged", "busy", "parked"):
            return left_alone(ticket.key, decision, prior, now, disagreement if new_disagreement else None)
        attempts = prior.attempts if prior.fingerprint == fp else 0
        claim = prior.model_copy(
            update={
                "state": "claimed" if decision == "process" else "commenting",
                "fingerprint": fp,
                "lease_owner": self.run_id,
                "lease_until": fresh.lease_until,
                "attempts": attempts,
            }
        )
        try:
            etag = await self.ledger.replace(project, claim, prior_etag)
        except LedgerConflict:
            return TicketResult(key=ticket.key, outcome="busy", reason="claimed by another run")
        # "recover": a run died between intent and record; a parked ticket may have been parked
        # with its question's fate unknown. Either way, look for our question before asking.
        return claim, etag, decision == "recover" or prior.state == "poisoned", verdict_stands

    async def _disagreement(self, ticket: Ticket, prior: LedgerRecord) -> str | None:
        found = detect_disagreement(ticket, prior, self.options.labels, self.bot_account_id)
        if found is None or found == prior.disagreement or not found.startswith("a person"):
            return found
        # The search's snapshot can predate our own label write (an overlapping run, a lagging
        # search index): a label change counts only if Jira's current labels show it.
        try:
            fields = (await self.jira.get_issue(ticket.key, ["labels"])).get("fields")
        except JiraAuthError:
            raise
        except JiraError:
            return None  # not confirmed this time; the next look decides
        labels = fields.get("labels") if isinstance(fields, dict) else None
        current = tuple(x for x in labels if isinstance(x, str)) if isinstance(labels, list) else ()
        fresh = ticket.model_copy(update={"labels": current})
        return detect_disagreement(fresh, prior, self.options.labels, self.bot_account_id)

    async def _work(
        self, ticket: Ticket, fp: str, held: _Held, check_marker: bool, in_pilot: bool, force: bool
    ) -> TicketResult:
        project = ticket.project or "_none"
        record = held.record
        if check_marker and not record.commented:
            # A run stopped after writing its intent: whatever we decide now, first learn whether
            # its question is on the ticket, so the ledger says so and no later run asks again.
            found = await self._our_question(ticket.key)
            if found is not None:
                record = held.record = record.model_copy(update={"commented": True, "comment_id": found})
        asked_before = record.commented
        assessment, plan, holdout = await self._judge(ticket, record, in_pilot, force)
        if record.disagreement.startswith("a person") and (plan.add or plan.remove):
            # A person overruled our labels on this ticket once: we stop managing them there.
            plan = dataclasses.replace(plan, add=(), remove=(), comment_reason=f"{plan.comment_reason}; "
                                       "labels left as a person set them")  # fmt: skip
        if plan.write_jira and plan.comment:
            record = record.model_copy(update={"state": "commenting"})
            held.etag = await self.ledger.replace(project, record, held.etag)
            held.record = record
            async with self.write_slots:
                comment_id = await self._ask_once(ticket, assessment, fp)
            # From here on a failure is recorded with the question known to be there.
            record = held.record = record.model_copy(update={"commented": True, "comment_id": comment_id})
        if plan.write_jira and (plan.add or plan.remove):
            async with self.write_slots:
                await self.jira.edit_labels(ticket.key, plan.add, plan.remove)
        posted = record.commented and not asked_before
        result = analyzed_result(ticket, assessment, plan, holdout, posted=posted)
        mode = "full (forced)" if force else self.options.mode
        final = analyzed_record(
            record, assessment, plan, result, fingerprint=fp, at=self.clock(), mode=mode, holdout=holdout
        )
        await self.ledger.replace(project, final, held.etag)
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

    async def _ask_once(self, ticket: Ticket, assessment: Assessment, fp: str) -> str | None:
        """Post the question once per run. A lost answer is checked, never re-posted in the same
        run: a request that timed out may still be carried out by Jira a moment later, so only the
        next run (minutes later, marker checked first) may ask again."""
        reporter = ticket.reporter.account_id if ticket.reporter and self.options.mention_reporter else None
        body = needs_info_comment(assessment, reporter)
        props = comment_properties(assessment, fp, internal=self.options.internal_comments)
        try:
            posted = await self.jira.post_comment(ticket.key, body, props)
            return str(posted.get("id")) if posted.get("id") is not None else None
        except WriteOutcomeUnknown:
            found = await self._our_question(ticket.key)
            if found is not None:
                return found
        raise WriteOutcomeUnknown("comment could not be confirmed; will check again next run")

    async def _fail(
        self,
        ticket: Ticket,
        fp: str,
        record: LedgerRecord,
        etag: str,
        exc: Exception,
        *,
        verdict_stands: bool = False,
    ) -> TicketResult:
        failed, result = failed_record(
            record,
            ticket.key,
            exc,
            fingerprint=fp,
            at=self.clock(),
            mode=self.options.mode,
            max_attempts=self.options.max_attempts,
            verdict_stands=verdict_stands,
        )
        await self.ledger.replace(ticket.project or "_none", failed, etag)
        return result
