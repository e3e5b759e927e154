"""The scan use case: one tick finds candidates, runs each through triage, and reports.

Bounded (time budget, ticket cap, concurrency), resumable (anything not finished is picked up by
the next tick through the ledger), and it never lets one ticket stop the batch. A rejected token,
an unavailable ledger, or an LLM that keeps failing stops the tick early and cleanly.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from shared import metering
from shared.jira.client import DEADLINE, JiraClient
from shared.jira.errors import JiraAuthError, JiraError
from shared.jira.jql import pilot_query, scan_query
from shared.jira.keys import KEY_PATTERN
from shared.jira.models import SCAN_EXPAND, SCAN_FIELDS, Rejected, Ticket, issue_key, normalise_issue
from shared.ledger import Ledger, LedgerUnavailable
from shared.lifecycle.results import FAILED, LLM_DOWN, UNFINISHED, TicketResult
from shared.metering import Usage, metered
from shared.scan_models import ScanOptions, ScanReport, StopKind
from shared.triage import Adapters, Triage

log = logging.getLogger(__name__)
WATERMARK = "scan-watermark"
_LLM_BREAKER = 3  # consecutive "LLM unavailable" tickets before the tick stops


def _utcnow() -> datetime:
    return datetime.now(UTC)


async def run_scan(
    adapters: Adapters, options: ScanOptions, *, clock: Callable[[], datetime] = _utcnow
) -> ScanReport:
    """One tick. Returns the report; never raises for a ticket-level problem."""
    started = clock()
    t0 = time.monotonic()
    deadline = t0 + options.time_budget_s
    budget = DEADLINE.set(deadline)
    allowance = metering.BUDGET.set(None)  # set for this tick by `_tick`, gone with it
    try:
        with metered() as usage:
            return await _tick(adapters, options, clock, (started, t0, deadline), usage)
    finally:
        metering.BUDGET.reset(allowance)
        DEADLINE.reset(budget)


async def _tick(
    adapters: Adapters,
    options: ScanOptions,
    clock: Callable[[], datetime],
    times: tuple[datetime, float, float],
    usage: Usage,
) -> ScanReport:
    """The tick inside its deadline and its usage meter: (started, monotonic start, deadline)."""
    started, t0, deadline = times
    jira, ledger, analyzer = adapters.jira, adapters.ledger, adapters.analyzer
    run_id = f"{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    report = ScanReport(run_id=run_id, started_at=started, mode=options.mode, analyzer=analyzer.version)
    triage = Triage(
        adapters=adapters,
        options=options,
        run_id=run_id,
        clock=clock,
        llm_slots=asyncio.Semaphore(options.concurrency),
        write_slots=asyncio.Semaphore(options.write_concurrency),
    )
    state = _TickState(deadline=deadline)
    try:
        window = await _window_minutes(ledger, started, options)
        if analyzer.judge is not None:
            metering.BUDGET.set(await _llm_budget(ledger, options, started))
        jql = scan_query(
            options.scope_jql,
            analyzed_label=options.labels.analyzed,
            our_labels=(options.labels.analyzed, options.labels.needs_info, options.labels.high_quality),
            lookback_days=options.lookback_days,
            changed_within_minutes=window,
        )
        await _drive(jira, triage, options, jql, state)
    except JiraAuthError as exc:
        state.stop("token_rejected", str(exc))
    except JiraError as exc:
        state.stop("jira_unavailable", f"stopped early: {exc}")
    except LedgerUnavailable as exc:
        state.stop("ledger_unavailable", f"stopped early: {exc}")
    report.results = state.results
    report.stopped_early, report.stop_kind = state.stop_reason, state.stop_kind
    report.tally()
    # A ticket left to another run ("busy") may still fail there: like a failure of ours, it keeps
    # the watermark where it was, so the next ticks' window still covers the ticket's change.
    clean = (
        state.stop_reason is None
        and not state.capped
        and not any(r.outcome in UNFINISHED for r in state.results)
    )
    if clean:
        try:
            await ledger.put_meta(WATERMARK, {"last_clean_start": started})
        except LedgerUnavailable as exc:
            report.stopped_early = f"watermark not saved: {exc}"
    report.duration_s = round(time.monotonic() - t0, 3)
    report.jira_calls = sum(usage.jira_calls.values())
    report.jira_calls_by_route = {k: v for k, v in usage.jira_calls.items() if v}
    report.jira_retries = usage.jira_retries
    report.llm_calls, report.tokens_in, report.tokens_out = usage.llm_calls, usage.tokens_in, usage.tokens_out
    report.estimated_cost_usd = metering.llm_cost(
        report.tokens_in, report.tokens_out, options.price_in_per_mtok, options.price_out_per_mtok
    )
    await _add_llm_spend(ledger, report, metering.BUDGET.get())
    await _record_tick(ledger, report)
    report.ledger_ops = sum(usage.ledger_ops.values())
    return report


def _spend_row(day: datetime) -> str:
    return f"llm-spend-{day:%Y-%m-%d}"


async def _llm_budget(ledger: Ledger, options: ScanOptions, started: datetime) -> metering.LLMBudget:
    """Today's allowance (UTC day): the setting, less what earlier ticks of the day spent."""
    row = await ledger.get_meta(_spend_row(started))
    spent = row.get("spent_usd")
    return metering.LLMBudget(
        limit_usd=options.daily_budget_usd,
        spent_usd=float(spent) if isinstance(spent, int | float) else 0.0,
        price_in_per_mtok=options.price_in_per_mtok,
        price_out_per_mtok=options.price_out_per_mtok,
    )


async def _add_llm_spend(ledger: Ledger, report: ScanReport, budget: metering.LLMBudget | None) -> None:
    """Add this tick's estimated LLM cost to the day's total, which the next ticks start from.
    Overlapping ticks may each add to the same starting figure: the cap is a budget, not a meter,
    and the alert on Application Insights' own sum stays the reference."""
    if budget is None or report.estimated_cost_usd <= 0:
        return
    try:
        total = round(budget.spent_usd + report.estimated_cost_usd, 6)
        values = {"spent_usd": total, "updated_at": report.started_at}
        await ledger.put_meta(_spend_row(report.started_at), values)
    except LedgerUnavailable as exc:
        report.stopped_early = report.stopped_early or f"LLM spend not saved: {exc}"


async def _record_tick(ledger: Ledger, report: ScanReport) -> None:
    """Per-tick figures the monthly report sums (LLM calls, tokens, cost, writes, failures)."""
    values = {
        "started_at": report.started_at,
        "mode": report.mode,
        "analyzed": report.outcomes.get("analyzed", 0),
        "comments_posted": report.comments_posted,
        "label_edits": report.label_edits,
        "failures": report.outcomes.get("failed", 0) + report.outcomes.get("poisoned", 0),
        "parked": report.outcomes.get("poisoned", 0),
        "llm_calls": report.llm_calls,
        "tokens_in": report.tokens_in,
        "tokens_out": report.tokens_out,
        "estimated_cost_usd": report.estimated_cost_usd,
    }
    try:
        await ledger.record_tick(report.run_id, f"{report.started_at:%Y-%m}", values)
    except LedgerUnavailable as exc:
        report.stopped_early = report.stopped_early or f"tick figures not saved: {exc}"


class _TickState:
    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.results: list[TicketResult] = []
        self.stop_reason: str | None = None
        self.stop_kind: StopKind | None = None
        self.llm_failures_in_row = 0
        self.capped = False

    def stop(self, kind: StopKind, reason: str) -> None:
        if self.stop_reason is None:
            self.stop_reason, self.stop_kind = reason, kind

    def out_of_time(self) -> bool:
        # Keep a margin so the last tickets can finish their writes inside the function timeout.
        return time.monotonic() > self.deadline - 5.0


async def _window_minutes(ledger: Ledger, started: datetime, options: ScanOptions) -> int:
    """Minutes back to the last clean tick plus the overlap (search is eventually consistent)."""
    meta = await ledger.get_meta(WATERMARK)
    last = meta.get("last_clean_start")
    if isinstance(last, datetime):
        gap = (started - last).total_seconds() / 60
        return max(int(gap) + options.overlap_minutes, options.overlap_minutes)
    return options.lookback_days * 24 * 60


async def _drive(jira: JiraClient, triage: Triage, options: ScanOptions, jql: str, state: _TickState) -> None:
    """Page through the search, running tickets concurrently while the next page loads. Each
    issue is read into a `Ticket` (or `Rejected`) once, here; everything after works on that."""
    in_flight = asyncio.Semaphore(options.concurrency * 4)
    tasks: list[asyncio.Task[None]] = []
    seen: set[str] = set()
    queued = 0

    async def one(item: Ticket | Rejected, in_pilot: bool) -> None:
        try:
            ref = _ref(item)
            if state.stop_reason is not None or state.out_of_time():
                state.results.append(
                    TicketResult(key=ref, outcome="deferred", reason=state.stop_reason or "time budget")
                )
                return
            try:
                result = await triage.run(item, in_pilot=in_pilot)
            except JiraAuthError as exc:
                state.stop("token_rejected", str(exc))
                state.results.append(TicketResult(key=ref, outcome="deferred", reason="token rejected"))
                return
            except LedgerUnavailable as exc:
                state.stop("ledger_unavailable", f"stopped early: {exc}")
                state.results.append(TicketResult(key=ref, outcome="deferred", reason=str(exc)))
                return
            state.results.append(result)
            if result.outcome in FAILED and result.error_kind in LLM_DOWN:
                state.llm_failures_in_row += 1
                if state.llm_failures_in_row >= _LLM_BREAKER:
                    state.stop(
                        "llm_unavailable",
                        f"stopped early: LLM unavailable for {_LLM_BREAKER} tickets in a row",
                    )
            elif result.outcome == "analyzed":
                state.llm_failures_in_row = 0
        finally:
            in_flight.release()

    try:
        async for page in jira.search(jql, SCAN_FIELDS, page_size=100, expand=SCAN_EXPAND):
            items = [normalise_issue(raw, options.field_policy) for raw in page]
            fresh = [x for x in items if not _keyed(x) or _ref(x) not in seen]
            fresh = fresh[: max(options.max_tickets - queued, 0)]
            seen.update(_ref(x) for x in fresh if _keyed(x))
            pilot = await _pilot_keys(jira, options, [x.key for x in fresh if isinstance(x, Ticket)])
            for item in fresh:
                await in_flight.acquire()
                queued += 1
                tasks.append(asyncio.create_task(one(item, _ref(item) in pilot)))
            if queued >= options.max_tickets or state.stop_reason is not None or state.out_of_time():
                # Candidates may remain beyond the cap: keep the window open for them.
                state.capped = queued >= options.max_tickets
                break
    finally:
        if tasks:
            await asyncio.gather(*tasks)


async def _pilot_keys(jira: JiraClient, options: ScanOptions, keys: list[str]) -> set[str]:
    if not options.modes.uses_pilot or not options.pilot_jql or not keys:
        return set()
    found: set[str] = set()
    async for hits in jira.search(
        pilot_query(options.scope_jql, options.pilot_jql, keys), ["key"], page_size=100
    ):
        found.update(k for k in (issue_key(raw) for raw in hits) if k is not None)
    return found


def _keyed(item: Ticket | Rejected) -> bool:
    """Named by an issue key (so a second page's copy is the same issue), not by an id or a digest."""
    return isinstance(item, Ticket) or KEY_PATTERN.fullmatch(item.ref) is not None


def _ref(item: Ticket | Rejected) -> str:
    """How a result names the issue: its key, or for an unreadable one whatever identifies it."""
    return item.key if isinstance(item, Ticket) else item.ref


__all__ = ["Adapters", "run_scan"]
